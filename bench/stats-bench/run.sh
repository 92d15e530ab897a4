#!/usr/bin/env bash
# Statistics benchmark on PostgreSQL: a 10M-code set with a year of hourly rollups, then the p50/p99
# of the statements one GET /statistics runs. Usage: bench/stats-bench/run.sh [stripes] [seconds]
set -euo pipefail
cd "$(dirname "$0")"
STRIPES=${1:-1}
SECONDS_PER_QUERY=${2:-15}
PG="-h ${PGHOST:-127.0.0.1} -U postgres"
DB=couponflow_bench_stats
MIGRATIONS=../../src/main/resources/db/migration

if [ "${REUSE:-0}" != 1 ]; then
  psql $PG -q -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" -c "CREATE DATABASE $DB"
  for f in $(ls $MIGRATIONS/V*.sql | sort -t V -k2 -n); do psql $PG -q -d $DB -v ON_ERROR_STOP=1 -f "$f"; done
  time psql $PG -q -d $DB -v stripes="$STRIPES" -f generate.sql
fi
psql $PG -d $DB -tAc "SELECT 'codes', count(*) FROM code UNION ALL SELECT 'stat_hour rows', count(*) FROM stat_hour"

run() { # name, sql: pgbench, one client, per-statement latencies logged; prints p50/p99 in ms
  local name=$1 sql=$2 dir
  dir=$(mktemp -d)
  echo "$sql" > "$dir/q.sql"
  (cd "$dir" && pgbench $PG -n -M prepared -c 1 -T "$SECONDS_PER_QUERY" -f q.sql -l --log-prefix=lat $DB > /dev/null 2>&1)
  cat "$dir"/lat* | awk '{print $3/1000.0}' | sort -n | awk -v name="$name" '
    {v[NR]=$1} END {printf "%-34s n=%-6d p50=%.2f ms  p99=%.2f ms  max=%.2f ms\n", name, NR, v[int(NR*0.5)], v[int(NR*0.99)], v[NR]}'
  rm -rf "$dir"
}

YEAR="day_start >= date_trunc('day', now()) - interval '364 days' AND day_start < date_trunc('day', now()) + interval '1 day'"
WEEK="hour_start >= date_trunc('hour', now()) - interval '7 days' AND hour_start < date_trunc('hour', now()) + interval '1 hour'"
MEDIAN="SELECT PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY seconds) FROM (SELECT seconds FROM stat_redemption_delay WHERE coupon_set_id = 900001 AND redeemed_at >= now() - interval '%s' AND redeemed_at < now() ORDER BY redeemed_at DESC LIMIT 2000) latest;"
run "series, year, day buckets" "SELECT day_start, SUM(assigned), SUM(sent), SUM(redeemed) FROM stat_day WHERE coupon_set_id = 900001 AND $YEAR GROUP BY day_start ORDER BY day_start;"
run "series, year, one child set" "SELECT day_start, SUM(assigned), SUM(sent), SUM(redeemed) FROM stat_day WHERE coupon_set_id = 900001 AND $YEAR AND child_key = 900011 GROUP BY day_start ORDER BY day_start;"
run "by child set, year" "SELECT child_key, SUM(assigned), SUM(sent), SUM(redeemed) FROM stat_day WHERE coupon_set_id = 900001 AND $YEAR GROUP BY child_key ORDER BY child_key;"
run "by workflow, year" "SELECT workflow_key, SUM(assigned), SUM(sent), SUM(redeemed) FROM stat_day WHERE coupon_set_id = 900001 AND $YEAR GROUP BY workflow_key ORDER BY workflow_key;"
run "median sent->redeemed, year" "$(printf "$MEDIAN" '365 days')"
run "series, week, hour buckets" "SELECT hour_start, SUM(assigned), SUM(sent), SUM(redeemed) FROM stat_hour WHERE coupon_set_id = 900001 AND $WEEK GROUP BY hour_start ORDER BY hour_start;"
run "median sent->redeemed, week" "$(printf "$MEDIAN" '7 days')"
run "baseline: year from hourly rows" "SELECT hour_start, SUM(assigned), SUM(sent), SUM(redeemed) FROM stat_hour WHERE coupon_set_id = 900001 AND hour_start >= now() - interval '365 days' GROUP BY hour_start ORDER BY hour_start;"
