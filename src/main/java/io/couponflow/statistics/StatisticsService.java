package io.couponflow.statistics;

import io.couponflow.common.ApiException;
import io.couponflow.couponset.ChildSetView;
import io.couponflow.couponset.CouponSetService;
import io.couponflow.couponset.CouponSetView;
import io.couponflow.couponset.Figures;
import io.couponflow.statistics.StatisticsRepository.Grain;
import io.couponflow.statistics.StatisticsRepository.Row;
import io.couponflow.workflow.WorkflowService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * Time series, breakdowns and the forecast of a set from the rollups, and its figures since it was
 * created ({@link #overview}): every figure as couponset/Figures defines it.
 */
@Service
public class StatisticsService {
  static final int MAX_BUCKETS = 10_000;
  static final int FORECAST_WINDOW_DAYS = 7;
  static final int MEDIAN_SAMPLE = 2_000;
  static final String API_NAME = "API (no workflow)";
  static final String NOT_ASSIGNED_NAME = "Not assigned to anyone (leaked)";
  static final String OUTSIDE_CHILD_SETS = "Codes outside child sets";
  private static final Instant ALL_TIME_FROM = Instant.parse("1970-01-01T00:00:00Z");
  private static final Instant ALL_TIME_TO = Instant.parse("9999-01-01T00:00:00Z");

  private final StatisticsRepository rollups;
  private final CouponSetService sets;
  private final WorkflowService workflowLookup;
  private final Clock clock;

  StatisticsService(StatisticsRepository rollups, CouponSetService sets, WorkflowService workflowLookup, Clock clock) {
    this.rollups = rollups;
    this.sets = sets;
    this.workflowLookup = workflowLookup;
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
    Map<Instant, Tally> byStart = new HashMap<>();
    Grain grain = interval == Interval.HOUR ? Grain.HOUR : Grain.DAY;
    for (Row row : rollups.series(grain, couponSetId, start, queryEnd, childSetId, workflowId)) {
      byStart.merge(interval.floor(row.hour()), row.tally(), Tally::plus);
    }
    List<StatisticsView.Bucket> items = new ArrayList<>((int) buckets);
    Tally sum = Tally.ZERO;
    for (Instant at = start; at.isBefore(queryEnd); at = at.plus(interval.width())) {
      Tally t = byStart.getOrDefault(at, Tally.ZERO);
      items.add(new StatisticsView.Bucket(at, t.assigned(), t.sent(), t.redeemed(), t.leaked(), t.redeemedByOthers()));
      sum = sum.plus(t);
    }
    Figures window = sum.figures();
    var summary = new StatisticsView.Summary(start, queryEnd, interval.name().toLowerCase(), window.assigned(),
        window.sent(), window.redeemed(), window.conversion(),
        rollups.medianDelaySeconds(couponSetId, start, queryEnd, childSetId, workflowId, MEDIAN_SAMPLE),
        window.leaked(), window.redeemedByOthers());
    Map<Long, String> childNames = childNames(set);
    List<StatisticsView.ChildSetRow> children = rollups.byChild(grain, couponSetId, start, queryEnd, workflowId).stream()
        .filter(r -> childSetId == null || r.key() == childSetId)
        .map(r -> {
          Figures f = r.tally().figures();
          return new StatisticsView.ChildSetRow(r.key() == 0 ? null : r.key(), childName(childNames, r.key()),
              f.assigned(), f.sent(), f.redeemed(), f.leaked(), f.redeemedByOthers(), f.conversion());
        })
        .toList();
    Map<Long, String> workflowNames = new HashMap<>();
    List<StatisticsView.WorkflowRow> workflows = rollups.byWorkflow(grain, couponSetId, start, queryEnd, childSetId)
        .stream()
        .filter(r -> workflowId == null || r.key() == workflowId)
        .map(r -> {
          Figures f = r.tally().figures();
          return new StatisticsView.WorkflowRow(r.key() == 0 ? null : r.key(), workflowName(workflowNames, r.key()),
              f.assigned(), f.sent(), f.redeemed(), f.leaked(), f.redeemedByOthers(), f.conversion());
        })
        .toList();
    return new StatisticsView(items, summary, children, workflows);
  }

  /**
   * The set's figures since it was created: its counters, its child sets compared (their counters),
   * and each workflow's share (the rollups of all time, which add up to the counters).
   */
  public SetStatistics overview(long couponSetId) {
    CouponSetView set = sets.get(couponSetId);
    Figures figures = set.figures();
    List<Comparison.Entry> entries = new ArrayList<>();
    if (!set.childSets().isEmpty()) {
      Figures inChildren = Figures.activity(0, 0, 0, 0, 0);
      for (ChildSetView child : set.childSets()) {
        entries.add(new Comparison.Entry(child.id(), child.name(), child.figures()));
        inChildren = inChildren.plus(child.figures());
      }
      Figures outside = Figures.activity(figures.assigned() - inChildren.assigned(), figures.sent() - inChildren.sent(),
          figures.redeemed() - inChildren.redeemed(), figures.leaked() - inChildren.leaked(),
          figures.redeemedByOthers() - inChildren.redeemedByOthers());
      if (outside.assigned() != 0 || outside.uses() != 0) {
        entries.add(new Comparison.Entry(null, OUTSIDE_CHILD_SETS, outside));
      }
    }
    Map<Long, String> workflowNames = new HashMap<>();
    List<SetStatistics.WorkflowFigures> workflows = new ArrayList<>();
    Tally api = Tally.ZERO;
    for (Row row : rollups.byWorkflow(Grain.DAY, couponSetId, ALL_TIME_FROM, ALL_TIME_TO, null)) {
      if (row.key() == 0) {
        api = row.tally();
      } else {
        workflows.add(new SetStatistics.WorkflowFigures("workflow", row.key(), workflowName(workflowNames, row.key()),
            row.tally().figures()));
      }
    }
    workflows.sort(Comparator.comparing(SetStatistics.WorkflowFigures::name, String.CASE_INSENSITIVE_ORDER));
    if (api.assigned() != 0 || api.sent() != 0 || api.redeemed() != 0) {
      workflows.add(new SetStatistics.WorkflowFigures("api", null, API_NAME,
          Figures.activity(api.assigned(), api.sent(), api.redeemed(), 0, api.redeemedByOthers())));
    }
    if (api.leaked() != 0) {
      workflows.add(new SetStatistics.WorkflowFigures("not-assigned", null, NOT_ASSIGNED_NAME,
          Figures.activity(0, 0, 0, api.leaked(), 0)));
    }
    return new SetStatistics(set.id(), set.name(), figures, Comparison.of(entries), List.copyOf(workflows),
        new SetStatistics.Leaks(figures.leaked(), figures.redeemedByOthers()));
  }

  private static Map<Long, String> childNames(CouponSetView set) {
    Map<Long, String> names = new HashMap<>();
    set.childSets().forEach(c -> names.put(c.id(), c.name()));
    return names;
  }

  private static String childName(Map<Long, String> names, long key) {
    return key == 0 ? OUTSIDE_CHILD_SETS : names.getOrDefault(key, "Deleted child set");
  }

  private String workflowName(Map<Long, String> cache, long key) {
    if (key == 0) {
      return API_NAME;
    }
    return cache.computeIfAbsent(key, id -> {
      try {
        return workflowLookup.require(id).name();
      } catch (ApiException gone) {
        return "Deleted workflow";
      }
    });
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
