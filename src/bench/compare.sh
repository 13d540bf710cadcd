#!/usr/bin/env bash
# Side by side, in one go, on the same corpus and the same catalogue queries: tariffgraph (the
# README's start command), plain Apache Jena Fuseki (the jena-fuseki-server jar of the same Jena
# version, fetched by Maven), Oxigraph (the npm package `oxigraph`, installed by npm into
# target/bench/node_modules, behind a minimal HTTP endpoint: src/bench/oxigraph-server.js) and
# Virtuoso (Debian's virtuoso-opensource: a private instance on loopback, with its database in a
# temporary folder). For each it prints the load rate, p50 and p99 of every catalogue query at
# one client, and the throughput at 1 and 8 clients, as ratios to tariffgraph.
#
# Every server listens on 127.0.0.1 and every request goes there. Bounded in time: each query is
# timed for SECONDS_PER_QUERY, each throughput for THROUGHPUT_SECONDS, after WARMUP seconds of
# load; every server is stopped at the end (and on any exit).
#
# The default graph of every query is the union of the named graphs, as tariffgraph serves it:
# Fuseki in memory gets the union written into its default graph (it has no union default graph
# in memory); Fuseki on TDB2 uses tdb:unionDefaultGraph; Oxigraph, use_default_graph_as_union;
# Virtuoso's default is all its graphs. Before a query is timed on a system, its answer is
# compared with tariffgraph's (the number of rows): a query that fails, or answers otherwise, is
# reported with the reason, and left out of the throughput runs of every system, so that all are
# measured on the same queries.
#
#   src/bench/compare.sh                       # the repository's graph (one article), in memory
#   MODE=tdb2 src/bench/compare.sh             # tariffgraph --store and Fuseki on TDB2
#   src/bench/compare.sh 1000                  # the repository's graph and 1,000 synthetic articles
#                                              #   (needs the generate-corpus command in the build)
#   SYSTEMS="tariffgraph fuseki" src/bench/compare.sh
#   MVN="mvn -o -Dmaven.repo.local=DIR" src/bench/compare.sh   # Maven as it should be run here
set -euo pipefail
cd "$(dirname "$0")/../.."

CORPUS=${1:-article}
MODE=${MODE:-memory}
SYSTEMS=${SYSTEMS:-tariffgraph fuseki oxigraph virtuoso}
SECONDS_PER_QUERY=${SECONDS_PER_QUERY:-2}
THROUGHPUT_SECONDS=${THROUGHPUT_SECONDS:-10}
WARMUP=${WARMUP:-15}
HEAP=${HEAP:-}
MVN=${MVN:-mvn}
OXIGRAPH_VERSION=0.5.11
JAR=cli/target/tariffgraph.jar
JSA=cli/target/tariffgraph.jsa
JENA_VERSION=$(sed -n 's:.*<jena.version>\(.*\)</jena.version>.*:\1:p' pom.xml | head -1)

for tool in java mvn wrk curl python3; do
  command -v "$tool" >/dev/null || { echo "$tool is needed${tool/wrk/ (Debian: apt-get install wrk)}" >&2; exit 2; }
done
if [[ ! -f $JAR || ! -f $JSA ]]; then
  $MVN -q package -DskipTests -Pstartup-archive
fi

work=$(mktemp -d)
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT
heap=${HEAP:+-Xmx$HEAP}

free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'; }
now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
wait_for() { # URL SECONDS PID: waits until the URL answers 2xx
  for _ in $(seq 1 $(( $2 * 10 ))); do
    curl -sf -o /dev/null "$1" && return 0
    kill -0 "$3" 2>/dev/null || return 1
    sleep 0.1
  done
  return 1
}

# --- the corpus --------------------------------------------------------------------------
data_args=(--data data)
if [[ -d ../shared/sources ]]; then data_args+=(--sources ../shared/sources); fi
if [[ $CORPUS != article ]]; then
  if ! java -jar "$JAR" generate-corpus --help > /dev/null 2>&1; then
    echo "this build has no generate-corpus command: only the article-scale corpus can be compared" >&2
    exit 2
  fi
  java -jar "$JAR" generate-corpus --articles "$CORPUS" --output "$work/corpus" > /dev/null
  data_args+=(--data "$work/corpus/data")
  [[ -d ../shared/sources ]] && data_args+=(--sources "$work/corpus/sources")
