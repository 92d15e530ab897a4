package io.couponflow.couponset;

import io.couponflow.audit.AuditTargetNames;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Gives the Audit log page the names of the sets its entries are about. */
@Component
class CouponSetAuditNames implements AuditTargetNames {
  private final CouponSetService sets;

  CouponSetAuditNames(CouponSetService sets) {
    this.sets = sets;
  }

  @Override
  public String targetType() {
    return "coupon-set";
  }

  @Override
  public Optional<String> name(String targetId) {
    try {
      return sets.name(Long.parseLong(targetId));
    } catch (NumberFormatException notASetId) {
      return Optional.empty();
    }
  }
}
