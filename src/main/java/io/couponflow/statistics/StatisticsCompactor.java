package io.couponflow.statistics;

import io.couponflow.statistics.StatisticsRepository.Grain;
import io.couponflow.statistics.StatisticsRepository.Stripe;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Folds the stripes of closed buckets into stripe 0, so history reads one row per bucket and child
 * set and workflow. Rows are locked, deleted and added to stripe 0 in one transaction: a late event
 * landing on a stripe meanwhile is simply folded by the next run.
 */
@Component
public class StatisticsCompactor {
  static final int BATCH = 2000;

  private final StatisticsRepository rollups;
  private final TransactionTemplate tx;

  StatisticsCompactor(StatisticsRepository rollups, TransactionTemplate tx) {
    this.rollups = rollups;
    this.tx = tx;
  }

  /** Folds hours that ended over an hour before {@code now} and days that ended before today; returns rows folded. */
  public long compact(Instant now) {
    return fold(Grain.HOUR, now.minus(Duration.ofHours(1)).truncatedTo(Grain.HOUR.unit))
        + fold(Grain.DAY, now.truncatedTo(Grain.DAY.unit));
  }

  private long fold(Grain grain, Instant before) {
    long folded = 0;
    while (true) {
      Integer batch = tx.execute(status -> {
        List<Stripe> rows = rollups.takeStripes(grain, before, BATCH);
        Map<List<Object>, Tally> sums = new LinkedHashMap<>();
        for (Stripe row : rows) {
          sums.merge(List.of(row.couponSetId(), row.bucket(), row.childKey(), row.workflowKey()), row.tally(),
              Tally::plus);
        }
        sums.forEach((key, sum) -> rollups.addTo(grain, (Long) key.get(0), (Instant) key.get(1), (Long) key.get(2),
            (Long) key.get(3), 0, sum));
        return rows.size();
      });
      folded += batch;
      if (batch < BATCH) {
        return folded;
      }
    }
  }
}
