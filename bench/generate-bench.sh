#!/usr/bin/env bash
# Code generation benchmark. Usage: bench/generate-bench.sh [count] [pattern]   (defaults: 1000000 GEN-????-????)
# Baseline: PostgreSQL itself making <count> random 12-character codes into an indexed table
# (INSERT … SELECT md5(random()) FROM generate_series, one statement). Then the app (-Xmx256m by
# default, BENCH_XMX to change, fresh database) generating <count> codes of <pattern> through
# POST /api/v1/coupon-sets/{id}/generate until the import finished; peak heap read from /actuator/prometheus.
set -euo pipefail
COUNT=${1:-1000000}
PATTERN=${2:-GEN-????-????}
HEAP=${BENCH_XMX:-256m}
cd "$(dirname "$0")/.."
OUT=bench/out
mkdir -p "$OUT"
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
JAR=${JAR:-target/couponflow.jar}
[ -f "$JAR" ] || mvn -B -q -DskipTests package
cp "$JAR" "$OUT/couponflow-generate-bench.jar" && JAR="$OUT/couponflow-generate-bench.jar"
KEY=bench_key_$RANDOM$RANDOM
now() { date +%s.%N; }
secs() { python3 -c "print(f'{$2 - $1:.1f}')"; }

BASELINE=""
if [ -z "${BENCH_SKIP_BASELINE:-}" ]; then   # BENCH_SKIP_BASELINE=1: the app's run only (a 20M baseline takes long)
  psql -q -d postgres -c "DROP DATABASE IF EXISTS couponflow_generate_raw WITH (FORCE)" -c "CREATE DATABASE couponflow_generate_raw"
  psql -q -d couponflow_generate_raw -c "CREATE TABLE raw_code (code VARCHAR(64) NOT NULL)" -c "CREATE UNIQUE INDEX raw_code_idx ON raw_code (code)"
  t0=$(now)
  psql -q -d couponflow_generate_raw -c "INSERT INTO raw_code SELECT DISTINCT upper(substr(md5(random()::text), 1, 12)) FROM generate_series(1, $COUNT)"
  t1=$(now)
  BASELINE=$(secs "$t0" "$t1")
  echo "baseline: PostgreSQL makes $COUNT random codes into a unique index: ${BASELINE}s"
  psql -q -d postgres -c "DROP DATABASE couponflow_generate_raw WITH (FORCE)"
fi
psql -q -d postgres -c "DROP DATABASE IF EXISTS couponflow_generate_bench WITH (FORCE)" -c "CREATE DATABASE couponflow_generate_bench"

PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
SPRING_DATASOURCE_URL="jdbc:postgresql://$PGHOST:$PGPORT/couponflow_generate_bench" SPRING_DATASOURCE_USERNAME=postgres \
  SPRING_DATASOURCE_PASSWORD= SERVER_PORT=$PORT COUPONFLOW_API_KEY=$KEY COUPONFLOW_ADMIN_PASSWORD=bench-password \
  COUPONFLOW_IMPORTS_DIR="$OUT/imports" java -Xmx$HEAP -jar "$JAR" >"$OUT/app-generate.log" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null || true' EXIT
BASE=http://127.0.0.1:$PORT
for _ in $(seq 1 300); do
  curl -sf "$BASE/actuator/health" >/dev/null 2>&1 && break
  kill -0 $APP 2>/dev/null || { echo "the app did not start; see $OUT/app-generate.log"; exit 1; }
  sleep 1
done
AUTH="Authorization: apiKey $KEY"
SET=$(curl -sf -X POST "$BASE/api/v1/coupon-sets" -H "$AUTH" -H 'Content-Type: application/json' \
  -d '{"name":"bench","type":"multiple"}' | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
heap() { curl -sf "$BASE/actuator/prometheus" | awk '/^jvm_memory_used_bytes\{.*area="heap"/ {s+=$NF} END {printf "%d", s/1048576}'; }
t0=$(now)
IMPORT=$(curl -sf -X POST "$BASE/api/v1/coupon-sets/$SET/generate" -H "$AUTH" -H 'Content-Type: application/json' \
  -d "{\"count\":$COUNT,\"pattern\":\"$PATTERN\"}" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
PEAK=0
while true; do
  STATE=$(curl -sf --max-time 60 "$BASE/api/v1/imports/$IMPORT" -H "$AUTH") || { sleep 1; continue; }
  STATUS=$(echo "$STATE" | python3 -c 'import json,sys; print(json.load(sys.stdin)["status"])')
  H=$(heap || echo 0); [ "$H" -gt "$PEAK" ] && PEAK=$H
  case "$STATUS" in finished|error|cancelled) break ;; esac
  sleep 0.5
done
t1=$(now)
TOTAL_S=$(secs "$t0" "$t1")
echo "app (postgres, -Xmx$HEAP): $COUNT codes of $PATTERN generated until $STATUS in ${TOTAL_S}s, peak heap used ${PEAK} MB"
echo "import: $STATE"
grep -o "Import $IMPORT attempt.*\|Import $IMPORT failed.*" "$OUT/app-generate.log" || true
echo "codes in the set: $(psql -tA -d couponflow_generate_bench -c "SELECT COUNT(*) FROM code WHERE coupon_set_id = $SET")," \
  "distinct keys: $(psql -tA -d couponflow_generate_bench -c "SELECT COUNT(DISTINCT code_key) FROM code WHERE coupon_set_id = $SET")"
[ -n "$BASELINE" ] && echo "ratio (baseline time / app time, higher is better): $(python3 -c "print(f'{$BASELINE / $TOTAL_S:.2f}')")"
