package io.couponflow.assignment;

import io.couponflow.common.ApiException;

/** The answer to one command of a batch: a result, or the problem a single call would have answered. */
public record AssignOutcome(AssignmentService.Result result, ApiException failure) {
  public static AssignOutcome of(AssignmentService.Result result) {
    return new AssignOutcome(result, null);
  }

  public static AssignOutcome failed(ApiException failure) {
    return new AssignOutcome(null, failure);
  }

  public boolean succeeded() {
    return result != null;
  }
}
