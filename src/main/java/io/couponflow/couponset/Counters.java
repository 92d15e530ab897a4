package io.couponflow.couponset;

/** Maintained counts of a set or child set. {@code total} counts codes (for a single set: unused). */
public record Counters(long total, long assigned, long sent, long redeemed) {
  public static final Counters ZERO = new Counters(0, 0, 0, 0);

  public Counters plus(Counters other) {
    return new Counters(total + other.total, assigned + other.assigned, sent + other.sent, redeemed + other.redeemed);
  }
}
