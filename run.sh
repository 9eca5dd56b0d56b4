#!/usr/bin/env bash
# Starts Quality Ledger on this machine against PostgreSQL (default 127.0.0.1:5432, user postgres) and loads the
# 2023 plan so that the dashboards have data, then starts the web application. Ctrl-C stops all three.
#   DB_HOST DB_PORT DB_NAME DB_USER DB_PASSWORD   where the database is (defaults: 127.0.0.1 5432 quality_ledger postgres "")
#   COMMAND_PORT QUERY_PORT WEB_PORT              HTTP ports (defaults: 8081 8082 8080)
#   PLAN                                          plan document to import (default: data/mtcl-2023.json; "none" to skip)
set -euo pipefail
cd "$(dirname "$0")"

export DB_HOST="${DB_HOST:-127.0.0.1}" DB_PORT="${DB_PORT:-5432}" DB_NAME="${DB_NAME:-quality_ledger}"
export DB_USER="${DB_USER:-postgres}" DB_PASSWORD="${DB_PASSWORD:-}"
export COMMAND_PORT="${COMMAND_PORT:-8081}" QUERY_PORT="${QUERY_PORT:-8082}" WEB_PORT="${WEB_PORT:-8080}"
export COMMAND_SERVICE_URL="${COMMAND_SERVICE_URL:-http://127.0.0.1:$COMMAND_PORT}" QUERY_SERVICE_URL="${QUERY_SERVICE_URL:-http://127.0.0.1:$QUERY_PORT}"
PLAN="${PLAN:-data/mtcl-2023.json}"
LOGS=target/run-logs
mkdir -p "$LOGS"

bin/ensure-postgres.sh

echo "Building (tests are run by ./mvnw verify) ..."
./mvnw -q -B -DskipTests package

pids=()
stop() { [ ${#pids[@]} -gt 0 ] && kill "${pids[@]}" 2>/dev/null; wait 2>/dev/null; }
trap stop EXIT INT TERM

wait_ready() { # name port
  for _ in $(seq 1 120); do
    if curl -fsS "http://127.0.0.1:$2/actuator/health/readiness" >/dev/null 2>&1; then echo "$1 is ready on port $2"; return 0; fi
    sleep 1
  done
  echo "$1 did not become ready; see $LOGS/$1.log" >&2; exit 1
}

java -jar command-service/target/command-service-*-exec.jar > "$LOGS/command-service.log" 2>&1 & pids+=($!)
wait_ready command-service "$COMMAND_PORT"
java -jar query-service/target/query-service-*-exec.jar > "$LOGS/query-service.log" 2>&1 & pids+=($!)
wait_ready query-service "$QUERY_PORT"

if [ "$PLAN" != none ]; then
  echo "Importing $PLAN ..."
  curl -fsS -u thuky:demo -X POST -H "Content-Type: application/json" --data-binary "@$PLAN" "http://127.0.0.1:$COMMAND_PORT/api/plans" >/dev/null
  echo "Imported. Importing it again changes nothing."
fi

java -jar web/target/web-*-exec.jar > "$LOGS/web.log" 2>&1 & pids+=($!)
wait_ready web "$WEB_PORT"

cat <<INFO

Mở http://127.0.0.1:$WEB_PORT và đăng nhập (thuky / demo) — open http://127.0.0.1:$WEB_PORT and sign in as thuky / demo.

Quality Ledger is running (logs in $LOGS):
  web           http://127.0.0.1:$WEB_PORT
  commands      http://127.0.0.1:$COMMAND_PORT/swagger-ui.html
  dashboards    http://127.0.0.1:$QUERY_PORT/swagger-ui.html
  2023 summary  curl -u xem:demo 'http://127.0.0.1:$QUERY_PORT/api/organisations/SLDTBXH-HD/years/2023/summary?asOf=2023-12-31'
  demo users    admin thuky qmr truongvp nhanvienvp nhanvienkhtc danhgia danhgiakhtc xem tinh baocao tonghop (password: demo)
Press Ctrl-C to stop all three.
INFO
wait
