package io.couponflow.workflow;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** One contact going through a workflow; nextNode is where it resumes, after a restart too. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Run(long id, long workflowId, String contactId, Long eventId, RunStatus status, int nextNode,
    @JsonIgnore List<Node> nodes, @JsonIgnore Map<String, CouponVariable> variables, List<RunStep> steps,
    Instant startedAt, Instant updatedAt, Instant resumeAt, Instant finishedAt) {}
