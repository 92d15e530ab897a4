#!/usr/bin/env bash
# Workflow pipeline benchmark on PostgreSQL (issue 17): N events into an active workflow
# "Assign coupon -> Send web content" over a set with a code for every event, measured until the
# last run has ended, (a) posted through POST /api/v1/events/batch (1,000 per call, a few clients)
# and (b) as single POST /api/v1/events calls from 32 connections (wrk). The bare pgbench claim of
# bench/baseline-claim.sh runs first, in the same run, and each figure is printed as a ratio to it.
# Usage: bench/workflow-bench.sh [events=20000] [modes="batch single"]
#   1M mode: bench/workflow-bench.sh 1000000 batch     (prints the time to the last run)
# Env: BATCH_CLIENTS (4), SINGLE_CLIENTS (32), BASELINE_SECS (15), JAR, XMX (1g).
# Needs psql, pgbench, wrk, curl, jq and a built target/couponflow.jar (built when missing).
set -euo pipefail
cd "$(dirname "$0")/.."
EVENTS=${1:-20000}
MODES=${2:-batch single}
BATCH=1000
BATCH_CLIENTS=${BATCH_CLIENTS:-4}
SINGLE_CLIENTS=${SINGLE_CLIENTS:-32}
BASELINE_SECS=${BASELINE_SECS:-15}
DB=couponflow_wf_bench
PORT=${PORT:-18081}
KEY=bench-key-$(date +%s)
OUT=bench/out; mkdir -p $OUT
RESULTS=$OUT/workflow-results.md
export PGHOST=127.0.0.1 PGUSER=postgres PGOPTIONS="-c client_min_messages=warning"
PSQL="psql -v ON_ERROR_STOP=1 -qtA"
JAR=${JAR:-target/couponflow.jar}
[ -f "$JAR" ] || mvn -q -DskipTests package

# (0) the baseline, before the app runs: 32 clients, enough rows never to run dry at ~6,400/s
BASELINE=$(bench/baseline-claim.sh 32 "$BASELINE_SECS" $((BASELINE_SECS * 20000 + 100000)) | cut -d" " -f1)
echo "baseline claim (pgbench, 32 clients): $BASELINE tx/s"

$PSQL -d postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" -c "CREATE DATABASE $DB"
SPRING_DATASOURCE_URL=jdbc:postgresql://127.0.0.1:5432/$DB SPRING_DATASOURCE_USERNAME=postgres \
  COUPONFLOW_API_KEY=$KEY COUPONFLOW_RATE_LIMIT_PER_SECOND=0 SERVER_PORT=$PORT \
  java -Xmx${XMX:-1g} -jar "$JAR" > $OUT/workflow-app.log 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null || true' EXIT
for _ in $(seq 1 180); do curl -fs localhost:$PORT/actuator/health >/dev/null 2>&1 && break; sleep 1; done
curl -fs localhost:$PORT/actuator/health >/dev/null || { echo "the app did not start; see $OUT/workflow-app.log" >&2; exit 1; }

api() { # method path [curl args...] -> body; fails on HTTP errors
  local method=$1 path=$2; shift 2
  curl -fsS -X "$method" "localhost:$PORT$path" -H "Authorization: apiKey $KEY" "$@"
}
json_id() { jq -r .id; }

# a multiple set holding one code per event, loaded through the import API (a CSV file)
new_set_with_codes() { # name prefix -> set id
  local set import status
  set=$(api POST /api/v1/coupon-sets -H 'Content-Type: application/json' \
    -d "{\"name\":\"$1\",\"type\":\"multiple\",\"assignmentPolicy\":\"once-per-contact\"}" | json_id)
  awk -v n="$EVENTS" -v p="$2" 'BEGIN { print "code"; for (i = 1; i <= n; i++) printf "%s%09d\n", p, i }' > $OUT/codes.csv
  import=$(api POST /api/v1/imports -F type=coupons -F couponSetId="$set" -F file=@$OUT/codes.csv | json_id)
  for _ in $(seq 1 3600); do
    status=$(api GET /api/v1/imports/"$import" | jq -r .status)
    [ "$status" = finished ] && break
    case "$status" in error|cancelled) echo "import $import ended $status" >&2; exit 1;; esac
    sleep 1
  done
  [ "$status" = finished ] || { echo "import $import did not finish" >&2; exit 1; }
  echo "$set"
}

