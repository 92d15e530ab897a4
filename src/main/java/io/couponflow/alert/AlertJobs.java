package io.couponflow.alert;

import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AlertProperties.class)
class AlertJobs {
  static final String DELIVERY_TASK = "alert-delivery";

  /** One job per delivery (instance id = delivery id); retried with a doubling delay until delivered or given up. */
  @Bean
  OneTimeTask<Void> alertDeliveryTask(AlertDeliverer deliverer, AlertProperties properties) {
    return Tasks.oneTime(DELIVERY_TASK)
        .onFailure(new FailureHandler.ExponentialBackoffFailureHandler<>(properties.retryBackoff(), 2.0))
        .execute((instance, context) -> deliverer.deliver(Long.parseLong(instance.getId())));
  }

  @Bean
  RecurringTask<Void> evaluateAlertsTask(@Lazy AlertService alerts, AlertProperties properties, Clock clock) {
    return Tasks.recurring("evaluate-alerts", FixedDelay.of(properties.evaluateEvery()))
        .execute((instance, context) -> alerts.evaluateAll(clock.instant()));
  }
}
