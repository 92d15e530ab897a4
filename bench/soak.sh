#!/usr/bin/env bash
# Soak: two application nodes on one PostgreSQL for N minutes of mixed load (assign on node A,
# reads on node B, code pushes of 1,000 on both), sampling heap and connection pool every 15 s,
# then checking the database tells a consistent story. Usage: bench/soak.sh [minutes]
set -euo pipefail
cd "$(dirname "$0")/.."
MINUTES=${1:-10}
DB=couponflow_soak
KEY=soak-key-$(date +%s)
OUT=bench/out/soak; mkdir -p $OUT
command -v wrk >/dev/null || { echo "soak needs wrk (apt-get install wrk)" >&2; exit 1; }
JAR=${JAR:-target/couponflow.jar}
[ -f "$JAR" ] || mvn -q -DskipTests package
PSQL="psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -qtA"
$PSQL -d postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" -c "CREATE DATABASE $DB"

start() { # port
  SPRING_DATASOURCE_URL=jdbc:postgresql://127.0.0.1:5432/$DB SPRING_DATASOURCE_USERNAME=postgres \
  COUPONFLOW_API_KEY=$KEY COUPONFLOW_RATE_LIMIT_PER_SECOND=0 SERVER_PORT=$1 \
  java -Xmx256m -jar "$JAR" > $OUT/node-$1.log 2>&1 &
  echo $!
}
A=$(start 18181); sleep 20; B=$(start 18182)
trap 'kill $A $B 2>/dev/null || true' EXIT
for p in 18181 18182; do for _ in $(seq 1 120); do curl -fs localhost:$p/actuator/health >/dev/null 2>&1 && break; sleep 1; done; done

SET=$(curl -fs -X POST localhost:18181/api/v1/coupon-sets -H "Authorization: apiKey $KEY" -H 'Content-Type: application/json' \
  -d '{"name":"soak","type":"multiple","assignmentPolicy":"new-each-time"}' | sed -E 's/.*"id":([0-9]+).*/\1/')
$PSQL -d $DB <<SQL
INSERT INTO code (coupon_set_id, child_key, code_value, code_key, status, created_at)
  SELECT $SET, 0, 'SK' || lpad(g::text, 10, '0'), 'SK' || lpad(g::text, 10, '0'), 'available', now() FROM generate_series(1, 3000000) g;
UPDATE set_counter SET total = total + 3000000 WHERE coupon_set_id = $SET AND child_key = 0 AND stripe = 0;
ANALYZE;
SQL

SECS=$((MINUTES * 60))
wrk -t1 -c16 -d${SECS}s --latency -s bench/assign.lua http://127.0.0.1:18181 -- $SET $KEY > $OUT/assign.txt &
W1=$!
wrk -t1 -c8 -d${SECS}s --latency -s bench/read.lua http://127.0.0.1:18182 -- $SET $KEY > $OUT/read.txt &
W2=$!
(
  i=0
  end=$((SECONDS + SECS))
  while [ $SECONDS -lt $end ]; do
    i=$((i + 1)); port=$((18181 + i % 2))
    codes=$(seq 1 1000 | sed "s/^/\"PUSH-$i-/; s/$/\"/" | paste -sd, -)
    curl -fs -o /dev/null -X POST localhost:$port/api/v1/coupon-sets/$SET/codes -H "Authorization: apiKey $KEY" \
      -H 'Content-Type: application/json' -d "{\"codes\":[$codes]}" || echo "push $i failed" >> $OUT/errors.txt
    if [ $((i % 5)) -eq 0 ]; then # a CSV import of 20,000 codes (a tenth of them duplicates) to the other node
      { echo code; seq 1 20000 | sed "s/^/IMP-$i-/"; seq 1 2000 | sed "s/^/IMP-$i-/"; } > $OUT/import.csv
      curl -fs -o /dev/null -X POST localhost:$((18181 + (i + 1) % 2))/api/v1/imports -H "Authorization: apiKey $KEY" \
        -F couponSetId=$SET -F file=@$OUT/import.csv || echo "import $i refused" >> $OUT/errors.txt
    fi
    sleep 2
  done
) &
P=$!
rm -f $OUT/errors.txt
echo "seconds,node,heap_used_mb,hikari_active,hikari_pending,hikari_total" > $OUT/samples.csv
end=$((SECONDS + SECS))
while [ $SECONDS -lt $end ]; do
  for port in 18181 18182; do
    m=$(curl -fs localhost:$port/actuator/prometheus || true)
    heap=$(echo "$m" | awk '/^jvm_memory_used_bytes\{.*area="heap"/ {s+=$NF} END {printf "%.0f", s/1048576}')
    act=$(echo "$m" | awk '/^hikaricp_connections_active\{/ {print $2}' | head -1)
    pend=$(echo "$m" | awk '/^hikaricp_connections_pending\{/ {print $2}' | head -1)
    tot=$(echo "$m" | awk '/^hikaricp_connections\{/ {print $2}' | head -1)
    echo "$SECONDS,$port,$heap,$act,$pend,$tot" >> $OUT/samples.csv
  done
  sleep 15
done
wait $W1 $W2 $P || true

echo "== assign (node A)"; grep -E "Requests/sec|50%|99%|Non-2xx|Socket errors" $OUT/assign.txt || true
echo "== reads (node B)"; grep -E "Requests/sec|50%|99%|Non-2xx|Socket errors" $OUT/read.txt || true
echo "== heap and pool"; awk -F, 'NR>1 {if (!($2 in h) || $3>h[$2]) h[$2]=$3; if (!($2 in p) || $5>p[$2]) p[$2]=$5} END {for (n in h) print "node " n ": max heap " h[n] " MB, max pending connections " p[n]}' $OUT/samples.csv
echo "== consistency"
$PSQL -d $DB -c "SELECT 'codes held twice: ' || (COUNT(*) - COUNT(DISTINCT code_id)) FROM assignment WHERE status <> 'released'"
$PSQL -d $DB -c "SELECT 'counter minus rows: ' || ((SELECT SUM(assigned) FROM set_counter WHERE coupon_set_id = $SET) - (SELECT COUNT(*) FROM assignment WHERE coupon_set_id = $SET AND status <> 'released'))"
$PSQL -d $DB -c "SELECT 'total minus codes: ' || ((SELECT SUM(total) FROM set_counter WHERE coupon_set_id = $SET) - (SELECT COUNT(*) FROM code WHERE coupon_set_id = $SET))"
$PSQL -d $DB -c "SELECT 'imports ' || status || ': ' || COUNT(*) || ', codes added ' || SUM(success) || ', rejected ' || SUM(errors) FROM import_job GROUP BY status"
$PSQL -d $DB -c "SELECT 'import codes minus import counts: ' || ((SELECT COUNT(*) FROM code WHERE import_id IS NOT NULL) - (SELECT COALESCE(SUM(success), 0) FROM import_job WHERE status = 'finished'))"
[ -f $OUT/errors.txt ] && { echo "== client errors"; sort $OUT/errors.txt | head; } || echo "== client errors: none"
