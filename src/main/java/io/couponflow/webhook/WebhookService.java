package io.couponflow.webhook;

import io.couponflow.audit.AuditLog;
import io.couponflow.common.ApiException;
import io.couponflow.common.PageRequest;
import io.couponflow.common.PageResponse;
import io.couponflow.webhook.WebhookRepository.Delivery;
import io.couponflow.webhook.WebhookRepository.Subscription;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Subscriptions (their secret is shown once, when made), their delivery log and manual redelivery.
 * Every change evicts the subscriber cache, so this node announces to a new subscription at once.
 */
@Service
public class WebhookService {
  private static final SecureRandom RANDOM = new SecureRandom();

  public record SubscriptionView(long id, String url, List<String> events, Instant createdAt) {
    static SubscriptionView of(Subscription s) {
      return new SubscriptionView(s.id(), s.url(), s.events(), s.createdAt());
    }
  }

  /** The answer to a creation: the only time the secret is shown. */
  public record CreatedSubscription(long id, String url, List<String> events, String secret, Instant createdAt) {}

  /** One delivery of an event to a subscription; {@code responseCode} is the receiver's last answer. */
  public record DeliveryView(long id, String eventId, String type, long couponSetId, String status, int attempts,
      Integer responseCode, String lastError, Instant createdAt, Instant nextAttemptAt, Instant deliveredAt) {
    static DeliveryView of(Delivery d) {
      return new DeliveryView(d.id(), d.eventId(), d.type(), d.lane(), d.status(), d.attempts(), d.lastStatus(),
          d.lastError(), d.createdAt(), d.status().equals(WebhookRepository.PENDING) ? d.nextAttemptAt() : null,
          d.deliveredAt());
    }
  }

  public record AttemptView(Instant at, Integer responseCode, String error, Integer durationMs) {}

  /** A delivery with the body it sends and every attempt. */
  public record DeliveryDetail(DeliveryView delivery, String payload, List<AttemptView> attempts) {}

  private final WebhookRepository repository;
  private final WebhookUrls urls;
  private final SubscriberCache subscribers;
  private final DeliverySignal signal;
  private final AuditLog audit;
  private final Clock clock;

  WebhookService(WebhookRepository repository, WebhookUrls urls, SubscriberCache subscribers, DeliverySignal signal,
      AuditLog audit, Clock clock) {
    this.repository = repository;
    this.urls = urls;
    this.subscribers = subscribers;
    this.signal = signal;
    this.audit = audit;
    this.clock = clock;
  }

  @Transactional
  public CreatedSubscription create(String url, List<String> events) {
    String checked = urls.check(url).toString();
    List<String> types = checkEvents(events);
    String secret = "whsec_" + HexFormat.of().formatHex(randomBytes(24));
    return created(insert(checked, secret, types, false));
  }

  /**
   * A subscription with a secret the caller chose, signed the old way too: what the alert-webhook
   * API makes (it keeps answering as before).
   */
  @Transactional
  public SubscriptionView createWithSecret(String url, String secret, List<String> events) {
    return SubscriptionView.of(insert(urls.check(url).toString(), secret, checkEvents(events), true));
  }

  private Subscription insert(String url, String secret, List<String> types, boolean legacy) {
    long id = repository.insertSubscription(url, secret, types, legacy, clock.instant());
    subscribers.evict();
    audit.record("webhook.created", "webhook", id, url + " for " + String.join(", ", types));
    return repository.subscription(id).orElseThrow();
  }

  private static CreatedSubscription created(Subscription s) {
    return new CreatedSubscription(s.id(), s.url(), s.events(), s.secret(), s.createdAt());
  }

  public List<SubscriptionView> list() {
    return repository.subscriptions().stream().map(SubscriptionView::of).toList();
  }

  public SubscriptionView get(long id) {
    return SubscriptionView.of(require(id));
  }

  @Transactional
  public SubscriptionView update(long id, String url, List<String> events) {
    Subscription current = require(id);
    String newUrl = url == null ? current.url() : urls.check(url).toString();
    List<String> newEvents = events == null ? current.events() : checkEvents(events);
    repository.updateSubscription(id, newUrl, newEvents);
    subscribers.evict();
    audit.record("webhook.updated", "webhook", id, newUrl + " for " + String.join(", ", newEvents));
    return get(id);
  }

  /** Deletes a subscription with its delivery log; undelivered events go with it. */
  @Transactional
  public void delete(long id) {
    if (!repository.deleteSubscription(id)) {
      throw ApiException.notFound("Webhook", id);
    }
    subscribers.evict();
    audit.record("webhook.deleted", "webhook", id, null);
  }

  public PageResponse<DeliveryView> deliveries(long id, PageRequest page) {
    require(id);
    return page.toResponse(repository.deliveries(id, page.beforeId(), page.fetchSize()).stream()
        .map(DeliveryView::of).toList(), DeliveryView::id);
  }

  public DeliveryDetail delivery(long id, long deliveryId) {
    Delivery delivery = requireDelivery(id, deliveryId);
    List<AttemptView> attempts = new ArrayList<>(repository.attempts(deliveryId).stream()
        .map(a -> new AttemptView(a.at(), a.statusCode(), a.error(), a.durationMs())).toList());
    if (attempts.isEmpty() && delivery.status().equals(WebhookRepository.DELIVERED)) {
      // delivered at the first try: the delivery row is the attempt
      attempts.add(new AttemptView(delivery.deliveredAt(), delivery.lastStatus(), null, delivery.lastDurationMs()));
    }
    return new DeliveryDetail(DeliveryView.of(delivery), delivery.payload(), attempts);
  }

  /** Sends the delivery's event again (same id and body) as a new delivery at the end of its set's lane. */
  @Transactional
  public DeliveryView redeliver(long id, long deliveryId) {
    Delivery delivery = requireDelivery(id, deliveryId);
    long newId = repository.redeliver(delivery, clock.instant());
    signal.wakeAfterCommit();
    return DeliveryView.of(repository.delivery(id, newId).orElseThrow());
  }

  /** The newest delivery of an event to a subscription, if it has one (the alert log shows it). */
  public Optional<DeliveryView> latestDelivery(long subscriptionId, String eventId) {
    return repository.latestOfEvent(subscriptionId, eventId).map(DeliveryView::of);
  }

  /** Counts of a subscription's deliveries by status (pending, delivered, failed). */
  public Map<String, Long> statusCounts(long id) {
    return repository.statusCounts(id);
  }

  private Subscription require(long id) {
    return repository.subscription(id).orElseThrow(() -> ApiException.notFound("Webhook", id));
  }

  private Delivery requireDelivery(long id, long deliveryId) {
    require(id);
    return repository.delivery(id, deliveryId).orElseThrow(() -> ApiException.notFound("Delivery", deliveryId));
  }

  private static List<String> checkEvents(List<String> events) {
    if (events == null || events.isEmpty()) {
      throw ApiException.invalid("events", "events must name at least one event type: " + WebhookEventType.allWire());
    }
    LinkedHashSet<String> types = new LinkedHashSet<>();
    for (String event : events) {
      if (event == null || WebhookEventType.fromWire(event.strip()).isEmpty()) {
        throw ApiException.invalid("events", "unknown event type '" + event + "'; known types: "
            + WebhookEventType.allWire());
      }
      types.add(event.strip());
    }
    return new ArrayList<>(types);
  }

  private static byte[] randomBytes(int n) {
    byte[] bytes = new byte[n];
    RANDOM.nextBytes(bytes);
    return bytes;
  }
}
