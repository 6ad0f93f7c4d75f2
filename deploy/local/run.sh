#!/usr/bin/env bash
# Runs the API, the system service and the Python and MATLAB (Octave) runners against PostgreSQL, RabbitMQ and an S3
# server started from the local installation into .tmp/local (kept between runs). Ctrl-C stops the
# services; the servers keep running until `deploy/local/run.sh stop`.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
state="$root/.tmp/local"
pg_port=${POSTGRES_PORT:-55432}; mq_port=${RABBITMQ_PORT:-55672}; mq_management=${RABBITMQ_MANAGEMENT_PORT:-15672}
s3_port=${S3_PORT:-59000}
if [ "${1:-}" = stop ]; then
  "$root/deploy/local/stop-s3.sh" "$state/s3"
  "$root/deploy/local/stop-rabbitmq.sh" "$state/rabbitmq" "$mq_port"
  "$root/deploy/local/stop-postgres.sh" "$state/postgres"
  exit 0
fi
"$root/deploy/local/install-prerequisites.sh"
mkdir -p "$state" && chmod 755 "$root/.tmp" "$state"
export ConnectionStrings__Computor=$("$root/deploy/local/start-postgres.sh" "$state/postgres" "$pg_port")
if "$root/deploy/local/rabbitmqctl.sh" "$state/rabbitmq" "$mq_port" status >/dev/null 2>&1; then
  export ConnectionStrings__RabbitMq="amqp://guest:guest@127.0.0.1:$mq_port/"
else
  export ConnectionStrings__RabbitMq=$("$root/deploy/local/start-rabbitmq.sh" "$state/rabbitmq" "$mq_port" "$mq_management")
fi
if [ -z "${COMPUTOR_ADMIN_TOKEN:-}" ]; then
  [ -f "$state/admin-token" ] || (umask 077 && head -c 32 /dev/urandom | base64 | tr -d '/+=' > "$state/admin-token")
  COMPUTOR_ADMIN_TOKEN=$(cat "$state/admin-token")
fi
export COMPUTOR_ADMIN_TOKEN
# Organizations' GitLab tokens are stored encrypted with this secret; losing it means entering them again.
if [ -z "${COMPUTOR_TOKEN_SECRET:-}" ]; then
  [ -f "$state/token-secret" ] || (umask 077 && head -c 32 /dev/urandom | base64 | tr -d '/+=' > "$state/token-secret")
  COMPUTOR_TOKEN_SECRET=$(cat "$state/token-secret")
fi
export COMPUTOR_TOKEN_SECRET
export ObjectStorage__ServiceUrl=$("$root/deploy/local/start-s3.sh" "$state/s3" "$s3_port" computor-storage)
export ObjectStorage__AccessKey=S3RVER ObjectStorage__SecretKey=S3RVER ObjectStorage__ChecksumsWhenRequired=true ObjectStorage__CreateBucket=false
export ASPNETCORE_URLS=${ASPNETCORE_URLS:-http://127.0.0.1:8000}
# Courses of organizations without GitLab live in bare repositories here, served by the API at /git;
# releases push and the runner fetches through it with the admin token.
export LocalGit__Root="$state/git" LocalGit__PublicUrl="$ASPNETCORE_URLS/git" LocalGit__Token="$COMPUTOR_ADMIN_TOKEN"
export Git__Credentials__0__UrlPrefix="$LocalGit__PublicUrl" Git__Credentials__0__Password="$COMPUTOR_ADMIN_TOKEN"
dotnet build "$root/Computor.sln" -c Release -v q -nologo >/dev/null
echo "API:            $ASPNETCORE_URLS  (OpenAPI at /openapi/v1.json)"
echo "Admin token:    $COMPUTOR_ADMIN_TOKEN  (header X-API-Token; kept in $state/admin-token)"
echo "RabbitMQ UI:    http://127.0.0.1:$mq_management  (guest/guest, localhost only)"
echo "S3 (s3rver):    $ObjectStorage__ServiceUrl  (bucket computor-storage)"
echo "Git (local):    $LocalGit__PublicUrl  (repositories in $LocalGit__Root)"
echo "Try it:         deploy/local/demo.sh  (in another terminal)"
ASPNETCORE_URLS=http://127.0.0.1:${SYSTEM_HEALTH_PORT:-8003} dotnet "$root/services/Computor.System/bin/Release/net10.0/Computor.System.dll" &
system=$!
ASPNETCORE_URLS=http://127.0.0.1:${RUNNER_HEALTH_PORT:-8001} dotnet "$root/services/Computor.PythonRunner/bin/Release/net10.0/Computor.PythonRunner.dll" &
runner=$!
# Its sandbox uids start above the Python runner's: two runners on one host must not share them.
ASPNETCORE_URLS=http://127.0.0.1:${MATLAB_RUNNER_HEALTH_PORT:-8002} Sandbox__FirstUid=62000 \
  dotnet "$root/services/Computor.MatlabRunner/bin/Release/net10.0/Computor.MatlabRunner.dll" &
matlab=$!
trap 'kill $system $runner $matlab 2>/dev/null' EXIT
dotnet "$root/services/Computor.Api/bin/Release/net10.0/Computor.Api.dll"
