package io.couponflow.workflow;

import com.fasterxml.jackson.annotation.JsonValue;

public enum WorkflowStatus {
  DRAFT("draft"),
  ACTIVE("active"),
  PAUSED("paused");

  private final String wire;

  WorkflowStatus(String wire) {
    this.wire = wire;
  }

  @JsonValue
  public String wire() {
    return wire;
  }

  static WorkflowStatus fromWire(String value) {
    for (WorkflowStatus status : values()) {
      if (status.wire.equals(value)) {
        return status;
      }
    }
    throw new IllegalArgumentException("unknown workflow status " + value);
  }
}
