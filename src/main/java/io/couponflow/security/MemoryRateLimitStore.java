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
 * At the bound Caffeine evicts by frequency and recency (TinyLFU), so a flood of one-off user
 * names or addresses is refused entry long before it pushes out a lockout hit five times.
 */
class MemoryRateLimitStore implements RateLimitStore {
  private record FailureWindow(Instant start, int failures) {}

  private final Cache<String, Bucket> buckets;
  private final Cache<String, FailureWindow> failures;

  MemoryRateLimitStore(int maxEntries, Duration signInWindow) {
    // an idle bucket is full again well within an hour (the slowest refills over a minute)
    this.buckets = Caffeine.newBuilder().maximumSize(maxEntries).expireAfterAccess(Duration.ofHours(1)).build();
    this.failures = Caffeine.newBuilder().maximumSize(maxEntries).expireAfterWrite(signInWindow).build();
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
    return failures.asMap().compute(subject, (s, current) ->
        current != null && current.start().isAfter(at.minus(window))
            ? new FailureWindow(current.start(), current.failures() + 1)
            : new FailureWindow(at, 1)).failures();
  }

  @Override
  public int failedSignIns(String subject, Instant now, Duration window) {
    FailureWindow current = failures.getIfPresent(subject);
    return current != null && current.start().isAfter(now.minus(window)) ? current.failures() : 0;
  }

  @Override
  public void forgetFailedSignIns(String subject) {
    failures.invalidate(subject);
  }

  @Override
  public void deleteExpired(Instant now, Duration signInWindow) {
    buckets.cleanUp();
    failures.cleanUp();
  }

  private static Bucket newBucket(BucketLimit limit) {
    return Bucket.builder()
        .addLimit(Bandwidth.builder().capacity(limit.capacity()).refillGreedy(limit.refill(), limit.period()).build())
        .build();
  }
}
