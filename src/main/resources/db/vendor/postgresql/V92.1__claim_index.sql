-- PostgreSQL only. The claim queue is a partial index of the available codes: a claim walks free
-- codes in (child set, id) order, and a claimed code leaves the index's predicate. The status index
-- keeps the other statuses only, so an import (all its codes available) writes three indexes:
-- the primary key, the unique code key and this queue.
DROP INDEX code_set_status_idx;
CREATE INDEX code_claim_idx ON code (coupon_set_id, child_key, id) WHERE status = 'available';
CREATE INDEX code_set_status_idx ON code (coupon_set_id, status, id) WHERE status <> 'available';
CREATE INDEX code_expires_idx ON code (expires_at) WHERE status = 'available' AND expires_at IS NOT NULL;
