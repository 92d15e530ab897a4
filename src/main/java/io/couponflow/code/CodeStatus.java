package io.couponflow.code;

import com.fasterxml.jackson.annotation.JsonValue;
import io.couponflow.common.ApiException;

public enum CodeStatus {
  AVAILABLE("available"),
  ASSIGNED("assigned"),
  SENT("sent"),
  REDEEMED("redeemed"),
  EXPIRED("expired");

  private final String wire;

  CodeStatus(String wire) {
    this.wire = wire;
  }

  @JsonValue
  public String wire() {
    return wire;
  }

  public static CodeStatus fromWire(String value) {
    for (CodeStatus status : values()) {
      if (status.wire.equals(value)) {
        return status;
      }
    }
    throw ApiException.invalid("status", "status must be one of available, assigned, sent, redeemed, expired");
  }
}
