#!/usr/bin/env bash
# The fault drills at full size: bench/drills.sh [N=1000]. CI runs the same specs with 50 requests.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
bash "$root/deploy/local/install-prerequisites.sh"
COMPUTOR_DRILL_SIZE=${1:-1000} dotnet test "$root/tests/Computor.IntegrationSpecs" -c Release \
  --filter "FullyQualifiedName~When_a_part_of_the_system_fails_during_a_burst" --logger "console;verbosity=normal"
