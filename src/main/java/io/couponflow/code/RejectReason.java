package io.couponflow.code;

import com.fasterxml.jackson.annotation.JsonValue;

/** Why a code value was not added; the same words in the API, the import error report and the UI. */
public enum RejectReason {
  DUPLICATE_IN_FILE("duplicate-in-file"),
  ALREADY_EXISTS("already-exists"),
  TOO_LONG("too-long"),
  INVALID("invalid"),
  /** A field's value is longer than {@link CodeFields#MAX_VALUE} characters. */
  FIELD_TOO_LONG("field-too-long");

  private final String wire;

  RejectReason(String wire) {
    this.wire = wire;
  }

  @JsonValue
  public String wire() {
    return wire;
  }
}
