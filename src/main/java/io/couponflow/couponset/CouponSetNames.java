package io.couponflow.couponset;

import io.couponflow.web.NameSource;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Gives the pages (audit log, contact activity) the names of the sets they mention. */
@Component
class CouponSetNames implements NameSource {
  private final CouponSetService sets;

  CouponSetNames(CouponSetService sets) {
    this.sets = sets;
  }

  @Override
  public String kind() {
    return "coupon-set";
  }

  @Override
  public Optional<String> name(String id) {
    try {
      return sets.name(Long.parseLong(id));
    } catch (NumberFormatException notASetId) {
      return Optional.empty();
    }
  }
}
