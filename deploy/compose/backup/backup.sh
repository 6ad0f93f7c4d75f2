#!/usr/bin/env bash
# PostgreSQL backups: one custom-format pg_dump into BACKUP_DIRECTORY (computor-<UTC time>.dump),
# then dumps older than BACKUP_KEEP_DAYS days are deleted. With --loop, repeats every
# BACKUP_INTERVAL_SECONDS. Connection from the standard PG* variables.
# Restore: pg_restore --clean --if-exists --no-owner -d <database> <dump>
set -euo pipefail
directory=${BACKUP_DIRECTORY:?BACKUP_DIRECTORY is not set}
keep_days=${BACKUP_KEEP_DAYS:-14}
backup_once() {
  mkdir -p "$directory"
  local name="computor-$(date -u +%Y%m%dT%H%M%SZ).dump"
  # Written under a temporary name first, so a half-written dump is never taken for a backup.
  pg_dump --format=custom --file="$directory/.$name.partial"
  mv "$directory/.$name.partial" "$directory/$name"
  find "$directory" -maxdepth 1 -name 'computor-*.dump' -mtime "+$keep_days" -delete
  echo "backup: $directory/$name"
}
if [ "${1:-}" = --loop ]; then
  while true; do
    backup_once || echo "backup failed; next try in ${BACKUP_INTERVAL_SECONDS:-86400} s" >&2
    sleep "${BACKUP_INTERVAL_SECONDS:-86400}"
  done
else
  backup_once
fi
