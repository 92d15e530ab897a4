package io.couponflow.jobs;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A node's polling worker threads for one kind of work: each thread claims and runs work in rounds
 * ({@link #round()}), claims again at once while there is work, and waits for its
 * {@link WakeUpSignal} or the poll interval when there is none. Threads start with the application
 * (none on a node without jobs) and stop with the job queue; a round that fails waits one poll
 * interval, and its claimed work is retried by whoever finds it after its lease. A feature keeps
 * only its claim-and-run step.
 */
public abstract class PollingWorkers extends JobsLifecycle {
  private final String threadName;
  private final int threadCount;
  private final Duration pollInterval;
  private final WakeUpSignal signal;
  private final JobsProperties jobs;
  private final List<Thread> threads = new ArrayList<>();

  protected PollingWorkers(String threadName, int threadCount, Duration pollInterval, WakeUpSignal signal,
      JobsProperties jobs) {
    this.threadName = threadName;
    this.threadCount = Math.max(1, threadCount);
    this.pollInterval = pollInterval;
    this.signal = signal;
    this.jobs = jobs;
  }

  /** Claims and runs one round of work; answers false when nothing was claimable. */
  protected abstract boolean round() throws InterruptedException;

  /** Told when a round failed, before the worker pauses. */
  protected abstract void failed(RuntimeException e);

  /** Waits for work after an empty round: until woken or the poll interval passes. */
  protected void idle() throws InterruptedException {
    signal.await(pollInterval);
  }

  @Override
  public synchronized void start() {
    running(true);
    // a node without jobs (a read replica's) runs no workers either
    if (!jobs.enabled()) {
      return;
    }
    for (int i = 0; i < threadCount; i++) {
      Thread worker = new Thread(this::work, threadName + "-" + i);
      worker.setDaemon(true);
      threads.add(worker);
      worker.start();
    }
  }

  private void work() {
    while (isRunning()) {
      try {
        if (!round()) {
          idle();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        failed(e);
        pause();
      }
    }
  }

  private void pause() {
    try {
      Thread.sleep(pollInterval.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running(false);
    }
  }

  @Override
  public synchronized void stop() {
    running(false);
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
}
