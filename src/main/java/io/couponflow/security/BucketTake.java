package io.couponflow.security;

import java.time.Duration;

/** The outcome of taking one token: whether it was there, how many are left, and when the next comes. */
record BucketTake(boolean allowed, long remaining, Duration retryAfter) {
  static BucketTake allowed(long remaining) {
    return new BucketTake(true, remaining, Duration.ZERO);
  }

  static BucketTake refused(Duration retryAfter) {
    return new BucketTake(false, 0, retryAfter);
  }

  /** Whole seconds for a Retry-After header: rounded up, at least 1. */
  long retryAfterSeconds() {
    long seconds = retryAfter.toSeconds() + (retryAfter.toNanosPart() > 0 ? 1 : 0);
    return Math.max(1, seconds);
  }
}
