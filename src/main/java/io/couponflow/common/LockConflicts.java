package io.couponflow.common;

import java.util.function.Supplier;
import org.springframework.dao.PessimisticLockingFailureException;

/**
 * Runs a whole transaction again when the database gave it up over a lock conflict (a deadlock
 * victim, a lock wait that timed out): the transaction was rolled back entirely, so running it again
 * is safe. H2 reports deadlocks between concurrent big event batches now and then (seen once in a
 * CI run of 10,000 batched events); the caller would otherwise answer 500 for work that succeeds
 * on a second try.
 */
public final class LockConflicts {
  private static final int ATTEMPTS = 3;

  private LockConflicts() {}

  /** {@code transaction} must start and end its own transaction. */
  public static <T> T retry(Supplier<T> transaction) {
    for (int attempt = 1; ; attempt++) {
      try {
        return transaction.get();
      } catch (PessimisticLockingFailureException conflict) {
        if (attempt == ATTEMPTS) {
          throw conflict;
        }
      }
    }
  }
}
