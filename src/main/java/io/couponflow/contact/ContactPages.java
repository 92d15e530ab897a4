package io.couponflow.contact;

import io.couponflow.web.PageController;
import io.couponflow.common.ApiException;
import io.couponflow.common.PageRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/** Contact search and the contact card with its filterable activity timeline. */
@PageController
class ContactPages {
  /** The timeline's types as the card names them; the filter offers these. */
  static final Map<String, String> LABELS = labels();

  private final ContactService contacts;
  private final ActivityLog activity;

  ContactPages(ContactService contacts, ActivityLog activity) {
    this.contacts = contacts;
    this.activity = activity;
  }

  private static Map<String, String> labels() {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put(ActivityType.COUPON_ASSIGNED, "Assigned coupon");
    labels.put(ActivityType.COUPON_SENT, "Coupon sent");
    labels.put(ActivityType.COUPON_REDEEMED, "Coupon redeemed");
    labels.put(ActivityType.COUPON_RELEASED, "Coupon released");
    labels.put(ActivityType.COUPON_EXHAUSTED, "Set exhausted");
    labels.put(ActivityType.COUPON_FALLBACK, "Fallback code");
    labels.put(ActivityType.EMAIL_SENT, "Email sent");
    labels.put(ActivityType.EMAIL_FAILED, "Email failed");
    labels.put(ActivityType.WEB_CONTENT_SHOWN, "Web content shown");
    labels.put(ActivityType.WORKFLOW_STARTED, "Workflow started");
    labels.put(ActivityType.WORKFLOW_FINISHED, "Workflow finished");
    labels.put(ActivityType.EVENT, "Event");
    return labels;
  }

  @GetMapping("/contacts")
  String search(@RequestParam(required = false) String q, Model model) {
    model.addAttribute("q", q == null ? "" : q);
    model.addAttribute("contacts", contacts.search(q, null, 100));
    return "contact/list";
  }

  @GetMapping("/contacts/{id}")
  String card(@PathVariable String id, @RequestParam(required = false) String type, Model model) {
    model.addAttribute("contact", contacts.require(id));
    timeline(id, type, model);
    return "contact/card";
  }

  /** htmx asks for the timeline only when the filter changes. */
  @GetMapping(value = "/contacts/{id}", headers = "HX-Request")
  String timelineOnly(@PathVariable String id, @RequestParam(required = false) String type,
      @RequestHeader("HX-Request") String htmx, Model model) {
    contacts.require(id);
    timeline(id, type, model);
    return "contact/card :: timeline";
  }

  private void timeline(String id, String type, Model model) {
    String wanted = type == null || type.isBlank() ? null : type;
    if (wanted != null && !LABELS.containsKey(wanted)) {
      throw ApiException.invalid("type", "unknown activity type " + wanted);
    }
    List<ActivityEntry> entries = activity.page(id, wanted, PageRequest.of(200, null)).items();
    model.addAttribute("entries", entries);
    model.addAttribute("type", wanted == null ? "" : wanted);
    model.addAttribute("labels", LABELS);
  }
}
