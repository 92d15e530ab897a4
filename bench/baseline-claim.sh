#!/usr/bin/env bash
# The bare claim of issue 17, the ceiling the benchmarks compare against: pgbench, one transaction
# per claim, a queue-shaped DELETE ... SKIP LOCKED from table free into table assigned.
# Usage: bench/baseline-claim.sh [clients=32] [seconds=15] [rows=2000000]
#   prints "tx/s p50_ms p99_ms" on one line (and nothing else on stdout)
# Env: BASELINE_DB (default couponflow_baseline_claim), PGHOST/PGUSER as for psql (default 127.0.0.1, postgres).
set -euo pipefail
CLIENTS=${1:-32}
SECS=${2:-15}
ROWS=${3:-2000000}
DB=${BASELINE_DB:-couponflow_baseline_claim}
export PGHOST=${PGHOST:-127.0.0.1} PGUSER=${PGUSER:-postgres} PGOPTIONS="-c client_min_messages=warning"
PSQL="psql -v ON_ERROR_STOP=1 -qtA"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

$PSQL -d postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" -c "CREATE DATABASE $DB" >/dev/null
$PSQL -d "$DB" >/dev/null <<SQL
CREATE TABLE free (id bigint PRIMARY KEY, set_id int NOT NULL, code varchar(64) NOT NULL UNIQUE);
CREATE TABLE assigned (id bigint PRIMARY KEY, code varchar(64) NOT NULL, contact varchar(128), assigned_at timestamptz);
INSERT INTO free SELECT g, 1, 'CODE-' || lpad(g::text, 12, '0') FROM generate_series(1, $ROWS) g;
CREATE INDEX ON free(set_id, id);
VACUUM ANALYZE free;
VACUUM ANALYZE assigned;
SQL
cat > "$WORK/claim.sql" <<'SQL'
\set c random(1, 1000000000)
WITH c AS (DELETE FROM free WHERE id = (SELECT id FROM free WHERE set_id = 1 ORDER BY set_id, id
           LIMIT 1 FOR UPDATE SKIP LOCKED) RETURNING id, code)
INSERT INTO assigned SELECT id, code, 'c' || :c, now() FROM c;
SQL
pgbench -n -c "$CLIENTS" -j 2 -T "$SECS" -f "$WORK/claim.sql" -l --log-prefix="$WORK/log" "$DB" > "$WORK/pgbench.txt" 2>&1 \
  || { cat "$WORK/pgbench.txt" >&2; exit 1; }
CLAIMED=$($PSQL -d "$DB" -c "SELECT count(*) FROM assigned")
if [ "$CLAIMED" -ge "$ROWS" ]; then
  echo "baseline-claim: all $ROWS rows were claimed before the end; give it more rows" >&2
  exit 1
fi
TPS=$(grep -E "^tps" "$WORK/pgbench.txt" | head -1 | sed -E 's/tps = ([0-9.]+).*/\1/')
# per-transaction latency (microseconds, third column of pgbench's log) -> milliseconds
pct() { sort -n | awk -v p="$1" '{a[NR]=$1} END {i=int(NR*p/100); if (i<1) i=1; printf "%.1f", a[i]/1000}'; }
echo "$TPS $(cat "$WORK"/log.* | awk '{print $3}' | pct 50) $(cat "$WORK"/log.* | awk '{print $3}' | pct 99)"
$PSQL -d postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" >/dev/null
