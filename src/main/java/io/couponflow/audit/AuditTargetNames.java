package io.couponflow.audit;

import java.util.Optional;

/** Names the targets of one type on the Audit log page; the feature that owns the target implements it. */
public interface AuditTargetNames {
  /** The target type this names, as stored with the entries (e.g. {@code coupon-set}). */
  String targetType();

  /** The target's current name; empty when it is gone or the id is not one of its ids. */
  Optional<String> name(String targetId);
}
