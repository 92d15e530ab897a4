package io.couponflow.workflow;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/**
 * What an Assign coupon node left in its variable: a code (with its assignment, unless a fallback)
 * or nothing (skipped), and the code's fields, which templates read as {@code {{coupon.value}}}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record CouponVariable(String code, Long assignmentId, Long couponSetId,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, String> fields) {
  CouponVariable(String code, Long assignmentId, Long couponSetId) {
    this(code, assignmentId, couponSetId, null);
  }

  boolean missing() {
    return code == null;
  }

  /** The template values of the variable {@code name}: the code as {@code name}, each field as {@code name.field}. */
  void putValues(String name, Map<String, String> values) {
    values.put(name, code);
    if (fields != null) {
      fields.forEach((field, value) -> values.put(name + "." + field, value));
    }
  }
}
