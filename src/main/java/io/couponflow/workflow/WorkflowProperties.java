package io.couponflow.workflow;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The step pollers of this node: {@code threads} workers each claim up to {@code batchSize} due
 * runs at a time and hold them for {@code lease} (after which another node may take them over); a
 * worker with nothing to do looks again after {@code pollInterval}, or at once when an event of
 * this node starts runs. {@code retryDelay}: how long a step that threw waits before its next attempt.
 * {@code emailThreads}: how many of a batch's emails are sent at once (SMTP is slow, not busy).
 */
@ConfigurationProperties("couponflow.workflow")
record WorkflowProperties(
    @DefaultValue("2") int threads,
    @DefaultValue("200") int batchSize,
    @DefaultValue("500ms") Duration pollInterval,
    @DefaultValue("30s") Duration lease,
    @DefaultValue("1s") Duration retryDelay,
    @DefaultValue("4") int emailThreads) {}
