-- A 10M-code multiple set with two child sets, two workflows and a year of hourly rollups.
-- :stripes rows per hour and combination (1 = compacted history, 4 = the live striping).
\set ON_ERROR_STOP on
INSERT INTO coupon_set (id, name, type, assignment_policy, created_at, updated_at)
OVERRIDING SYSTEM VALUE VALUES (900001, 'bench 10M', 'multiple', 'once-per-contact', now(), now());
INSERT INTO child_set (id, coupon_set_id, name, created_at) OVERRIDING SYSTEM VALUE
VALUES (900011, 900001, 'ten', now()), (900012, 900001, 'twenty', now());

-- 10M codes: a tenth in each child set, the first 6M handed out over the year
INSERT INTO code (coupon_set_id, child_set_id, child_key, code_value, code_key, status, created_at)
SELECT 900001, CASE WHEN g % 10 = 1 THEN 900011 WHEN g % 10 = 2 THEN 900012 END,
       CASE WHEN g % 10 = 1 THEN 900011 WHEN g % 10 = 2 THEN 900012 ELSE 0 END,
       'BENCH' || g, 'BENCH' || g, CASE WHEN g <= 6000000 THEN 'assigned' ELSE 'available' END, now()
FROM generate_series(1, 10000000) g;

-- a year of days and of hours ending now, every child key x workflow key x stripe, with a daily rhythm
INSERT INTO stat_day (coupon_set_id, day_start, child_key, workflow_key, stripe, assigned, sent, redeemed)
SELECT 900001, d, c, w, s, 480, 360, 72
FROM generate_series(date_trunc('day', now()) - interval '365 days', date_trunc('day', now()), interval '1 day') d,
     (VALUES (0), (900011), (900012)) cs(c), (VALUES (0), (71), (72)) ws(w), generate_series(0, :stripes - 1) s;

-- a year of hours ending now, every child key x workflow key x stripe, with a daily rhythm
INSERT INTO stat_hour (coupon_set_id, hour_start, child_key, workflow_key, stripe, assigned, sent, redeemed)
SELECT 900001, h, c, w, s,
       (20 + 15 * sin(extract(hour FROM h) / 24.0 * 2 * pi()))::bigint,
       (15 + 10 * sin(extract(hour FROM h) / 24.0 * 2 * pi()))::bigint,
       (3 + 2 * sin(extract(hour FROM h) / 24.0 * 2 * pi()))::bigint
FROM generate_series(date_trunc('hour', now()) - interval '365 days', date_trunc('hour', now()), interval '1 hour') h,
     (VALUES (0), (900011), (900012)) cs(c), (VALUES (0), (71), (72)) ws(w), generate_series(0, :stripes - 1) s;

INSERT INTO stat_redemption_delay (coupon_set_id, redeemed_at, redemption_id, child_key, workflow_key, seconds)
SELECT 900001, now() - (g || ' minutes')::interval, g, 0, 0, (g::bigint * 7919) % 604800
FROM generate_series(1, 525600) g;
ANALYZE;
