package io.couponflow.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Requests per second each API key may make on each node (0 = no limit); a key can set its own. */
@ConfigurationProperties("couponflow.rate-limit")
record RateLimitProperties(@DefaultValue("1000") int perSecond, @DefaultValue("2") int burstSeconds) {}
