package io.couponflow.importing;

import io.couponflow.code.CodeRules;
import io.couponflow.code.RejectReason;

/**
 * One non-blank value of an import file, checked by the code rules that need no database:
 * {@code reason} is too-long, invalid or field-too-long, or null for a candidate (duplicates are
 * found later). {@code fields} is the JSON of the code's fields, null when it has none.
 */
record StagedRow(long line, String value, String key, RejectReason reason, String fields) {
  /** Longer values are cut in the staging table and error report; the reason says they were too long. */
  static final int MAX_STORED = 1000;

  StagedRow(long line, String value, String key, RejectReason reason) {
    this(line, value, key, reason, null);
  }

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

  /** The staged row of a record with fields: as {@link #of(long, String)}, carrying them (a too-long value rejects the row). */
  static StagedRow of(CodeFile.Line line, int codeColumn, FieldColumns fields) {
    StagedRow row = of(line.number(), line.field(codeColumn));
    if (row == null || fields.isEmpty() || row.reason() != null) {
      return row;
    }
    if (fields.tooLong(line) != null) {
      return new StagedRow(row.line(), row.value(), null, RejectReason.FIELD_TOO_LONG);
    }
    return new StagedRow(row.line(), row.value(), row.key(), null, fields.json(line));
  }
}
