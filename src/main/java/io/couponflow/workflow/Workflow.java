package io.couponflow.workflow;

import java.time.Instant;
import java.util.List;

/** A trigger and the nodes its runs go through, in order. */
public record Workflow(long id, String name, Trigger trigger, WorkflowStatus status, List<Node> nodes,
    Instant createdAt, Instant updatedAt) {}
