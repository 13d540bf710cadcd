#!/usr/bin/env bash
# How well drafts match the facts a person reads in the same reports: prints one table for the
# first article (against its curated graph and against a hand-made reading), one for the four
# test reports and one for the three held-out reports (each against its hand-made reading).
# Needs the first article's text in ../shared/sources (or -Dtariffgraph.sources=DIR in JAVA_OPTS).
# Usage: src/bench/draft-accuracy.sh [--each]     (--each also prints a table per report)
set -euo pipefail
cd "$(dirname "$0")/../.."
mvn -B -q -o test-compile -pl core -am >/dev/null 2>&1 || mvn -B -q test-compile -pl core -am
classpath_file=$(mktemp)
trap 'rm -f "$classpath_file"' EXIT
mvn -B -q -pl core dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$classpath_file" >/dev/null
classpath=$(cat "$classpath_file")
java ${JAVA_OPTS:-} -Dtariffgraph.repo="$PWD" -Dtariffgraph.sources="${SOURCES:-$PWD/../shared/sources}" \
    -cp "core/target/test-classes:core/target/classes:$classpath" org.tariffgraph.draft.DraftAccuracy "$@"
