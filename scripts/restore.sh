#!/usr/bin/env bash
# Restore a backup of scripts/backup.sh: `scripts/restore.sh FILE`, into an EMPTY target.
#   PostgreSQL: DATABASE_URL names a new, empty database (createdb first); pg_restore.
#   PGlite: unpacks into the parent of OCMW_DATA_DIR, which must not exist yet.
# Then start the portal: pending migrations of a newer release are applied at start. End the
# restored sessions if in doubt: `psql "$DATABASE_URL" -c 'delete from sessions'`.
set -euo pipefail
file="${1:?usage: scripts/restore.sh FILE}"
if [ -n "${DATABASE_URL:-}" ]; then
  pg_restore --no-owner --exit-on-error --dbname="$DATABASE_URL" "$file"
else
  target="${OCMW_DATA_DIR:-./data/db}"
  if [ -e "$target" ]; then echo "$target exists: restore into a fresh folder" >&2; exit 1; fi
  parent="$(dirname "$target")"
  mkdir -p "$parent"
  tar -C "$parent" -xzf "$file"
  if [ ! -d "$target" ]; then echo "the backup holds $(tar -tzf "$file" | head -n1): set OCMW_DATA_DIR to that name in $parent" >&2; exit 1; fi
fi
echo "restored $file"
