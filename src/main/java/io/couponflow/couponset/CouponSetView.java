package io.couponflow.couponset;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.util.List;

/**
 * A set as the API shows it, with its counters, each as {@link Figures} defines it. total and
 * available are null when unlimited.
 */
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
    long expired,
    long leaked,
    long redeemedByOthers,
    Double conversion) {

  /** A workflow whose Assign coupon step draws from the set: its id, name and status (draft, active or paused). */
  public record WorkflowRef(long workflowId, String name, String status) {
    public boolean active() {
      return "active".equals(status);
    }
  }

  @JsonIgnore
  public Figures figures() {
    return new Figures(total, assigned, available, sent, redeemed, conversion, leaked, redeemedByOthers, expired);
  }
}
