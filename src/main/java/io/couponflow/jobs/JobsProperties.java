package io.couponflow.jobs;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The database-backed job queue. A node that dies stops sending heartbeats; after
 * {@code heartbeat × missedHeartbeats} another node takes its jobs over.
 */
@ConfigurationProperties("couponflow.jobs")
public record JobsProperties(
    @DefaultValue("4") int threads,
    @DefaultValue("500ms") Duration pollingInterval,
    @DefaultValue("5s") Duration heartbeat,
    @DefaultValue("4") int missedHeartbeats,
    @DefaultValue("true") boolean enabled) {}
