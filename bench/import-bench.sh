#!/usr/bin/env bash
# Import benchmark. Usage: bench/import-bench.sh [postgres|h2] [rows]   (defaults: postgres 10000000)
# postgres: times raw `psql \copy` of the file into an indexed table (baseline), then the app
#           (-Xmx256m, fresh database) importing the same file through the API until finished.
# h2:       the app on a fresh embedded H2 file database, API import until finished.
# Generates <rows> 12-character codes with 1% duplicates; BENCH_FIELDS=3 adds three more columns
# (value, validUntil, minOrder) that the import keeps as fields of each code. Needs the jar (mvn -q -DskipTests package),
# psql, curl and python3; PostgreSQL at $PGHOST:$PGPORT (127.0.0.1:5432, user postgres).
set -euo pipefail
MODE=${1:-postgres}
ROWS=${2:-10000000}
HEAP=${BENCH_XMX:-256m}
cd "$(dirname "$0")/.."
OUT=bench/out
mkdir -p "$OUT"
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
JAR=${JAR:-target/couponflow.jar}   # JAR=other.jar compares another build in the same session
[ -f "$JAR" ] || mvn -B -q -DskipTests package
# run a copy, so a rebuild during a long run cannot pull the jar from under the app
cp "$JAR" "$OUT/couponflow-bench-$$.jar" && JAR="$OUT/couponflow-bench-$$.jar"
KEY=bench_key_$RANDOM$RANDOM
FIELDS=${BENCH_FIELDS:-0}
SUFFIX=""; [ "$FIELDS" = 3 ] && SUFFIX=-fields3
CSV=$OUT/codes-$ROWS$SUFFIX.csv
# databases of this run only: other sessions on the same server run this script too
RAW_DB=couponflow_import_bench_raw_$$
APP_DB=couponflow_import_bench_$$

now() { date +%s.%N; }
secs() { python3 -c "print(f'{$2 - $1:.1f}')"; }

if [ ! -f "$CSV" ]; then
  echo "generating $ROWS codes (1% duplicates) into $CSV"
  python3 - "$ROWS" "$CSV" "$FIELDS" <<'PY'
import sys
rows, path, fields = int(sys.argv[1]), sys.argv[2], sys.argv[3] == "3"
mask = (1 << 48) - 1
with open(path, "w", buffering=1 << 20) as f:
    f.write("code,value,validUntil,minOrder\n" if fields else "code\n")
    for i in range(rows):
        # every 100th row repeats an earlier code: 1% duplicates; the rest are distinct (odd multiplier mod 2^48)
        n = i - 50 if i % 100 == 99 else i
        code = format((n * 0x9E3779B97F4B) & mask, "012X")
        if fields:
            f.write(f"{code},{5 + i % 4 * 5}%,2027-{1 + i % 12:02d}-28,{i % 7 * 10}\n")
        else:
            f.write(code + "\n")
PY
fi

BASELINE=""
if [ "$MODE" = postgres ]; then
  psql -q -d postgres -c "DROP DATABASE IF EXISTS $RAW_DB WITH (FORCE)" -c "CREATE DATABASE $RAW_DB"
  psql -q -d $RAW_DB -c "CREATE TABLE raw_code (code VARCHAR(64) NOT NULL, value TEXT, valid_until TEXT, min_order TEXT)" -c "CREATE INDEX raw_code_idx ON raw_code (code)"
  RAW_COLUMNS=$([ "$FIELDS" = 3 ] && echo "code, value, valid_until, min_order" || echo code)
  t0=$(now)
  psql -q -d $RAW_DB -c "\\copy raw_code ($RAW_COLUMNS) FROM '$CSV' WITH (FORMAT csv, HEADER true)"
  t1=$(now)
  BASELINE=$(secs "$t0" "$t1")
  echo "baseline: psql \\copy of $ROWS rows into an indexed table: ${BASELINE}s"
  psql -q -d postgres -c "DROP DATABASE $RAW_DB WITH (FORCE)"
  psql -q -d postgres -c "DROP DATABASE IF EXISTS $APP_DB WITH (FORCE)" -c "CREATE DATABASE $APP_DB"
  DB_ENV=(SPRING_DATASOURCE_URL="jdbc:postgresql://$PGHOST:$PGPORT/$APP_DB" SPRING_DATASOURCE_USERNAME=postgres SPRING_DATASOURCE_PASSWORD=)
else
  rm -rf "$OUT/h2-$$" && mkdir -p "$OUT/h2-$$"
  DB_ENV=(SPRING_DATASOURCE_URL="jdbc:h2:file:$PWD/$OUT/h2-$$/couponflow;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;LOCK_TIMEOUT=10000")
