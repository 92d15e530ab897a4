package io.couponflow.workflow;

import io.couponflow.support.OnH2;

@OnH2
class WorkflowSplitH2IT extends WorkflowSplitContract {}
