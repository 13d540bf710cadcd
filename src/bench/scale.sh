#!/usr/bin/env bash
# The graph at scale: for each corpus size, generates a synthetic corpus (generate-corpus),
# loads it with the repository's data in memory and into a TDB2 store, and measures:
#   load     quads loaded per second (the store: the bulk loader, with the text index built)
#   memory   heap in use after a full collection, per million quads, of the serving process
#   queries  p50 and p99 latency of every catalogue query through the endpoint (one client)
# Bounded in time: each query is sent at most REQUESTS times or for SECONDS; each server is
# stopped after its queries. Loopback only: servers listen on 127.0.0.1, on a free port.
#
#   src/bench/scale.sh                    # 100 and 1,000 articles
#   src/bench/scale.sh 10000              # 10,000 articles (about 15 million quads): minutes, and a large heap
#   HEAP=16g STORES="tdb2" src/bench/scale.sh 10000
set -euo pipefail
cd "$(dirname "$0")/../.."

SIZES=${*:-100 1000}
STORES=${STORES:-memory tdb2}
HEAP=${HEAP:-8g}
REQUESTS=${REQUESTS:-20}
SECONDS_PER_QUERY=${SECONDS_PER_QUERY:-30}
WORK=${WORK:-target/scale}
JAR=cli/target/tariffgraph.jar

[[ -f $JAR ]] || mvn -B -q package -DskipTests
command -v jcmd >/dev/null || { echo "jcmd is needed (a JDK)" >&2; exit 2; }
mkdir -p "$WORK"

server=""
stop() { [[ -n $server ]] && kill "$server" 2>/dev/null && wait "$server" 2>/dev/null; server=""; }
trap stop EXIT

# Starts `serve` with the given options; sets $server and $url; prints how long it took to be ready.
start() {
  local log=$1; shift
  local began; began=$(date +%s%N)
  java -Xmx"$HEAP" -jar "$JAR" serve --port 0 --host 127.0.0.1 --no-access-log --no-validate "$@" > "$log.out" 2> "$log.err" &
  server=$!
  url=""
  for _ in $(seq 1 36000); do
    url=$(sed -n 's/^SPARQL endpoint ready at //p' "$log.out")
    [[ -n $url ]] && break
    kill -0 "$server" 2>/dev/null || { cat "$log.err" >&2; echo "the server did not start" >&2; exit 1; }
    sleep 0.1
  done
  [[ -n $url ]] || { echo "the server was not ready within an hour" >&2; exit 1; }
  echo "ready in $(( ($(date +%s%N) - began) / 1000000 )) ms"
}

# Heap in use after a full collection, in MB, of the running server.
heap_mb() {
  jcmd "$server" GC.run > /dev/null
  jcmd "$server" GC.heap_info | awk '/used/ { for (i = 1; i <= NF; i++) if ($i == "used") { v = $(i+1); sub("K", "", v); print int(v / 1024); exit } }'
}

echo "scale benchmark: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GB, load average $(cut -d' ' -f1-3 /proc/loadavg), heap $HEAP"
for size in $SIZES; do
  corpus=$WORK/corpus-$size
  if [[ ! -d $corpus/data ]]; then
    java -jar "$JAR" generate-corpus --articles "$size" --output "$corpus" 2>/dev/null
  fi
  for store in $STORES; do
    log=$WORK/serve-$size-$store
    echo
    echo "== $size articles, $store (load average $(cut -d' ' -f1-3 /proc/loadavg))"
    if [[ $store == tdb2 ]]; then
      rm -rf "$WORK/store-$size"
      java -Xmx"$HEAP" -jar "$JAR" load --data data --data "$corpus/data" --store "$WORK/store-$size" 2> "$log.load.err"
      start "$log" --store "$WORK/store-$size"
    else
      start "$log" --data data --data "$corpus/data"
      grep '^loaded' "$log.err" || true
    fi
    quads=$(grep -o '^loaded [0-9]* quads' "$log.err" "$log.load.err" 2>/dev/null | head -1 | grep -o '[0-9]*' | head -1 || true)
    heap=$(heap_mb)
    if [[ -n $quads && $quads -gt 0 ]]; then
      echo "heap in use after GC: $heap MB ($(( heap * 1000000 / quads )) MB per million quads)"
    else
      echo "heap in use after GC: $heap MB"
    fi
    java src/bench/CatalogueLatency.java "$url" queries "$REQUESTS" "$SECONDS_PER_QUERY"
    stop
  done
  [[ -d $WORK/store-$size ]] && echo "store on disk: $(du -sh "$WORK/store-$size" | cut -f1)"
done
