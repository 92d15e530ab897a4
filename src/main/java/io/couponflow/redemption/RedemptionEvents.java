package io.couponflow.redemption;

import java.time.Instant;

/** Published inside the redemption's transaction, like the assignment events. */
public final class RedemptionEvents {
  private RedemptionEvents() {}

  /**
   * childKey: the child set the code lives in, 0 for none; sentAt: when its assignment was sent, if it
   * was; leaked: no assignment accounts for the use; byOtherContact: the holder was another contact.
   */
  public record CouponRedeemed(long redemptionId, long couponSetId, long childKey, Long workflowId, String code,
      String contactId, boolean leaked, Instant sentAt, Instant at, boolean byOtherContact) {}
}
