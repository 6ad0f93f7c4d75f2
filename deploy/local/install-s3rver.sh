#!/usr/bin/env bash
# The S3-compatible server the specs and `run.sh` use where no MinIO runs: @20minutes/s3rver 5.0.0
# (the older s3rver 3.x corrupts uploads from the current AWS SDK). Installed once into .tmp/s3rver.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
target="$root/.tmp/s3rver"
[ -f "$target/node_modules/@20minutes/s3rver/package.json" ] && exit 0
mkdir -p "$target"
echo "Installing @20minutes/s3rver@5.0.0 into $target ..."
npm install --prefix "$target" --no-audit --no-fund --loglevel=error @20minutes/s3rver@5.0.0 >/dev/null
