package io.couponflow.expiry;

import io.couponflow.code.CodePool;
import io.couponflow.code.ExpiredCode;
import io.couponflow.couponset.CouponSetService;
import io.couponflow.couponset.Counters;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Moves expired free codes off the claim queue and counts them as expired, in batches of short
 * transactions. The claim skips expired codes by itself (correctness); this sweep keeps it fast, so a
 * claim never walks past a pile of expired rows, and keeps {@code available} honest.
 */
@Component
public class ExpirySweeper {
  static final int BATCH = 1000;

  private final CodePool codes;
  private final CouponSetService sets;
  private final TransactionTemplate tx;

  ExpirySweeper(CodePool codes, CouponSetService sets, TransactionTemplate tx) {
    this.codes = codes;
    this.sets = sets;
    this.tx = tx;
  }

  /** Expires what is due at {@code now}; returns how many codes it took off the queue. */
  public long sweep(Instant now) {
    long swept = drain(null, now);
    for (long setId : sets.expiredMultipleSets(now)) {
      swept += drain(setId, now);
    }
    return swept;
  }

  private long drain(Long couponSetId, Instant now) {
    long swept = 0;
    while (true) {
      Integer batch = tx.execute(status -> {
        List<ExpiredCode> due = codes.expireFree(couponSetId, now, BATCH);
        Map<List<Long>, Long> perChild = due.stream().collect(
            Collectors.groupingBy(c -> List.of(c.couponSetId(), c.childKey()), Collectors.counting()));
        perChild.forEach((key, n) -> sets.count(key.get(0), key.get(1), new Counters(0, 0, 0, 0, n)));
        return due.size();
      });
      swept += batch;
      if (batch < BATCH) {
        return swept;
      }
    }
  }
}
