#!/usr/bin/env bash
# Measures the time from `npm start` to a ready portal, and the process RSS, on a fresh and on
# an existing embedded database. Usage: scripts/measure-start.sh [port]
set -euo pipefail
port="${1:-3200}"
dir="$(mktemp -d)"
measure() {
  local label="$1"
  local start end pid rss
  start=$(date +%s%N)
  PORT="$port" OCMW_DATA_DIR="$dir/db" LOG_LEVEL=warn npm start >"$dir/out.log" 2>&1 &
  until curl -sf "http://127.0.0.1:$port/ready" >/dev/null; do sleep 0.1; done
  end=$(date +%s%N)
  pid=$(pgrep -f "^node --import tsx src/main.ts" | head -n1)
  rss=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status")
  echo "$label: ready after $(( (end - start) / 1000000 )) ms (npm start incl. UI build), RSS $(( rss / 1024 )) MiB"
  kill "$pid"
  while curl -sf "http://127.0.0.1:$port/health" >/dev/null 2>&1; do sleep 0.1; done
  sleep 0.5
}
measure "first start (migrate + demo seed)"
measure "second start (existing data)"
rm -rf "$dir"
