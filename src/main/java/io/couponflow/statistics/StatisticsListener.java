package io.couponflow.statistics;

import io.couponflow.assignment.AssignmentEvents.CouponAssigned;
import io.couponflow.assignment.AssignmentEvents.CouponsAssigned;
import io.couponflow.assignment.AssignmentEvents.CouponReleased;
import io.couponflow.assignment.AssignmentEvents.CouponSent;
import io.couponflow.couponset.CouponSetDeleted;
import io.couponflow.redemption.RedemptionEvents.CouponRedeemed;
import java.time.Duration;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the rollups in the transaction of the change they count, so they are exact and never counted
 * twice. A release counts nothing: the hour's assignment happened; a new assignment of the code
 * is another event.
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
    record Bucket(long couponSetId, java.time.Instant hour, long childKey, long workflowKey) {}
    java.util.Map<Bucket, Long> counts = new java.util.LinkedHashMap<>();
    for (CouponAssigned e : batch.assigned()) {
      counts.merge(new Bucket(e.couponSetId(), e.at().truncatedTo(java.time.temporal.ChronoUnit.HOURS),
          e.codeChildKey(), workflowKey(e.workflowId())), 1L, Long::sum);
    }
    counts.forEach((b, count) -> rollups.add(b.couponSetId(), b.hour(), b.childKey(), b.workflowKey(), count, 0, 0));
  }

  @EventListener
  void on(CouponSent e) {
    rollups.add(e.couponSetId(), e.at(), e.codeChildKey(), workflowKey(e.workflowId()), 0, 1, 0);
  }

  @EventListener
  void on(CouponReleased e) {
    // deliberately nothing: buckets count what happened in them, and the assignment did happen
  }

  @EventListener
  void on(CouponRedeemed e) {
    long workflowKey = workflowKey(e.workflowId());
    rollups.add(e.couponSetId(), e.at(), e.childKey(), workflowKey, 0, 0, 1);
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
