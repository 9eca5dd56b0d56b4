#!/usr/bin/env bash
# Benchmark of Quality Ledger against the local PostgreSQL (see README, "Performance").
#   bin/bench.sh           the full run (~15 minutes): a million events, 100 organisations, 1/8/32 clients
#   bin/bench.sh --smoke   every step on tiny data in seconds (CI runs it); fails only when something breaks
# Results: bench-results/latest-{full,smoke}.{md,json} plus a time-stamped copy, service logs in bench-results/logs-*/.
# Uses databases ql_bench* (dropped and created on each run) and ports 18081-18084 (BENCH_COMMAND_PORT,
# BENCH_QUERY_PORT, BENCH_IDLE_PORT, BENCH_WEB_PORT); DB_HOST DB_PORT DB_USER DB_PASSWORD as for the services.
# Builds the jars first when one is missing or older than a source file (BENCH_REBUILD=1 to always build): a figure
# must come from the code of the commit it names.
set -euo pipefail
cd "$(dirname "$0")/.."

mode=--full
case "${1:-}" in
  --smoke) mode=--smoke ;;
  ""|--full) ;;
  *) echo "usage: bin/bench.sh [--smoke|--full]" >&2; exit 2 ;;
esac

bin/ensure-postgres.sh

if [ "${BENCH_REBUILD:-0}" = 1 ] || ! ls command-service/target/command-service-*-exec.jar >/dev/null 2>&1 \
   || ! ls query-service/target/query-service-*-exec.jar >/dev/null 2>&1 || ! ls web/target/web-*-exec.jar >/dev/null 2>&1 \
   || [ ! -f bench/target/bench.jar ] \
   || [ ! -d bench/target/lib ] \
   || [ -n "$(find pom.xml shared-api service-support command-service query-service web bench -path '*/target' -prune -o \
          -path '*/src/test' -prune -o -name '.*' -prune -o -type f -newer "$(ls -tr command-service/target/command-service-*-exec.jar \
          query-service/target/query-service-*-exec.jar web/target/web-*-exec.jar bench/target/bench.jar | head -1)" -print -quit)" ]; then
  echo "Building the services and the harness (tests are run by ./mvnw verify) ..."
  ./mvnw -q -B -DskipTests package
fi

commit=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
# A figure names the commit it was measured at; uncommitted changes make it "-dirty" (bench-results/ is ignored).
if [ -n "$(git status --porcelain 2>/dev/null)" ]; then commit="$commit-dirty"; fi
exec java -Xmx2g -Dbench.commit="$commit" -cp "bench/target/bench.jar:bench/target/lib/*" \
  vn.qualityledger.bench.Bench "$mode" --root "$PWD"
