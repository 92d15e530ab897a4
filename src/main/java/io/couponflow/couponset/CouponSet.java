package io.couponflow.couponset;

import java.time.Instant;

/** A coupon set as stored. {@code quantity} null means unlimited (single sets only). */
public record CouponSet(
    long id,
    String name,
    SetType type,
    String code,
    Long quantity,
    AssignmentPolicy assignmentPolicy,
    Instant createdAt,
    Instant updatedAt) {

  public boolean isSingle() {
    return type == SetType.SINGLE;
  }
}
