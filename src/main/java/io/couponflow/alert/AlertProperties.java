package io.couponflow.alert;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Alert evaluation and email delivery: attempts per email, first retry delay (doubling), sender address. */
@ConfigurationProperties("couponflow.alerts")
record AlertProperties(
    @DefaultValue("60s") Duration evaluateEvery,
    @DefaultValue("5") int maxAttempts,
    @DefaultValue("30s") Duration retryBackoff,
    @DefaultValue("alerts@couponflow.local") String mailFrom) {}
