#!/usr/bin/env bash
# CI: the release build in a copy of the checkout (the test run keeps its node_modules), dev
# dependencies pruned, then the built server started with NODE_ENV=production on a fresh
# PostgreSQL database and on a fresh PGlite folder: /ready answers, no account exists, the CLI
# runs and loads no demo data. Prints each start's time to ready and its RSS at ready and after
# 100 requests (the figures of bench/cold-start.bench.ts and issue 20). Exits non-zero on any failure.
set -euo pipefail
src="$(cd "$(dirname "$0")/.." && pwd)"
PG="${TEST_PG_URL:-postgres://postgres@127.0.0.1:5432/postgres}"
work="$(mktemp -d)"
db="ocmw_release_$$"
server=""
cleanup() {
  [ -n "$server" ] && kill "$server" 2>/dev/null || true
  psql "$PG" -qc "drop database if exists $db with (force)" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

tar -C "$src" --exclude=./node_modules --exclude=./build --exclude=./dist --exclude=./data/db --exclude=./data/tls \
  --exclude=./data/demo-vendor --exclude=./data/outbox --exclude=./test-results --exclude=./playwright-report -cf - . | tar -C "$work" -xf -
cd "$work"
scripts/build-release.sh
for dev in tsx vite vitest playwright-core; do
  if [ -e "node_modules/$dev" ]; then echo "FAIL: dev dependency $dev still installed after the prune"; exit 1; fi
done

psql "$PG" -qc "create database $db" >/dev/null
DBURL="${PG%/*}/$db"

# start BACKEND_ENV...: runs the built server, waits for /ready, checks, prints time and RSS
# (at ready, and after 100 requests as the cold-start benchmark sends them: the session, two
# postcode look-ups and /ready in turn).
start() {
  local label="$1"; shift
  local port=3990
  local t0; t0=$(date +%s%N)
  env "$@" NODE_ENV=production PORT=$port OCMW_VENDOR_API=off OCMW_SFTP_PORT=0 OCMW_JOBS=off LOG_LEVEL=warn node build/main.js >"$work/$label.log" 2>&1 &
  server=$!
  for _ in $(seq 1 600); do
    if curl -sf "http://127.0.0.1:$port/ready" >/dev/null; then break; fi
    if ! kill -0 "$server" 2>/dev/null; then echo "FAIL: the built server ($label) exited"; cat "$work/$label.log"; exit 1; fi
    sleep 0.1
  done
  curl -sf "http://127.0.0.1:$port/ready" | grep -q '"ready"' || { echo "FAIL: /ready ($label)"; exit 1; }
  local ms=$(( ($(date +%s%N) - t0) / 1000000 ))
  local rss; rss=$(ps -o rss= -p "$server" | tr -d ' ')
  local paths=(/api/v1/session '/api/v1/public/ocmw-lookup?postcode=2000' '/api/v1/public/ocmw-lookup?postcode=9000' /ready) i
  for i in $(seq 0 99); do
    curl -sf -o /dev/null -H 'accept: application/json' "http://127.0.0.1:$port${paths[$((i % 4))]}" || { echo "FAIL: request $i (${paths[$((i % 4))]}) on $label"; exit 1; }
  done
  local rss100; rss100=$(ps -o rss= -p "$server" | tr -d ' ')
  if grep -q "Demo logins" "$work/$label.log"; then echo "FAIL: demo logins printed ($label)"; exit 1; fi
  [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/metrics")" = 404 ] || { echo "FAIL: /metrics without the token ($label)"; exit 1; }
  local asset; asset=$(grep -o '/assets/index-[^"]*\.js' dist/web/index.html | head -n1)
  curl -sI -H 'accept-encoding: br' "http://127.0.0.1:$port$asset" | grep -qi 'content-encoding: br' || { echo "FAIL: $asset not sent precompressed"; exit 1; }
  kill "$server"; wait "$server" 2>/dev/null || true; server=""
  echo "built server on $label (NODE_ENV=production, fresh database): ready in ${ms} ms, RSS at ready $((rss / 1024)) MiB, after 100 requests $((rss100 / 1024)) MiB"
}

start postgres DATABASE_URL="$DBURL"
NODE_ENV=production DATABASE_URL="$DBURL" LOG_LEVEL=silent node bin/ocmw.js merger list --json >/dev/null
NODE_ENV=production DATABASE_URL="$DBURL" node bin/ocmw.js validate kbo 0212.235.604 >/dev/null
accounts=$(psql "$DBURL" -tAc "select count(*) from users")
[ "$accounts" = 0 ] || { echo "FAIL: $accounts accounts exist after a production start and CLI run"; exit 1; }
echo "no account exists after the production start and 'ocmw merger list' (PostgreSQL)"

# Backup and restore (scripts/backup.sh, scripts/restore.sh): an administrator created before the
# backup is in the restored copy (creating it again is refused: the name is taken).
admin_exists() { [ "$(env "$@" NODE_ENV=production LOG_LEVEL=silent node bin/ocmw.js admin create beheerder --email b@ocmw.example --json | grep -c '"ok":false')" = 1 ]; }
NODE_ENV=production DATABASE_URL="$DBURL" LOG_LEVEL=silent node bin/ocmw.js admin create beheerder --email b@ocmw.example >/dev/null
DATABASE_URL="$DBURL" scripts/backup.sh "$work/pg.dump" >/dev/null
psql "$PG" -qc "create database ${db}_restored" >/dev/null
DATABASE_URL="${DBURL}_restored" scripts/restore.sh "$work/pg.dump" >/dev/null
admin_exists DATABASE_URL="${DBURL}_restored" || { echo "FAIL: the restored PostgreSQL database lacks the administrator"; exit 1; }
psql "$PG" -qc "drop database ${db}_restored with (force)" >/dev/null
echo "backup and restore on PostgreSQL: OK"

start pglite OCMW_DATA_DIR="$work/data/db"
NODE_ENV=production OCMW_DATA_DIR="$work/data/db" LOG_LEVEL=silent node bin/ocmw.js admin create beheerder --email b@ocmw.example >/dev/null
OCMW_DATA_DIR="$work/data/db" scripts/backup.sh "$work/pglite.tgz" >/dev/null
mkdir -p "$work/restored"
OCMW_DATA_DIR="$work/restored/db" scripts/restore.sh "$work/pglite.tgz" >/dev/null
admin_exists OCMW_DATA_DIR="$work/restored/db" || { echo "FAIL: the restored PGlite folder lacks the administrator"; exit 1; }
echo "backup and restore on PGlite: OK"
echo "release build: OK"
