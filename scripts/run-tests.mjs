#!/usr/bin/env node
// `npm test`: every test of the project, then one plain line `N passed, N failed, N skipped`.
//   0. typecheck and lint (module boundaries); a failure counts as one failed test
//   1. vitest: pure rules ("unit") and services/routes on PGlite ("integration")
//   2. when TEST_PG_URL is set (CI): the integration project again, on that PostgreSQL server
//   3. Playwright journeys in Debian's Chromium, against a freshly built UI
// Exits non-zero when any step fails or any test fails.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const dir = mkdtempSync(path.join(os.tmpdir(), 'ocmw-counts-'));
const countFile = path.join(dir, 'counts.jsonl');
const env = { ...process.env, OCMW_COUNT_FILE: countFile };
delete env.TEST_DATABASE_URL;
let stepFailed = false;

function step(title, command, args, extraEnv = {}) {
  process.stdout.write(`\n=== ${title} ===\n`);
  const r = spawnSync(command, args, { stdio: 'inherit', env: { ...env, ...extraEnv } });
  if (r.status !== 0) {
    stepFailed = true;
    process.stdout.write(`=== ${title}: exit code ${r.status ?? r.signal} ===\n`);
  }
  return r.status === 0;
}

const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
step('typecheck (tsc)', npx, ['tsc', '--noEmit']);
step('lint (module boundaries, eslint)', npx, ['eslint', '.']);
step('vitest (unit + integration on PGlite)', npx, ['vitest', 'run']);
if (process.env.TEST_PG_URL) {
  step('vitest (integration on the PostgreSQL server)', npx, ['vitest', 'run', '--project', 'integration'], {
    TEST_DATABASE_URL: process.env.TEST_PG_URL,
  });
}
if (existsSync('playwright.config.ts')) {
  if (step('build the web UI', npx, ['vite', 'build', '--logLevel', 'warn'])) {
    step('playwright (Chromium)', npx, ['playwright', 'test']);
  }
}

let passed = 0;
let failed = 0;
let skipped = 0;
const failures = [];
if (existsSync(countFile)) {
  for (const line of readFileSync(countFile, 'utf8').split('\n').filter(Boolean)) {
    const c = JSON.parse(line);
    passed += c.passed;
    failed += c.failed;
    skipped += c.skipped;
    for (const f of c.failures ?? []) failures.push(`${c.suite}: ${f}`);
  }
}
rmSync(dir, { recursive: true, force: true });
// A step that failed without reporting a failed test (a crash, a build error) is a failure too.
if (stepFailed && failed === 0) failed = 1;
// The failed tests again, just above the last line: a CI log is often read from its end only.
if (failures.length > 0) process.stdout.write(`\nfailed tests:\n${failures.map((f) => `  - ${f.replace(/\x1b\[[0-9;]*m/g, '')}`).join('\n')}\n`);
process.stdout.write(`\n${passed} passed, ${failed} failed, ${skipped} skipped\n`);
process.exit(failed > 0 || stepFailed ? 1 : 0);
