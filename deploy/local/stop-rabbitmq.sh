#!/usr/bin/env bash
# Stops the node started by start-rabbitmq.sh DIR PORT.
# Usage: stop-rabbitmq.sh DIR PORT
set -euo pipefail
"$(dirname "$0")/rabbitmqctl.sh" "$1" "$2" stop >/dev/null 2>&1 || true
