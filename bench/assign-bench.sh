#!/usr/bin/env bash
# Assignment benchmark on PostgreSQL, all in one run on this machine:
#  (a) the baseline: the bare pgbench claim of issue 17 (bench/baseline-claim.sh; no HTTP, no Java)
#  (b) the HTTP assign endpoint driven by wrk from a separate process, a new contact per request
# at 8/32/64 clients; with SIZES=1 also assign latency on a 10k-code set vs a 10M-code set.
# Usage: bench/assign-bench.sh [seconds-per-run]   (needs psql, pgbench, wrk, a built target/couponflow.jar)
# JFR=1 records the app during the 32-client run (bench/out/app.jfr; read it with bench/profile-top.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
SECS=${1:-15}
DB=couponflow_assign_bench
PORT=18080
KEY=bench-key-$(date +%s)
OUT=bench/out; mkdir -p $OUT
PSQL="psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -qtA"

JAR=${JAR:-target/couponflow.jar}
[ -f "$JAR" ] || mvn -q -DskipTests package
$PSQL -d postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" -c "CREATE DATABASE $DB"

SPRING_DATASOURCE_URL=jdbc:postgresql://127.0.0.1:5432/$DB SPRING_DATASOURCE_USERNAME=postgres \
  COUPONFLOW_API_KEY=$KEY COUPONFLOW_RATE_LIMIT_PER_SECOND=0 SERVER_PORT=$PORT java -Xmx512m -jar "$JAR" > $OUT/app.log 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do curl -fs localhost:$PORT/actuator/health >/dev/null 2>&1 && break; sleep 1; done

new_set() { # name -> id
  curl -fs -X POST localhost:$PORT/api/v1/coupon-sets -H "Authorization: apiKey $KEY" -H 'Content-Type: application/json' \
    -d "{\"name\":\"$1\",\"type\":\"multiple\",\"assignmentPolicy\":\"once-per-contact\"}" | sed -E 's/.*"id":([0-9]+).*/\1/'
}
fill() { # set-id count prefix: codes generated in the database, as an import would leave them
  $PSQL -d $DB <<SQL
INSERT INTO code (coupon_set_id, child_key, code_value, code_key, status, created_at)
  SELECT $1, 0, '$3' || lpad(g::text, 10, '0'), '$3' || lpad(g::text, 10, '0'), 'available', now() FROM generate_series(1, $2) g;
UPDATE set_counter SET total = total + $2 WHERE coupon_set_id = $1 AND child_key = 0 AND stripe = 0;
ANALYZE code;
SQL
}
pct() { sort -n | awk -v p=$1 '{a[NR]=$1} END {i=int(NR*p/100); if (i<1) i=1; printf "%.2f", a[i]/1000}'; }

HTTP=$(new_set http); fill $HTTP 2000000 HT

# warm the app's JIT a little before measuring
wrk -t2 -c32 -d20s -s bench/assign.lua http://127.0.0.1:$PORT -- $HTTP $KEY > /dev/null

