package io.couponflow.security;

import java.time.Duration;

/**
 * A token bucket: it holds at most {@code capacity} tokens and gains {@code refill} tokens every
 * {@code period}, continuously (one token per {@link #tokenInterval()}).
 */
record BucketLimit(long capacity, long refill, Duration period) {
  BucketLimit {
    if (capacity < 1 || refill < 1 || period.isNegative() || period.isZero()) {
      throw new IllegalArgumentException("a bucket needs a capacity, a refill and a period: " + capacity + "/" + refill
          + "/" + period);
    }
  }

  /** {@code perSecond} a second, with room for a burst of {@code burstSeconds} worth. */
  static BucketLimit perSecond(int perSecond, int burstSeconds) {
    return new BucketLimit((long) perSecond * Math.max(1, burstSeconds), perSecond, Duration.ofSeconds(1));
  }

  /** {@code perMinute} a minute, all of which may come at once. */
  static BucketLimit perMinute(int perMinute) {
    return new BucketLimit(perMinute, perMinute, Duration.ofMinutes(1));
  }

  Duration tokenInterval() {
    return period.dividedBy(refill);
  }
}
