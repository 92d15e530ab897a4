package io.couponflow.webhook;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Announces events to the subscriptions that want them by writing outbox rows in the CALLER's
 * transaction: an event exists for receivers exactly when the change it tells of committed. The
 * delivery workers send them afterwards. When nobody subscribes to the type (the usual case) this
 * costs a cache read and writes nothing.
 */
@Component
public class WebhookOutbox {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** One event to announce: the coupon set it belongs to (its delivery lane) and its {@code data}. */
  public record Event(long couponSetId, Map<String, Object> data) {}

  /** An announced event: its id (the receivers' key for dropping repeats) and who gets it. */
  public record Announced(String eventId, List<Long> subscriptionIds) {}

  private final SubscriberCache subscribers;
  private final WebhookRepository repository;
  private final DeliverySignal signal;
  private final Clock clock;

  WebhookOutbox(SubscriberCache subscribers, WebhookRepository repository, DeliverySignal signal, Clock clock) {
    this.subscribers = subscribers;
    this.repository = repository;
    this.signal = signal;
    this.clock = clock;
  }

  /** True when at least one subscription wants {@code type}: callers may skip building events otherwise. */
  public boolean wanted(WebhookEventType type) {
    return !subscribers.subscribersOf(type).isEmpty();
  }

  /** Announces one event; its id and receivers (none when nobody subscribes). */
  public Announced announce(WebhookEventType type, long couponSetId, Map<String, Object> data) {
    List<Announced> announced = announceAll(type, List.of(new Event(couponSetId, data)));
    return announced.isEmpty() ? new Announced(null, List.of()) : announced.get(0);
  }

  /** Announces events of one type, in order, with one multi-row insert; empty when nobody subscribes. */
  public List<Announced> announceAll(WebhookEventType type, List<Event> events) {
    List<Long> receivers = subscribers.subscribersOf(type);
    if (receivers.isEmpty() || events.isEmpty()) {
      return List.of();
    }
    Instant now = clock.instant();
    List<WebhookRepository.NewDelivery> rows = new ArrayList<>(events.size() * receivers.size());
    List<Announced> announced = new ArrayList<>(events.size());
    for (Event event : events) {
      String id = newEventId();
      String payload = envelope(id, type, now, event.data());
      for (long subscriptionId : receivers) {
        rows.add(new WebhookRepository.NewDelivery(subscriptionId, id, type.wire(), event.couponSetId(), payload));
      }
      announced.add(new Announced(id, receivers));
    }
    repository.insertDeliveries(rows, now);
    signal.wakeAfterCommit();
    return announced;
  }

  static String newEventId() {
    return "evt_" + UUID.randomUUID().toString().replace("-", "");
  }

  /** The body receivers get: {"id", "type", "at", "data"}. */
  static String envelope(String id, WebhookEventType type, Instant at, Map<String, Object> data) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("id", id);
    body.put("type", type.wire());
    body.put("at", at.toString());
    body.put("data", data);
    return JSON.writeValueAsString(body);
  }
}
