package io.couponflow.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;

/**
 * Tokens a node took from a shared bucket ahead of need, so a busy API key costs a database round
 * trip per lease rather than per request. Every request still spends a real token of the shared
 * bucket, so nodes together never exceed it; a lease lives {@link #LEASE} at most, so tokens taken
 * early are spent at most that much later, and unused ones are dropped (then the node asks for
 * fewer). A lease holds at most {@link #LEASE}'s worth of the limit: a bucket of 1,000 a second
 * leases up to 50 at a time, one of fewer than 40 a second is not leased at all. A refused node
 * refuses locally until a lease's worth is back, so a flood over the limit costs no round trips.
 */
final class TokenLeases {
  static final Duration LEASE = Duration.ofMillis(50);

  /** Takes up to {@code want} tokens from the shared bucket: one round trip. */
  interface Source {
    Grant grant(String bucket, BucketLimit limit, int want);
  }

  /** What the shared bucket handed over, what it has left, and when a refused caller may retry. */
  record Grant(int granted, long remaining, Duration retryAfter) {}

  private static final class Lease {
    long tokens;
    long remainingAtGrant;
    long grantedAt;
    long refusedUntil;
    boolean refusing;
    int asked;
    int used;
    boolean starved;
  }

  private final Source source;
  private final Cache<String, Lease> leases =
      Caffeine.newBuilder().maximumSize(10_000).expireAfterAccess(Duration.ofMinutes(1)).build();

  TokenLeases(Source source) {
    this.source = source;
  }

  /** The most one lease may hold: {@link #LEASE}'s worth of refill; 1 means "don't lease". */
  static int mostLeased(BucketLimit limit) {
    long perLease = limit.refill() * LEASE.toNanos() / limit.period().toNanos();
    return (int) Math.max(1, Math.min(perLease, limit.capacity()));
  }

  BucketTake take(String bucket, BucketLimit limit) {
    Lease lease = leases.get(bucket + "|" + limit, k -> new Lease());
    synchronized (lease) {
      long now = System.nanoTime();
      boolean live = now - lease.grantedAt < LEASE.toNanos();
      if (lease.tokens > 0 && live) {
        lease.tokens--;
        lease.used++;
        return BucketTake.allowed(lease.remainingAtGrant + lease.tokens);
      }
      if (lease.refusing && now - lease.refusedUntil < 0) {
        // no token exists in the shared bucket before then, for any node
        lease.starved = true;
        return BucketTake.refused(Duration.ofNanos(lease.refusedUntil - now));
      }
      int size = nextLeaseSize(lease, live, mostLeased(limit));
      Grant grant = source.grant(bucket, limit, size);
      lease.asked = size;
      lease.tokens = Math.max(0, grant.granted() - 1);
      lease.used = Math.min(1, grant.granted());
      lease.remainingAtGrant = grant.remaining();
      lease.starved = grant.granted() == 0;
      lease.refusing = grant.granted() == 0;
      if (lease.refusing) {
        // ask again once a lease's worth is back (they wait in the shared bucket, nothing is lost)
        lease.refusedUntil = now + grant.retryAfter().plus(limit.tokenInterval().multipliedBy(size - 1)).toNanos();
        return BucketTake.refused(grant.retryAfter());
      }
      lease.grantedAt = now;
      return BucketTake.allowed(grant.remaining() + lease.tokens);
    }
  }

  /**
   * Twice the last ask while demand went unmet (the lease ran out early, or callers were refused),
   * else what was used of the last lease: one at first.
   */
  private static int nextLeaseSize(Lease lease, boolean live, int most) {
    if (lease.asked == 0) {
      return 1;
    }
    long next = lease.starved || live ? 2L * lease.asked : lease.used;
    return (int) Math.max(1, Math.min(most, next));
  }
}
