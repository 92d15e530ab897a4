package io.couponflow.assignment;

import java.time.Instant;
import java.util.Map;

/** The contract's assignment answer, plus status and timestamps; {@code fields} are the code's ({@code {}} for none). */
public record AssignmentView(
    long id,
    String code,
    long couponSetId,
    Long childSetId,
    String contactId,
    Long workflowId,
    AssignmentStatus status,
    Instant assignedAt,
    Instant sentAt,
    Instant releasedAt,
    boolean reused,
    Map<String, String> fields) {

  static AssignmentView of(Assignment a, boolean reused) {
    return new AssignmentView(a.id(), a.code(), a.couponSetId(), a.childSetId(), a.contactId(), a.workflowId(),
        a.status(), a.assignedAt(), a.sentAt(), a.releasedAt(), reused, a.fields() == null ? Map.of() : a.fields());
  }
}
