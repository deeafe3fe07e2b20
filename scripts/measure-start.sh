#!/usr/bin/env bash
# Measures the portal's cold start: the built server `node build/main.js` (what `npm start` runs;
# built first when missing or older than the sources) from spawn to GET /ready = 200, and its RSS
# at ready, after 100 requests (issue 20's figure) and after 100 more, on a fresh and on an
# existing database, with PGlite and (when it answers) the PostgreSQL server, next to a bare
# Fastify hello world. Prints only (`npm run bench` also writes it to bench/RESULTS.md); the
# phases of a start are described in docs/ARCHITECTURE.md ("Start-up").
# Usage: scripts/measure-start.sh [first port, default 3600]
set -euo pipefail
cd "$(dirname "$0")/.."
BENCH_PORT="${1:-3600}" exec node --import tsx bench/cold-start.bench.ts
