package io.couponflow.webhook;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Outbound webhooks: whether receivers on private addresses are allowed, the delivery workers
 * (threads, lanes claimed at once, events sent per lane before the lease is given back, poll
 * interval, lease), the HTTP timeout, and the retry schedule (first delay doubling up to the
 * largest, for {@code retryFor} after the event, then failed), and how long delivered and failed
 * deliveries stay in the log.
 */
@ConfigurationProperties("couponflow.webhooks")
record WebhookProperties(
    @DefaultValue("false") boolean allowPrivate,
    @DefaultValue("4") int threads,
    @DefaultValue("8") int lanesPerClaim,
    @DefaultValue("100") int eventsPerLane,
    @DefaultValue("500ms") Duration pollInterval,
    @DefaultValue("60s") Duration lease,
    @DefaultValue("10s") Duration timeout,
    @DefaultValue("30s") Duration firstRetry,
    @DefaultValue("1h") Duration largestRetry,
    @DefaultValue("24h") Duration retryFor,
    @DefaultValue("1s") Duration subscriberCacheTtl,
    @DefaultValue("30d") Duration logRetention) {}
