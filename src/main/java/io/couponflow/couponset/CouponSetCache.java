package io.couponflow.couponset;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Sets and child sets as the assignment hot path reads them, kept for at most {@code ttl} (one
 * second by default): a change made on this node evicts at once (and again after its commit), a
 * change made on another node is seen within the ttl. Freshness is real elapsed time (nanoTime),
 * not the business clock. Whatever the cache says, the database still guards every code and use.
 */
@Component
class CouponSetCache {
  private record Entry<T>(Optional<T> value, long loadedAt) {}

  private record ChildKey(long couponSetId, long childId) {}

  private final ConcurrentHashMap<Long, Entry<CouponSet>> sets = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<ChildKey, Entry<ChildSet>> children = new ConcurrentHashMap<>();
  private final long ttlNanos;

  CouponSetCache(@Value("${couponflow.assignment.set-cache-ttl:1s}") Duration ttl) {
    this.ttlNanos = ttl.toNanos();
  }

  Optional<CouponSet> set(long id, Supplier<Optional<CouponSet>> load) {
    return read(sets, id, load);
  }

  Optional<ChildSet> child(long couponSetId, long childId, Supplier<Optional<ChildSet>> load) {
    return read(children, new ChildKey(couponSetId, childId), load);
  }

  private <K, T> Optional<T> read(ConcurrentHashMap<K, Entry<T>> map, K key, Supplier<Optional<T>> load) {
    long now = System.nanoTime();
    Entry<T> entry = map.get(key);
    if (entry != null && now - entry.loadedAt() < ttlNanos) {
      return entry.value();
    }
    Optional<T> value = load.get();
    // an absent set is not remembered: a set created a moment later must be found at once
    value.ifPresentOrElse(v -> map.put(key, new Entry<>(value, now)), () -> map.remove(key));
    return value;
  }

  /** Forgets the set and its child sets now and, inside a transaction, again once it has committed. */
  void evict(long couponSetId) {
    forget(couponSetId);
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCompletion(int status) {
          forget(couponSetId);
        }
      });
    }
  }

  private void forget(long couponSetId) {
    sets.remove(couponSetId);
    children.keySet().removeIf(k -> k.couponSetId() == couponSetId);
  }
}
