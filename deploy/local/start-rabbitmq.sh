#!/usr/bin/env bash
# Starts a RabbitMQ node with the management plugin in DIR on 127.0.0.1:PORT (management on
# MANAGEMENT_PORT, Erlang distribution on DIST_PORT, default MANAGEMENT_PORT+1) and prints its
# amqp:// URI. Stop it with stop-rabbitmq.sh DIR PORT.
# Usage: start-rabbitmq.sh DIR PORT MANAGEMENT_PORT [DIST_PORT]
set -euo pipefail
dir=$(realpath -m "$1"); port=$2; management=$3
export RABBITMQ_DIST_PORT=${4:-$((management + 1))}
server=/usr/lib/rabbitmq/bin/rabbitmq-server
[ -x "$server" ] || { echo "RabbitMQ not found: apt-get install -y rabbitmq-server" >&2; exit 1; }
. "$(dirname "$0")/rabbitmq-env.sh"
mkdir -p "$dir/log" "$dir/mnesia"
echo "[rabbitmq_management]." > "$RABBITMQ_ENABLED_PLUGINS_FILE"
cat > "$dir/rabbitmq.conf" <<CONF
listeners.tcp.default = 127.0.0.1:$port
management.tcp.port = $management
management.tcp.ip = 127.0.0.1
CONF
# The /usr/sbin wrapper would switch user and directories; the plain script keeps everything in $dir.
setsid nohup "$server" >"$dir/server.out" 2>&1 < /dev/null &
pid=$!
# The management API answers only once the broker has booted with its plugins.
for _ in $(seq 1 1200); do
  curl -fsS -u guest:guest "http://127.0.0.1:$management/api/overview" >/dev/null 2>&1 && {
    echo "amqp://guest:guest@127.0.0.1:$port/"; exit 0; }
  kill -0 "$pid" 2>/dev/null || break
  sleep 0.1
done
echo "RabbitMQ did not start on port $port; see $dir/server.out and $dir/log" >&2
exit 1
