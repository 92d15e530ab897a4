package io.couponflow.workflow;

import io.couponflow.contact.ActivityEntry;
import java.time.Instant;

/** What executing one node decided: go on (now, or after a wait) or end the run, plus what to remember. */
record StepResult(RunStep step, String variable, CouponVariable value, Instant waitUntil, RunStatus endWith,
    ActivityEntry activity) {

  static StepResult next(RunStep step) {
    return new StepResult(step, null, null, null, null, null);
  }

  static StepResult end(RunStep step, RunStatus status) {
    return new StepResult(step, null, null, null, status, null);
  }

  StepResult remember(String name, CouponVariable coupon) {
    return new StepResult(step, name, coupon, waitUntil, endWith, activity);
  }

  StepResult waitUntil(Instant at) {
    return new StepResult(step, variable, value, at, endWith, activity);
  }

  StepResult withActivity(ActivityEntry entry) {
    return new StepResult(step, variable, value, waitUntil, endWith, entry);
  }
}
