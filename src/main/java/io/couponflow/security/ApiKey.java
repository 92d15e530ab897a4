package io.couponflow.security;

import java.time.Instant;

/** rateLimitPerSecond null: the configured default applies. */
public record ApiKey(long id, String name, String prefix, ApiKeyScope scope, Integer rateLimitPerSecond,
    Instant createdAt, Instant lastUsedAt, Instant revokedAt) {}