new_workflow() { # set-id trigger -> workflow id (active)
  local wf
  wf=$(api POST /api/v1/workflows -H 'Content-Type: application/json' -d "{\"name\":\"bench $2\",
    \"trigger\":{\"event\":\"$2\"},\"nodes\":[
      {\"type\":\"assign-coupon\",\"couponSetId\":$1,\"variable\":\"coupon\",\"onExhausted\":\"skip\"},
      {\"type\":\"send-web-content\",\"html\":\"<p>Your code: <b>{{coupon}}</b></p>\"}]}" | json_id)
  api POST /api/v1/workflows/"$wf"/activate > /dev/null
  echo "$wf"
}

runs() { # workflow-id -> "total live"
  $PSQL -d $DB -F ' ' -c "SELECT count(*), count(*) FILTER (WHERE status IN ('running', 'waiting'))
                          FROM workflow_run WHERE workflow_id = $1"
}

# waits until the workflow has N runs and none is live; prints seconds from $2 (epoch) to the last run's end
await_runs() { # workflow-id start-epoch expected; gives up when nothing moves for 10 minutes
  local total live seen="" still=0
  while :; do
    read -r total live < <(runs "$1")
    [ "$total" -ge "$3" ] && [ "$live" -eq 0 ] && break
    if [ "$total $live" = "$seen" ]; then still=$((still + 1)); else still=0; seen="$total $live"; fi
    [ $still -lt 600 ] || { echo "runs stuck at $total started, $live live; see $OUT/workflow-app.log" >&2; exit 1; }
    sleep 1
  done
  $PSQL -d $DB -c "SELECT round((extract(epoch FROM max(finished_at)) - $2)::numeric, 2) FROM workflow_run WHERE workflow_id = $1"
}

post_batches() { # trigger prefix
  local calls=$((EVENTS / BATCH))
  seq 0 $((calls - 1)) | xargs -P "$BATCH_CLIENTS" -I@B@ sh -c "
    awk -v b=@B@ -v n=$BATCH -v t='$1' -v p='$2' 'BEGIN { printf \"{\\\"items\\\":[\";
      for (i = 0; i < n; i++) printf \"%s{\\\"contactId\\\":\\\"%s%d-%d\\\",\\\"type\\\":\\\"%s\\\",\\\"properties\\\":{}}\", (i ? \",\" : \"\"), p, b, i, t;
      print \"]}\" }' |
    curl -fsS -o /dev/null -X POST localhost:$PORT/api/v1/events/batch -H 'Authorization: apiKey $KEY' \
      -H 'Content-Type: application/json' --data-binary @-"
}

post_singles() { # trigger prefix workflow-id
  local threads=2 wrk total live
  # wrk runs until its duration even when every thread has stopped at its quota: stop it once the runs are there
  wrk -t$threads -c"$SINGLE_CLIENTS" -d1h -s bench/event.lua http://127.0.0.1:$PORT -- "$1" "$KEY" \
    $(( (EVENTS + threads - 1) / threads )) "$2" > $OUT/workflow-wrk.txt &
  wrk=$!
  while kill -0 $wrk 2>/dev/null; do
    read -r total live < <(runs "$3")
    [ "$total" -ge "$EVENTS" ] && break
    sleep 0.2
  done
  kill -INT $wrk 2>/dev/null || true
  wait $wrk || true
}

[ $((EVENTS % BATCH)) -eq 0 ] || { echo "events must be a multiple of $BATCH" >&2; exit 1; }
[ -f "$RESULTS" ] || { echo "| date | mode | events | accepted in s | last run after s | runs/s | baseline tx/s | ratio |" > "$RESULTS"; echo "|---|---|---|---|---|---|---|---|" >> "$RESULTS"; }
for MODE in $MODES; do
  TAG=$(date +%s)
  SET=$(new_set_with_codes "bench $MODE $TAG" "WF${MODE:0:1}$TAG-")
  TRIGGER="bench_${MODE}_$TAG"
  WF=$(new_workflow "$SET" "$TRIGGER")
  START=$($PSQL -d $DB -c "SELECT extract(epoch FROM clock_timestamp())")
  case $MODE in
    batch) post_batches "$TRIGGER" "wf-$MODE-$TAG-" ;;
    single) post_singles "$TRIGGER" "wf-$MODE-$TAG-" "$WF" ;;
    *) echo "unknown mode $MODE (batch or single)" >&2; exit 1 ;;
  esac
  ACCEPTED=$($PSQL -d $DB -c "SELECT round((extract(epoch FROM clock_timestamp()) - $START)::numeric, 2)")
  LAST=$(await_runs "$WF" "$START" "$EVENTS")
  read -r TOTAL _ < <(runs "$WF")
  RATE=$(awk -v n="$TOTAL" -v s="$LAST" 'BEGIN { printf "%.0f", n / s }')
  RATIO=$(awk -v r="$RATE" -v b="$BASELINE" 'BEGIN { printf "%.3f", r / b }')
  LINE="| $(date -u +%F) | $MODE | $TOTAL | $ACCEPTED | $LAST | $RATE | $BASELINE | $RATIO |"
  echo "$LINE" >> "$RESULTS"
  echo "$MODE: $TOTAL runs, events accepted after $ACCEPTED s, last run ended after $LAST s: $RATE runs/s, ratio $RATIO to the bare claim"
done
cat "$RESULTS"
