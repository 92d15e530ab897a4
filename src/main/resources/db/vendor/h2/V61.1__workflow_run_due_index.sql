-- H2 has no partial indexes; ended runs have a NULL due_at, which a due_at <= ? scan skips.
CREATE INDEX workflow_run_due_idx ON workflow_run (due_at);
