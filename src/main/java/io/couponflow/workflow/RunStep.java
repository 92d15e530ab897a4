package io.couponflow.workflow;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/** What one node did in a run: its outcome, and the code it assigned or showed. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RunStep(int node, String type, String outcome, String code, String detail, Instant at) {}
