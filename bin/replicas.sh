#!/usr/bin/env bash
# Replica suite of Quality Ledger (see README, "Fault and fuzz tests"): two command-service and two query-service
# processes on one database, commands through both command replicas (two on one objective at once), then checks that
# every acknowledged command is stored once, the projections' segments split between the query replicas, both serve the
# same feed, a deadline fires once, and a killed query replica's segments move to the survivor. About a minute; CI runs it.
# Uses database ql_fault_replicas (dropped and created per run) and ports 18281-18284 on 127.0.0.1; service logs in
# fault-results/logs-replicas/. Builds the jars when missing. Exits non-zero when a check fails.
set -euo pipefail
cd "$(dirname "$0")/.."

bin/ensure-postgres.sh >/dev/null

if ! ls command-service/target/command-service-*-exec.jar >/dev/null 2>&1 \
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
  if [ -f fault-results/replicas.pid ]; then
    while read -r pid; do
      if [ -n "$pid" ] && grep -q -- '-exec.jar' "/proc/$pid/cmdline" 2>/dev/null; then kill -9 "$pid" 2>/dev/null || true; fi
    done < fault-results/replicas.pid
    rm -f fault-results/replicas.pid
  fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

java -Xmx256m -cp "bench/target/bench.jar:bench/target/lib/*" vn.qualityledger.bench.ReplicaSuite --root "$PWD" &
suite=$!
set +e
wait "$suite"
status=$?
set -e
suite=""
exit "$status"