fi

# --- the catalogue queries -----------------------------------------------------------------
mapfile -t query_files < <(ls queries/*.rq)
ids=()
for f in "${query_files[@]}"; do
  id=$(basename "$f" .rq); ids+=("$id")
  python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(open(sys.argv[1]).read(), safe=""))' "$f" > "$work/$id.q"
done

declare -A base path load_ms quads_loaded note pid_of

# --- tariffgraph ---------------------------------------------------------------------------
start_tariffgraph() {
  local store_args=()
  [[ $MODE == tdb2 ]] && store_args=(--store "$work/tariffgraph-tdb2")
  local began; began=$(now_ms)
  java $heap -XX:SharedArchiveFile="$JSA" -jar "$JAR" serve --port 0 --cache "$work/cache" "${data_args[@]}" "${store_args[@]}" \
    > "$work/tariffgraph.out" 2> "$work/tariffgraph.log" &
  pids+=($!); pid_of[tariffgraph]=$!
  local url=""
  for _ in $(seq 1 36000); do
    url=$(sed -n 's/^SPARQL endpoint ready at //p' "$work/tariffgraph.out")
    [[ -n $url ]] && break
    kill -0 "${pids[-1]}" 2>/dev/null || { cat "$work/tariffgraph.log" >&2; echo "tariffgraph did not start" >&2; exit 1; }
    sleep 0.1
  done
  base[tariffgraph]=${url%/kg/sparql}; path[tariffgraph]=/kg/sparql
  curl -sf -o /dev/null "${base[tariffgraph]}/kg/sparql?query=ASK%7B%7D"
  first_answer_ms=$(( $(now_ms) - began ))
  # The load as the server reports it: parsing the files (or the bulk load into the store) and the text index.
  read -r quads_reported load_seconds < <(sed -n 's/^loaded \([0-9]*\) quads in \([0-9.]*\) s.*/\1 \2/p' "$work/tariffgraph.log")
  load_ms[tariffgraph]=$(awk -v s="$load_seconds" 'BEGIN { printf "%.0f", s * 1000 }')
  note[tariffgraph]="parse (or bulk load) and text index, as serve reports it; launch to first answer of this first start, all checks run: $first_answer_ms ms"
  curl -sf "${base[tariffgraph]}/dumps/tariffgraph.nq.gz" | gunzip > "$work/dump.nq"
  quads_loaded[tariffgraph]=$(wc -l < "$work/dump.nq")
}

# --- plain Fuseki --------------------------------------------------------------------------
start_fuseki() {
  $MVN -q dependency:copy -Dartifact="org.apache.jena:jena-fuseki-server:$JENA_VERSION" -DoutputDirectory="$work" > /dev/null
  local jar=$work/jena-fuseki-server-$JENA_VERSION.jar port; port=$(free_port)
  export FUSEKI_BASE=$work/fuseki-run   # Fuseki's run area, instead of run/ in the current folder
  local began
  if [[ $MODE == tdb2 ]]; then
    began=$(now_ms)
    java $heap -cp "$jar" tdb2.tdbloader --loc "$work/fuseki-tdb2" "$work/dump.nq" > "$work/fuseki-load.log" 2>&1
    java $heap -jar "$jar" --localhost --port "$port" --loc "$work/fuseki-tdb2" --set tdb:unionDefaultGraph=true /kg > "$work/fuseki.log" 2>&1 &
    note[fuseki]="tdb2.tdbloader, then launch to first answer"
  else
    # Fuseki has no union default graph in memory: the union is written into its default graph.
    java -cp "$jar" arq.sparql --data "$work/dump.nq" --results NT 'CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }' > "$work/union.nt"
    cat "$work/dump.nq" "$work/union.nt" > "$work/fuseki.nq"
    began=$(now_ms)
    java $heap -jar "$jar" --localhost --port "$port" --file "$work/fuseki.nq" /kg > "$work/fuseki.log" 2>&1 &
    note[fuseki]="launch to first answer (--file), the union written into the default graph"
  fi
  pids+=($!); pid_of[fuseki]=$!
  base[fuseki]=http://127.0.0.1:$port; path[fuseki]=/kg/sparql
  wait_for "${base[fuseki]}/kg/sparql?query=ASK%7B%7D" 3600 "${pids[-1]}" || { tail "$work/fuseki.log" >&2; echo "Fuseki did not start" >&2; return 1; }
  load_ms[fuseki]=$(( $(now_ms) - began ))
  quads_loaded[fuseki]=${quads_loaded[tariffgraph]}
}

