package io.couponflow.alert;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import io.couponflow.common.ApiException;
import io.couponflow.couponset.CouponSetService;
import io.couponflow.couponset.CouponSetView;
import io.couponflow.statistics.Forecast;
import io.couponflow.statistics.StatisticsService;
import io.couponflow.webhook.WebhookEventType;
import io.couponflow.webhook.WebhookOutbox;
import io.couponflow.webhook.WebhookService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Alert rules per set and their evaluation. A rule fires when its observed value drops below the
 * threshold and it was not firing; it re-arms when the value is back at or above it. The state row
 * is locked while deciding, so nodes evaluating at once fire a crossing exactly once; the firing's
 * {@code coupon-set.alert} webhook event and its email are written in that same transaction.
 */
@Service
public class AlertService {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final AlertRepository alerts;
  private final CouponSetService sets;
  private final StatisticsService statistics;
  private final Scheduler scheduler;
  private final OneTimeTask<Void> deliveryTask;
  private final ObjectProvider<JavaMailSender> mail;
  private final WebhookOutbox outbox;
  private final WebhookService webhooks;
  private final TransactionTemplate tx;
  private final Clock clock;

  AlertService(AlertRepository alerts, CouponSetService sets, StatisticsService statistics, Scheduler scheduler,
      @Qualifier("alertDeliveryTask") OneTimeTask<Void> alertDeliveryTask, ObjectProvider<JavaMailSender> mail,
      WebhookOutbox outbox, WebhookService webhooks, TransactionTemplate tx, Clock clock) {
    this.alerts = alerts;
    this.sets = sets;
    this.statistics = statistics;
    this.scheduler = scheduler;
    this.deliveryTask = alertDeliveryTask;
    this.mail = mail;
    this.outbox = outbox;
    this.webhooks = webhooks;
    this.tx = tx;
    this.clock = clock;
  }

  @Transactional
  public Alert create(long couponSetId, AlertRequests.CreateAlert request) {
    sets.require(couponSetId);
    if (request.kind() == AlertKind.AVAILABLE_BELOW_PERCENT && request.threshold() > 100) {
      throw ApiException.invalid("threshold", "a percentage threshold is at most 100");
    }
    long id = alerts.insert(couponSetId, request.kind(), request.threshold(), request.email(), clock.instant());
    return alerts.lock(id).orElseThrow();
  }

  public List<Alert> list(long couponSetId) {
    sets.require(couponSetId);
    return alerts.forSet(couponSetId);
  }

  public void delete(long couponSetId, long alertId) {
    if (!alerts.delete(couponSetId, alertId)) {
      throw ApiException.notFound("Alert", alertId);
    }
  }

  List<AlertRepository.Delivery> deliveries(long couponSetId, long alertId) {
    if (alerts.forSet(couponSetId).stream().noneMatch(a -> a.id() == alertId)) {
      throw ApiException.notFound("Alert", alertId);
    }
    return alerts.deliveries(alertId);
  }

  /** Evaluates every rule of every set that has one; returns how many fired. */
  public int evaluateAll(Instant now) {
    int fired = 0;
    for (long setId : alerts.setsWithAlerts()) {
      try {
        fired += evaluate(setId, now);
      } catch (ApiException gone) {
        // the set was deleted meanwhile; its rules went with it
      }
    }
    return fired;
  }

  /** Evaluates the rules of one set at {@code now}; returns how many fired. */
  public int evaluate(long couponSetId, Instant now) {
    CouponSetView set = sets.get(couponSetId);
    Forecast forecast = null;
    int fired = 0;
    for (Alert alert : alerts.forSet(couponSetId)) {
      if (alert.kind() == AlertKind.DAYS_LEFT_BELOW && forecast == null) {
        forecast = statistics.forecast(couponSetId, null, now);
      }
      Double observed = observe(alert.kind(), set, forecast, now);
      boolean below = observed != null && observed < alert.threshold();
      Boolean didFire = tx.execute(status -> decide(alert.id(), set, observed, below, now));
      fired += Boolean.TRUE.equals(didFire) ? 1 : 0;
    }
    return fired;
  }

  private boolean decide(long alertId, CouponSetView set, Double observed, boolean below, Instant now) {
    Optional<Alert> locked = alerts.lock(alertId);
    if (locked.isEmpty()) {
      return false;
    }
    Alert alert = locked.get();
    if (below && !alert.firing()) {
      alerts.setState(alertId, true, observed, true, now);
      deliver(alert, set, observed, now);
      return true;
    }
    if (below != alert.firing() || !java.util.Objects.equals(observed, alert.observed())) {
      alerts.setState(alertId, below, observed, false, now);
    }
    return false;
  }

