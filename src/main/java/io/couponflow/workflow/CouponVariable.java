package io.couponflow.workflow;

import com.fasterxml.jackson.annotation.JsonInclude;

/** What an Assign coupon node left in its variable: a code (with its assignment, unless a fallback) or nothing (skipped). */
@JsonInclude(JsonInclude.Include.NON_NULL)
record CouponVariable(String code, Long assignmentId, Long couponSetId) {
  boolean missing() {
    return code == null;
  }
}
