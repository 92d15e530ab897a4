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
    Instant updatedAt,
    Instant expiresAt) {

  /** A set past its expiry gives out nothing more. */
  public boolean isExpiredAt(Instant now) {
    return expiresAt != null && !now.isBefore(expiresAt);
  }

  public boolean isSingle() {
    return type == SetType.SINGLE;
  }
}
