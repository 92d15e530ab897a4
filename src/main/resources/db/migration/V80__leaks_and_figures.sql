-- One definition of each figure (see couponset/Figures): a code used in an order that nobody was
-- given is "leaked", no longer counted as assigned nor redeemed; a code used by another contact
-- than its holder stays redeemed and is also counted in redeemed_by_others.
ALTER TABLE set_counter ADD COLUMN leaked BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE set_counter ADD COLUMN redeemed_by_others BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE stat_hour ADD COLUMN leaked BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE stat_hour ADD COLUMN redeemed_by_others BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE stat_day ADD COLUMN leaked BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE stat_day ADD COLUMN redeemed_by_others BIGINT DEFAULT 0 NOT NULL;

-- leak: NULL, 'not-assigned' (nobody held the code) or 'other-contact' (held by assigned_to, used
-- by contact_id); the leak report reads a set's leaks newest first.
ALTER TABLE redemption ADD COLUMN leak VARCHAR(16);
ALTER TABLE redemption ADD COLUMN assigned_to VARCHAR(200);
CREATE INDEX redemption_leak_idx ON redemption (coupon_set_id, leak, id);

-- Earlier redemptions under the new rules: every use not tied to an assignment is leaked (before,
-- an individual set's unmatched use counted as redeemed once the set had been assigned at all).
UPDATE redemption SET leaked = TRUE, leak = 'not-assigned' WHERE assignment_id IS NULL;
UPDATE redemption SET assigned_to = (SELECT a.contact_id FROM assignment a WHERE a.id = redemption.assignment_id)
WHERE assignment_id IS NOT NULL;
UPDATE redemption SET leak = 'other-contact'
WHERE leak IS NULL AND contact_id IS NOT NULL AND assigned_to IS NOT NULL AND contact_id <> assigned_to;

-- Counters: stripe 0 takes the corrections (reads sum the stripes). A leaked single-use code was
-- counted as assigned (taken from the pool) and every leaked use as redeemed.
UPDATE set_counter SET
    leaked = (SELECT COUNT(*) FROM redemption r WHERE r.coupon_set_id = set_counter.coupon_set_id
              AND r.child_key = set_counter.child_key AND r.leak = 'not-assigned'),
    redeemed_by_others = (SELECT COUNT(*) FROM redemption r WHERE r.coupon_set_id = set_counter.coupon_set_id
              AND r.child_key = set_counter.child_key AND r.leak = 'other-contact'),
    redeemed = redeemed - (SELECT COUNT(*) FROM redemption r WHERE r.coupon_set_id = set_counter.coupon_set_id
              AND r.child_key = set_counter.child_key AND r.leak = 'not-assigned'),
    assigned = assigned - (SELECT COUNT(*) FROM redemption r JOIN coupon_set s ON s.id = r.coupon_set_id
              WHERE r.coupon_set_id = set_counter.coupon_set_id AND r.child_key = set_counter.child_key
              AND r.leak = 'not-assigned' AND s.type = 'multiple')
WHERE stripe = 0;

-- Rollups: the same corrections, so a workflow's all-time rollups add up to its share of the counters.
-- Each goes to the lowest stripe of its bucket's row group (reads sum the stripes); only sets with a
-- leak or a release are touched. Releases are collected first so each bucket probes a small table.
CREATE TABLE v80_released (
    coupon_set_id BIGINT                   NOT NULL,
    child_key     BIGINT                   NOT NULL,
    workflow_key  BIGINT                   NOT NULL,
    assigned_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
INSERT INTO v80_released (coupon_set_id, child_key, workflow_key, assigned_at)
SELECT coupon_set_id, code_child_key, COALESCE(workflow_id, 0), assigned_at FROM assignment WHERE status = 'released';
CREATE INDEX v80_released_idx ON v80_released (coupon_set_id, child_key, workflow_key, assigned_at);

UPDATE stat_hour SET
    redeemed = redeemed - (SELECT COUNT(*) FROM redemption r WHERE r.coupon_set_id = stat_hour.coupon_set_id
              AND r.leak = 'not-assigned' AND r.child_key = stat_hour.child_key AND stat_hour.workflow_key = 0
              AND r.redeemed_at >= stat_hour.hour_start AND r.redeemed_at < stat_hour.hour_start + INTERVAL '1' HOUR),
    leaked = leaked + (SELECT COUNT(*) FROM redemption r WHERE r.coupon_set_id = stat_hour.coupon_set_id
              AND r.leak = 'not-assigned' AND r.child_key = stat_hour.child_key AND stat_hour.workflow_key = 0
              AND r.redeemed_at >= stat_hour.hour_start AND r.redeemed_at < stat_hour.hour_start + INTERVAL '1' HOUR),
    redeemed_by_others = redeemed_by_others + (SELECT COUNT(*) FROM redemption r
              WHERE r.coupon_set_id = stat_hour.coupon_set_id AND r.leak = 'other-contact'
              AND r.child_key = stat_hour.child_key AND COALESCE(r.workflow_id, 0) = stat_hour.workflow_key
              AND r.redeemed_at >= stat_hour.hour_start AND r.redeemed_at < stat_hour.hour_start + INTERVAL '1' HOUR),
    assigned = assigned - (SELECT COUNT(*) FROM v80_released a WHERE a.coupon_set_id = stat_hour.coupon_set_id
              AND a.child_key = stat_hour.child_key AND a.workflow_key = stat_hour.workflow_key
              AND a.assigned_at >= stat_hour.hour_start AND a.assigned_at < stat_hour.hour_start + INTERVAL '1' HOUR)
WHERE coupon_set_id IN (SELECT coupon_set_id FROM redemption WHERE leak IS NOT NULL
                        UNION SELECT coupon_set_id FROM v80_released)
  AND stripe = (SELECT MIN(s.stripe) FROM stat_hour s WHERE s.coupon_set_id = stat_hour.coupon_set_id
                AND s.hour_start = stat_hour.hour_start AND s.child_key = stat_hour.child_key
                AND s.workflow_key = stat_hour.workflow_key);

UPDATE stat_day SET
    redeemed = redeemed - (SELECT COUNT(*) FROM redemption r WHERE r.coupon_set_id = stat_day.coupon_set_id
              AND r.leak = 'not-assigned' AND r.child_key = stat_day.child_key AND stat_day.workflow_key = 0
              AND r.redeemed_at >= stat_day.day_start AND r.redeemed_at < stat_day.day_start + INTERVAL '1' DAY),
    leaked = leaked + (SELECT COUNT(*) FROM redemption r WHERE r.coupon_set_id = stat_day.coupon_set_id
              AND r.leak = 'not-assigned' AND r.child_key = stat_day.child_key AND stat_day.workflow_key = 0
              AND r.redeemed_at >= stat_day.day_start AND r.redeemed_at < stat_day.day_start + INTERVAL '1' DAY),
    redeemed_by_others = redeemed_by_others + (SELECT COUNT(*) FROM redemption r
              WHERE r.coupon_set_id = stat_day.coupon_set_id AND r.leak = 'other-contact'
              AND r.child_key = stat_day.child_key AND COALESCE(r.workflow_id, 0) = stat_day.workflow_key
              AND r.redeemed_at >= stat_day.day_start AND r.redeemed_at < stat_day.day_start + INTERVAL '1' DAY),
    assigned = assigned - (SELECT COUNT(*) FROM v80_released a WHERE a.coupon_set_id = stat_day.coupon_set_id
              AND a.child_key = stat_day.child_key AND a.workflow_key = stat_day.workflow_key
              AND a.assigned_at >= stat_day.day_start AND a.assigned_at < stat_day.day_start + INTERVAL '1' DAY)
WHERE coupon_set_id IN (SELECT coupon_set_id FROM redemption WHERE leak IS NOT NULL
                        UNION SELECT coupon_set_id FROM v80_released)
  AND stripe = (SELECT MIN(s.stripe) FROM stat_day s WHERE s.coupon_set_id = stat_day.coupon_set_id
                AND s.day_start = stat_day.day_start AND s.child_key = stat_day.child_key
                AND s.workflow_key = stat_day.workflow_key);

DROP TABLE v80_released;
