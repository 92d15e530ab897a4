package io.couponflow.redemption;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A recorded use of a code. leaked: no assignment accounts for it (nobody held the code); leak: null,
 * {@code not-assigned} (the same as leaked) or {@code other-contact} (assignedTo held the code,
 * contactId used it).
 */
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
    Instant redeemedAt,
    String leak,
    String assignedTo) {

  Leak asLeak() {
    return new Leak(id, code, leak, assignedTo, contactId, orderId, workflowId, childSetId, redeemedAt);
  }
}
