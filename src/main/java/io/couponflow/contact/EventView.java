package io.couponflow.contact;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.couponflow.redemption.RedemptionService;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** An event as stored, with what became of a purchase's coupons. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record EventView(long id, String contactId, String type, Map<String, Object> properties, Instant occurredAt,
    List<RedemptionService.CouponOutcome> redemptions) {}
