package io.couponflow.assignment;

import java.time.Instant;

/**
 * Published inside the transaction that made the change, so a listener's writes (statistics,
 * activity) commit or roll back with it. Listeners must be quick: they run on the hot path.
 */
public final class AssignmentEvents {
  private AssignmentEvents() {}

  /** codeChildKey: the child set the code lives in, 0 for none. */
  public record CouponAssigned(long assignmentId, long couponSetId, Long childSetId, long codeChildKey, String code,
      String contactId, Long workflowId, Instant at) {}

  /** The assignments one transaction made, published once so listeners write them as one batch. */
  public record CouponsAssigned(java.util.List<CouponAssigned> assigned) {}

  public record CouponSent(long assignmentId, long couponSetId, long codeChildKey, String code, String contactId,
      Long workflowId, Instant at) {}

  /**
   * A set (or child set, when childSetId is not null) refused an assignment because no code was
   * left: published by the batch that found it empty, in its transaction.
   */
  public record CouponSetRanOut(long couponSetId, Long childSetId, Instant at) {}

  /** at: when it was released; assignedAt: when the assignment it ends was made. */
  public record CouponReleased(long assignmentId, long couponSetId, long codeChildKey, String code, String contactId,
      Long workflowId, Instant at, Instant assignedAt) {}
}
