#!/usr/bin/env bash
# Makes sure the RabbitMQ that the feed's AMQP push tests use is up (127.0.0.1:5672, guest/guest).
# Starts the local broker when it is local and down (the machines this project runs on have one).
set -euo pipefail
AMQP_HOST="${AMQP_HOST:-127.0.0.1}" AMQP_PORT="${AMQP_PORT:-5672}"

listening() { (echo > "/dev/tcp/$AMQP_HOST/$AMQP_PORT") 2>/dev/null; }

if ! listening; then
  case "$AMQP_HOST" in
    127.0.0.1|localhost)
      echo "RabbitMQ is down; starting the local broker"
      rabbitmq-server -detached
      for _ in $(seq 1 60); do listening && break; sleep 1; done ;;
  esac
fi
listening && echo "RabbitMQ answers on $AMQP_HOST:$AMQP_PORT" || { echo "RabbitMQ is not reachable on $AMQP_HOST:$AMQP_PORT" >&2; exit 1; }
