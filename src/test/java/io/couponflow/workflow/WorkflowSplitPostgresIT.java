package io.couponflow.workflow;

import io.couponflow.support.OnPostgres;

@OnPostgres
class WorkflowSplitPostgresIT extends WorkflowSplitContract {}
