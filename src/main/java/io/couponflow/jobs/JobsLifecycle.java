package io.couponflow.jobs;

import org.springframework.context.SmartLifecycle;

/**
 * What starts and stops with the job queue: started after the web server, stopped in
 * {@link NodeStopping#JOBS_PHASE} (after the web server's graceful shutdown), and never paused by a
 * test context (db-scheduler cannot start again once stopped, and neither can worker threads).
 * Subclasses start and stop their work and report it through {@link #running(boolean)}.
 */
public abstract class JobsLifecycle implements SmartLifecycle {
  private volatile boolean running;

  protected void running(boolean now) {
    running = now;
  }

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
    return NodeStopping.JOBS_PHASE;
  }
}
