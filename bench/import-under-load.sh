#!/usr/bin/env bash
# Does an import starve the hot path? Assignment latency on one set, 32 wrk connections, without and
# then during a CSV import of <rows> codes into another set, on one app (-Xmx256m) and PostgreSQL.
# Usage: bench/import-under-load.sh [rows=1000000] [seconds=30] [rounds=2]
# Prints p50/p99 of each window and the ratio p99 during / p99 without (target <= 2). Each round
# measures "without" right before "during", so both see the same machine.
set -euo pipefail
ROWS=${1:-1000000}
SECS=${2:-30}
ROUNDS=${3:-2}
cd "$(dirname "$0")/.."
OUT=bench/out; mkdir -p $OUT
DB=couponflow_import_load_bench_$$
PSQL="psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -qtA"
JAR=${JAR:-target/couponflow.jar}
[ -f "$JAR" ] || mvn -B -q -DskipTests package
cp "$JAR" "$OUT/couponflow-load-bench.jar" && JAR="$OUT/couponflow-load-bench.jar"
KEY=bench-key-$RANDOM$RANDOM
CSV=$OUT/codes-$ROWS.csv
[ -f "$CSV" ] || python3 - "$ROWS" "$CSV" <<'PY'
import sys
rows, path = int(sys.argv[1]), sys.argv[2]
mask = (1 << 48) - 1
with open(path, "w", buffering=1 << 20) as f:
    f.write("code\n")
    for i in range(rows):
        n = i - 50 if i % 100 == 99 else i
        f.write(format((n * 0x9E3779B97F4B) & mask, "012X") + "\n")
PY
$PSQL -d postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" -c "CREATE DATABASE $DB"
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
rm -rf "$OUT/imports-load"
SPRING_DATASOURCE_URL=jdbc:postgresql://127.0.0.1:5432/$DB SPRING_DATASOURCE_USERNAME=postgres \
  COUPONFLOW_API_KEY=$KEY COUPONFLOW_RATE_LIMIT_PER_SECOND=0 SERVER_PORT=$PORT COUPONFLOW_IMPORTS_DIR="$OUT/imports-load" \
  COUPONFLOW_MAX_UPLOAD_SIZE=4GB java -Xmx256m -jar "$JAR" > $OUT/app-load.log 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null || true; $PSQL -d postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" >/dev/null 2>&1 || true' EXIT
for _ in $(seq 1 600); do curl -fs localhost:$PORT/actuator/health >/dev/null 2>&1 && break; sleep 1; done
AUTH="Authorization: apiKey $KEY"
new_set() {
  curl -fs -X POST localhost:$PORT/api/v1/coupon-sets -H "$AUTH" -H 'Content-Type: application/json' \
    -d "{\"name\":\"$1\",\"type\":\"multiple\",\"assignmentPolicy\":\"once-per-contact\"}" | sed -E 's/.*"id":([0-9]+).*/\1/'
}
HOT=$(new_set hot)
# enough codes for every round's assignments, as an import would leave them
$PSQL -d $DB <<SQL
INSERT INTO code (coupon_set_id, child_key, code_value, code_key, status, created_at)
  SELECT $HOT, 0, 'HOT' || lpad(g::text, 10, '0'), 'HOT' || lpad(g::text, 10, '0'), 'available', now() FROM generate_series(1, 3000000) g;
UPDATE set_counter SET total = total + 3000000 WHERE coupon_set_id = $HOT AND child_key = 0 AND stripe = 0;
ANALYZE;
SQL
wrk -t2 -c32 -d15s -s bench/assign.lua http://127.0.0.1:$PORT -- $HOT $KEY > /dev/null   # JIT warm-up
p() { grep -E "^\s+$1%" "$2" | awk '{print $2}'; }
ms() { python3 -c "import sys; v=sys.argv[1]; print(float(v[:-2]) if v.endswith('ms') else float(v[:-1])*1000 if v.endswith('s') else float(v[:-2])/1000)" "$1"; }
echo "| round | window | req/s | p50 | p99 | import |"
echo "|---|---|---|---|---|---|"
for r in $(seq 1 "$ROUNDS"); do
  wrk -t2 -c32 -d${SECS}s --latency -s bench/assign.lua http://127.0.0.1:$PORT -- $HOT $KEY > $OUT/load-without-$r.txt
  echo "| $r | without import | $(grep Requests/sec $OUT/load-without-$r.txt | awk '{print $2}') | $(p 50 $OUT/load-without-$r.txt) | $(p 99 $OUT/load-without-$r.txt) | – |"
  TARGET=$(new_set "import-$r")
  t0=$(date +%s.%N)
  IMPORT=$(curl -sf -X POST "localhost:$PORT/api/v1/imports" -H "$AUTH" -F type=coupons -F couponSetId=$TARGET \
    -F "file=@$CSV;type=text/csv" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
  wrk -t2 -c32 -d${SECS}s --latency -s bench/assign.lua http://127.0.0.1:$PORT -- $HOT $KEY > $OUT/load-during-$r.txt
  STATE=""
  for _ in $(seq 1 600); do
    STATE=$(curl -sf "localhost:$PORT/api/v1/imports/$IMPORT" -H "$AUTH" | python3 -c 'import json,sys; print(json.load(sys.stdin)["status"])')
    case "$STATE" in finished|error|cancelled) break ;; esac
    sleep 0.5
  done
  took=$(python3 -c "import time; print(f'{time.time() - $t0:.1f}')")
  echo "| $r | during import | $(grep Requests/sec $OUT/load-during-$r.txt | awk '{print $2}') | $(p 50 $OUT/load-during-$r.txt) | $(p 99 $OUT/load-during-$r.txt) | $STATE, ${took}s after upload (window ${SECS}s) |"
  echo "| $r | p99 during / without | | | $(python3 -c "print(f'{$(ms $(p 99 $OUT/load-during-$r.txt)) / $(ms $(p 99 $OUT/load-without-$r.txt)):.2f}')") | target <= 2 |"
done
