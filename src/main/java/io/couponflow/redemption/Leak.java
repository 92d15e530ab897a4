package io.couponflow.redemption;

import java.time.Instant;

/**
 * One line of a set's leak report: the code, who it was assigned to (null: nobody), who redeemed it
 * (null: the shop did not say), in which order and when.
 */
public record Leak(long redemptionId, String code, String kind, String assignedTo, String redeemedBy, String orderId,
    Long workflowId, Long childSetId, Instant redeemedAt) {}