cpu_ticks() { awk '{print $14 + $15}' /proc/$APP/stat; }
echo "| clients | baseline claim tx/s | baseline p50 ms | baseline p99 ms | HTTP req/s | HTTP p50 ms | HTTP p99 ms | ratio HTTP/baseline | non-2xx | app CPU ms/request | new assignments / requests |" > $OUT/results.md
echo "|---|---|---|---|---|---|---|---|---|---|---|" >> $OUT/results.md
for C in ${CLIENTS:-8 32 64}; do
  read -r RAW_TPS RAW_P50 RAW_P99 < <(bench/baseline-claim.sh $C $SECS 2000000)
  [ "${JFR:-0}" = 1 ] && [ $C = 32 ] && jcmd $APP JFR.start name=bench settings=profile filename=$OUT/app.jfr >/dev/null
  A0=$($PSQL -d $DB -c "SELECT count(*) FROM assignment")
  T0=$(cpu_ticks)
  wrk -t2 -c$C -d${SECS}s --latency -s bench/assign.lua http://127.0.0.1:$PORT -- $HTTP $KEY > $OUT/wrk-$C.txt
  T1=$(cpu_ticks)
  A1=$($PSQL -d $DB -c "SELECT count(*) FROM assignment")
  [ "${JFR:-0}" = 1 ] && [ $C = 32 ] && jcmd $APP JFR.stop name=bench >/dev/null
  HTTP_RPS=$(grep "Requests/sec" $OUT/wrk-$C.txt | awk '{print $2}')
  HTTP_P50=$(grep -E "^\s+50%" $OUT/wrk-$C.txt | awk '{print $2}')
  HTTP_P99=$(grep -E "^\s+99%" $OUT/wrk-$C.txt | awk '{print $2}')
  NON2XX=$(grep -E "Non-2xx" $OUT/wrk-$C.txt | awk "{print \$NF}" || true); NON2XX=${NON2XX:-0}
  RATIO=$(awk -v a=$HTTP_RPS -v b=$RAW_TPS 'BEGIN{printf "%.2f", a/b}')
  REQS=$(grep -E "requests in" $OUT/wrk-$C.txt | awk '{print $1}')
  CPU_MS=$(awk -v t=$((T1 - T0)) -v hz=$(getconf CLK_TCK) -v n=$REQS 'BEGIN{printf "%.2f", 1000 * t / hz / n}')
  echo "| $C | $RAW_TPS | $RAW_P50 | $RAW_P99 | $HTTP_RPS | $HTTP_P50 | $HTTP_P99 | $RATIO | $NON2XX | $CPU_MS | $((A1 - A0)) / $REQS |" >> $OUT/results.md
done

[ "${SIZES:-0}" = 1 ] || { cat $OUT/results.md; exit 0; }
# Latency vs set size: a 10k-code set against a 10M-code set, then the 10M set half-drained
SMALL=$(new_set small); fill $SMALL 10000 SM
BIG=$(new_set big); fill $BIG 10000000 BG
lat() { # set-id label
  local f1="$OUT/lat-${2//[^a-zA-Z0-9]/_}.txt" f8="$OUT/lat8-${2//[^a-zA-Z0-9]/_}.txt"
  wrk -t1 -c1 -d5s --latency -s bench/assign.lua http://127.0.0.1:$PORT -- $1 $KEY > "$f1"
  wrk -t2 -c8 -d3s --latency -s bench/assign.lua http://127.0.0.1:$PORT -- $1 $KEY > "$f8"
  echo "| $2 | $(grep -E '^\s+50%' "$f1" | awk '{print $2}') | $(grep -E '^\s+99%' "$f1" | awk '{print $2}') | $(grep -E '^\s+50%' "$f8" | awk '{print $2}') | $(grep -E '^\s+99%' "$f8" | awk '{print $2}') | $(grep Requests/sec "$f8" | awk '{print $2}') |" >> $OUT/results.md
}
echo >> $OUT/results.md
echo "| set | 1 client p50 | 1 client p99 | 8 clients p50 | 8 clients p99 | 8 clients req/s |" >> $OUT/results.md
echo "|---|---|---|---|---|---|" >> $OUT/results.md
lat $SMALL "10k codes"
lat $BIG "10M codes"
# half-drain the big set the fastest way (dead index entries at the front: the worst case for a claim)
$PSQL -d $DB -c "UPDATE code SET status = 'assigned' WHERE coupon_set_id = $BIG AND id < (SELECT min(id) + 5000000 FROM code WHERE coupon_set_id = $BIG)"
lat $BIG "10M codes, 5M drained (no vacuum yet)"
$PSQL -d $DB -c "VACUUM code"
lat $BIG "10M codes, 5M drained, after vacuum"
cat $OUT/results.md
