# computor-python-runner: runs Python tests in bubblewrap sandboxes.
# Runs as root: each concurrency slot gets its own uid and cgroups (ADR 6); student code never runs as
# root. The container needs user namespaces: run it with seccomp unconfined (see deploy/compose).
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY . .
RUN dotnet publish services/Computor.PythonRunner -c Release -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0
RUN apt-get update && apt-get install -y --no-install-recommends curl bubblewrap util-linux \
      python3 python3-numpy python3-matplotlib python3-pyflakes && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build /app .
ENV ASPNETCORE_URLS=http://0.0.0.0:8080
EXPOSE 8080
HEALTHCHECK --interval=10s --timeout=3s --retries=6 CMD curl -fsS http://127.0.0.1:8080/health/ready || exit 1
ENTRYPOINT ["dotnet", "Computor.PythonRunner.dll"]
