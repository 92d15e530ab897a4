#!/usr/bin/env bash
# The baseline of every throughput benchmark: the bare pgbench claim of issue 17, exactly as
# written there (one transaction per claim, no application). Its own database, fresh each call.
# Usage: bench/baseline-claim.sh CLIENTS SECONDS [ROWS] [LOGDIR]  -> prints "tps p50_ms p99_ms"
set -euo pipefail
C=$1; SECS=$2; ROWS=${3:-2000000}; LOGDIR=${4:-$(mktemp -d)}
DB=couponflow_baseline_claim
PSQL="psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -qtA"
$PSQL -d postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" -c "CREATE DATABASE $DB" >/dev/null
$PSQL -d $DB >/dev/null <<SQL
CREATE TABLE free (id bigint PRIMARY KEY, set_id int NOT NULL, code varchar(64) NOT NULL UNIQUE);
CREATE TABLE assigned (id bigint PRIMARY KEY, code varchar(64) NOT NULL, contact varchar(128), assigned_at timestamptz);
INSERT INTO free SELECT g, 1, 'BASE' || lpad(g::text, 10, '0') FROM generate_series(1, $ROWS) g;
CREATE INDEX ON free(set_id, id);
VACUUM ANALYZE free;
SQL
cat > "$LOGDIR/baseline.sql" <<'SQL'
\set c random(1, 1000000000)
WITH c AS (DELETE FROM free WHERE id = (SELECT id FROM free WHERE set_id = 1 ORDER BY set_id, id
           LIMIT 1 FOR UPDATE SKIP LOCKED) RETURNING id, code)
INSERT INTO assigned SELECT id, code, 'c' || :c, now() FROM c;
SQL
rm -f "$LOGDIR"/baseline_log.*
pgbench -h 127.0.0.1 -U postgres -n -c "$C" -j 2 -T "$SECS" -f "$LOGDIR/baseline.sql" -l \
  --log-prefix="$LOGDIR/baseline_log" $DB > "$LOGDIR/baseline-$C.txt" 2>&1
TPS=$(grep -E "^tps" "$LOGDIR/baseline-$C.txt" | head -1 | sed -E 's/tps = ([0-9.]+).*/\1/')
pct() { sort -n | awk -v p=$1 '{a[NR]=$1} END {i=int(NR*p/100); if (i<1) i=1; printf "%.1f", a[i]/1000}'; }
P50=$(cat "$LOGDIR"/baseline_log.* | awk '{print $3}' | pct 50)
P99=$(cat "$LOGDIR"/baseline_log.* | awk '{print $3}' | pct 99)
echo "$TPS $P50 $P99"
