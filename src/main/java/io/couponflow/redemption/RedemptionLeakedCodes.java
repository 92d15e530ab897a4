package io.couponflow.redemption;

import io.couponflow.couponset.LeakedCodes;
import java.util.Collection;
import java.util.Set;
import org.springframework.stereotype.Component;

/** Lets the set page show a leaked code as leaked rather than redeemed. */
@Component
class RedemptionLeakedCodes implements LeakedCodes {
  private final RedemptionRepository redemptions;

  RedemptionLeakedCodes(RedemptionRepository redemptions) {
    this.redemptions = redemptions;
  }

  @Override
  public Set<Long> leakedAmong(long couponSetId, Collection<Long> codeIds) {
    return codeIds.isEmpty() ? Set.of() : redemptions.leakedCodeIds(couponSetId, codeIds);
  }
}
