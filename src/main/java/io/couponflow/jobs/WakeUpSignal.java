package io.couponflow.jobs;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Wakes a node's polling workers when it made work for them, so new work never waits for a poll
 * interval; each feature with workers has its own (a bean of a subclass).
 */
public class WakeUpSignal {
  private final Semaphore permits = new Semaphore(0);

  /** Wakes one waiting worker; repeated wakes before it runs count once. */
  public void wake() {
    if (permits.availablePermits() == 0) {
      permits.release();
    }
  }

  /** Wakes every worker (stopping). */
  public void wakeAll(int workers) {
    permits.release(workers);
  }

  /** Wakes a worker once the caller's transaction has committed (the new rows are invisible before), or now. */
  public void wakeAfterCommit() {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      wake();
      return;
    }
    TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
      @Override
      public void afterCommit() {
        wake();
      }
    });
  }

  /** Waits until woken or the timeout passes. */
  public void await(Duration timeout) throws InterruptedException {
    if (permits.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      permits.drainPermits();
    }
  }
}
