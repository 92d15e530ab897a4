-- Batched assignment takes ids for a whole batch before writing its rows (holds and idempotency
-- rows point at them), so the id comes from a named sequence both databases share the name of.
-- PostgreSQL's identity column already has it (assignment_id_seq); H2's gets one here.
CREATE SEQUENCE assignment_id_seq;
ALTER SEQUENCE assignment_id_seq RESTART WITH (SELECT COALESCE(MAX(id), 0) + 1 FROM assignment);
ALTER TABLE assignment ALTER COLUMN id DROP IDENTITY;
ALTER TABLE assignment ALTER COLUMN id SET DEFAULT NEXT VALUE FOR assignment_id_seq;
