package io.couponflow.couponset;

import java.util.List;

/** Which workflows use a set; implemented by the workflow feature so this one need not know it. */
public interface CouponSetUsage {
  /** The workflows that draw from the set, whatever their status, by id. */
  List<CouponSetView.WorkflowRef> workflowsUsing(long couponSetId);

  boolean usedByActiveWorkflow(long couponSetId);
}
