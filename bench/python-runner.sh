#!/usr/bin/env bash
# Python runner benchmark: per-suite time of harness + sandbox against bare python3 and pytest.
# Usage: bench/python-runner.sh [runs-per-suite]   (installs bubblewrap/numpy/pytest when missing)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
bash "$root/deploy/local/install-prerequisites.sh"
dotnet run -c Release --project "$root/bench/Computor.Bench.PythonRunner" -- "$@"
