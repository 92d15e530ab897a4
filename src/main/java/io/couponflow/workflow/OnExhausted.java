package io.couponflow.workflow;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.couponflow.common.ApiException;

/**
 * What an Assign coupon node does when its set has no code left: stop the run, skip the nodes
 * that would show the coupon (the run goes on and ends "skipped"), or use the node's fallback code.
 */
public enum OnExhausted {
  STOP("stop"),
  SKIP("skip"),
  FALLBACK("fallback");

  private final String wire;

  OnExhausted(String wire) {
    this.wire = wire;
  }

  @JsonValue
  public String wire() {
    return wire;
  }

  @JsonCreator
  public static OnExhausted fromWire(String value) {
    for (OnExhausted policy : values()) {
      if (policy.wire.equals(value)) {
        return policy;
      }
    }
    throw ApiException.invalid("onExhausted", "onExhausted must be 'stop', 'skip' or 'fallback'");
  }
}
