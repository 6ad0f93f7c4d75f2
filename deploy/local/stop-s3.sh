#!/usr/bin/env bash
# Stops the S3 server started by start-s3.sh DIR.
set -euo pipefail
dir="$1"
[ -f "$dir/pid" ] && kill "$(cat "$dir/pid")" 2>/dev/null || true
rm -f "$dir/pid"
