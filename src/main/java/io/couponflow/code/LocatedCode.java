package io.couponflow.code;

/** A code together with the set that holds it, as a search finds it. */
public record LocatedCode(long couponSetId, Code code) {}
