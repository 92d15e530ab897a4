package io.couponflow.statistics;

import io.couponflow.couponset.Figures;
import java.util.List;

/**
 * A set's figures since it was created, as every page and the API show them: the set's own (its
 * counters), its child sets compared, each workflow's share and the leak counts. The workflow rows
 * add up to the set's figures.
 */
public record SetStatistics(long couponSetId, String name, Figures figures, Comparison childSets,
    List<WorkflowFigures> workflows, Leaks leaks) {

  /**
   * source: {@code workflow} (workflowId and its name), {@code api} (assigned through the API, no
   * workflow) or {@code not-assigned} (uses no assignment accounts for: only {@code leaked}).
   */
  public record WorkflowFigures(String source, Long workflowId, String name, Figures figures) {}

  /** notAssigned: redeemed though nobody was given the code; otherContact: redeemed by someone else than its holder. */
  public record Leaks(long notAssigned, long otherContact) {
    public long total() {
      return notAssigned + otherContact;
    }
  }
}
