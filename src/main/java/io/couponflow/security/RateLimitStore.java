package io.couponflow.security;

import java.time.Duration;
import java.time.Instant;

/**
 * Where token buckets and failed sign-ins are kept: in the database on PostgreSQL, so every node
 * shares them, and in a bounded in-memory cache on H2 (embedded, one node). Nothing here is ever
 * cleared wholesale: entries leave only when they no longer matter, or, in memory, when the bound
 * evicts the least valuable ones.
 */
interface RateLimitStore {

  /** Takes one token from the bucket named {@code bucket}, created full under {@code limit} when new. */
  BucketTake take(String bucket, BucketLimit limit);

  /**
   * Counts a failed sign-in of {@code subject} at {@code at}; returns the failures of the window
   * it belongs to. A window starts with a failure and lasts {@code window}; a failure after it
   * starts a new one.
   */
  int recordFailedSignIn(String subject, Instant at, Duration window);

  /** The failures of {@code subject}'s window still open at {@code now}; 0 when none. */
  int failedSignIns(String subject, Instant now, Duration window);

  /** After a successful sign-in: its earlier failures no longer count. */
  void forgetFailedSignIns(String subject);

  /** Drops what no longer matters (full buckets, closed windows); the memory store needs no help. */
  void deleteExpired(Instant now, Duration signInWindow);
}
