# Sourced by the RabbitMQ scripts: a node whose every file lives in $dir and whose name and ports
# derive from $port, so several can run side by side without systemd.
export HOME="$dir"
export RABBITMQ_NODENAME="computor$port@localhost"
export RABBITMQ_NODE_PORT="$port"
export RABBITMQ_MNESIA_BASE="$dir/mnesia"
export RABBITMQ_LOG_BASE="$dir/log"
export RABBITMQ_PID_FILE="$dir/rabbitmq.pid"
export RABBITMQ_CONFIG_FILE="$dir/rabbitmq"
export RABBITMQ_ENABLED_PLUGINS_FILE="$dir/enabled_plugins"
export ERL_CRASH_DUMP="$dir/erl_crash.dump"
