package io.couponflow.workflow;

import com.fasterxml.jackson.annotation.JsonValue;

/** running/waiting are live; the rest are final. skipped: a coupon was missing and the nodes showing it were skipped. */
public enum RunStatus {
  RUNNING("running", false),
  WAITING("waiting", false),
  FINISHED("finished", true),
  SKIPPED("skipped", true),
  STOPPED("stopped", true),
  FAILED("failed", true);

  private final String wire;
  private final boolean terminal;

  RunStatus(String wire, boolean terminal) {
    this.wire = wire;
    this.terminal = terminal;
  }

  @JsonValue
  public String wire() {
    return wire;
  }

  boolean terminal() {
    return terminal;
  }

  static RunStatus fromWire(String value) {
    for (RunStatus status : values()) {
      if (status.wire.equals(value)) {
        return status;
      }
    }
    throw new IllegalArgumentException("unknown run status " + value);
  }
}
