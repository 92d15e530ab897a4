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
