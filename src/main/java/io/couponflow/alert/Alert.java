package io.couponflow.alert;

import java.time.Instant;

/** A rule with its state: firing since the last crossing, and how often it fired. */
public record Alert(long id, long couponSetId, AlertKind kind, double threshold, String email, boolean firing,
    Double observed, long firedCount, Instant lastFiredAt, Instant createdAt) {}
