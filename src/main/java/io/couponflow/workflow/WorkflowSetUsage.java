package io.couponflow.workflow;

import io.couponflow.couponset.CouponSetUsage;
import io.couponflow.couponset.CouponSetView;
import java.util.List;
import org.springframework.stereotype.Component;

/** Tells coupon sets which workflows draw from them, so an active one blocks the set's deletion. */
@Component
class WorkflowSetUsage implements CouponSetUsage {
  private final WorkflowRepository workflows;

  WorkflowSetUsage(WorkflowRepository workflows) {
    this.workflows = workflows;
  }

  @Override
  public List<CouponSetView.WorkflowRef> workflowsUsing(long couponSetId) {
    return workflows.usingSet(couponSetId);
  }

  @Override
  public boolean usedByActiveWorkflow(long couponSetId) {
    return workflows.activeUsingSet(couponSetId);
  }
}
