package io.couponflow.couponset;

import java.time.Instant;

public record ChildSetView(
    long id, long couponSetId, String name, Instant createdAt,
    long total, long assigned, long available, long sent, long redeemed, long expired) {

  static ChildSetView of(ChildSet child, Counters counters) {
    return new ChildSetView(child.id(), child.couponSetId(), child.name(), child.createdAt(),
        counters.total(), counters.assigned(), counters.total() - counters.assigned() - counters.expired(),
        counters.sent(), counters.redeemed(), counters.expired());
  }
}
