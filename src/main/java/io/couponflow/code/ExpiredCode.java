package io.couponflow.code;

/** A free code taken off the queue as expired. */
public record ExpiredCode(long couponSetId, long childKey, long codeId) {}
