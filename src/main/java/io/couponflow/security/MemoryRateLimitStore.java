package io.couponflow.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.time.Instant;

/**
 * H2, the embedded single node: Bucket4j buckets and failure windows in bounded Caffeine caches.
 * Windows that reached {@code lockAfter} failures move to a cache of their own, so a flood of
 * one-off user names only ever evicts other one-off failures, never a lockout; lockouts leave when
 * their window closes, or past the bound (by Caffeine's frequency and recency).
 */
class MemoryRateLimitStore implements RateLimitStore {
  private record FailureWindow(Instant start, int failures) {
    boolean openAt(Instant now, Duration window) {
      return start.isAfter(now.minus(window));
    }
  }

  private final Cache<String, Bucket> buckets;
  private final Cache<String, FailureWindow> failures;
  private final Cache<String, FailureWindow> lockouts;
  private final int lockAfter;

  MemoryRateLimitStore(int maxEntries, Duration signInWindow, int lockAfter) {
    // an idle bucket is full again well within an hour (the slowest refills over a minute)
    this.buckets = Caffeine.newBuilder().maximumSize(maxEntries).expireAfterAccess(Duration.ofHours(1)).build();
    this.failures = Caffeine.newBuilder().maximumSize(maxEntries).expireAfterWrite(signInWindow).build();
    this.lockouts = Caffeine.newBuilder().maximumSize(maxEntries).expireAfterWrite(signInWindow).build();
    this.lockAfter = lockAfter;
  }

  @Override
  public BucketTake take(String bucket, BucketLimit limit) {
    // the limit is part of the name: a key whose own limit changed starts a bucket under the new one
    String name = bucket + "|" + limit.capacity() + "/" + limit.refill() + "/" + limit.period();
    ConsumptionProbe probe = buckets.get(name, n -> newBucket(limit)).tryConsumeAndReturnRemaining(1);
    return probe.isConsumed()
        ? BucketTake.allowed(probe.getRemainingTokens())
        : BucketTake.refused(Duration.ofNanos(probe.getNanosToWaitForRefill()));
  }

  @Override
  public int recordFailedSignIn(String subject, Instant at, Duration window) {
    FailureWindow locked = lockouts.asMap().computeIfPresent(subject, (s, current) ->
        current.openAt(at, window) ? new FailureWindow(current.start(), current.failures() + 1) : null);
    if (locked != null) {
      return locked.failures();
    }
    FailureWindow counted = failures.asMap().compute(subject, (s, current) ->
        current != null && current.openAt(at, window)
            ? new FailureWindow(current.start(), current.failures() + 1)
            : new FailureWindow(at, 1));
    if (counted.failures() >= lockAfter) {
      lockouts.put(subject, counted);
      failures.invalidate(subject);
    }
    return counted.failures();
  }

  @Override
  public int failedSignIns(String subject, Instant now, Duration window) {
    FailureWindow current = lockouts.getIfPresent(subject);
    if (current == null) {
      current = failures.getIfPresent(subject);
    }
    return current != null && current.openAt(now, window) ? current.failures() : 0;
  }

  @Override
  public void forgetFailedSignIns(String subject) {
    lockouts.invalidate(subject);
    failures.invalidate(subject);
  }

  @Override
  public void deleteExpired(Instant now, Duration signInWindow) {
    buckets.cleanUp();
    failures.cleanUp();
    lockouts.cleanUp();
  }

  private static Bucket newBucket(BucketLimit limit) {
    return Bucket.builder()
        .addLimit(Bandwidth.builder().capacity(limit.capacity()).refillGreedy(limit.refill(), limit.period()).build())
        .build();
  }
}
