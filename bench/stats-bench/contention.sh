#!/usr/bin/env bash
# Hot-path cost of the rollups: the two upserts (hour + day row) an assignment adds, run by 16 clients
# against one set's current hour, with 1 stripe (one hot row) and with 4. Needs run.sh's database.
set -euo pipefail
PG="-h ${PGHOST:-127.0.0.1} -U postgres"
DB=couponflow_bench_stats
SECONDS_PER_RUN=${1:-15}
dir=$(mktemp -d)
cat > "$dir/upsert.sql" <<'SQL'
\set s random(0, :stripes - 1)
BEGIN;
INSERT INTO stat_hour (coupon_set_id, hour_start, child_key, workflow_key, stripe, assigned, sent, redeemed)
VALUES (900002, date_trunc('hour', now()), 0, 0, :s, 1, 0, 0)
ON CONFLICT (coupon_set_id, hour_start, child_key, workflow_key, stripe) DO UPDATE SET assigned = stat_hour.assigned + EXCLUDED.assigned;
INSERT INTO stat_day (coupon_set_id, day_start, child_key, workflow_key, stripe, assigned, sent, redeemed)
VALUES (900002, date_trunc('day', now()), 0, 0, :s, 1, 0, 0)
ON CONFLICT (coupon_set_id, day_start, child_key, workflow_key, stripe) DO UPDATE SET assigned = stat_day.assigned + EXCLUDED.assigned;
SELECT pg_sleep(0.002);
END;
SQL
for stripes in 1 4; do
  tps=$(pgbench $PG -n -M prepared -c 16 -j 2 -T "$SECONDS_PER_RUN" -D stripes=$stripes -f "$dir/upsert.sql" $DB 2>/dev/null \
    | awk '/^tps/ {print $3}')
  echo "stripes=$stripes  16 clients  tps=$tps"
done
rm -rf "$dir"
