/**
 * R7.4 crash test, on the PostgreSQL server only (the suite's second pass, TEST_DATABASE_URL):
 * `ocmw merger run` is killed with SIGKILL in the middle of a large cut-over. Afterwards either
 * nothing or everything was applied — never a part — and a rerun completes. PGlite is one
 * process with its data folder; a killed CLI there is a different story (its lock file).
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows, type Database } from '../../db/db.js';
import { openTestDatabase } from '../../../test/test-app.js';

const BIN = path.resolve('bin/ocmw.js');
/** People with a running living wage and an A036 each, at Lokeren and Moerbeke: the moving forms. */
const PEOPLE = 60_000;

describe.runIf(Boolean(process.env.TEST_DATABASE_URL))('a cut-over killed midway (SIGKILL, PostgreSQL server)', () => {
  let database: Database;
  let drop: () => Promise<void>;
  let env: Record<string, string>;

  beforeAll(async () => {
    ({ database, drop } = await openTestDatabase());
    env = { ...(process.env as Record<string, string>), DATABASE_URL: database.url!, OCMW_TODAY: '2024-12-20', LOG_LEVEL: 'silent' };
    const db = database.db;
    await db.execute(sql`
      insert into dossiers (organisation_id, insz, opened_on)
      select case when p % 2 = 0 then (select id from organisations where name_nl = 'OCMW Lokeren') else (select id from organisations where name_nl = 'OCMW Moerbeke') end,
             '88' || lpad(p::text, 9, '0'), date '2024-01-01' + (p % 300)
      from generate_series(1, ${PEOPLE}) p`);
    await db.execute(sql`
      insert into dossier_forms (dossier_id, organisation_id, insz, kind, subtype, start_date, end_date, status, created_by)
      select d.id, d.organisation_id, d.insz, 'integration', 'leefloon', d.opened_on, null, 'running', 'crash-test' from dossiers d where d.insz like '88%'
      union all
      select d.id, d.organisation_id, d.insz, 'a036', 'medische-kosten', d.opened_on, date '2025-06-30', 'running', 'crash-test' from dossiers d where d.insz like '88%'`);
    await db.execute(sql`analyze`);
  });
  afterAll(async () => {
    await database?.close();
    await drop?.();
  });

  const state = async () => {
    const db = database.db;
    const [row] = await queryRows<{ status: string; runs: number; finished: number; journal: number; forms: string; dossiers: number; memberships: number; moved: number }>(
      db,
      sql`select m.status,
                 (select count(*)::int from merger_runs r where r.merger_id = m.id) as runs,
                 (select count(*)::int from merger_runs r where r.merger_id = m.id and r.finished_at is not null and r.changes > 0) as finished,
                 (select count(*)::int from merger_journal j join merger_runs r on r.id = j.run_id where r.merger_id = m.id) as journal,
                 (select md5(string_agg(f.id::text || f.status || coalesce(f.end_date::text, '-'), '|' order by f.id)) from dossier_forms f) as forms,
                 (select count(*)::int from dossiers) as dossiers,
                 (select count(*)::int from memberships) as memberships,
                 (select count(*)::int from dossier_forms f where f.merger_id = m.id) as moved
          from mergers m where m.code = 'lokeren-2025'`,
    );
    return row!;
  };

  it('leaves nothing or everything applied, and a rerun completes', async () => {
    const before = await state();
    expect(before).toMatchObject({ status: 'planned', runs: 0, journal: 0, moved: 0 });

    // Start the cut-over and kill it once it reports its sixth step (the dossiers written, the
    // 120,000 forms still to re-enter and stop): the transaction is open, half done.
    const child = spawn(process.execPath, [BIN, 'merger', 'run', 'lokeren-2025'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    let killedAfter = '';
    const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      const line = /step 6\/8 [a-z_]+/.exec(stderr);
      if (line && !killedAfter) {
        killedAfter = line[0];
        child.kill('SIGKILL');
      }
    });
    const ended = await exit;
    expect(killedAfter, `the run ended before its sixth step: ${stderr}`).toBe('step 6/8 create_dossiers');
    expect(ended.signal).toBe('SIGKILL');

    // The server rolls the orphaned transaction back (once its statement ends and the client is
    // gone); what others can read is only what was committed.
    const after = await state();
    const nothing = after.status === 'planned' && after.runs === 0 && after.journal === 0 && after.moved === 0 && after.forms === before.forms && after.dossiers === before.dossiers && after.memberships === before.memberships;
    const everything = after.status === 'applied' && after.runs === 1 && after.finished === 1 && after.moved >= PEOPLE * 2 && after.journal > 0 && after.forms !== before.forms;
    expect(nothing || everything, JSON.stringify({ before, after })).toBe(true);
    // The kill came while the cut-over was writing: nothing of it is visible.
    expect(nothing).toBe(true);

    // A rerun waits for the orphan's row lock to go, then completes the whole cut-over.
    const rerun = await new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
      const c = spawn(process.execPath, [BIN, 'merger', 'run', 'lokeren-2025', '--json'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      let err = '';
      c.stdout.on('data', (b: Buffer) => (out += b.toString()));
      c.stderr.on('data', (b: Buffer) => (err += b.toString()));
      c.on('exit', (code) => resolve({ code, stdout: out, stderr: err }));
    });
    expect(rerun.code, rerun.stderr).toBe(0);
    const result = JSON.parse(rerun.stdout) as { changes: number; status: string; actions: { kind: string; count: number }[] };
    expect(result.status).toBe('applied');
    const stopped = result.actions.find((a) => a.kind === 'stop_forms')!.count;
    expect(stopped).toBeGreaterThanOrEqual(PEOPLE * 2);
    const done = await state();
    expect(done).toMatchObject({ status: 'applied', runs: 1, finished: 1, moved: stopped });
    expect(done.journal).toBe(result.changes);
  }, 300_000);
});
