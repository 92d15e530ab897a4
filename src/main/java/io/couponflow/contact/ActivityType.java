package io.couponflow.contact;

/** The kinds of entries on a contact's timeline, as the API names them. */
public final class ActivityType {
  public static final String COUPON_ASSIGNED = "coupon-assigned";
  public static final String COUPON_SENT = "coupon-sent";
  public static final String COUPON_RELEASED = "coupon-released";
  public static final String COUPON_REDEEMED = "coupon-redeemed";
  public static final String COUPON_EXHAUSTED = "coupon-exhausted";
  public static final String COUPON_FALLBACK = "coupon-fallback";
  public static final String EMAIL_SENT = "email-sent";
  public static final String EMAIL_FAILED = "email-failed";
  public static final String WEB_CONTENT_SHOWN = "web-content-shown";
  public static final String WORKFLOW_STARTED = "workflow-started";
  public static final String WORKFLOW_FINISHED = "workflow-finished";
  public static final String EVENT = "event";

  private ActivityType() {}
}
