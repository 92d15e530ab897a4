package io.couponflow.statistics;

import io.couponflow.couponset.Figures;

/** The event counts a rollup row keeps (see {@link Figures} for what each means). */
record Tally(long assigned, long sent, long redeemed, long leaked, long redeemedByOthers) {
  static final Tally ZERO = new Tally(0, 0, 0, 0, 0);

  static Tally assignments(long count) {
    return new Tally(count, 0, 0, 0, 0);
  }

  static Tally send() {
    return new Tally(0, 1, 0, 0, 0);
  }

  /** A use of an assigned code; byOther: by another contact than its holder. */
  static Tally redemption(boolean byOther) {
    return new Tally(0, 0, 1, 0, byOther ? 1 : 0);
  }

  /** A use no assignment accounts for. */
  static Tally leakedUse() {
    return new Tally(0, 0, 0, 1, 0);
  }

  Tally plus(Tally other) {
    return new Tally(assigned + other.assigned, sent + other.sent, redeemed + other.redeemed, leaked + other.leaked,
        redeemedByOthers + other.redeemedByOthers);
  }

  Figures figures() {
    return Figures.activity(assigned, sent, redeemed, leaked, redeemedByOthers);
  }
}
