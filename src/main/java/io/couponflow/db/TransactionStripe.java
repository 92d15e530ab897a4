package io.couponflow.db;

import java.util.concurrent.ThreadLocalRandom;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The stripe a transaction writes its striped rows to, chosen at random once per transaction. A
 * transaction that counts twice (assigned, then sent) then locks one row, not two in random order:
 * two such transactions could otherwise each hold the row the other waits for.
 */
public final class TransactionStripe {
  private static final Object KEY = new Object();

  private TransactionStripe() {}

  public static int current(int stripes) {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      return ThreadLocalRandom.current().nextInt(stripes);
    }
    Integer bound = (Integer) TransactionSynchronizationManager.getResource(KEY);
    if (bound == null) {
      bound = ThreadLocalRandom.current().nextInt(1 << 20);
      TransactionSynchronizationManager.bindResource(KEY, bound);
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCompletion(int status) {
          TransactionSynchronizationManager.unbindResourceIfPossible(KEY);
        }
      });
    }
    return bound % stripes;
  }
}
