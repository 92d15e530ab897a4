package io.couponflow.couponset;

/**
 * Maintained counts of a set or child set. {@code total} counts codes (for a single set: unused);
 * {@code expired} counts codes taken off the queue because they expired before anyone got them;
 * {@code leaked} counts uses in orders that no assignment accounts for; {@code redeemedByOthers} the
 * redeemed codes used by another contact than their holder. What they mean on the pages: {@link Figures}.
 */
public record Counters(long total, long assigned, long sent, long redeemed, long expired, long leaked,
    long redeemedByOthers) {
  public static final Counters ZERO = new Counters(0, 0, 0, 0, 0, 0, 0);

  public Counters(long total, long assigned, long sent, long redeemed, long expired) {
    this(total, assigned, sent, redeemed, expired, 0, 0);
  }

  public Counters(long total, long assigned, long sent, long redeemed) {
    this(total, assigned, sent, redeemed, 0);
  }

  /** Codes handed out (negative: given back). */
  public static Counters assigned(long count) {
    return new Counters(0, count, 0, 0);
  }

  /** An assigned code used in an order; {@code byOther}: by another contact than the one holding it. */
  public static Counters redeemed(boolean byOther) {
    return new Counters(0, 0, 0, 1, 0, 0, byOther ? 1 : 0);
  }

  /** A use no assignment accounts for. */
  public static Counters leakedUse() {
    return new Counters(0, 0, 0, 0, 0, 1, 0);
  }

  public Counters plus(Counters other) {
    return new Counters(total + other.total, assigned + other.assigned, sent + other.sent, redeemed + other.redeemed,
        expired + other.expired, leaked + other.leaked, redeemedByOthers + other.redeemedByOthers);
  }
}
