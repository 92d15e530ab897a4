package io.couponflow.code;

import java.util.List;
import java.util.Map;

/**
 * What a move of free codes between a set's child sets did: how many left each child key (0 = the
 * set's codes outside child sets), and the codes asked for that stayed where they were, with why.
 */
public record MovedCodes(Map<Long, Long> movedFrom, List<Skipped> skipped) {
  /** A code that was not moved: {@code not-found} (not a code of this set), {@code not-available} (held by a contact, used, expired, or being assigned right now), {@code already-there}. */
  public record Skipped(String value, String reason) {}

  public long moved() {
    return movedFrom.values().stream().mapToLong(Long::longValue).sum();
  }
}
