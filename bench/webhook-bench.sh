#!/usr/bin/env bash
# Webhook benchmark on PostgreSQL, all in one run: assignment throughput without a subscription
# (the baseline), with a subscription whose receiver is down (the outbox writes alone: nothing is
# sent during the run) and with one to a live receiver (bench/WebhookReceiver.java, another JVM),
# interleaved over two rounds, each run a fixed time of wrk at 32 clients on one set; after each
# live run, how long until the receiver has every event: delivery events/s.
# Usage: bench/webhook-bench.sh [seconds-per-run]   (needs psql, wrk, a built target/couponflow.jar)
set -euo pipefail
cd "$(dirname "$0")/.."
SECS=${1:-10}
DB=couponflow_webhook_bench
PORT=18081
RPORT=18082
KEY=bench-key-$(date +%s)
OUT=bench/out; mkdir -p $OUT
PSQL="psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -qtA"

JAR=${JAR:-target/couponflow.jar}
[ -f "$JAR" ] || mvn -q -DskipTests package
$PSQL -d postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" -c "CREATE DATABASE $DB"

java bench/WebhookReceiver.java $RPORT > $OUT/receiver.log 2>&1 &
RECEIVER=$!
SPRING_DATASOURCE_URL=jdbc:postgresql://127.0.0.1:5432/$DB SPRING_DATASOURCE_USERNAME=postgres \
  COUPONFLOW_API_KEY=$KEY COUPONFLOW_RATE_LIMIT_PER_SECOND=0 COUPONFLOW_WEBHOOKS_ALLOW_PRIVATE=true SERVER_PORT=$PORT \
  java -Xmx512m -jar "$JAR" > $OUT/webhook-app.log 2>&1 &
APP=$!
trap 'kill $APP $RECEIVER 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do curl -fs localhost:$PORT/actuator/health >/dev/null 2>&1 && break; sleep 1; done
for _ in $(seq 1 60); do curl -fs localhost:$RPORT/count >/dev/null 2>&1 && break; sleep 1; done

api() { curl -fs -X "$1" "localhost:$PORT$2" -H "Authorization: apiKey $KEY" -H 'Content-Type: application/json' ${3:+-d "$3"}; }
SET=$(api POST /api/v1/coupon-sets '{"name":"hooks","type":"multiple","assignmentPolicy":"new-each-time"}' | sed -E 's/.*"id":([0-9]+).*/\1/')
$PSQL -d $DB <<SQL
INSERT INTO code (coupon_set_id, child_key, code_value, code_key, status, created_at)
  SELECT $SET, 0, 'WH' || lpad(g::text, 10, '0'), 'WH' || lpad(g::text, 10, '0'), 'available', now() FROM generate_series(1, 1000000) g;
UPDATE set_counter SET total = total + 1000000 WHERE coupon_set_id = $SET AND child_key = 0 AND stripe = 0;
ANALYZE code;
SQL
wrk -t2 -c32 -d15s -s bench/assign.lua http://127.0.0.1:$PORT -- $SET $KEY > /dev/null   # warm-up

run() { # label -> req/s
  wrk -t2 -c32 -d${SECS}s --latency -s bench/assign.lua http://127.0.0.1:$PORT -- $SET $KEY > $OUT/webhook-wrk-$1.txt
  grep "Requests/sec" $OUT/webhook-wrk-$1.txt | awk '{print $2}'
}
now_ms() { date +%s%3N; }

echo "| run | subscription | assign req/s | p99 ms | events | backlog at end | drained after | delivery events/s |" > $OUT/webhook-results.md
echo "|---|---|---|---|---|---|---|---|" >> $OUT/webhook-results.md
subscribe() { api POST /api/v1/webhooks "{\"url\":\"$1\",\"events\":[\"coupon.assigned\"]}" | sed -E 's/.*"id":([0-9]+).*/\1/'; }
p99() { grep -E '^\s+99%' $OUT/webhook-wrk-$1.txt | awk '{print $2}'; }
for ROUND in 1 2; do
  RPS=$(run without-$ROUND)
  echo "| $ROUND | none | $RPS | $(p99 without-$ROUND) | – | – | – | – |" >> $OUT/webhook-results.md

  DOWN=$(subscribe "http://127.0.0.1:1/down")
  sleep 2   # other nodes' subscriber caches (1 s); this node's knows at once
  RPS=$(run down-$ROUND)
  EVENTS=$($PSQL -d $DB -c "SELECT count(*) FROM webhook_delivery WHERE subscription_id = $DOWN")
  echo "| $ROUND | receiver down (outbox only) | $RPS | $(p99 down-$ROUND) | $EVENTS | $EVENTS | – | – |" >> $OUT/webhook-results.md
  api DELETE /api/v1/webhooks/$DOWN > /dev/null

  HOOK=$(subscribe "http://127.0.0.1:$RPORT/hook")
  sleep 2
  BEFORE=$(curl -fs localhost:$RPORT/count)
  START=$(now_ms)
  RPS=$(run with-$ROUND)
  END=$(now_ms)
  EVENTS=$($PSQL -d $DB -c "SELECT count(*) FROM webhook_delivery WHERE subscription_id = $HOOK")
  BACKLOG=$($PSQL -d $DB -c "SELECT count(*) FROM webhook_delivery WHERE subscription_id = $HOOK AND status = 'pending'")
  until [ $(( $(curl -fs localhost:$RPORT/count) - BEFORE )) -ge "$EVENTS" ]; do sleep 0.2; done
  DONE=$(now_ms)
  echo "| $ROUND | live receiver | $RPS | $(p99 with-$ROUND) | $EVENTS | $BACKLOG | $(( DONE - END )) ms | $(awk -v e=$EVENTS -v ms=$(( DONE - START )) 'BEGIN{printf "%.0f", e*1000/ms}') |" >> $OUT/webhook-results.md
  api DELETE /api/v1/webhooks/$HOOK > /dev/null
  sleep 2
done
cat $OUT/webhook-results.md
