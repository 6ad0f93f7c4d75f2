#!/usr/bin/env bash
# Starts a throwaway PostgreSQL cluster in DIR listening on 127.0.0.1:PORT, creates the database
# "computor" and prints its connection string. Stop it with stop-postgres.sh DIR.
# Usage: start-postgres.sh DIR PORT
set -euo pipefail
dir=$(realpath -m "$1"); port=$2
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
[ -x "$bin/initdb" ] || { echo "PostgreSQL server not found: apt-get install -y postgresql" >&2; exit 1; }

# PostgreSQL refuses to run as root, so root runs it as an unprivileged system user.
as_owner=()
if [ "$(id -u)" = 0 ]; then
  id computor-pg >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin computor-pg
  as_owner=(runuser -u computor-pg --)
fi
mkdir -p "$dir"
[ "$(id -u)" = 0 ] && chown computor-pg "$dir"
if [ ! -f "$dir/data/PG_VERSION" ]; then
  "${as_owner[@]}" "$bin/initdb" -D "$dir/data" -A trust -U postgres --no-sync >"$dir/initdb.log"
fi
# A cluster already running from an earlier call is reused.
"${as_owner[@]}" "$bin/pg_ctl" -D "$dir/data" status >/dev/null 2>&1 ||
  "${as_owner[@]}" "$bin/pg_ctl" -w -D "$dir/data" -l "$dir/postgres.log" start -o \
    "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" >/dev/null
"${as_owner[@]}" psql -h 127.0.0.1 -p "$port" -U postgres -tAc "SELECT 1 FROM pg_database WHERE datname='computor'" | grep -q 1 \
  || "${as_owner[@]}" psql -h 127.0.0.1 -p "$port" -U postgres -qc "CREATE DATABASE computor" >/dev/null
echo "Host=127.0.0.1;Port=$port;Username=postgres;Database=computor"
