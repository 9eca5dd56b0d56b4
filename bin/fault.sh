#!/usr/bin/env bash
# Fault suite of Quality Ledger (see README, "Fault and fuzz tests"): kills each service under load, restarts PostgreSQL
# (-m fast, -m immediate), and checks acknowledged => stored once, no duplicate, no success answer without its id,
# problem bodies for failures, recovery without a hand restart, live projections == rebuild.
#   bin/fault.sh --smoke   one round of faults, 3 clients (about a minute and a half; CI runs it)
#   bin/fault.sh --full    three rounds, 4 clients (a few minutes, by hand)
# Restarts the local PostgreSQL cluster: it affects everything using it, and it is always left running.
# Uses database ql_fault_{smoke,full} (dropped and created per run), ports 18181/18182 (FAULT_COMMAND_PORT,
# FAULT_QUERY_PORT) on 127.0.0.1. Report: fault-results/latest-{smoke,full}.md, every request in
# fault-results/attempts-*.jsonl, service logs in fault-results/logs-*/. Builds the jars when missing (FAULT_REBUILD=1
# to always build). Exits non-zero when a check fails.
set -euo pipefail
cd "$(dirname "$0")/.."

mode=--smoke
case "${1:-}" in
  --full) mode=--full ;;
  ""|--smoke) ;;
  *) echo "usage: bin/fault.sh [--smoke|--full]" >&2; exit 2 ;;
esac

case "${DB_HOST:-127.0.0.1}" in
  127.0.0.1|localhost) ;;
  *) echo "bin/fault.sh restarts PostgreSQL, so it only runs against the local cluster (DB_HOST=127.0.0.1)" >&2; exit 2 ;;
esac

bin/ensure-postgres.sh >/dev/null

if [ "${FAULT_REBUILD:-0}" = 1 ] || ! ls command-service/target/command-service-*-exec.jar >/dev/null 2>&1 \
   || ! ls query-service/target/query-service-*-exec.jar >/dev/null 2>&1 || [ ! -f bench/target/bench.jar ] \
   || [ ! -d bench/target/lib ]; then
  echo "Building the services and the harness (tests are run by ./mvnw verify) ..."
  ./mvnw -q -B -DskipTests package
fi

suite=""
cleanup() {
  # The suite stops its services itself; this is for when it could not (killed, or the shell interrupted).
  if [ -n "$suite" ] && kill -0 "$suite" 2>/dev/null; then
    kill "$suite" 2>/dev/null || true
    for _ in $(seq 1 40); do kill -0 "$suite" 2>/dev/null || break; sleep 0.5; done
    kill -9 "$suite" 2>/dev/null || true
  fi
  if [ -f fault-results/services.pid ]; then
    while read -r pid; do
      if [ -n "$pid" ] && grep -q -- '-exec.jar' "/proc/$pid/cmdline" 2>/dev/null; then kill -9 "$pid" 2>/dev/null || true; fi
    done < fault-results/services.pid
    rm -f fault-results/services.pid
  fi
  # PostgreSQL must always be left running.
  if ! pg_isready -q -h 127.0.0.1 -p "${DB_PORT:-5432}"; then
    pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -n 1)" main start || true
  fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

java -Xmx512m -cp "bench/target/bench.jar:bench/target/lib/*" vn.qualityledger.bench.FaultSuite "$mode" --root "$PWD" &
suite=$!
set +e
wait "$suite"
status=$?
set -e
suite=""
exit "$status"
