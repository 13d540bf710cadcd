#!/usr/bin/env bash
# A bounded load benchmark on loopback: starts `tariffgraph serve` on a free port, sends the
# query catalogue from CLIENTS concurrent clients for at most SECONDS or MAX requests, and
# prints throughput, p50 and p99 latency and errors. The server is stopped afterwards.
#
#   src/bench/load.sh                 # 20 s, 8 clients, at most 50,000 requests
#   SECONDS_=30 CLIENTS=16 src/bench/load.sh
set -euo pipefail
cd "$(dirname "$0")/../.."

DURATION=${SECONDS_:-20}
CLIENTS=${CLIENTS:-8}
MAX=${MAX:-50000}
JAR=target/tariffgraph.jar
JSA=target/tariffgraph.jsa

if [[ ! -f $JAR || ! -f $JSA ]]; then
  mvn -q package -DskipTests
fi

out=$(mktemp)
java -XX:SharedArchiveFile="$JSA" -XX:TieredStopAtLevel=1 -jar "$JAR" serve --port 0 --no-access-log > "$out" 2>/dev/null &
server=$!
trap 'kill $server 2>/dev/null || true; rm -f "$out"' EXIT
url=""
for _ in $(seq 1 600); do
  url=$(sed -n 's/^SPARQL endpoint ready at //p' "$out")
  [[ -n $url ]] && break
  kill -0 $server 2>/dev/null || { echo "the server did not start" >&2; exit 1; }
  sleep 0.05
done
[[ -n $url ]] || { echo "the server did not start" >&2; exit 1; }

echo "load on $url ($(nproc) cores, client and server on the same machine)"
java src/bench/LoadClient.java "$url" queries "$DURATION" "$CLIENTS" "$MAX"
