-- H2 only (it has no partial indexes). Claims walk code_set_status_idx (set, status, id); the
-- expiry sweep finds codes by their own expiry here.
CREATE INDEX code_expires_idx ON code (expires_at);
