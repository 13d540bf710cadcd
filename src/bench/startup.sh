#!/usr/bin/env bash
# Launch-to-first-answer of `tariffgraph serve`: the time from starting the JVM to the first
# complete answer of a SPARQL query over HTTP, as the median of several runs, for the README's
# start command and the settings it is compared with. Also the CPU time the server had used by
# then (user + system, all its threads), which other work on the machine disturbs less than the
# wall-clock time. Loopback only; each run uses a free port and is stopped afterwards.
#
#   src/bench/startup.sh               # 7 runs per setting, the repository's graph
#   RUNS=15 src/bench/startup.sh
#   STORE=/path/to/tdb2 src/bench/startup.sh   # also serve a filled TDB2 store (serve --store)
#   STORE=DIR STORE_ARGS="--sources ../shared/sources --sources CORPUS/sources" src/bench/startup.sh
#                                              # a store of synthetic articles, their texts checked too
#   ONLY=readme src/bench/startup.sh           # only the README's start command (and the store)
#
# The first answer is to a query whose cost does not grow with the data (QUERY), so that the
# figure is the start, not a scan of the store.
set -euo pipefail
cd "$(dirname "$0")/../.."

RUNS=${RUNS:-7}
JAR=cli/target/tariffgraph.jar
JSA=cli/target/tariffgraph.jsa
# The C2 compiler's thresholds ten times their defaults: hot code still reaches C2, later.
LATER_C2="-XX:Tier4InvocationThreshold=50000 -XX:Tier4MinInvocationThreshold=6000 -XX:Tier4CompileThreshold=150000 -XX:Tier4BackEdgeThreshold=400000"
QUERY=${QUERY:-'SELECT ?s ?label WHERE { ?s <http://www.w3.org/2000/01/rdf-schema#label> ?label } LIMIT 10'}
ONLY=${ONLY:-all}

# The README's start command builds both; build them the same way when either is missing.
if [[ ! -f $JAR || ! -f $JSA ]]; then
  ${MVN:-mvn} -q package -DskipTests -Pstartup-archive
fi
command -v curl >/dev/null || { echo "curl is needed" >&2; exit 2; }

work=$(mktemp -d)
pid=""
trap '[[ -n $pid ]] && kill "$pid" 2>/dev/null; rm -rf "$work"' EXIT
cache=${CACHE:-$work/cache}   # CACHE=DIR: a validated state kept between runs of this script
ticks=$(getconf CLK_TCK)

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

# One run: prints "wall-ms cpu-ms" from launch to the first 200 answer.
one_run() {
  local opts=$1 args=$2 out=$work/out err=$work/err
  : > "$out"
  local start; start=$(now_ms)
  # shellcheck disable=SC2086
  java $opts -jar "$JAR" serve --port 0 --cache "$cache" $args > "$out" 2> "$err" &
  pid=$!
  local url=""
  for _ in $(seq 1 120000); do
    url=$(sed -n 's/^SPARQL endpoint ready at //p' "$out")
    [[ -n $url ]] && break
    kill -0 "$pid" 2>/dev/null || { cat "$err" >&2; echo "server exited" >&2; exit 1; }
    sleep 0.005
  done
  [[ -n $url ]] || { kill "$pid"; echo "server did not start" >&2; exit 1; }
  curl -sf -o /dev/null -G --data-urlencode "query=$QUERY" -H 'Accept: application/sparql-results+json' "$url"
  local end; end=$(now_ms)
  local cpu; cpu=$(awk -v t="$ticks" '{print int(($14 + $15) * 1000 / t)}' "/proc/$pid/stat")
  if grep -q "Unable to use shared archive" "$err"; then
    echo "the class-data archive $JSA does not fit this jar: rebuild it (mvn package -Pstartup-archive)" >&2
    exit 1
  fi
  kill "$pid"; wait "$pid" 2>/dev/null || true
  pid=""
  echo "$(( end - start )) $cpu"
}

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2))}'; }

# setting | JVM options | serve arguments (a first run of each remembers the checks, but --recheck runs them every time)
settings=(
  "README start command (archive; checks remembered)|-XX:SharedArchiveFile=$JSA|"
  "README start command, first start (checks run)|-XX:SharedArchiveFile=$JSA|--recheck"
  "no archive (JDK default; checks remembered)||"
  "no class-data sharing at all (-Xshare:off; checks remembered)|-Xshare:off|"
  "archive + C1 only (-XX:TieredStopAtLevel=1; checks remembered)|-XX:SharedArchiveFile=$JSA -XX:TieredStopAtLevel=1|"
  "archive + C2 later (Tier4 thresholds x10; checks remembered)|-XX:SharedArchiveFile=$JSA $LATER_C2|"
)
if [[ $ONLY == readme ]]; then
  settings=("${settings[@]:0:2}")
fi
if [[ -n ${STORE:-} ]]; then
  settings+=("README start command, --store $(basename "$STORE") (checks remembered)|-XX:SharedArchiveFile=$JSA|--store $STORE ${STORE_ARGS:-}")
fi

echo "launch to first answer of 'serve', median of $RUNS runs ($(nproc) cores, $(java -version 2>&1 | head -1)); date $(date -u +%F)"
echo "first query: $QUERY"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
printf '| %-64s | %9s | %9s | %9s | %12s |\n' "setting" "median" "min" "max" "CPU median"
printf '|%s|%s|%s|%s|%s|\n' "$(printf -- '-%.0s' {1..66})" "-----------" "-----------" "-----------" "--------------"
for entry in "${settings[@]}"; do
  IFS="|" read -r label opts args <<< "$entry"
  one_run "$opts" "${args//--recheck/}" > /dev/null   # warm the file cache, and remember the checks
  walls=(); cpus=()
  for _ in $(seq 1 "$RUNS"); do
    read -r wall cpu < <(one_run "$opts" "$args")
    walls+=("$wall"); cpus+=("$cpu")
  done
  sorted=$(printf '%s\n' "${walls[@]}" | sort -n)
  printf '| %-64s | %6s ms | %6s ms | %6s ms | %9s ms |\n' "$label" "$(printf '%s\n' "${walls[@]}" | median)" \
    "$(echo "$sorted" | head -1)" "$(echo "$sorted" | tail -1)" "$(printf '%s\n' "${cpus[@]}" | median)"
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
