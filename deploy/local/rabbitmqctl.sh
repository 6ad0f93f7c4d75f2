#!/usr/bin/env bash
# Runs rabbitmqctl against the node started by start-rabbitmq.sh DIR PORT, e.g. stop_app / start_app.
# Usage: rabbitmqctl.sh DIR PORT COMMAND [ARGS...]
set -euo pipefail
dir=$(realpath -m "$1"); port=$2; shift 2
. "$(dirname "$0")/rabbitmq-env.sh"
exec /usr/lib/rabbitmq/bin/rabbitmqctl -n "$RABBITMQ_NODENAME" -q "$@"
