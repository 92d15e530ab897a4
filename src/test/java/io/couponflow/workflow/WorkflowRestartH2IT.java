package io.couponflow.workflow;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;

class WorkflowRestartH2IT extends WorkflowRestartContract {
  @TempDir
  Path dir;

  @Override
  protected List<String> freshDatabase() {
    return List.of("jdbc:h2:file:" + dir.resolve("restart").toAbsolutePath()
        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;LOCK_TIMEOUT=10000", "sa", "");
  }
}
