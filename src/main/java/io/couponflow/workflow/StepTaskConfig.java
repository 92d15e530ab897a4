package io.couponflow.workflow;

import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one job type of the engine; a step that throws is retried a second later, up to StepQueue.ATTEMPTS. */
@Configuration(proxyBeanMethods = false)
class StepTaskConfig {
  @Bean
  OneTimeTask<Void> workflowStepTask(ObjectProvider<WorkflowEngine> engine) {
    return Tasks.oneTime(StepQueue.TASK)
        .onFailure(new FailureHandler.OnFailureRetryLater<>(Duration.ofSeconds(1)))
        .execute((instance, context) -> {
          String[] parts = instance.getId().split(":");
          engine.getObject().runStep(Long.parseLong(parts[0]), Integer.parseInt(parts[1]),
              context.getExecution().consecutiveFailures + 1);
        });
  }
}
