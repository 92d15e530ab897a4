package io.couponflow.workflow;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

/** Gives the contact a code of the set (or child set) and keeps it in a variable for later nodes. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AssignCouponNode(Long couponSetId, Long childSetId, String variable, OnExhausted onExhausted,
    String fallbackCode) implements Node {
  static final String TYPE = "assign-coupon";
  static final String DEFAULT_VARIABLE = "coupon";

  /** Fills the defaults the API documents, so stored nodes are explicit. */
  AssignCouponNode withDefaults() {
    return new AssignCouponNode(couponSetId, childSetId,
        variable == null || variable.isBlank() ? DEFAULT_VARIABLE : variable.strip(),
        onExhausted == null ? OnExhausted.STOP : onExhausted,
        fallbackCode == null || fallbackCode.isBlank() ? null : fallbackCode.strip());
  }

  @Override
  @JsonIgnore
  public String type() {
    return TYPE;
  }
}
