package io.couponflow.assignment;

import java.time.Instant;
import java.util.Map;

/**
 * A code given to a contact. childSetId is the child set asked for (null = the parent);
 * codeChildKey is where the code itself lives (0 = outside child sets), which its counters follow.
 * fields are the code's fields (empty when it has none), read with the claim.
 */
public record Assignment(
    long id,
    long couponSetId,
    Long childSetId,
    long codeChildKey,
    long codeId,
    String code,
    String contactId,
    Long workflowId,
    AssignmentStatus status,
    Instant assignedAt,
    Instant sentAt,
    Instant redeemedAt,
    Instant releasedAt,
    Map<String, String> fields) {

  /** The same assignment under the id its row was given. */
  public Assignment withId(long newId) {
    return new Assignment(newId, couponSetId, childSetId, codeChildKey, codeId, code, contactId, workflowId, status,
        assignedAt, sentAt, redeemedAt, releasedAt, fields);
  }
}
