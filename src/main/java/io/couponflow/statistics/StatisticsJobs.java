package io.couponflow.statistics;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class StatisticsJobs {
  @Bean
  RecurringTask<Void> compactStatisticsTask(StatisticsCompactor compactor, Clock clock) {
    return Tasks.recurring("compact-statistics", FixedDelay.ofMinutes(10))
        .execute((instance, context) -> compactor.compact(clock.instant()));
  }
}
