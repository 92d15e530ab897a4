-- The claim queue moves into the code table (measured in docs/benchmarks.md, "Imports"): a free code
-- is an available code of a multiple set, and child_key orders the queue (the child set's id, 0 for
-- codes outside child sets, NULL for an individual set's one code, which is never claimed). An
-- import now writes each code once instead of into code and free_code. The indexes that make the
-- claim and the expiry sweep fast are per database (db/vendor/*/V92.1).
ALTER TABLE code ADD COLUMN child_key BIGINT;
UPDATE code SET child_key = COALESCE(child_set_id, 0)
WHERE coupon_set_id IN (SELECT id FROM coupon_set WHERE type = 'multiple');
DROP TABLE free_code;
