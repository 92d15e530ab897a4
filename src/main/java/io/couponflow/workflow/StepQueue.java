package io.couponflow.workflow;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import java.time.Instant;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Each run step is a db-scheduler job "workflow-step" with instance id "runId:node": any application
 * node may execute it, and a wait is a job scheduled in the future, so runs survive restarts.
 */
@Component
class StepQueue {
  static final String TASK = "workflow-step";
  /** Attempts of a step that throws before the run is marked failed. */
  static final int ATTEMPTS = 3;

  private final ObjectProvider<Scheduler> scheduler;

  StepQueue(ObjectProvider<Scheduler> scheduler) {
    this.scheduler = scheduler;
  }

  /** Schedules in the caller's transaction: the job exists exactly when the run's new position is committed. */
  void schedule(long runId, int node, Instant at) {
    scheduler.getObject().schedule(new TaskInstance<Void>(TASK, runId + ":" + node), at);
  }
}
