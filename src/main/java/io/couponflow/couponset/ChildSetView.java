package io.couponflow.couponset;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;

/** A child set with its counters, each as {@link Figures} defines it. */
public record ChildSetView(
    long id, long couponSetId, String name, Instant createdAt,
    long total, long assigned, long available, long sent, long redeemed, long expired,
    long leaked, long redeemedByOthers, Double conversion) {

  static ChildSetView of(ChildSet child, Counters counters) {
    Figures f = Figures.of(counters.total(), false, counters);
    return new ChildSetView(child.id(), child.couponSetId(), child.name(), child.createdAt(),
        f.total(), f.assigned(), f.available(), f.sent(), f.redeemed(), f.expired(), f.leaked(), f.redeemedByOthers(),
        f.conversion());
  }

  @JsonIgnore
  public Figures figures() {
    return new Figures(total, assigned, available, sent, redeemed, conversion, leaked, redeemedByOthers, expired);
  }
}
