package io.couponflow.workflow;

import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Steps used to be db-scheduler jobs "workflow-step" (instance "runId:node"). Migration V61 turns
 * the queued ones into due runs; a job an older node schedules during a rolling upgrade only makes
 * its run due, and the step pollers do the rest.
 */
@Configuration(proxyBeanMethods = false)
class LegacyStepTaskConfig {
  static final String TASK = "workflow-step";

  @Bean
  OneTimeTask<Void> legacyWorkflowStepTask(RunRepository runs, Clock clock) {
    return Tasks.oneTime(TASK).execute((instance, context) -> {
      String[] parts = instance.getId().split(":");
      runs.makeDue(Long.parseLong(parts[0]), Integer.parseInt(parts[1]), clock.instant());
    });
  }
}
