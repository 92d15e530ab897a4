package io.couponflow.workflow;

/** Which contact event starts a run. */
public record Trigger(String event) {}