# --- Oxigraph ------------------------------------------------------------------------------
start_oxigraph() {
  command -v npm >/dev/null || { note[oxigraph]="not run: npm is missing"; return 1; }
  if [[ ! -d target/bench/node_modules/oxigraph ]]; then
    mkdir -p target/bench
    npm install --prefix target/bench --no-audit --no-fund --no-save "oxigraph@$OXIGRAPH_VERSION" > "$work/npm.log" 2>&1 \
      || { note[oxigraph]="not run: npm could not install oxigraph@$OXIGRAPH_VERSION"; return 1; }
  fi
  local port; port=$(free_port)
  NODE_PATH=target/bench/node_modules node src/bench/oxigraph-server.js "$work/dump.nq" "$port" > "$work/oxigraph.out" 2> "$work/oxigraph.log" &
  pids+=($!); pid_of[oxigraph]=$!
  base[oxigraph]=http://127.0.0.1:$port; path[oxigraph]=/query
  wait_for "${base[oxigraph]}/query?query=ASK%7B%7D" 3600 "${pids[-1]}" || { cat "$work/oxigraph.log" >&2; note[oxigraph]="not run: the server did not start"; return 1; }
  load_ms[oxigraph]=$(sed -n 's/^loaded .* in \([0-9]*\) ms$/\1/p' "$work/oxigraph.out")
  quads_loaded[oxigraph]=$(sed -n 's/^loaded \([0-9]*\) quads.*/\1/p' "$work/oxigraph.out")
  note[oxigraph]="Store.load of the N-Quads in the node process"
}

# --- Virtuoso ------------------------------------------------------------------------------
start_virtuoso() {
  if ! command -v virtuoso-t >/dev/null; then
    if [[ $(id -u) == 0 ]] && command -v apt-get >/dev/null; then
      DEBIAN_FRONTEND=noninteractive apt-get install -y -q virtuoso-opensource > "$work/apt.log" 2>&1 \
        || { note[virtuoso]="not run: apt-get could not install virtuoso-opensource"; return 1; }
    else
      note[virtuoso]="not run: virtuoso-opensource is not installed"; return 1
    fi
  fi
  local db=$work/virtuoso sql http; sql=$(free_port); http=$(free_port)
  mkdir -p "$db/load"
  cp "$work/dump.nq" "$db/load/dump.nq"
  sed -e "s:/var/lib/virtuoso-opensource-7/db:$db:g" \
      -e "s/^ServerPort *= *1111/ServerPort = 127.0.0.1:$sql/" \
      -e "s/^ServerPort *= *8890/ServerPort = 127.0.0.1:$http/" \
      -e "s:^DirsAllowed *=.*:DirsAllowed = ., $db/load, /usr/share/virtuoso-opensource-7/vad:" \
      -e "s/^NumberOfBuffers *= *10000/NumberOfBuffers = 170000/" \
      -e "s/^MaxDirtyBuffers *= *6000/MaxDirtyBuffers = 130000/" \
      -e "s/^ResultSetMaxRows *=.*/ResultSetMaxRows = 1000000/" \
      /etc/virtuoso-opensource-7/virtuoso.ini > "$db/virtuoso.ini"
  (cd "$db" && exec virtuoso-t -f -c "$db/virtuoso.ini") > "$work/virtuoso.log" 2>&1 &
  pids+=($!); pid_of[virtuoso]=$!
  base[virtuoso]=http://127.0.0.1:$http; path[virtuoso]=/sparql
  wait_for "${base[virtuoso]}/sparql?query=ASK%7B%7D" 300 "${pids[-1]}" || { tail "$work/virtuoso.log" >&2; note[virtuoso]="not run: the server did not start"; return 1; }
  local began; began=$(now_ms)
  isql-vt "127.0.0.1:$sql" dba dba exec="ld_dir('$db/load', 'dump.nq', 'urn:tariffgraph:default'); rdf_loader_run(); checkpoint;" > "$work/virtuoso-load.log" 2>&1 \
    || { tail "$work/virtuoso-load.log" >&2; note[virtuoso]="not run: the bulk load failed"; return 1; }
  load_ms[virtuoso]=$(( $(now_ms) - began ))
  quads_loaded[virtuoso]=$(curl -s -H 'Accept: text/csv' "${base[virtuoso]}/sparql?query=$(python3 -c 'import urllib.parse; print(urllib.parse.quote("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } FILTER(STRSTARTS(STR(?g), \"https://w3id.org/tariffgraph/\")) }"))')" | tail -1)
  note[virtuoso]="ld_dir + rdf_loader_run + checkpoint through isql"
}

