package io.couponflow.statistics;

import java.time.Instant;
import java.util.List;

/**
 * The statistics answer: {@code items} (the contract's buckets, zeros included), plus a summary of the
 * window and breakdowns by child set (null = codes outside child sets) and by workflow (null = none).
 * Every count means what couponset/Figures says, over the window: assigned = assignments made in it
 * and still held; leaked = uses in it that no assignment accounts for.
 */
public record StatisticsView(List<Bucket> items, Summary summary, List<ChildSetRow> childSets,
    List<WorkflowRow> workflows) {

  public record Bucket(Instant start, long assigned, long sent, long redeemed, long leaked, long redeemedByOthers) {}

  /** conversion = redeemed / assigned in the window (null when nothing was assigned). */
  public record Summary(Instant from, Instant to, String interval, long assigned, long sent, long redeemed,
      Double conversion, Double medianSecondsSentToRedeemed, long leaked, long redeemedByOthers) {}

  public record ChildSetRow(Long childSetId, String name, long assigned, long sent, long redeemed, long leaked,
      long redeemedByOthers, Double conversion) {}

  /** name: the workflow's name, "API (no workflow)" for workflowId null. */
  public record WorkflowRow(Long workflowId, String name, long assigned, long sent, long redeemed, long leaked,
      long redeemedByOthers, Double conversion) {}
}
