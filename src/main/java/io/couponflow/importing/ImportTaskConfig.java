package io.couponflow.importing;

import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Imports run on the database-backed job queue: any node runs them, a dead node's import is revived. */
@Configuration(proxyBeanMethods = false)
class ImportTaskConfig {
  static final String NAME = "import";

  @Bean
  OneTimeTask<Void> importTask(ImportRunner runner) {
    // the runner turns every failure into a failed import; what escapes is a release (the node stops)
    // or the database gone: run it again soon, on whichever node polls first
    return Tasks.oneTime(NAME).onFailure(new FailureHandler.OnFailureRetryLater<>(Duration.ofSeconds(1))).execute((instance, context) -> runner.run(Long.parseLong(instance.getId())));
  }
}
