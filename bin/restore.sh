#!/usr/bin/env bash
# Restore test of Quality Ledger (see README, "Running a province"): both services on ql_restore_src are told a small
# story, the figures, each stream's integrity and a ledger checkpoint are recorded; then pg_dump -Fc, pg_restore into
# ql_restore_dst, both services on the copy: the chains verify, the figures and the ledger are the same, and stay the
# same after a rebuild of both projections. About a minute; CI runs it. Ports 18381/18382 on 127.0.0.1
# (RESTORE_COMMAND_PORT, RESTORE_QUERY_PORT); service logs and the dump in fault-results/. Drops both databases at the
# end. Builds the jars when missing. Exits non-zero when a check fails.
set -euo pipefail
cd "$(dirname "$0")/.."

bin/ensure-postgres.sh >/dev/null

if ! ls command-service/target/command-service-*-exec.jar >/dev/null 2>&1 \
   || ! ls query-service/target/query-service-*-exec.jar >/dev/null 2>&1 || [ ! -f bench/target/bench.jar ] \
   || [ ! -d bench/target/lib ]; then
  echo "Building the services and the harness (tests are run by ./mvnw verify) ..."
  ./mvnw -q -B -DskipTests package
fi
for tool in pg_dump pg_restore; do
  command -v "$tool" >/dev/null 2>&1 || { echo "$tool is missing (apt-get install postgresql-client)" >&2; exit 1; }
done

suite=""
cleanup() {
  # The suite stops its services and drops its databases itself; this is for when it could not.
  if [ -n "$suite" ] && kill -0 "$suite" 2>/dev/null; then
    kill "$suite" 2>/dev/null || true
    for _ in $(seq 1 40); do kill -0 "$suite" 2>/dev/null || break; sleep 0.5; done
    kill -9 "$suite" 2>/dev/null || true
  fi
  if [ -f fault-results/restore.pid ]; then
    while read -r pid; do
      if [ -n "$pid" ] && grep -q -- '-exec.jar' "/proc/$pid/cmdline" 2>/dev/null; then kill -9 "$pid" 2>/dev/null || true; fi
    done < fault-results/restore.pid
    rm -f fault-results/restore.pid
  fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

java -Xmx256m -cp "bench/target/bench.jar:bench/target/lib/*" vn.qualityledger.bench.RestoreSuite --root "$PWD" &
suite=$!
set +e
wait "$suite"
status=$?
set -e
suite=""
exit "$status"
