-- Only live runs are in the index the pollers read; ended runs (the vast majority) stay out of it.
CREATE INDEX workflow_run_due_idx ON workflow_run (due_at) WHERE due_at IS NOT NULL;
