package io.couponflow.contact;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.couponflow.redemption.RedemptionService;
import java.util.List;

/** The stored events of a batch, in request order. */
record EventBatchView(List<StoredEvent> items) {
  /** One stored event, with what became of a purchase's coupons. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record StoredEvent(long id, String contactId, String type, List<RedemptionService.CouponOutcome> redemptions) {}
}
