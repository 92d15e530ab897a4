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

  public record WorkflowRef(long workflowId) {}

  @JsonIgnore
  public Figures figures() {
    return new Figures(total, assigned, available, sent, redeemed, conversion, leaked, redeemedByOthers, expired);
  }
}
