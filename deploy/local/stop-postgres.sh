#!/usr/bin/env bash
# Stops the cluster started by start-postgres.sh DIR (fast shutdown; the data stays in DIR).
# Usage: stop-postgres.sh DIR
set -euo pipefail
dir=$(realpath -m "$1")
bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
as_owner=()
[ "$(id -u)" = 0 ] && as_owner=(runuser -u computor-pg --)
"${as_owner[@]}" "$bin/pg_ctl" -w -D "$dir/data" stop -m fast >/dev/null
