package io.couponflow.statistics;

import java.time.Instant;
import java.util.List;

/**
 * The statistics answer: {@code items} (the contract's buckets, zeros included), plus a summary of the
 * window and breakdowns by child set (null = codes outside child sets) and by workflow (null = none).
 */
public record StatisticsView(List<Bucket> items, Summary summary, List<ChildSetRow> childSets,
    List<WorkflowRow> workflows) {

  public record Bucket(Instant start, long assigned, long sent, long redeemed) {}

  /** conversion = redeemed / sent in the window (null when nothing was sent). */
  public record Summary(Instant from, Instant to, String interval, long assigned, long sent, long redeemed,
      Double conversion, Double medianSecondsSentToRedeemed) {}

  public record ChildSetRow(Long childSetId, String name, long assigned, long sent, long redeemed) {}

  public record WorkflowRow(Long workflowId, long assigned, long sent, long redeemed) {}
}
