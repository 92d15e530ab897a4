package io.couponflow.importing;

import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Imports run on the database-backed job queue: any node runs them, a dead node's import is revived. */
@Configuration(proxyBeanMethods = false)
class ImportTaskConfig {
  static final String NAME = "import";

  @Bean
  OneTimeTask<Void> importTask(ImportRunner runner) {
    return Tasks.oneTime(NAME).execute((instance, context) -> runner.run(Long.parseLong(instance.getId())));
  }
}
