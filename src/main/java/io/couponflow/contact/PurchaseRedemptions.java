package io.couponflow.contact;

import io.couponflow.redemption.RedemptionService;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * A {@code purchase} event's {@code coupons} are redemptions. They run after the event's own
 * transaction, so a code that cannot be redeemed never loses the event.
 */
@Component
class PurchaseRedemptions {
  static final String PURCHASE = "purchase";

  private final RedemptionService redemptions;

  PurchaseRedemptions(RedemptionService redemptions) {
    this.redemptions = redemptions;
  }

  /** The outcome per coupon, or null when the event carries none. */
  List<RedemptionService.CouponOutcome> redeem(ContactEvent event) {
    Object coupons = event.properties().get("coupons");
    if (!PURCHASE.equals(event.type()) || !(coupons instanceof List<?> list) || list.isEmpty()) {
      return null;
    }
    Map<String, Object> p = event.properties();
    String orderId = p.get("orderId") == null ? "event-" + event.id() : String.valueOf(p.get("orderId"));
    BigDecimal amount = p.get("amount") instanceof Number n ? new BigDecimal(n.toString()) : null;
    String currency = p.get("currency") instanceof String c ? c : null;
    return redemptions.redeemPurchase(orderId, list.stream().map(String::valueOf).toList(), amount, currency,
        event.contactId(), event.occurredAt());
  }
}
