package io.couponflow.code;

import java.util.Map;

/** A code taken off the free queue and marked assigned, inside the caller's transaction, with its fields. */
public record ClaimedCode(long codeId, String value, long childKey, Map<String, String> fields) {
  public ClaimedCode(long codeId, String value, long childKey) {
    this(codeId, value, childKey, Map.of());
  }
}
