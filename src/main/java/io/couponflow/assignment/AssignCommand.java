package io.couponflow.assignment;

/** One assignment asked for in a batch: the set, the request and its optional idempotency key. */
public record AssignCommand(long couponSetId, AssignRequest request, String idempotencyKey) {}
