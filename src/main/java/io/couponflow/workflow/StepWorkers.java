package io.couponflow.workflow;

import io.couponflow.jobs.JobsProperties;
import io.couponflow.jobs.PollingWorkers;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * This node's share of the workflow steps: a few worker threads, each claiming a batch of due runs
 * (any node's, SKIP LOCKED), running it, and claiming again at once while there is work; idle, it
 * waits for an event of this node or the poll interval (which finds other nodes' runs and ended waits).
 */
@Component
@EnableConfigurationProperties(WorkflowProperties.class)
class StepWorkers extends PollingWorkers {
  private static final Logger log = LoggerFactory.getLogger(StepWorkers.class);

  private final RunRepository runs;
  private final WorkflowEngine engine;
  private final DueRunsSignal signal;
  private final WorkflowProperties properties;
  private final TransactionTemplate tx;
  private final Clock clock;

  StepWorkers(RunRepository runs, WorkflowEngine engine, DueRunsSignal signal, WorkflowProperties properties,
      JobsProperties jobs, TransactionTemplate tx, Clock clock) {
    super("workflow-steps", properties.threads(), properties.pollInterval(), signal, jobs);
    this.runs = runs;
    this.engine = engine;
    this.signal = signal;
    this.properties = properties;
    this.tx = tx;
    this.clock = clock;
  }

  @Override
  protected boolean round() {
    Instant now = clock.instant();
    Instant leaseEnd = now.plus(properties.lease());
    List<RunRepository.DueRun> batch = tx.execute(s -> runs.claimDue(now, leaseEnd, properties.batchSize()));
    if (batch.isEmpty()) {
      return false;
    }
    if (batch.size() == properties.batchSize()) {
      // more is probably due: let another worker claim the next batch meanwhile
      signal.wake();
    }
    engine.execute(batch, now);
    return true;
  }

  @Override
  protected void failed(RuntimeException e) {
    // the claimed runs are due again when their lease ends
    log.warn("Workflow step batch failed; its runs are retried after their lease", e);
  }
}