rows_of() { python3 -c 'import sys, json; print(len(json.load(sys.stdin)["results"]["bindings"]))' 2>/dev/null; }

# One wrk run; prints its RESULT line.
run_wrk() { # BASE TARGETS CONNECTIONS SECONDS
  TARGETS=$2 wrk -t"$(( $3 < 2 ? 1 : 2 ))" -c"$3" -d"$4s" --timeout 30s -s src/bench/rotate.lua "$1" | grep '^RESULT' || echo "RESULT requests=0 seconds=1 errors=1 non2xx=0 p50=0 p99=0"
}

echo "compare: corpus '$CORPUS', $MODE, $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GB; load average $(cut -d' ' -f1-3 /proc/loadavg)"
running=()
for system in $SYSTEMS; do
  if "start_$system"; then running+=("$system"); else echo "$system: ${note[$system]:-did not start}" >&2; fi
done
[[ ${running[0]:-} == tariffgraph ]] || { echo "tariffgraph must run first: the others load its dump" >&2; exit 1; }

# Answers, compared with tariffgraph's, decide which queries each system can run.
declare -A expected runs why
for id in "${ids[@]}"; do
  for system in "${running[@]}"; do
    target="${path[$system]}?query=$(cat "$work/$id.q")"
    status=$(curl -s -o "$work/answer" -w '%{http_code}' -H 'Accept: application/sparql-results+json' "${base[$system]}$target")
    rows=$(rows_of < "$work/answer" || true)
    if [[ $system == tariffgraph ]]; then expected[$id]=$rows; fi
    if [[ $status != 200 ]]; then
      runs[$system,$id]=no; why[$system,$id]="HTTP $status: $(head -c 160 "$work/answer" | tr '\n\t' '  ')"
    elif [[ $rows != "${expected[$id]}" ]]; then
      runs[$system,$id]=no; why[$system,$id]="answered $rows rows where tariffgraph answers ${expected[$id]}"
    else
      runs[$system,$id]=yes
    fi
  done
done

common=()
for id in "${ids[@]}"; do
  all=yes
  for system in "${running[@]}"; do [[ ${runs[$system,$id]} == yes ]] || all=no; done
  [[ $all == yes ]] && common+=("$id")
done

# CPU time (user + system, all threads) a server process has used, in ms.
cpu_ms() { awk -v t="$(getconf CLK_TCK)" '{print int(($14 + $15) * 1000 / t)}' "/proc/$1/stat"; }

declare -A p50 p99 tput1 tput8 cpu8
for system in "${running[@]}"; do
  : > "$work/$system.all"
  for id in "${common[@]}"; do echo "${path[$system]}?query=$(cat "$work/$id.q")" >> "$work/$system.all"; done
  run_wrk "${base[$system]}" "$work/$system.all" 8 "$WARMUP" > /dev/null
  for id in "${ids[@]}"; do
    [[ ${runs[$system,$id]} == yes ]] || continue
    echo "${path[$system]}?query=$(cat "$work/$id.q")" > "$work/one"
    line=$(run_wrk "${base[$system]}" "$work/one" 1 "$SECONDS_PER_QUERY")
    p50[$system,$id]=$(sed 's/.* p50=\([0-9.]*\).*/\1/' <<< "$line"); p99[$system,$id]=$(sed 's/.* p99=\([0-9.]*\).*/\1/' <<< "$line")
  done
  for clients in 1 8; do
    cpu_before=$(cpu_ms "${pid_of[$system]}")
    line=$(run_wrk "${base[$system]}" "$work/$system.all" "$clients" "$THROUGHPUT_SECONDS")
    cpu_used=$(( $(cpu_ms "${pid_of[$system]}") - cpu_before ))
    rate=$(awk '{for (i = 1; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] } printf "%.1f", (v["non2xx"] + v["errors"] > 0 ? -1 : v["requests"] / v["seconds"]) }' <<< "${line#RESULT }")
    requests=$(sed 's/.* requests=\([0-9]*\).*/\1/' <<< "$line")
    if [[ $clients == 1 ]]; then tput1[$system]=$rate; else
      tput8[$system]=$rate
      cpu8[$system]=$(awk -v c="$cpu_used" -v r="$requests" 'BEGIN { if (r > 0) printf "%.2f", c / r; else print "-" }')
    fi
    echo "  $system, $clients client(s): $line; server CPU $cpu_used ms; load average $(cut -d' ' -f1-3 /proc/loadavg)" >&2
  done
