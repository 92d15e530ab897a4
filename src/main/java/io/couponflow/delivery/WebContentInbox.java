package io.couponflow.delivery;

import io.couponflow.contact.ActivityEntry;
import io.couponflow.contact.ActivityLog;
import io.couponflow.contact.ActivityType;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Popups waiting for a contact's next page view. Queuing one shows nothing yet; the snippet
 * fetching it is the moment the contact sees the code, so that is when its coupons count as sent.
 */
@Service
public class WebContentInbox {
  /** A popup as the snippet receives it; codes lets it offer a copy button. */
  public record Popup(long id, String html, List<String> codes) {}

  private final WebContentRepository contents;
  private final CodeDelivery codes;
  private final ActivityLog activity;
  private final TransactionTemplate tx;
  private final Clock clock;

  WebContentInbox(WebContentRepository contents, CodeDelivery codes, ActivityLog activity, TransactionTemplate tx,
      Clock clock) {
    this.contents = contents;
    this.codes = codes;
    this.activity = activity;
    this.tx = tx;
    this.clock = clock;
  }

  /** A popup to queue for a workflow run step; codes are the ones its html shows. */
  public record QueuedPopup(long runId, int nodeIndex, String contactId, String html, List<Long> assignmentIds,
      List<String> codes) {}

  /** Queues many popups with multi-row inserts; a run step that already queued its popup adds nothing. */
  public void queueAll(List<QueuedPopup> popups) {
    if (!popups.isEmpty()) {
      contents.insertAllOnce(popups, clock.instant());
    }
  }

  public void queue(Long runId, Integer nodeIndex, String contactId, String html, List<Long> assignmentIds,
      List<String> shownCodes) {
    contents.insertOnce(runId, nodeIndex, contactId, html, assignmentIds, shownCodes, clock.instant());
  }

  /** Hands out the contact's pending popups once, and marks their coupons sent. */
  public List<Popup> deliver(String contactId) {
    List<WebContentRepository.Pending> pending = tx.execute(s -> {
      List<WebContentRepository.Pending> locked = contents.lockPending(contactId);
      Instant now = clock.instant();
      for (var p : locked) {
        contents.markDelivered(p.id(), now);
        activity.record(ActivityEntry.of(contactId, ActivityType.WEB_CONTENT_SHOWN, now).workflow(null, p.runId()));
      }
      return locked;
    });
    List<Popup> popups = new ArrayList<>();
    for (var p : pending) {
      codes.markShown(p.assignmentIds());
      popups.add(new Popup(p.id(), p.html(), p.codes()));
    }
    return popups;
  }
}
