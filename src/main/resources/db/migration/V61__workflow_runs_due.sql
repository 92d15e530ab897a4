-- The batched workflow engine: a live run carries when its next step is due. Pollers on every node
-- claim due runs with FOR UPDATE SKIP LOCKED and push due_at forward by a lease while they work, so
-- a run whose node died is due again when the lease ends. NULL: nothing to run (the run has ended).
ALTER TABLE workflow_run ADD COLUMN due_at TIMESTAMP WITH TIME ZONE;
-- failed attempts of the current step; the run fails after a few
ALTER TABLE workflow_run ADD COLUMN attempts INTEGER DEFAULT 0 NOT NULL;

-- Steps queued as db-scheduler jobs ("workflow-step", instance "runId:node") become due runs.
UPDATE workflow_run SET due_at = (
    SELECT MIN(t.execution_time) FROM scheduled_tasks t
    WHERE t.task_name = 'workflow-step'
      AND t.task_instance = CAST(workflow_run.id AS VARCHAR(40)) || ':' || CAST(workflow_run.next_node AS VARCHAR(10)))
WHERE status IN ('running', 'waiting');
-- a live run without a job (none should exist) resumes rather than hangs
UPDATE workflow_run SET due_at = COALESCE(resume_at, updated_at)
WHERE status IN ('running', 'waiting') AND due_at IS NULL;
DELETE FROM scheduled_tasks WHERE task_name = 'workflow-step';
