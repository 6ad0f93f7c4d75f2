#!/usr/bin/env bash
# Installs what the specs and the local scripts need: RabbitMQ and PostgreSQL, git (the API serves
# local repositories with git http-backend), GNU Octave with gnuplot and fonts for its plots (the
# MATLAB runner), docker-compose and yamllint (deploy/validate.sh checks the deployment files
# offline), bubblewrap and the
# Python the runner sandboxes (with numpy, matplotlib, pyflakes; pytest for the benchmark) as Debian
# packages, and the S3 server for tests from npm. Installs only what is missing.
# With "standalone", only what ./computor needs: git, bubblewrap and the sandboxed Python.
set -euo pipefail
need=()
here="$(cd "$(dirname "$0")" && pwd)"
command -v git >/dev/null || need+=(git)
command -v runuser >/dev/null || need+=(util-linux)
command -v bwrap >/dev/null || need+=(bubblewrap)
[ -x /usr/bin/python3 ] || need+=(python3)
/usr/bin/python3 -c "import numpy" 2>/dev/null || need+=(python3-numpy)
/usr/bin/python3 -c "import matplotlib" 2>/dev/null || need+=(python3-matplotlib)
/usr/bin/python3 -c "import pyflakes" 2>/dev/null || need+=(python3-pyflakes)
if [ "${1:-}" = standalone ]; then
  install_s3() { :; }
else
  [ -x /usr/lib/rabbitmq/bin/rabbitmq-server ] || need+=(rabbitmq-server)
  ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
  command -v curl >/dev/null || need+=(curl)
  /usr/bin/python3 -c "import pytest" 2>/dev/null || need+=(python3-pytest)
  command -v npm >/dev/null || need+=(npm)
  [ -x /usr/bin/octave-cli ] || need+=(octave)
  command -v gnuplot >/dev/null || need+=(gnuplot-nox)
  [ -d /usr/share/fonts/opentype/freefont ] || need+=(fonts-freefont-otf)
  command -v docker-compose >/dev/null || need+=(docker-compose)
  command -v yamllint >/dev/null || need+=(yamllint)
  install_s3() { bash "$here/install-s3rver.sh"; }
fi
if [ ${#need[@]} -eq 0 ]; then install_s3; exit 0; fi
if [ "$(id -u)" != 0 ]; then
  echo "Missing packages: ${need[*]}. Install them with: sudo apt-get install -y ${need[*]}" >&2
  exit 1
fi
echo "Installing ${need[*]} ..."
apt-get update -qq
# Package scripts may try to start system-wide servers; the specs start their own on free ports.
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
install_s3
