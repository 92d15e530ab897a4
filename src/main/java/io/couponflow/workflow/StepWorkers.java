package io.couponflow.workflow;

import io.couponflow.jobs.JobsProperties;
import io.couponflow.jobs.NodeStopping;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * This node's share of the workflow steps: a few worker threads, each claiming a batch of due runs
 * (any node's, SKIP LOCKED), running it, and claiming again at once while there is work; idle, it
 * waits for an event of this node or the poll interval (which finds other nodes' runs and ended waits).
 */
@Component
@EnableConfigurationProperties(WorkflowProperties.class)
class StepWorkers implements SmartLifecycle {
  private static final Logger log = LoggerFactory.getLogger(StepWorkers.class);

  private final RunRepository runs;
  private final WorkflowEngine engine;
  private final DueRunsSignal signal;
  private final WorkflowProperties properties;
  private final JobsProperties jobs;
  private final TransactionTemplate tx;
  private final Clock clock;
  private final List<Thread> threads = new ArrayList<>();
  private volatile boolean running;

  StepWorkers(RunRepository runs, WorkflowEngine engine, DueRunsSignal signal, WorkflowProperties properties,
      JobsProperties jobs, TransactionTemplate tx, Clock clock) {
    this.runs = runs;
    this.engine = engine;
    this.signal = signal;
    this.properties = properties;
    this.jobs = jobs;
    this.tx = tx;
    this.clock = clock;
  }

  @Override
  public synchronized void start() {
    running = true;
    // a node without jobs (a read replica's) runs no steps either
    if (!jobs.enabled()) {
      return;
    }
    for (int i = 0; i < Math.max(1, properties.threads()); i++) {
      Thread worker = new Thread(this::work, "workflow-steps-" + i);
      worker.setDaemon(true);
      threads.add(worker);
      worker.start();
    }
  }

  private void work() {
    while (running) {
      try {
        Instant now = clock.instant();
        Instant leaseEnd = now.plus(properties.lease());
        List<RunRepository.DueRun> batch = tx.execute(s -> runs.claimDue(now, leaseEnd, properties.batchSize()));
        if (batch.isEmpty()) {
          signal.await(properties.pollInterval());
          continue;
        }
        if (batch.size() == properties.batchSize()) {
          // more is probably due: let another worker claim the next batch meanwhile
          signal.wake();
        }
        engine.execute(batch, now);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        // the claimed runs are due again when their lease ends
        log.warn("Workflow step batch failed; its runs are retried after their lease", e);
        pause();
      }
    }
  }

  private void pause() {
    try {
      Thread.sleep(properties.pollInterval().toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running = false;
    }
  }

  @Override
  public synchronized void stop() {
    running = false;
    signal.wakeAll(threads.size());
    for (Thread worker : threads) {
      try {
        worker.join(jobs.shutdownWait().toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    threads.clear();
  }

  /** Like the job queue: test-context pausing leaves it running. */
  @Override
  public boolean isPauseable() {
    return false;
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  @Override
  public int getPhase() {
    // stopped with the job queue
    return NodeStopping.JOBS_PHASE;
  }
}
