#!/usr/bin/env bash
# Starts the S3 server for local runs and specs: start-s3.sh DIR PORT [BUCKET,...]. Prints its endpoint when ready.
set -euo pipefail
dir="$1"; port="$2"; buckets="${3:-computor-storage}"
here="$(cd "$(dirname "$0")" && pwd)"
bash "$here/install-s3rver.sh"
mkdir -p "$dir/data"
if [ -f "$dir/pid" ] && kill -0 "$(cat "$dir/pid")" 2>/dev/null; then
  echo "http://127.0.0.1:$port"; exit 0
fi
nohup node "$here/s3rver.js" "$dir/data" "$port" "$buckets" >"$dir/log" 2>&1 &
echo $! >"$dir/pid"
for _ in $(seq 100); do
  if curl -s -o /dev/null "http://127.0.0.1:$port/"; then echo "http://127.0.0.1:$port"; exit 0; fi
  kill -0 "$(cat "$dir/pid")" 2>/dev/null || { cat "$dir/log" >&2; exit 1; }
  sleep 0.1
done
echo "s3rver did not answer on port $port; log: $dir/log" >&2
exit 1
