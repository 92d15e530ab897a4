package io.couponflow.couponset;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.couponflow.common.ApiException;

/** What a second assignment to the same contact gives: the code it already holds, or a new one. */
public enum AssignmentPolicy {
  ONCE_PER_CONTACT("once-per-contact"),
  NEW_EACH_TIME("new-each-time");

  private final String wire;

  AssignmentPolicy(String wire) {
    this.wire = wire;
  }

  @JsonValue
  public String wire() {
    return wire;
  }

  public boolean reusesHeldCode() {
    return this == ONCE_PER_CONTACT;
  }

  @JsonCreator
  public static AssignmentPolicy fromWire(String value) {
    for (AssignmentPolicy policy : values()) {
      if (policy.wire.equals(value)) {
        return policy;
      }
    }
    throw ApiException.invalid("assignmentPolicy", "assignmentPolicy must be 'once-per-contact' or 'new-each-time'");
  }
}