done

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "" || b == "" || b + 0 == 0 || a < 0) print "-"; else printf "%.2f", a / b }'; }

echo
echo "Load (quads per second; what each time includes is said below the table)"
printf '| %-12s | %10s | %9s | %12s | %10s |\n' system quads seconds "quads/s" "× tariffgraph"
printf '|%s|%s|%s|%s|%s|\n' "--------------" "------------" "-----------" "--------------" "------------"
for system in "${running[@]}"; do
  q=${quads_loaded[$system]:-0}; ms=${load_ms[$system]:-0}
  rate=$(awk -v q="$q" -v ms="$ms" 'BEGIN { if (ms > 0) printf "%.0f", q * 1000 / ms; else print "" }')
  [[ $system == tariffgraph ]] && tg_rate=$rate
  printf '| %-12s | %10s | %9s | %12s | %10s |\n' "$system" "$q" "$(awk -v ms="$ms" 'BEGIN {printf "%.2f", ms / 1000}')" "$rate" "$(ratio "$rate" "$tg_rate")"
done
for system in "${running[@]}"; do echo "  $system: ${note[$system]}"; done

echo
echo "Throughput on the ${#common[@]} queries every system answers as tariffgraph does, sent in turn (requests/s; × tariffgraph),"
echo "and the server's CPU time per request at 8 clients (ms; × tariffgraph), which other work on the machine disturbs less"
printf '| %-12s | %18s | %18s | %18s |\n' system "1 client" "8 clients" "CPU ms/request"
printf '|%s|%s|%s|%s|\n' "--------------" "--------------------" "--------------------" "--------------------"
for system in "${running[@]}"; do
  printf '| %-12s | %8s (%5s×) | %8s (%5s×) | %8s (%5s×) |\n' "$system" "${tput1[$system]}" "$(ratio "${tput1[$system]}" "${tput1[tariffgraph]}")" \
    "${tput8[$system]}" "$(ratio "${tput8[$system]}" "${tput8[tariffgraph]}")" "${cpu8[$system]}" "$(ratio "${cpu8[$system]}" "${cpu8[tariffgraph]}")"
done

echo
echo "Latency per query at one client, p50 / p99 in ms (× tariffgraph's p50)"
header="| query"; rule="|---"
for system in "${running[@]}"; do header+=" | $system"; rule+="|---"; done
echo "$header |"; echo "$rule|"
for id in "${ids[@]}"; do
  row="| $id"
  for system in "${running[@]}"; do
    if [[ ${runs[$system,$id]} == yes ]]; then
      if [[ $system == tariffgraph ]]; then
        row+=" | ${p50[$system,$id]} / ${p99[$system,$id]}"
      else
        row+=" | ${p50[$system,$id]} / ${p99[$system,$id]} ($(ratio "${p50[$system,$id]}" "${p50[tariffgraph,$id]}")×)"
      fi
    else
      row+=" | could not run"
    fi
  done
  echo "$row |"
done

echo
echo "Queries a system could not run as tariffgraph does, and why"
none=yes
for id in "${ids[@]}"; do
  for system in "${running[@]}"; do
    if [[ ${runs[$system,$id]} != yes ]]; then echo "  $system, $id: ${why[$system,$id]}"; none=no; fi
  done
done
[[ $none == yes ]] && echo "  none"
for system in $SYSTEMS; do
  [[ " ${running[*]} " == *" $system "* ]] || echo "  $system: ${note[$system]:-did not start}"
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
