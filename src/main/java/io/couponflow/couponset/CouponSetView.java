package io.couponflow.couponset;

import java.time.Instant;
import java.util.List;

/** A set as the API shows it, with its counters. total and available are null when unlimited. */
public record CouponSetView(
    long id,
    String name,
    SetType type,
    String code,
    Long quantity,
    AssignmentPolicy assignmentPolicy,
    Instant createdAt,
    Instant updatedAt,
    Long total,
    long assigned,
    Long available,
    long sent,
    long redeemed,
    List<ChildSetView> childSets,
    List<WorkflowRef> usedInWorkflows,
    Instant expiresAt,
    long expired) {

  /** A workflow whose Assign coupon step draws from the set: its id, name and status (draft, active or paused). */
  public record WorkflowRef(long workflowId, String name, String status) {
    public boolean active() {
      return "active".equals(status);
    }
  }
}
