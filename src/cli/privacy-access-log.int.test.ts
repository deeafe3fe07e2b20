import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../db/db.js';
import type { Runtime } from '../bootstrap.js';
import { createTestContext, type TestContext } from '../../test/test-app.js';
import { parsePrivacyCommand, runPrivacyCommand } from './privacy-access-log.js';
import { UsageError } from './usage-error.js';

const INSZ = '85073003328';
let ctx: TestContext;
let rt: Runtime;

async function run(args: { insz: string; from?: string; to?: string }, json = true) {
  const lines: string[] = [];
  const code = await runPrivacyCommand(rt, parsePrivacyCommand('access-log', [], args), { json, lang: 'en' }, (t) => lines.push(t));
  return { code, lines };
}

beforeAll(async () => {
  ctx = await createTestContext();
  rt = { config: ctx.config, clock: ctx.clock, database: ctx.database, services: ctx.services, seeded: true, phases: { database: 0, migrations: 0, referenceData: 0 } };
  const [gent] = await queryRows<{ id: string }>(ctx.database.db, sql`select id from organisations where name_nl = 'OCMW Gent'`);
  ctx.services.accessLog.record({ organisationId: gent!.id, actor: { account: 'vendor-gent' }, channel: 'vendor-api', action: 'help-request.read', objectKind: 'help-request', objectId: 'abc', insz: INSZ });
  await ctx.services.accessLog.flush();
});
afterAll(async () => ctx?.close());

describe('ocmw privacy access-log (issue 24)', () => {
  it('prints {"entries":[…]} with at, actor, organisation (KBO), action, object, channel; and records its own read once', async () => {
    const before = await queryRows<{ n: number }>(ctx.database.db, sql`select count(*)::int as n from access_log where channel = 'cli'`);
    const { code, lines } = await run({ insz: '85.07.30-033.28' });
    expect(code).toBe(0);
    const body = JSON.parse(lines.join('\n'));
    expect(Object.keys(body)).toEqual(['entries']);
    expect(body.entries[0]).toEqual({ at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/), actor: 'vendor-gent', organisation: expect.stringMatching(/^\d{10}$/), action: 'help-request.read', object: 'help-request/abc', channel: 'vendor-api' });
    await ctx.services.accessLog.flush();
    const after = await queryRows<{ n: number; insz: string }>(ctx.database.db, sql`select count(*)::int as n, min(insz) as insz from access_log where channel = 'cli'`);
    expect(after[0]!.n - before[0]!.n).toBe(1);
    expect(after[0]!.insz).toBe(INSZ);
  });

  it('prints a readable table without --json, and says so when nothing is recorded', async () => {
    const table = await run({ insz: INSZ }, false);
    expect(table.lines[0]).toMatch(/^at\s+actor\s+organisation\s+channel\s+action\s+object$/);
    expect(table.lines.at(-1)).toMatch(/read\(s\) of 850730 033-28|read\(s\) of 85\.07\.30-033\.28/);
    const none = await run({ insz: INSZ, from: '1990-01-01', to: '1990-12-31' }, false);
    expect(none.lines).toEqual([expect.stringContaining('no reads of')]);
  });

  it('refuses a wrong check digit and a reversed period with exit 1; a missing --insz or bad date is usage', async () => {
    const bad = await run({ insz: '85073003329' });
    expect(bad.code).toBe(1);
    expect(Object.keys(JSON.parse(bad.lines[0]!).fields)).toEqual(['insz']);
    const reversed = await run({ insz: INSZ, from: '2025-02-01', to: '2025-01-01' });
    expect(reversed.code).toBe(1);
    expect(() => parsePrivacyCommand('access-log', [], {})).toThrow(UsageError);
    expect(() => parsePrivacyCommand('access-log', [], { insz: INSZ, from: '2025-13-01' })).toThrow(UsageError);
    expect(() => parsePrivacyCommand('purge', [], { insz: INSZ })).toThrow(UsageError);
  });

  it('exits 2 on a usage error from the command line', async () => {
    const r = await promisify(execFile)(process.execPath, [path.resolve('bin/ocmw.js'), 'privacy', 'access-log'], { env: { ...process.env, LOG_LEVEL: 'silent' } }).catch((e: { code: number; stderr: string }) => e);
    expect((r as { code: number }).code).toBe(2);
    expect((r as { stderr: string }).stderr).toContain('--insz is required');
  }, 60_000);
});
