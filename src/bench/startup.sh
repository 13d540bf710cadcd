#!/usr/bin/env bash
# Launch-to-first-answer of `tariffgraph serve`: the time from starting the JVM to the first
# complete answer of a SPARQL query over HTTP, as the median of several runs, for several
# JVM settings. Loopback only; each run uses a free port and is stopped afterwards.
#
#   src/bench/startup.sh            # 7 runs per setting
#   RUNS=15 src/bench/startup.sh
set -euo pipefail
cd "$(dirname "$0")/../.."

RUNS=${RUNS:-7}
JAR=target/tariffgraph.jar
JSA=target/tariffgraph.jsa
QUERY='SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }'

if [[ ! -f $JAR || ! -f $JSA ]]; then
  mvn -q package -DskipTests
fi
command -v curl >/dev/null || { echo "curl is needed" >&2; exit 2; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

# One run: prints the milliseconds from launch to the first 200 answer.
one_run() {
  local opts=$1 out=$work/out err=$work/err
  : > "$out"
  local start; start=$(now_ms)
  # shellcheck disable=SC2086
  java $opts -jar "$JAR" serve --port 0 > "$out" 2> "$err" &
  local pid=$!
  local url=""
  for _ in $(seq 1 6000); do
    url=$(sed -n 's/^SPARQL endpoint ready at //p' "$out")
    [[ -n $url ]] && break
    kill -0 "$pid" 2>/dev/null || { cat "$err" >&2; echo "server exited" >&2; exit 1; }
    sleep 0.005
  done
  [[ -n $url ]] || { kill "$pid"; echo "server did not start" >&2; exit 1; }
  curl -sf -o /dev/null -G --data-urlencode "query=$QUERY" -H 'Accept: application/sparql-results+json' "$url"
  local end; end=$(now_ms)
  kill "$pid"; wait "$pid" 2>/dev/null || true
  echo $(( end - start ))
}

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2))}'; }

settings=(
  "-Xshare:off|no class-data sharing"
  "|JDK default (CDS of JDK classes only)"
  "-XX:SharedArchiveFile=$JSA|application CDS archive"
  "-XX:SharedArchiveFile=$JSA -XX:TieredStopAtLevel=1|application CDS + C1 only"
  "-XX:SharedArchiveFile=$JSA -XX:+UseSerialGC|application CDS + serial GC"
  "-XX:SharedArchiveFile=$JSA -XX:TieredStopAtLevel=1 -XX:+UseSerialGC|application CDS + C1 only + serial GC"
)

echo "launch-to-first-answer of 'serve', median of $RUNS runs ($(nproc) cores, $(java -version 2>&1 | head -1))"
printf '%-62s %8s %8s %8s\n' "JVM setting" "median" "min" "max"
for entry in "${settings[@]}"; do
  opts=${entry%%|*}; label=${entry#*|}
  one_run "$opts" > /dev/null   # warm the file cache
  times=()
  for _ in $(seq 1 "$RUNS"); do times+=("$(one_run "$opts")"); done
  sorted=$(printf '%s\n' "${times[@]}" | sort -n)
  printf '%-62s %6s ms %6s ms %6s ms\n' "$label" "$(printf '%s\n' "${times[@]}" | median)" \
    "$(echo "$sorted" | head -1)" "$(echo "$sorted" | tail -1)"
done
