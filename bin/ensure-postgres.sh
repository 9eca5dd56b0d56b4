#!/usr/bin/env bash
# Makes sure the PostgreSQL that the services and tests use is up and has the service database.
# Starts the local cluster when it is local and down (the machines this project runs on have one).
set -euo pipefail
DB_HOST="${DB_HOST:-127.0.0.1}" DB_PORT="${DB_PORT:-5432}" DB_USER="${DB_USER:-postgres}" DB_NAME="${DB_NAME:-quality_ledger}"
export PGPASSWORD="${DB_PASSWORD:-}"

if ! pg_isready -q -h "$DB_HOST" -p "$DB_PORT"; then
  case "$DB_HOST" in
    127.0.0.1|localhost)
      echo "PostgreSQL is down; starting the local cluster"
      pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -n 1)" main start
      for _ in $(seq 1 30); do pg_isready -q -h "$DB_HOST" -p "$DB_PORT" && break; sleep 1; done ;;
  esac
fi
pg_isready -h "$DB_HOST" -p "$DB_PORT"

if ! psql -h "$DB_HOST" -p "$DB_PORT" -U "$DB_USER" -d postgres -tAc "select 1 from pg_database where datname = '$DB_NAME'" | grep -q 1; then
  psql -h "$DB_HOST" -p "$DB_PORT" -U "$DB_USER" -d postgres -c "create database \"$DB_NAME\" encoding 'UTF8' template template0"
fi
