package io.couponflow.security;

import java.time.Instant;

public record ApiKey(long id, String name, String prefix, ApiKeyScope scope, Instant createdAt, Instant lastUsedAt,
    Instant revokedAt) {}
