#!/usr/bin/env bash
# Backup of the portal's database: `scripts/backup.sh FILE`.
#   PostgreSQL (DATABASE_URL set): pg_dump custom format, consistent while the instances run.
#   PGlite (no DATABASE_URL): a tar of OCMW_DATA_DIR (default ./data/db) and the generated keys
#   beside it (tls/, demo-vendor/); stop the portal first (a copy of a running PGlite is broken).
set -euo pipefail
out="${1:?usage: scripts/backup.sh FILE}"
if [ -n "${DATABASE_URL:-}" ]; then
  pg_dump --format=custom --no-owner --dbname="$DATABASE_URL" --file="$out"
else
  dir="$(cd "$(dirname "${OCMW_DATA_DIR:-./data/db}")" && pwd)"
  base="$(basename "${OCMW_DATA_DIR:-./data/db}")"
  if [ -f "$dir/$base.lock" ] && kill -0 "$(cat "$dir/$base.lock")" 2>/dev/null; then
    echo "the portal still runs on $dir/$base (pid $(cat "$dir/$base.lock")): stop it first" >&2
    exit 1
  fi
  parts=("$base")
  for extra in tls demo-vendor; do [ -d "$dir/$extra" ] && parts+=("$extra"); done
  tar -C "$dir" -czf "$out" "${parts[@]}"
fi
echo "backup written to $out"
