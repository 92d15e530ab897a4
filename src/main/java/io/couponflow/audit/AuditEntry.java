package io.couponflow.audit;

import java.time.Instant;

public record AuditEntry(long id, Instant at, String actor, String action, String targetType, String targetId,
    String detail) {}
