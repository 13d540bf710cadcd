#!/usr/bin/env bash
# A bounded load benchmark on loopback: for each JVM setting, starts `tariffgraph serve` on a
# free port (access log on, as by default, written to a file), warms it up, then sends the
# query catalogue in turn from CLIENTS concurrent connections (wrk) for ROUNDS rounds of
# SECONDS each, and prints the throughput, the p50 and p99 latency, and the server's CPU time
# per request (user + system, all its threads): on a machine shared with other work the CPU per
# request moves less than the throughput does. The server is stopped afterwards.
#
#   src/bench/load.sh                          # the README's start flags against the JDK default and C1 only
#   CLIENTS=1 SECONDS_=20 src/bench/load.sh
#   SETTINGS="-XX:+UseSerialGC" src/bench/load.sh   # one setting of your own (space-separated flags)
set -euo pipefail
cd "$(dirname "$0")/../.."

SECONDS_=${SECONDS_:-10}
ROUNDS=${ROUNDS:-3}
WARMUP=${WARMUP:-30}
CLIENTS=${CLIENTS:-8}
JAR=cli/target/tariffgraph.jar
JSA=cli/target/tariffgraph.jsa
README_FLAGS="-XX:SharedArchiveFile=$JSA"
# The C2 compiler's thresholds ten times their defaults: hot code still reaches C2, later.
LATER_C2="-XX:Tier4InvocationThreshold=50000 -XX:Tier4MinInvocationThreshold=6000 -XX:Tier4CompileThreshold=150000 -XX:Tier4BackEdgeThreshold=400000"

if [[ ! -f $JAR || ! -f $JSA ]]; then
  ${MVN:-mvn} -q package -DskipTests -Pstartup-archive
fi
command -v wrk >/dev/null || { echo "wrk is needed (Debian: apt-get install wrk)" >&2; exit 2; }

work=$(mktemp -d)
server=""
trap '[[ -n $server ]] && kill "$server" 2>/dev/null; rm -rf "$work"' EXIT
ticks=$(getconf CLK_TCK)

for f in queries/*.rq; do
  printf '/kg/sparql?query=%s\n' "$(python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(open(sys.argv[1]).read(), safe=""))' "$f")"
done > "$work/targets"
export TARGETS=$work/targets

if [[ -n ${SETTINGS:-} ]]; then
  settings=("$SETTINGS|$SETTINGS")
else
  settings=(
    "README start flags ($README_FLAGS)|$README_FLAGS"
    "JDK default|"
    "C1 only (-XX:TieredStopAtLevel=1)|$README_FLAGS -XX:TieredStopAtLevel=1"
    "C2 later (Tier4 thresholds x10)|$README_FLAGS $LATER_C2"
  )
fi

cpu_ticks() { awk '{print $14 + $15}' "/proc/$server/stat"; }
median() { sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

echo "load: $CLIENTS connections, the $(wc -l < "$TARGETS") catalogue queries in turn, $WARMUP s warm-up, then $ROUNDS rounds of $SECONDS_ s"
echo "$(nproc) cores, client and server on the same machine; load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
printf '| %-58s | %12s | %9s | %9s | %14s | %6s |\n' "JVM setting" "requests/s" "p50" "p99" "CPU per request" "errors"
printf '|%s|%s|%s|%s|%s|%s|\n' "$(printf -- '-%.0s' {1..60})" "--------------" "-----------" "-----------" "----------------" "--------"
for entry in "${settings[@]}"; do
  IFS='|' read -r label opts <<< "$entry"
  # shellcheck disable=SC2086
  java $opts -jar "$JAR" serve --port 0 --cache "$work/cache" > "$work/out" 2> "$work/access.log" &
  server=$!
  url=""
  for _ in $(seq 1 1200); do
    url=$(sed -n 's/^SPARQL endpoint ready at //p' "$work/out")
    [[ -n $url ]] && break
    kill -0 "$server" 2>/dev/null || { echo "the server did not start" >&2; exit 1; }
    sleep 0.1
  done
  [[ -n $url ]] || { echo "the server did not start" >&2; exit 1; }
  base=${url%/kg/sparql}
  wrk -t2 -c"$CLIENTS" -d"${WARMUP}s" -s src/bench/rotate.lua "$base" > /dev/null
  rates=(); p50s=(); p99s=(); cpus=(); failed=0
  for _ in $(seq 1 "$ROUNDS"); do
    before=$(cpu_ticks)
    line=$(wrk -t2 -c"$CLIENTS" -d"${SECONDS_}s" -s src/bench/rotate.lua "$base" | grep '^RESULT')
    after=$(cpu_ticks)
    eval "${line#RESULT }"
    rates+=("$(awk -v r="$requests" -v s="$seconds" 'BEGIN {printf "%.0f", r / s}')")
    p50s+=("$p50"); p99s+=("$p99")
    cpus+=("$(awk -v t=$((after - before)) -v k="$ticks" -v r="$requests" 'BEGIN {printf "%.2f", t * 1000 / k / r}')")
    failed=$((failed + errors + non2xx))
  done
  printf '| %-58s | %12s | %6s ms | %6s ms | %11s ms | %6s |\n' "$label" "$(printf '%s\n' "${rates[@]}" | median)" \
    "$(printf '%s\n' "${p50s[@]}" | median)" "$(printf '%s\n' "${p99s[@]}" | median)" "$(printf '%s\n' "${cpus[@]}" | median)" "$failed"
  kill "$server"; wait "$server" 2>/dev/null || true
  server=""
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
