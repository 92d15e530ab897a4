package io.couponflow.contact;

import io.couponflow.assignment.AssignmentEvents;
import io.couponflow.common.ApiException;
import io.couponflow.common.PageRequest;
import io.couponflow.common.PageResponse;
import io.couponflow.redemption.RedemptionEvents;
import java.util.Arrays;
import java.util.List;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * Each contact's timeline. Coupon entries are written by listeners inside the assignment's own
 * transaction, so the timeline never shows a code that was rolled back, nor misses one that was not.
 */
@Service
public class ActivityLog {
  private final ActivityRepository activities;
  private final ContactRepository contacts;

  ActivityLog(ActivityRepository activities, ContactRepository contacts) {
    this.activities = activities;
    this.contacts = contacts;
  }

  /** Records an entry in the caller's transaction, if any. */
  public void record(ActivityEntry entry) {
    activities.insert(entry);
  }

  /** Records entries in the caller's transaction, with multi-row inserts. */
  public void recordAll(List<ActivityEntry> entries) {
    if (!entries.isEmpty()) {
      activities.insertAll(entries);
    }
  }

  public PageResponse<ActivityEntry> page(String contactId, String types, PageRequest page) {
    if (contacts.find(contactId).isEmpty() && !activities.any(contactId)) {
      throw ApiException.notFound("Contact", contactId);
    }
    List<String> wanted = types == null || types.isBlank() ? List.of()
        : Arrays.stream(types.split(",")).map(String::strip).filter(t -> !t.isEmpty()).toList();
    return page.toResponse(activities.page(contactId, wanted, page.beforeId(), page.fetchSize()), ActivityEntry::id);
  }

  @EventListener
  void on(AssignmentEvents.CouponsAssigned batch) {
    recordAll(batch.assigned().stream().map(e -> ActivityEntry.of(e.contactId(), ActivityType.COUPON_ASSIGNED, e.at())
        .coupon(e.couponSetId(), e.code()).workflow(e.workflowId(), null)).toList());
  }

  @EventListener
  void on(AssignmentEvents.CouponSent e) {
    record(ActivityEntry.of(e.contactId(), ActivityType.COUPON_SENT, e.at()).coupon(e.couponSetId(), e.code())
        .workflow(e.workflowId(), null));
  }

  @EventListener
  void on(RedemptionEvents.CouponRedeemed e) {
    if (e.contactId() != null) {
      record(ActivityEntry.of(e.contactId(), ActivityType.COUPON_REDEEMED, e.at()).coupon(e.couponSetId(), e.code())
          .workflow(e.workflowId(), null).detail(e.leaked() ? "leaked: the code was never handed out" : null));
    }
  }

  @EventListener
  void on(AssignmentEvents.CouponReleased e) {
    record(ActivityEntry.of(e.contactId(), ActivityType.COUPON_RELEASED, e.at()).coupon(e.couponSetId(), e.code())
        .workflow(e.workflowId(), null));
  }
}
