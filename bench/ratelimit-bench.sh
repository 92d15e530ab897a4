#!/usr/bin/env bash
# The API rate limit's statement (DatabaseRateLimitStore's take, one token at a time) against a bare
# SELECT 1 round trip, on the unlogged bucket table and on a logged copy, one hot key or one key
# per client. Usage: bench/ratelimit-bench.sh [seconds per run] [clients]
set -euo pipefail
SECONDS_PER_RUN=${1:-5}
CLIENTS=${2:-8}
PG="-h 127.0.0.1 -U postgres"
DB=couponflow_ratelimit_bench
DIR=$(mktemp -d)
trap 'rm -rf "$DIR"; psql $PG -qc "DROP DATABASE IF EXISTS $DB" postgres' EXIT

psql $PG -qc "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB" postgres
psql $PG -q -d $DB -f "$(dirname "$0")/../src/main/resources/db/vendor/postgresql/V62__rate_limits.sql"
psql $PG -q -d $DB -c "CREATE TABLE logged_bucket (LIKE rate_limit_bucket INCLUDING ALL)"

take() { # table, key expression; 1,000 a second with a burst of 2,000 (the defaults), so most takes succeed
  cat <<SQL
INSERT INTO $1 AS b (bucket_key, tat, last_granted) VALUES ($2, now() + 1000 * interval '1 microsecond', 1)
ON CONFLICT (bucket_key) DO UPDATE SET
  last_granted = least(1, greatest(0, floor((2000000 - extract(epoch FROM greatest(b.tat, now()) - now()) * 1000000) / 1000))),
  tat = greatest(b.tat, now()) + least(1, greatest(0, floor((2000000 - extract(epoch FROM greatest(b.tat, now()) - now()) * 1000000) / 1000))) * 1000 * interval '1 microsecond'
RETURNING last_granted, (extract(epoch FROM tat - now()) * 1000000)::bigint;
SQL
}
echo "SELECT 1;" > "$DIR/select.sql"
take rate_limit_bucket "'api-key:1'" > "$DIR/one-key.sql"
take rate_limit_bucket "'api-key:' || :client_id" > "$DIR/key-per-client.sql"
take logged_bucket "'api-key:1'" > "$DIR/one-key-logged.sql"

tps() { pgbench $PG -n -c "$CLIENTS" -j 2 -T "$SECONDS_PER_RUN" -f "$DIR/$1.sql" $DB 2>/dev/null | awk '/^tps/ {print int($3)}'; }
base=$(tps select)
echo "| statement ($CLIENTS clients, ${SECONDS_PER_RUN} s) | tx/s | ratio to SELECT 1 |"
echo "|---|---|---|"
echo "| SELECT 1 (baseline) | $base | 1.00 |"
for run in one-key key-per-client one-key-logged; do
  t=$(tps $run)
  echo "| take, $run | $t | $(awk -v a="$t" -v b="$base" 'BEGIN {printf "%.2f", a / b}') |"
done
