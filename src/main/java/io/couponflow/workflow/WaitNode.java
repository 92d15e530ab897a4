package io.couponflow.workflow;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Duration;

/** Pauses the run; the next node is a job scheduled at now + duration (ISO-8601, e.g. PT1H). */
public record WaitNode(String duration) implements Node {
  static final String TYPE = "wait";

  Duration parsed() {
    return Duration.parse(duration);
  }

  @Override
  @JsonIgnore
  public String type() {
    return TYPE;
  }
}
