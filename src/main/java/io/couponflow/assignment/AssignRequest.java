package io.couponflow.assignment;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

public record AssignRequest(@NotBlank @Size(max = 200) String contactId, Long childSetId, Long workflowId) {}
