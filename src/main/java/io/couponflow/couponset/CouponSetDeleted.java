package io.couponflow.couponset;

/** Published inside the deleting transaction, so features can drop rows that point at the set. */
public record CouponSetDeleted(long couponSetId) {}
