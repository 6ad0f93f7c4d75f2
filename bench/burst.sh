#!/usr/bin/env bash
# Burst benchmark of the whole system (see bench/README.md): bench/burst.sh [N=1000] [runner counts=1,2,4]
# Starts PostgreSQL, RabbitMQ and s3rver from the local installation, the services as processes, and
# writes its figures into bench/README.md.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
bash "$root/deploy/local/install-prerequisites.sh"
dotnet build "$root/Computor.sln" -c Release -v q -nologo >/dev/null
dotnet run -c Release --no-build --project "$root/bench/Computor.Bench.Burst" -- "$@"
