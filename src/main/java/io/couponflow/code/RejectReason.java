package io.couponflow.code;

import com.fasterxml.jackson.annotation.JsonValue;

/** Why a code value was not added; the same words in the API, the import error report and the UI. */
public enum RejectReason {
  DUPLICATE_IN_FILE("duplicate-in-file", "Repeated in the file"),
  ALREADY_EXISTS("already-exists", "Already in a set"),
  TOO_LONG("too-long", "Longer than 64 characters"),
  INVALID("invalid", "Not a valid code (empty, or with spaces or control characters)"),
  /** A field's value is longer than {@link CodeFields#MAX_VALUE} characters. */
  FIELD_TOO_LONG("field-too-long", "A field's value is longer than 256 characters");

  private final String wire;
  private final String words;

  RejectReason(String wire, String words) {
    this.wire = wire;
    this.words = words;
  }

  /** How a person reads the reason: "Repeated in the file" for {@code duplicate-in-file}. */
  public static String words(String wire) {
    for (RejectReason reason : values()) {
      if (reason.wire.equals(wire)) {
        return reason.words;
      }
    }
    return wire;
  }

  /** The reason named {@code wire}; an unknown name is a bug (reasons are written by this code only). */
  public static RejectReason fromWire(String wire) {
    for (RejectReason reason : values()) {
      if (reason.wire.equals(wire)) {
        return reason;
      }
    }
    throw new IllegalStateException("unknown reject reason " + wire);
  }

  @JsonValue
  public String wire() {
    return wire;
  }
}
