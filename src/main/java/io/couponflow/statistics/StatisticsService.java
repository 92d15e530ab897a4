package io.couponflow.statistics;

import io.couponflow.common.ApiException;
import io.couponflow.couponset.ChildSetView;
import io.couponflow.couponset.CouponSetService;
import io.couponflow.couponset.CouponSetView;
import io.couponflow.statistics.StatisticsRepository.Grain;
import io.couponflow.statistics.StatisticsRepository.Row;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/** Time series, breakdowns and the forecast of a set, read from the hourly rollups only. */
@Service
public class StatisticsService {
  static final int MAX_BUCKETS = 10_000;
  static final int FORECAST_WINDOW_DAYS = 7;
  static final int MEDIAN_SAMPLE = 2_000;

  private final StatisticsRepository rollups;
  private final CouponSetService sets;
  private final Clock clock;

  StatisticsService(StatisticsRepository rollups, CouponSetService sets, Clock clock) {
    this.rollups = rollups;
    this.sets = sets;
    this.clock = clock;
  }

  /** from is floored to the interval; buckets start at from, step by the interval, and start before to. */
  public StatisticsView series(long couponSetId, Instant from, Instant to, String intervalName, Long childSetId,
      Long workflowId) {
    CouponSetView set = sets.get(couponSetId);
    if (childSetId != null) {
      sets.requireChild(couponSetId, childSetId);
    }
    Interval interval = Interval.fromWire(intervalName);
    Instant end = to == null ? clock.instant() : to;
    Instant start = interval.floor(from == null ? end.minus(interval.defaultWindow()) : from);
    if (!start.isBefore(end)) {
      throw ApiException.invalid("from", "from must be before to");
    }
    long buckets = (Duration.between(start, end).toSeconds() + interval.width().toSeconds() - 1)
        / interval.width().toSeconds();
    if (buckets > MAX_BUCKETS) {
      throw ApiException.invalid("from", "at most " + MAX_BUCKETS + " buckets; use interval=day or a shorter window");
    }
    Instant queryEnd = start.plus(interval.width().multipliedBy(buckets));
    Map<Instant, long[]> byStart = new HashMap<>();
    Grain grain = interval == Interval.HOUR ? Grain.HOUR : Grain.DAY;
    for (Row row : rollups.series(grain, couponSetId, start, queryEnd, childSetId, workflowId)) {
      long[] sum = byStart.computeIfAbsent(interval.floor(row.hour()), k -> new long[3]);
      sum[0] += row.assigned();
      sum[1] += row.sent();
      sum[2] += row.redeemed();
    }
    List<StatisticsView.Bucket> items = new ArrayList<>((int) buckets);
    long assigned = 0;
    long sent = 0;
    long redeemed = 0;
    for (Instant at = start; at.isBefore(queryEnd); at = at.plus(interval.width())) {
      long[] sum = byStart.getOrDefault(at, new long[3]);
      items.add(new StatisticsView.Bucket(at, sum[0], sum[1], sum[2]));
      assigned += sum[0];
      sent += sum[1];
      redeemed += sum[2];
    }
    var summary = new StatisticsView.Summary(start, queryEnd, interval.name().toLowerCase(), assigned, sent, redeemed,
        sent == 0 ? null : (double) redeemed / sent,
        rollups.medianDelaySeconds(couponSetId, start, queryEnd, childSetId, workflowId, MEDIAN_SAMPLE));
    Map<Long, String> childNames = new HashMap<>();
    set.childSets().forEach(c -> childNames.put(c.id(), c.name()));
    List<StatisticsView.ChildSetRow> children = rollups.byChild(grain, couponSetId, start, queryEnd, workflowId).stream()
        .filter(r -> childSetId == null || r.key() == childSetId)
        .map(r -> new StatisticsView.ChildSetRow(r.key() == 0 ? null : r.key(),
            r.key() == 0 ? "(no child set)" : childNames.getOrDefault(r.key(), "deleted child set " + r.key()),
            r.assigned(), r.sent(), r.redeemed()))
        .toList();
    List<StatisticsView.WorkflowRow> workflows = rollups.byWorkflow(grain, couponSetId, start, queryEnd, childSetId).stream()
        .filter(r -> workflowId == null || r.key() == workflowId)
        .map(r -> new StatisticsView.WorkflowRow(r.key() == 0 ? null : r.key(), r.assigned(), r.sent(), r.redeemed()))
        .toList();
    return new StatisticsView(items, summary, children, workflows);
  }

  /** Days until the set (or child set) runs dry at the assignment rate of the last seven days before {@code now}. */
  public Forecast forecast(long couponSetId, Long childSetId, Instant now) {
    CouponSetView set = sets.get(couponSetId);
    Long available = set.available();
    if (childSetId != null) {
      ChildSetView child = set.childSets().stream().filter(c -> c.id() == childSetId).findFirst()
          .orElseThrow(() -> ApiException.notFound("Child set", childSetId));
      available = child.available();
    }
    long assigned = rollups.assignedSince(couponSetId, childSetId, now.minus(Duration.ofDays(FORECAST_WINDOW_DAYS)));
    double perDay = (double) assigned / FORECAST_WINDOW_DAYS;
    if (available == null || perDay == 0) {
      return new Forecast(available, FORECAST_WINDOW_DAYS, perDay, null, null);
    }
    double daysLeft = available / perDay;
    return new Forecast(available, FORECAST_WINDOW_DAYS, perDay, daysLeft,
        now.plusSeconds((long) (daysLeft * 86_400)));
  }

  public Forecast forecast(long couponSetId) {
    return forecast(couponSetId, null, clock.instant());
  }
}
