package io.couponflow.jobs;

import org.springframework.stereotype.Component;

/**
 * Turns true when this node begins to stop, before the job queue waits for running jobs: a long
 * job checks it between steps and hands itself back ({@link JobReleasedException}) rather than
 * holding the shutdown or being cut off midway.
 */
@Component
public class NodeStopping {
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
