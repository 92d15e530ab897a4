package io.couponflow.expiry;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Clock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ExpiryJobs {
  /** One node at a time sweeps (db-scheduler runs a recurring task on one node). */
  @Bean
  RecurringTask<Void> expireCodesTask(ExpirySweeper sweeper, Clock clock,
      @Value("${couponflow.expiry.sweep-seconds:60}") int seconds) {
    return Tasks.recurring("expire-codes", FixedDelay.ofSeconds(seconds))
        .execute((instance, context) -> sweeper.sweep(clock.instant()));
  }
}
