package io.couponflow.workflow;

import io.couponflow.support.OnPostgres;

@OnPostgres
class WorkflowBatchBurstPostgresIT extends WorkflowBatchBurstContract {}
