package io.couponflow.code;

import com.fasterxml.jackson.annotation.JsonValue;
import io.couponflow.common.ApiException;
import java.util.EnumSet;
import java.util.Set;

/**
 * Where a code is in its life. A code is created available; every later change is one of the
 * transitions {@link #predecessors()} allows, checked by the database update that makes it.
 */
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

  /**
   * The statuses a code may come to this one from. Only an unsent assignment gives its code back;
   * an expired code is never assigned, yet a shop may still honour it, so it can be redeemed; a
   * redeemed code stays redeemed.
   */
  public Set<CodeStatus> predecessors() {
    return switch (this) {
      case AVAILABLE -> EnumSet.of(ASSIGNED);
      case ASSIGNED -> EnumSet.of(AVAILABLE);
      case SENT -> EnumSet.of(ASSIGNED);
      case REDEEMED -> EnumSet.of(AVAILABLE, ASSIGNED, SENT, EXPIRED);
      case EXPIRED -> EnumSet.of(AVAILABLE);
    };
  }

  public boolean canBecome(CodeStatus next) {
    return next.predecessors().contains(this);
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
