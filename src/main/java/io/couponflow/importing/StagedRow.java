package io.couponflow.importing;

import io.couponflow.code.CodeRules;
import io.couponflow.code.RejectReason;

/**
 * One non-blank value of an import file, checked by the code rules that need no database:
 * {@code reason} is too-long or invalid, or null for a candidate (duplicates are found later).
 */
record StagedRow(long line, String value, String key, RejectReason reason) {
  /** Longer values are cut in the staging table and error report; the reason says they were too long. */
  static final int MAX_STORED = 1000;

  /** The staged row for a raw field, or null when it is blank (blank lines are skipped, not counted). */
  static StagedRow of(long line, String raw) {
    String value = CodeRules.trim(raw);
    if (value.isEmpty()) {
      return null;
    }
    RejectReason reason = CodeRules.check(value);
    String stored = value.length() > MAX_STORED ? value.substring(0, MAX_STORED) : value;
    return new StagedRow(line, stored, reason == null ? CodeRules.keyOf(value) : null, reason);
  }
}
