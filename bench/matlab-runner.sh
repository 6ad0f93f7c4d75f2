#!/usr/bin/env bash
# MATLAB runner benchmark: per-suite time of harness + sandbox on Octave against bare octave-cli.
# Usage: bench/matlab-runner.sh [runs-per-suite]   (installs octave and bubblewrap when missing)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
bash "$root/deploy/local/install-prerequisites.sh"
dotnet run -c Release --project "$root/bench/Computor.Bench.MatlabRunner" -- "$@"
