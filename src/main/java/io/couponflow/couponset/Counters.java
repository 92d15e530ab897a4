package io.couponflow.couponset;

/**
 * Maintained counts of a set or child set. {@code total} counts codes (for a single set: unused);
 * {@code expired} counts codes taken off the queue because they expired before anyone got them.
 */
public record Counters(long total, long assigned, long sent, long redeemed, long expired) {
  public static final Counters ZERO = new Counters(0, 0, 0, 0, 0);

  public Counters(long total, long assigned, long sent, long redeemed) {
    this(total, assigned, sent, redeemed, 0);
  }

  /** Codes handed out (negative: given back). */
  public static Counters assigned(long count) {
    return new Counters(0, count, 0, 0);
  }

  public Counters plus(Counters other) {
    return new Counters(total + other.total, assigned + other.assigned, sent + other.sent, redeemed + other.redeemed,
        expired + other.expired);
  }
}