fi

PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
rm -rf "$OUT/imports-$$"
LOG=$OUT/app-$MODE-$ROWS$SUFFIX.log
env "${DB_ENV[@]}" SERVER_PORT=$PORT COUPONFLOW_API_KEY=$KEY COUPONFLOW_ADMIN_PASSWORD=bench-password \
  COUPONFLOW_IMPORTS_DIR="$OUT/imports-$$" COUPONFLOW_MAX_UPLOAD_SIZE=4GB \
  java -Xmx$HEAP -jar "$JAR" >"$LOG" 2>&1 &
APP=$!
cleanup() {
  kill $APP 2>/dev/null || true
  rm -f "$JAR"
  if [ "$MODE" = postgres ]; then
    wait $APP 2>/dev/null || true
    psql -q -d postgres -c "DROP DATABASE IF EXISTS $APP_DB WITH (FORCE)" >/dev/null 2>&1 || true
  fi
}
trap cleanup EXIT
BASE=http://127.0.0.1:$PORT
for _ in $(seq 1 600); do   # a loaded machine has taken nearly 4 minutes to start the app
  curl -sf "$BASE/actuator/health" >/dev/null 2>&1 && break
  kill -0 $APP 2>/dev/null || { echo "the app did not start; see $LOG"; exit 1; }
  sleep 1
done
AUTH="Authorization: apiKey $KEY"
SET=$(curl -sf -X POST "$BASE/api/v1/coupon-sets" -H "$AUTH" -H 'Content-Type: application/json' \
  -d '{"name":"bench","type":"multiple"}' | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')

t0=$(now)
IMPORT=$(curl -sf -X POST "$BASE/api/v1/imports" -H "$AUTH" -F type=coupons -F couponSetId=$SET -F "file=@$CSV;type=text/csv" \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
t_uploaded=$(now)
PROGRESS=$OUT/progress-$MODE-$ROWS.txt   # what the API said while it ran: seconds, status, phase, percent, rows, errors
# one light poller (a python process per poll took a tenth of a core from the import): the status
# every 0.1 s, the heap every 0.5 s; prints the final status, the peak heap and the final state
read -r STATUS PEAK STATE < <(python3 - "$BASE" "$KEY" "$IMPORT" "$PROGRESS" "$t0" <<'PY'
import json, re, sys, time, urllib.request
base, key, import_id, progress, t0 = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4], float(sys.argv[5])
def get(path):
    req = urllib.request.Request(base + path, headers={"Authorization": "apiKey " + key})
    with urllib.request.urlopen(req, timeout=60) as r:
        return r.read().decode()
heap = re.compile(r'^jvm_memory_used_bytes\{[^}]*area="heap"[^}]*\} (\S+)$', re.M)
peak, last_heap, state = 0, 0.0, None
with open(progress, "w") as out:
    while True:
        try:
            state = json.loads(get("/api/v1/imports/" + import_id))
        except Exception:
            time.sleep(0.1)
            continue
        over = state["status"] in ("finished", "error", "cancelled")
        out.write(f"{time.time() - t0:.1f} {state['status']} {state.get('phase')} {state.get('percent')} {state['total']} {state['errors']}\n")
        if over or time.time() - last_heap >= 0.5:
            last_heap = time.time()
            peak = max(peak, int(sum(float(v) for v in heap.findall(get("/actuator/prometheus"))) / 1048576))
        if over:
            break
        time.sleep(0.1)
print(state["status"], peak, json.dumps(state))
PY
)
t1=$(now)
TOTAL_S=$(secs "$t0" "$t1")
# H2 makes a big commit visible before it has finished writing it: let the job end before stopping the app
for _ in $(seq 1 120); do grep -q "Import $IMPORT attempt\|Import $IMPORT failed" "$LOG" && break; sleep 1; done
echo "app ($MODE, -Xmx$HEAP): upload ${ROWS} rows $(secs "$t0" "$t_uploaded")s, upload+import until $STATUS ${TOTAL_S}s, peak heap used ${PEAK} MB"
echo "import: $STATE"
echo "progress as the API showed it (every 0.1 s): $PROGRESS"
grep -o "Import $IMPORT attempt.*\|Import $IMPORT failed.*" "$LOG" || true
curl -sf "$BASE/api/v1/imports/$IMPORT/errors" -H "$AUTH" | head -3 || true
if [ -n "$BASELINE" ]; then
  echo "ratio (raw COPY time / API import time, higher is better, target >= 0.5): $(python3 -c "print(f'{$BASELINE / $TOTAL_S:.2f}')")"
fi
