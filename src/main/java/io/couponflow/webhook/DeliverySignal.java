package io.couponflow.webhook;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Wakes this node's delivery workers when it wrote outbox rows, so a new event never waits for a poll. */
@Component
class DeliverySignal {
  private final Semaphore permits = new Semaphore(0);

  /** Wakes one waiting worker; repeated wakes before it runs count once. */
  void wake() {
    if (permits.availablePermits() == 0) {
      permits.release();
    }
  }

  void wakeAll(int workers) {
    permits.release(workers);
  }

  /** Wakes a worker once the caller's transaction has committed (the rows are invisible before), or now. */
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

  void await(Duration timeout) throws InterruptedException {
    if (permits.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      permits.drainPermits();
    }
  }
}
