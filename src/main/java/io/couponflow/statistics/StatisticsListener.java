package io.couponflow.statistics;

import io.couponflow.assignment.AssignmentEvents.CouponAssigned;
import io.couponflow.assignment.AssignmentEvents.CouponsAssigned;
import io.couponflow.assignment.AssignmentEvents.CouponReleased;
import io.couponflow.assignment.AssignmentEvents.CouponSent;
import io.couponflow.couponset.CouponSetDeleted;
import io.couponflow.redemption.RedemptionEvents.CouponRedeemed;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the rollups in the transaction of the change they count, so they are exact and never counted
 * twice, and so their sums are the set's counters (couponset/Figures): a release takes its
 * assignment back from the hour it was made in; a leaked use counts as leaked, not redeemed.
 */
@Component
class StatisticsListener {
  private final StatisticsRepository rollups;

  StatisticsListener(StatisticsRepository rollups) {
    this.rollups = rollups;
  }

  /** A batch counts once per hour, child set and workflow it touches: usually two upserts for the whole batch. */
  @EventListener
  void on(CouponsAssigned batch) {
    record Bucket(long couponSetId, Instant hour, long childKey, long workflowKey) {}
    Map<Bucket, Long> counts = new LinkedHashMap<>();
    for (CouponAssigned e : batch.assigned()) {
      counts.merge(new Bucket(e.couponSetId(), e.at().truncatedTo(ChronoUnit.HOURS), e.codeChildKey(),
          workflowKey(e.workflowId())), 1L, Long::sum);
    }
    counts.forEach((b, count) -> rollups.add(b.couponSetId(), b.hour(), b.childKey(), b.workflowKey(),
        Tally.assignments(count)));
  }

  @EventListener
  void on(CouponSent e) {
    rollups.add(e.couponSetId(), e.at(), e.codeChildKey(), workflowKey(e.workflowId()), Tally.send());
  }

  /** "Assigned in an hour" = assignments made in it and still held, so the buckets add up to the counter. */
  @EventListener
  void on(CouponReleased e) {
    rollups.add(e.couponSetId(), e.assignedAt(), e.codeChildKey(), workflowKey(e.workflowId()), Tally.assignments(-1));
  }

  @EventListener
  void on(CouponRedeemed e) {
    long workflowKey = workflowKey(e.workflowId());
    Tally delta = e.leaked() ? Tally.leakedUse() : Tally.redemption(e.byOtherContact());
    rollups.add(e.couponSetId(), e.at(), e.childKey(), workflowKey, delta);
    if (e.sentAt() != null) {
      long seconds = Math.max(0, Duration.between(e.sentAt(), e.at()).getSeconds());
      rollups.addDelay(e.couponSetId(), e.at(), e.redemptionId(), e.childKey(), workflowKey, seconds);
    }
  }

  @EventListener
  void on(CouponSetDeleted e) {
    rollups.deleteSet(e.couponSetId());
  }

  private static long workflowKey(Long workflowId) {
    return workflowId == null ? 0 : workflowId;
  }
}
