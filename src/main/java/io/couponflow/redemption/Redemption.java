package io.couponflow.redemption;

import java.math.BigDecimal;
import java.time.Instant;

/** A recorded use of a code. leaked: no contact held the code when it was used. */
public record Redemption(
    long id,
    String code,
    long couponSetId,
    Long childSetId,
    Long assignmentId,
    Long workflowId,
    String orderId,
    BigDecimal amount,
    String currency,
    String contactId,
    boolean leaked,
    Instant redeemedAt) {}
