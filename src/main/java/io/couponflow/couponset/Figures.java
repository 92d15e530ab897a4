package io.couponflow.couponset;

/**
 * The figures every page and the API show, defined here once; the set page, the statistics page,
 * its tables and the API all read them from this record.
 * <ul>
 *   <li>{@code total}: the codes in the set (an individual set: its maximum uses); null = unlimited.</li>
 *   <li>{@code assigned}: codes given to contacts by a workflow or the API and still held, sent and
 *       redeemed ones included; a release gives one back. A leaked code is never assigned.</li>
 *   <li>{@code sent}: assigned codes shown to their contact (email, popup, or marked sent by the API).</li>
 *   <li>{@code redeemed}: assigned codes used in an order, whoever used them.</li>
 *   <li>{@code conversion}: redeemed / assigned, null when nothing is assigned; never above 1.</li>
 *   <li>{@code leaked}: uses in an order that no assignment accounts for: a code nobody was given
 *       (an individual set: a use by someone who was not given the code, or by an unknown customer).
 *       Neither assigned nor redeemed; a leaked single-use code is no longer available.</li>
 *   <li>{@code redeemedByOthers}: redeemed codes used by another contact than the one they were
 *       assigned to (known when the redemption names its contact): leaks too, and part of redeemed.</li>
 *   <li>{@code expired}: codes that expired before anyone got them.</li>
 *   <li>{@code available}: total − assigned − leaked − expired (an individual set: maximum uses −
 *       assigned); null = unlimited.</li>
 * </ul>
 * Over a window or per workflow, total and available are null and the counts are of what happened
 * in the window: assignments made in it and still held, sends, redemptions and leaks in it.
 */
public record Figures(Long total, long assigned, Long available, long sent, long redeemed, Double conversion,
    long leaked, long redeemedByOthers, long expired) {

  /** A set's or child set's figures from its counters; {@code total} null = unlimited. */
  public static Figures of(Long total, boolean single, Counters c) {
    Long available = total == null ? null
        : Math.max(0, total - c.assigned() - (single ? 0 : c.leaked() + c.expired()));
    return new Figures(total, c.assigned(), available, c.sent(), c.redeemed(), conversion(c.redeemed(), c.assigned()),
        c.leaked(), c.redeemedByOthers(), c.expired());
  }

  /** What happened in a window, or through one workflow: no total, nothing available. */
  public static Figures activity(long assigned, long sent, long redeemed, long leaked, long redeemedByOthers) {
    return new Figures(null, assigned, null, sent, redeemed, conversion(redeemed, assigned), leaked, redeemedByOthers,
        0);
  }

  public static Double conversion(long redeemed, long assigned) {
    return assigned <= 0 ? null : Math.min(1.0, (double) redeemed / assigned);
  }

  /** Every order that used one of the codes: redeemed plus leaked. */
  public long uses() {
    return redeemed + leaked;
  }

  /** Both kinds of leak: used without an assignment, or by another contact than the holder. */
  public long leaks() {
    return leaked + redeemedByOthers;
  }

  public Figures plus(Figures other) {
    return activity(assigned + other.assigned, sent + other.sent, redeemed + other.redeemed, leaked + other.leaked,
        redeemedByOthers + other.redeemedByOthers);
  }
}
