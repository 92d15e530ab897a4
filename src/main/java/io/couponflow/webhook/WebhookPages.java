package io.couponflow.webhook;

import io.couponflow.common.ApiException;
import io.couponflow.common.PageRequest;
import io.couponflow.couponset.CouponSetService;
import io.couponflow.web.OnceOnlyForms;
import io.couponflow.web.PageController;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Settings → Webhooks: the subscriptions with their delivery counts, a form for a new one (its
 * secret shown once, with a copy button), delete, and per subscription the delivery log with each
 * attempt's response code and a Redeliver button.
 */
@PageController
class WebhookPages {
  private static final int LOG_PAGE = 50;

  private final WebhookService webhooks;
  private final CouponSetService sets;
  private final Clock clock;

  WebhookPages(WebhookService webhooks, CouponSetService sets, Clock clock) {
    this.webhooks = webhooks;
    this.sets = sets;
    this.clock = clock;
  }

  /** A subscription as the list shows it, with its deliveries counted by status. */
  record Row(WebhookService.SubscriptionView subscription, long delivered, long pending, long failed) {}

  @GetMapping("/settings/webhooks")
  String list(Model model, HttpSession session) {
    List<Row> rows = webhooks.list().stream().map(s -> {
      Map<String, Long> counts = webhooks.statusCounts(s.id());
      return new Row(s, counts.getOrDefault("delivered", 0L), counts.getOrDefault("pending", 0L),
          counts.getOrDefault("failed", 0L));
    }).toList();
    model.addAttribute("rows", rows);
    model.addAttribute("types", WebhookEventType.values());
    model.addAttribute("formToken", OnceOnlyForms.issue(session));
    if (!model.containsAttribute("url")) {
      model.addAttribute("url", "");
      model.addAttribute("chosen", List.of());
    }
    return "webhook/list";
  }

  @PostMapping("/settings/webhooks")
  String create(@RequestParam(defaultValue = "") String url, @RequestParam(required = false) List<String> events,
      @RequestParam(required = false) String formToken, Model model, RedirectAttributes redirect,
      HttpServletResponse response, HttpSession session) {
    List<String> chosen = events == null ? List.of() : events;
    try {
      var created = OnceOnlyForms.once(session, formToken, clock.instant(), () -> webhooks.create(url, chosen));
      if (created.isEmpty()) {
        redirect.addFlashAttribute("notice", "That form had expired, so no webhook was created. Please create it again.");
      } else {
        redirect.addFlashAttribute("created", created.get());
      }
      return "redirect:/settings/webhooks";
    } catch (ApiException e) {
      response.setStatus(422);
      model.addAttribute("url", url);
      model.addAttribute("chosen", chosen);
      model.addAttribute("errors", Map.of("events".equals(e.field()) ? "events" : "url", e.getMessage()));
      return list(model, session);
    }
  }

  @PostMapping("/settings/webhooks/{id}/delete")
  String delete(@PathVariable long id, RedirectAttributes redirect) {
    webhooks.delete(id);
    redirect.addFlashAttribute("notice", "The webhook was deleted: it receives no more events.");
    return "redirect:/settings/webhooks";
  }

  @GetMapping("/settings/webhooks/{id}")
  String deliveries(@PathVariable long id, @RequestParam(required = false) Long before, Model model) {
    WebhookService.SubscriptionView subscription = webhooks.get(id);
    var response = webhooks.deliveries(id, new PageRequest(LOG_PAGE, before));
    List<WebhookService.DeliveryView> page = response.items();
    Map<Long, List<WebhookService.AttemptView>> attempts = new LinkedHashMap<>();
    page.forEach(d -> attempts.put(d.id(), d.attempts() == 0 ? List.of() : webhooks.delivery(id, d.id()).attempts()));
    model.addAttribute("subscription", subscription);
    model.addAttribute("deliveries", page);
    model.addAttribute("attempts", attempts);
    Map<Long, String> setNames = new LinkedHashMap<>();
    page.forEach(d -> setNames.computeIfAbsent(d.couponSetId(), this::setName));
    model.addAttribute("setNames", setNames);
    model.addAttribute("counts", webhooks.statusCounts(id));
    model.addAttribute("older", response.links().next() == null ? null : page.get(page.size() - 1).id());
    model.addAttribute("firstPage", before == null);
    return "webhook/deliveries";
  }

  private String setName(long couponSetId) {
    try {
      return sets.get(couponSetId).name();
    } catch (ApiException deleted) {
      return "Deleted set #" + couponSetId;
    }
  }

  @PostMapping("/settings/webhooks/{id}/deliveries/{deliveryId}/redeliver")
  String redeliver(@PathVariable long id, @PathVariable long deliveryId, RedirectAttributes redirect) {
    var again = webhooks.redeliver(id, deliveryId);
    redirect.addFlashAttribute("notice", "Event " + again.eventId() + " is queued to be sent again.");
    return "redirect:/settings/webhooks/" + id;
  }
}
