package io.couponflow.webhook;

import io.couponflow.assignment.AssignmentEvents;
import io.couponflow.assignment.AssignmentEvents.CouponAssigned;
import io.couponflow.importing.ImportEvents;
import io.couponflow.redemption.RedemptionEvents;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Turns the features' in-transaction events into webhook events, in the same transaction: an
 * assignment batch becomes one multi-row insert, and nothing at all when nobody subscribes.
 */
@Component
class WebhookAnnouncer {
  private final WebhookOutbox outbox;
  private final WebhookRepository repository;
  private final Clock clock;

  WebhookAnnouncer(WebhookOutbox outbox, WebhookRepository repository, Clock clock) {
    this.outbox = outbox;
    this.repository = repository;
    this.clock = clock;
  }

  @EventListener
  void on(AssignmentEvents.CouponsAssigned batch) {
    if (outbox.wanted(WebhookEventType.COUPON_SET_EXHAUSTED)) {
      // the set handed out a code: when it runs out again, that is news again
      List<Long> sets = new ArrayList<>(new LinkedHashSet<>(batch.assigned().stream().map(CouponAssigned::couponSetId)
          .toList()));
      repository.forgetRanOut(sets);
    }
    if (!outbox.wanted(WebhookEventType.COUPON_ASSIGNED)) {
      return;
    }
    List<WebhookOutbox.Event> events = new ArrayList<>(batch.assigned().size());
    for (CouponAssigned e : batch.assigned()) {
      events.add(new WebhookOutbox.Event(e.couponSetId(), data("assignmentId", e.assignmentId(), "couponSetId",
          e.couponSetId(), "childSetId", e.childSetId(), "code", e.code(), "contactId", e.contactId(), "workflowId",
          e.workflowId(), "assignedAt", e.at().toString())));
    }
    outbox.announceAll(WebhookEventType.COUPON_ASSIGNED, events);
  }

  @EventListener
  void on(AssignmentEvents.CouponSent e) {
    if (outbox.wanted(WebhookEventType.COUPON_SENT)) {
      outbox.announce(WebhookEventType.COUPON_SENT, e.couponSetId(), data("assignmentId", e.assignmentId(),
          "couponSetId", e.couponSetId(), "code", e.code(), "contactId", e.contactId(), "workflowId", e.workflowId(),
          "sentAt", e.at().toString()));
    }
  }

  @EventListener
  void on(AssignmentEvents.CouponReleased e) {
    if (outbox.wanted(WebhookEventType.COUPON_RELEASED)) {
      outbox.announce(WebhookEventType.COUPON_RELEASED, e.couponSetId(), data("assignmentId", e.assignmentId(),
          "couponSetId", e.couponSetId(), "code", e.code(), "contactId", e.contactId(), "workflowId", e.workflowId(),
          "releasedAt", e.at().toString()));
    }
  }

  @EventListener
  void on(RedemptionEvents.CouponRedeemed e) {
    if (outbox.wanted(WebhookEventType.COUPON_REDEEMED)) {
      outbox.announce(WebhookEventType.COUPON_REDEEMED, e.couponSetId(), data("redemptionId", e.redemptionId(),
          "couponSetId", e.couponSetId(), "code", e.code(), "contactId", e.contactId(), "workflowId", e.workflowId(),
          "leaked", e.leaked(), "redeemedAt", e.at().toString()));
    }
  }

  @EventListener
  void on(AssignmentEvents.CouponSetRanOut e) {
    if (outbox.wanted(WebhookEventType.COUPON_SET_EXHAUSTED)
        && repository.markRanOut(e.couponSetId(), e.childSetId() == null ? 0 : e.childSetId(), clock.instant())) {
      outbox.announce(WebhookEventType.COUPON_SET_EXHAUSTED, e.couponSetId(), data("couponSetId", e.couponSetId(),
          "childSetId", e.childSetId(), "ranOutAt", e.at().toString()));
    }
  }

  @EventListener
  void on(ImportEvents.ImportFinished e) {
    if (outbox.wanted(WebhookEventType.IMPORT_FINISHED)) {
      outbox.announce(WebhookEventType.IMPORT_FINISHED, e.couponSetId(), data("importId", e.importId(), "couponSetId",
          e.couponSetId(), "childSetId", e.childSetId(), "fileName", e.fileName(), "total", e.total(), "added",
          e.added(), "errors", e.errors(), "finishedAt", e.at().toString()));
    }
  }

  @EventListener
  void on(ImportEvents.ImportFailed e) {
    if (outbox.wanted(WebhookEventType.IMPORT_FAILED)) {
      outbox.announce(WebhookEventType.IMPORT_FAILED, e.couponSetId(), data("importId", e.importId(), "couponSetId",
          e.couponSetId(), "childSetId", e.childSetId(), "fileName", e.fileName(), "reason", e.reason(), "failedAt",
          e.at().toString()));
    }
  }

  /** Name-value pairs in order; null values kept (receivers see the field as null). */
  private static Map<String, Object> data(Object... pairs) {
    Map<String, Object> data = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      data.put((String) pairs[i], pairs[i + 1]);
    }
    return data;
  }
}
