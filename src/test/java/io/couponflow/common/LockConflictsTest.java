package io.couponflow.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataIntegrityViolationException;

class LockConflictsTest {
  @Test
  void aTransactionGivenUpOverALockConflictRunsAgainUpToThreeTimes() {
    AtomicInteger runs = new AtomicInteger();
    String result = LockConflicts.retry(() -> {
      if (runs.incrementAndGet() < 3) {
        throw new CannotAcquireLockException("Deadlock detected");
      }
      return "stored";
    });
    assertThat(result).isEqualTo("stored");
    assertThat(runs).hasValue(3);

    AtomicInteger always = new AtomicInteger();
    assertThatThrownBy(() -> LockConflicts.retry(() -> {
      always.incrementAndGet();
      throw new CannotAcquireLockException("Deadlock detected");
    })).isInstanceOf(CannotAcquireLockException.class);
    assertThat(always).hasValue(3);
  }

  @Test
  void anyOtherFailureIsNotRetried() {
    AtomicInteger runs = new AtomicInteger();
    assertThatThrownBy(() -> LockConflicts.retry(() -> {
      runs.incrementAndGet();
      throw new DataIntegrityViolationException("duplicate");
    })).isInstanceOf(DataIntegrityViolationException.class);
    assertThat(runs).hasValue(1);
  }
}
