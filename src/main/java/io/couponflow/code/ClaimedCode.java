package io.couponflow.code;

/** A code taken off the free queue and marked assigned, inside the caller's transaction. */
public record ClaimedCode(long codeId, String value, long childKey) {}
