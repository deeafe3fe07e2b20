/**
 * Issue 24: `ocmw privacy purge` and `ocmw privacy retention` as an operator runs them (the real
 * CLI on its own embedded database): the dry run changes nothing and says what the purge then
 * does; a second purge removes nothing; a refused setting exits 1 with the reason, usage 2.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openTestDatabase } from '../../test/test-app.js';
import type { Database } from '../db/db.js';

vi.setConfig({ testTimeout: 240_000 });
const run = promisify(execFile);
const BIN = path.resolve('bin/ocmw.js');
let dir: string;
let pgDb: { database: Database; drop: () => Promise<void> } | undefined;
let env: Record<string, string>;

async function ocmw(...args: string[]) {
  try {
    const { stdout } = await run(process.execPath, [BIN, ...args], { env: { ...process.env, LOG_LEVEL: 'silent', OCMW_TODAY: '2040-01-01', ...env } });
    return { code: 0, stdout };
  } catch (error) {
    const e = error as { code: number; stdout: string };
    return { code: e.code, stdout: e.stdout };
  }
}

type Result = { date: string; dryRun: boolean; kinds: { kind: string; cutoff: string; count: number }[] };
const counts = (r: Result) => Object.fromEntries(r.kinds.map((k) => [k.kind, k.count]));

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'ocmw-privacy-'));
  if (process.env.TEST_DATABASE_URL) {
    pgDb = await openTestDatabase();
    env = { DATABASE_URL: pgDb.database.url! };
    await pgDb.database.close();
  } else env = { OCMW_DATA_DIR: path.join(dir, 'db') };
});
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await pgDb?.drop();
});

describe('ocmw privacy (issue 24)', () => {
  it('shows with --dry-run what the purge removes per kind and cut-off, changing nothing; the purge does it once', async () => {
    const dry = await ocmw('privacy', 'purge', '--dry-run', '--json');
    expect(dry.code).toBe(0);
    const plan = JSON.parse(dry.stdout) as Result;
    expect(plan).toMatchObject({ date: '2040-01-01', dryRun: true });
    expect(plan.kinds.find((k) => k.kind === 'access-log')).toMatchObject({ cutoff: '2029-12-31' });
    expect(Object.values(counts(plan)).some((n) => n > 0)).toBe(true);
    expect(counts(JSON.parse((await ocmw('privacy', 'purge', '--dry-run', '--json')).stdout))).toEqual(counts(plan));

    const purge = await ocmw('privacy', 'purge', '--json');
    expect(purge.code).toBe(0);
    expect(counts(JSON.parse(purge.stdout))).toEqual(counts(plan));
    const again = JSON.parse((await ocmw('privacy', 'purge', '--json')).stdout) as Result;
    expect(Object.values(counts(again)).every((n) => n === 0)).toBe(true);
  });

  it('sets a retention within its limits and refuses one below the legal minimum (exit 1), usage errors exit 2', async () => {
    const refused = await ocmw('privacy', 'retention', 'set', 'access-log', '365', '--json', '--lang', 'en');
    expect(refused.code).toBe(1);
    expect(JSON.parse(refused.stdout)).toMatchObject({ ok: false, fields: { days: 'access-log must be kept at least 3653 days (365 is too short).' } });
    const set = await ocmw('privacy', 'retention', 'set', 'mails', '30', '--json');
    expect(set.code).toBe(0);
    expect(JSON.parse(set.stdout).kinds[0]).toMatchObject({ kind: 'mails', days: 30, isDefault: false });
    expect((await ocmw('privacy', 'retention', 'set', 'mails')).code).toBe(2);
  });
});
