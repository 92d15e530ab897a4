package io.couponflow.webhook;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class WebhookJobs {
  private static final Logger log = LoggerFactory.getLogger(WebhookJobs.class);

  /** Hourly, on one node: the delivery log keeps finished deliveries for {@code log-retention}; pending ones stay. */
  @Bean
  RecurringTask<Void> webhookLogCleanupTask(WebhookRepository repository, WebhookProperties properties, Clock clock) {
    return Tasks.recurring("webhook-log-cleanup", FixedDelay.of(Duration.ofHours(1)))
        .execute((instance, context) -> {
          int deleted = repository.deleteFinishedBefore(clock.instant().minus(properties.logRetention()));
          if (deleted > 0) {
            log.info("Webhook log: {} deliveries older than {} deleted", deleted, properties.logRetention());
          }
        });
  }
}
