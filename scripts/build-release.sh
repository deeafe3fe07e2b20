#!/usr/bin/env bash
# The release build, the same steps in the Dockerfile and in CI (outside a container):
# install exactly the lock file, build the server, CLI and UI, then drop the dev dependencies.
# What remains runs with plain `node build/main.js` and `node bin/ocmw.js`.
set -euo pipefail
cd "$(dirname "$0")/.."
npm ci --no-audit --no-fund
npm run build
npm prune --omit=dev --no-audit --no-fund