  private static Double observe(AlertKind kind, CouponSetView set, Forecast forecast, Instant now) {
    return switch (kind) {
      case AVAILABLE_BELOW -> set.available() == null ? null : set.available().doubleValue();
      case AVAILABLE_BELOW_PERCENT -> set.total() == null || set.total() == 0 ? null
          : set.available() * 100.0 / set.total();
      case DAYS_LEFT_BELOW -> forecast == null ? null : forecast.daysLeft();
      case EXPIRES_WITHIN_DAYS -> set.expiresAt() == null ? null
          : Duration.between(now, set.expiresAt()).toSeconds() / 86_400.0;
    };
  }

  private void deliver(Alert alert, CouponSetView set, Double observed, Instant now) {
    String title = alert.kind().title(alert.threshold());
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("alertId", alert.id());
    payload.put("couponSetId", set.id());
    payload.put("couponSetName", set.name());
    payload.put("kind", alert.kind().wire());
    payload.put("threshold", alert.threshold());
    payload.put("observed", observed);
    payload.put("title", title);
    payload.put("message", title + " in coupon set " + set.name() + " (now "
        + (observed == null ? "-" : String.format(java.util.Locale.ROOT, "%.1f", observed)) + ")");
    payload.put("firedAt", now.toString());
    String body = JSON.writeValueAsString(payload);
    WebhookOutbox.Announced announced = outbox.announce(WebhookEventType.COUPON_SET_ALERT, set.id(), payload);
    Map<Long, String> urls = new java.util.HashMap<>();
    if (!announced.subscriptionIds().isEmpty()) {
      webhooks.list().forEach(w -> urls.put(w.id(), w.url()));
    }
    for (long subscriptionId : announced.subscriptionIds()) {
      // the alert's log lists each webhook the firing went to; the webhook's delivery log has its attempts
      String url = urls.getOrDefault(subscriptionId, "");
      alerts.insertDelivery(alert.id(), set.id(), "webhook", url, subscriptionId, announced.eventId(), body, now);
    }
    if (alert.email() != null && !alert.email().isBlank()) {
      long id = alerts.insertDelivery(alert.id(), set.id(), "email", alert.email(), null, null, body, now);
      if (mail.getIfAvailable() == null) {
        alerts.recordAttempt(id, "skipped", "mail is not configured (spring.mail.host)", now);
      } else {
        scheduler.schedule(deliveryTask.instance(String.valueOf(id)), clock.instant());
      }
    }
  }

  /** The old alert-webhook API: a subscription to coupon-set.alert with the caller's secret. */
  WebhookService.SubscriptionView addWebhook(AlertRequests.CreateWebhook request) {
    return webhooks.createWithSecret(request.url(), request.secret(), List.of(WebhookEventType.COUPON_SET_ALERT.wire()));
  }

  /** The subscriptions that receive alerts. */
  List<WebhookService.SubscriptionView> webhooks() {
    return webhooks.list().stream().filter(w -> w.events().contains(WebhookEventType.COUPON_SET_ALERT.wire())).toList();
  }

  void deleteWebhook(long id) {
    if (webhooks().stream().noneMatch(w -> w.id() == id)) {
      throw ApiException.notFound("Webhook", id);
    }
    webhooks.delete(id);
  }

  /** An alert's log entry as the API shows it: a webhook entry takes its status from the webhook delivery. */
  Map<String, Object> describe(AlertRepository.Delivery d) {
    String status = d.status();
    int attempts = d.attempts();
    String lastError = d.lastError();
    if (d.channel().equals("webhook") && d.webhookId() != null && d.eventId() != null) {
      Optional<WebhookService.DeliveryView> webhook = webhooks.latestDelivery(d.webhookId(), d.eventId());
      status = webhook.map(WebhookService.DeliveryView::status).orElse("failed");
      attempts = webhook.map(WebhookService.DeliveryView::attempts).orElse(attempts);
      lastError = webhook.isEmpty() ? "the webhook was deleted" : webhook.get().lastError();
    }
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("id", d.id());
    view.put("channel", d.channel());
    view.put("target", d.target());
    view.put("status", status);
    view.put("attempts", attempts);
    view.put("lastError", lastError == null ? "" : lastError);
    view.put("createdAt", d.createdAt());
    view.put("updatedAt", d.updatedAt());
    return view;
  }
}
