package io.couponflow.webhook;

import java.util.Arrays;
import java.util.Optional;

/** What a subscription can ask to hear about; {@link #wire()} is the event's {@code type}. */
public enum WebhookEventType {
  COUPON_ASSIGNED("coupon.assigned", "A code was assigned to a contact"),
  COUPON_SENT("coupon.sent", "A code was shown or mailed to its contact"),
  COUPON_REDEEMED("coupon.redeemed", "A code was redeemed"),
  COUPON_RELEASED("coupon.released", "An unsent code was given back to the pool"),
  COUPON_SET_EXHAUSTED("coupon-set.exhausted", "A coupon set ran out of codes"),
  COUPON_SET_ALERT("coupon-set.alert", "An alert of a coupon set fired"),
  IMPORT_FINISHED("import.finished", "An import added its codes"),
  IMPORT_FAILED("import.failed", "An import stopped without adding codes");

  private final String wire;
  private final String description;

  WebhookEventType(String wire, String description) {
    this.wire = wire;
    this.description = description;
  }

  public String wire() {
    return wire;
  }

  public String description() {
    return description;
  }

  static Optional<WebhookEventType> fromWire(String value) {
    return Arrays.stream(values()).filter(t -> t.wire.equals(value)).findFirst();
  }

  static String allWire() {
    return String.join(", ", Arrays.stream(values()).map(WebhookEventType::wire).toList());
  }
}
