package io.couponflow.jobs;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Turns true when this node begins to stop, before the job queue waits for running jobs: a long
 * job checks it between steps and hands itself back ({@link JobReleasedException}) rather than
 * holding the shutdown or being cut off midway.
 */
@Component
public class NodeStopping {
  /**
   * The lifecycle phase of everything that runs jobs on this node (the job queue, the workflow
   * workers): stopped after the web server's graceful shutdown (DEFAULT_PHASE - 1024) has let
   * requests finish, before the web server itself stops (- 2048) and long before the DataSource closes.
   */
  public static final int JOBS_PHASE = SmartLifecycle.DEFAULT_PHASE - 1536;

  private volatile boolean stopping;

  public boolean now() {
    return stopping;
  }

  void begin() {
    stopping = true;
  }

  /** Thrown by a job that stops early because the node stops; the queue runs it again on another node. */
  public static class JobReleasedException extends RuntimeException {
    public JobReleasedException(String message) {
      super(message);
    }
  }
}
