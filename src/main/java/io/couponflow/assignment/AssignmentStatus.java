package io.couponflow.assignment;

import com.fasterxml.jackson.annotation.JsonValue;

public enum AssignmentStatus {
  ASSIGNED("assigned"),
  SENT("sent"),
  REDEEMED("redeemed"),
  RELEASED("released");

  private final String wire;

  AssignmentStatus(String wire) {
    this.wire = wire;
  }

  @JsonValue
  public String wire() {
    return wire;
  }

  static AssignmentStatus fromWire(String value) {
    for (AssignmentStatus status : values()) {
      if (status.wire.equals(value)) {
        return status;
      }
    }
    throw new IllegalArgumentException("unknown assignment status " + value);
  }
}
