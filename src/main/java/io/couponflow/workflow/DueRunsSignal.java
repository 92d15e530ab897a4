package io.couponflow.workflow;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Wakes this node's step workers when runs became due here, so new runs never wait for a poll interval. */
@Component
class DueRunsSignal {
  private final Semaphore permits = new Semaphore(0);

  /** Wakes one waiting worker; repeated wakes before it runs count once. */
  void wake() {
    if (permits.availablePermits() == 0) {
      permits.release();
    }
  }

  /** Wakes every worker (stopping). */
  void wakeAll(int workers) {
    permits.release(workers);
  }

  /** Wakes a worker once the caller's transaction has committed (the runs are invisible before), or now. */
  void wakeAfterCommit() {
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
  void await(Duration timeout) throws InterruptedException {
    if (permits.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      permits.drainPermits();
    }
  }
}
