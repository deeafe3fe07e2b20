#!/usr/bin/env bash
# Measures the portal's cold start: `node --import tsx src/main.ts` (what `npm start` runs after
# the UI build) from spawn to GET /ready = 200, and its RSS at ready and after 200 requests, on a
# fresh and on an existing database, with PGlite and (when it answers) the PostgreSQL server,
# next to a bare Fastify hello world. Prints only; `npm run bench` also writes it to
# bench/RESULTS.md. Usage: scripts/measure-start.sh [first port, default 3600]
set -euo pipefail
cd "$(dirname "$0")/.."
BENCH_PORT="${1:-3600}" exec node --import tsx bench/cold-start.bench.ts
