-- Batched assignment takes ids for a whole batch before writing its rows (holds and idempotency
-- rows point at them) with nextval('assignment_id_seq'): the identity column's own sequence, so
-- single and batched inserts never collide. H2 gets a sequence of that name in its V50.
COMMENT ON SEQUENCE assignment_id_seq IS 'ids of assignment rows, also taken in blocks by batched assignment';
