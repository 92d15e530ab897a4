package io.couponflow.couponset;

import java.util.List;

/** Which workflows use a set; implemented by the workflow feature so this one need not know it. */
public interface CouponSetUsage {
  List<Long> workflowsUsing(long couponSetId);

  boolean usedByActiveWorkflow(long couponSetId);
}
