package io.couponflow.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Requests per second each API key may make, shared by all nodes (0 = no limit; a key can set its
 * own); requests per minute each client address may make to /web/** and to the sign-in form
 * (0 = no limit); and, on H2, how many buckets and sign-in records memory holds at most.
 */
@ConfigurationProperties("couponflow.rate-limit")
record RateLimitProperties(
    @DefaultValue("1000") int perSecond,
    @DefaultValue("2") int burstSeconds,
    @DefaultValue("120") int webPerMinute,
    @DefaultValue("100000") int memoryEntries) {}
