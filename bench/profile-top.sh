#!/usr/bin/env bash
# Where the app's CPU goes, from a flight recording (bench/assign-bench.sh with JFR=1):
# the top frames by own samples, and the top frames of our code or the framework anywhere on the stack.
# Usage: bench/profile-top.sh bench/out/app.jfr [N]
set -eu
JFR=$1; N=${2:-15}
TMP=$(mktemp)
jfr print --stack-depth 64 --events jdk.ExecutionSample "$JFR" > "$TMP"
TOTAL=$(grep -c "jdk.ExecutionSample" "$TMP")
echo "samples: $TOTAL"
echo "## top frames (own time)"
grep -A1 "stackTrace = \[" "$TMP" | grep -v "stackTrace\|^--" | sed -E 's/^\s+//; s/\s+line:.*//' \
  | sort | uniq -c | sort -rn | head -"$N" | awk -v t="$TOTAL" '{c=$1; $1=""; printf "%5.1f%% %s\n", 100*c/t, $0}'
echo "## by library (the innermost frame of a known library or of our code, per sample)"
awk '/jdk.ExecutionSample/ {if (hit != "") print hit; hit=""} 
     /^[[:space:]]+(io\.couponflow|org\.springframework\.(security|web|jdbc|transaction)|org\.apache\.(catalina|coyote|tomcat)|tools\.jackson|com\.fasterxml|org\.postgresql|com\.zaxxer|org\.hibernate\.validator|io\.micrometer)/ {
       if (hit == "") { f=$1; sub(/\(.*/, "", f); n=split(f, p, "."); hit=p[1] "." p[2] "." p[3] } }
     END {if (hit != "") print hit}' "$TMP" | sort | uniq -c | sort -rn | head -"$N" \
  | awk -v t="$TOTAL" '{printf "%5.1f%% %s\n", 100*$1/t, $2}'
rm -f "$TMP"
