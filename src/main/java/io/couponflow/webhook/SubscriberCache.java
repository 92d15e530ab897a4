package io.couponflow.webhook;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Which subscriptions want which event type, read from the database at most once per
 * {@code subscriber-cache-ttl} (1 s) per node, like the coupon set cache: the assignment hot path
 * asks it for every batch and writes outbox rows only when someone listens. A change on this node
 * is seen at once; a subscription made on another node within the ttl. Freshness is real elapsed
 * time (nanoTime), not the business clock.
 */
@Component
class SubscriberCache {
  private record Snapshot(Map<WebhookEventType, List<Long>> byType, long loadedAt) {}

  private final WebhookRepository repository;
  private final long ttlNanos;
  private volatile Snapshot snapshot;

  SubscriberCache(WebhookRepository repository, WebhookProperties properties) {
    this.repository = repository;
    this.ttlNanos = properties.subscriberCacheTtl().toNanos();
  }

  /** The ids of the subscriptions that want {@code type}; usually empty. */
  List<Long> subscribersOf(WebhookEventType type) {
    return current().byType().getOrDefault(type, List.of());
  }

  private Snapshot current() {
    long now = System.nanoTime();
    Snapshot known = snapshot;
    if (known != null && now - known.loadedAt() < ttlNanos) {
      return known;
    }
    Map<WebhookEventType, List<Long>> byType = new EnumMap<>(WebhookEventType.class);
    repository.eventsBySubscription().forEach((id, events) -> events.forEach(wire -> WebhookEventType.fromWire(wire)
        .ifPresent(type -> byType.computeIfAbsent(type, t -> new ArrayList<>()).add(id))));
    Snapshot loaded = new Snapshot(byType, now);
    snapshot = loaded;
    return loaded;
  }

  /** Forgets what it knows now and, inside a transaction, again once it has committed. */
  void evict() {
    snapshot = null;
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCompletion(int status) {
          snapshot = null;
        }
      });
    }
  }
}
