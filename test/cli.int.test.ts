import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openTestDatabase } from './test-app.js';
import type { Database } from '../src/db/db.js';
import { PRE_MERGER_DATE } from '../src/seed/demo.js';

// Every test here starts CLI processes that open the database cold (seconds each, tens of seconds
// on a loaded CI machine): room for that, as the three-process test below already has.
vi.setConfig({ testTimeout: 240_000 });

const run = promisify(execFile);
const BIN = path.resolve('bin/ocmw.js');

async function ocmw(args: string[], env: Record<string, string> = {}) {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], { env: { ...process.env, LOG_LEVEL: 'silent', ...env } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('ocmw validate (SPEC §12)', () => {
  it.each([
    [['validate', 'kbo', 'BE 0212.235.604', '--json'], 0, { valid: true, normalized: '0212235604', errors: [] }],
    [['validate', 'kbo', '0212.235.605', '--json'], 1, { valid: false, rules: ['kbo.checksum'] }],
    [['validate', 'insz', '85.07.30-033.28', '--json'], 0, { valid: true, normalized: '85073003328' }],
    [['validate', 'insz', '85073003329', '--json'], 1, { valid: false, rules: ['insz.checksum'] }],
    [['validate', 'nis', '46030', '--json'], 0, { valid: true, normalized: '46030' }],
    [['validate', 'nis', '46031', '--json'], 1, { valid: false, rules: ['nis.unknown'] }],
  ])('%j exits %i', async (args, code, json) => {
    const r = await ocmw(args);
    expect(r.code).toBe(code);
    const body = JSON.parse(r.stdout);
    expect(body).toMatchObject(json);
    expect(Array.isArray(body.errors)).toBe(true);
  });

  it('explains in the chosen language', async () => {
    const r = await ocmw(['validate', 'kbo', '0212.235.605', '--json', '--lang', 'fr']);
    expect(JSON.parse(r.stdout).errors[0]).toContain('chiffre de contrôle');
  });

  it.each([[['validate']], [['validate', 'iban', 'x']], [['nope']], [['validate', 'kbo', 'x', '--bogus']]])('exits 2 on usage error %j', async (args) => {
    expect((await ocmw(args)).code).toBe(2);
  });
});

describe('ocmw cert check (SPEC §12, R3.9)', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'ocmw-cert-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('accepts a good REST certificate and refuses a self-signed FTP one, with rule ids', async () => {
    const { makeCertificate } = await import('./certificates.js');
    const now = Date.now();
    const c = await makeCertificate({ key: 'EC-P-384', hash: 'SHA-384', selfSigned: true, notBefore: new Date(now - 86_400_000), notAfter: new Date(now + 300 * 86_400_000) });
    const file = path.join(dir, 'vendor.cer');
    writeFileSync(file, c.pem);
    const rest = await ocmw(['cert', 'check', file, '--for', 'rest', '--json']);
    expect(rest.code).toBe(0);
    expect(JSON.parse(rest.stdout)).toMatchObject({ accepted: true, violations: [], selfSigned: true, key: 'EC-P-384' });
    const ftp = await ocmw(['cert', 'check', file, '--for', 'ftp', '--json']);
    expect(ftp.code).toBe(1);
    expect(JSON.parse(ftp.stdout).violations).toEqual([expect.objectContaining({ rule: 'cert.self_signed_ftp', message: expect.any(String) })]);
    expect((await ocmw(['cert', 'check', path.join(dir, 'missing.cer'), '--for', 'rest'])).code).toBe(2);
    expect((await ocmw(['cert', 'check', file, '--for', 'soap'])).code).toBe(2);
  });
});

describe('ocmw merger list and db commands', () => {
  let dir: string;
  let pgDb: { database: Database; drop: () => Promise<void> } | undefined;
  let env: Record<string, string>;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'ocmw-cli-'));
    if (process.env.TEST_DATABASE_URL) {
      pgDb = await openTestDatabase();
      env = { DATABASE_URL: pgDb.database.url! };
      await pgDb.database.close();
    } else {
      // These commands are tried on the demo before the mergers of 2025 (issue 19: explicitly).
      env = { OCMW_DATA_DIR: path.join(dir, 'db'), OCMW_DEMO_UNTIL: PRE_MERGER_DATE };
    }
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await pgDb?.drop();
  });

  it('lists the 13 mergers with their scenario as JSON', async () => {
    const r = await ocmw(['merger', 'list', '--json'], env);
    expect(r.code).toBe(0);
    const list = JSON.parse(r.stdout) as { name: string; scenario: number; target: { kbo: string } }[];
    expect(list).toHaveLength(13);
    expect(list.filter((m) => m.scenario === 1)).toHaveLength(4);
    expect(list.filter((m) => m.scenario === 2)).toHaveLength(8);
    expect(list.find((m) => m.name === 'Antwerpen')).toMatchObject({ scenario: 3, target: { kbo: '0212235604' }, code: 'antwerpen-2025', status: 'planned', scheduled: false });
    for (const m of list as unknown as { readiness: number }[]) expect(m.readiness).toBeGreaterThanOrEqual(0);
  });

  it('reopens an OCMW\'s Uniek verslag window with subsidy reopen (R10.2′): audited, refusals exit 1, usage 2', async () => {
    const env2 = { ...env, OCMW_TODAY: '2025-03-05' };
    const r = await ocmw(['subsidy', 'reopen', '0212.235.604', '2024', '--until', '2025-03-31', '--reason', 'Laattijdig wegens fusie', '--json'], env2);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ reopened: true, year: 2024, until: '2025-03-31', kbo: '0212.235.604', reopenedBy: expect.stringMatching(/^cli:/) });
    const early = await ocmw(['subsidy', 'reopen', '0212.235.604', '2024', '--until', '2025-02-20', '--reason', 'Te vroeg gekozen', '--json'], env2);
    expect(early.code).toBe(1);
    expect(Object.keys(JSON.parse(early.stdout).fields)).toEqual(['until']);
    expect((await ocmw(['subsidy', 'reopen', '0999.999.999', '2024', '--until', '2025-03-31', '--reason', 'Onbekend OCMW'], env2)).code).toBe(1);
    for (const args of [['subsidy', 'reopen', '0212.235.604', '2024', '--reason', 'geen datum'], ['subsidy', 'reopen', '0212.235.604', '2024', '--until', '2025-03-31'], ['subsidy', 'close']]) {
      expect((await ocmw(args, env2)).code).toBe(2);
    }
  }, 240_000); // three CLI processes that open the database, each a cold start

  it('checks the HTB file with import htb --dry-run (R2.14)', async () => {
    const r = await ocmw(['import', 'htb', 'docs/examples/htb-import.xlsx', '--dry-run', '--json'], env);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ valid: true, dryRun: true, applied: 0 });
    const missing = await ocmw(['import', 'htb', 'does-not-exist.xlsx'], env);
    expect(missing.code).toBe(2);
  });

  it('ingests mutations from a .jsonl file, all or nothing (R5.1)', async () => {
    const good = path.join(dir, 'good.jsonl');
    const bad = path.join(dir, 'bad.jsonl');
    const line = { type: 'MURN', insz: '85073003328', occurredAt: '2026-03-03T10:00:00+01:00', payload: {} };
    writeFileSync(good, `${JSON.stringify(line)}\n${JSON.stringify({ ...line, type: 'MURA', subType: 'H205' })}\n`);
    writeFileSync(bad, `${JSON.stringify(line)}\n${JSON.stringify({ ...line, type: 'MURA' })}\n`);
    const ok = await ocmw(['mutations', 'ingest', good, '--json'], env);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({ ok: true, received: 2 });
    const refused = await ocmw(['mutations', 'ingest', bad, '--json'], env);
    expect(refused.code).toBe(1);
    expect(JSON.parse(refused.stdout)).toMatchObject({ ok: false, errors: { '1.subType': expect.stringContaining('subtype') } });
  });

  it('runs the day\'s OCMW Online reminders, dry or for real, once per OCMW per day (R6.5)', async () => {
    const dry = await ocmw(['reminders', 'run', '--date', '2026-01-05', '--dry-run', '--json'], env);
    expect(dry.code).toBe(0);
    expect(JSON.parse(dry.stdout)).toEqual({ date: '2026-01-05', mails: [] });
    const real = await ocmw(['reminders', 'run', '--date', '2026-01-05'], env);
    expect(real.code).toBe(0);
    expect(real.stdout).toContain('2026-01-05: 0 reminder mail(s)');
    expect((await ocmw(['reminders', 'run', '--date', '5 januari'], env)).code).toBe(2);
    expect((await ocmw(['reminders', 'go'], env)).code).toBe(2);
  });

  describe('the merger engine (R7.1–R7.4)', () => {
    // The cut-over's business date: before the effective date, so undo is still allowed.
    const before = () => ({ ...env, OCMW_TODAY: '2024-12-20' });

    it('plans Lokeren (scenario 2) by code as JSON, and refuses an unknown merger with exit 1', async () => {
      const r = await ocmw(['merger', 'plan', 'lokeren-2025', '--json'], before());
      expect(r.code).toBe(0);
      const plan = JSON.parse(r.stdout) as { merger: { code: string }; scenario: number; actions: { kind: string; count: number }[]; changes: number };
      expect(plan).toMatchObject({ merger: { code: 'lokeren-2025' }, scenario: 2 });
      for (const a of plan.actions) expect(a).toEqual(expect.objectContaining({ kind: expect.any(String), count: expect.any(Number) }));
      expect(plan.actions.find((a) => a.kind === 'stop_forms')!.count).toBeGreaterThan(0);
      expect(plan.changes).toBeGreaterThan(0);
      const unknown = await ocmw(['merger', 'plan', '9999'], before());
      expect(unknown.code).toBe(1);
      expect(unknown.stderr).toContain('unknown merger "9999"');
    });

    it('runs the cut-over with plain progress lines off a terminal; a second run by number reports zero changes', async () => {
      const first = await ocmw(['merger', 'run', 'lokeren-2025'], before());
      expect(first.code).toBe(0);
      expect(first.stderr).toMatch(/step 1\/8 create_domains: \d+ row\(s\)/);
      expect(first.stderr).toMatch(/step 8\/8 stop_forms: [1-9]\d* row\(s\)/);
      expect(first.stderr).not.toContain('\r');
      expect(first.stdout).toMatch(/Lokeren: \d+ row\(s\) written in one transaction/);
      const list = JSON.parse((await ocmw(['merger', 'list', '--json'], before())).stdout) as { id: number; code: string; status: string }[];
      const lokeren = list.find((m) => m.code === 'lokeren-2025')!;
      expect(lokeren.status).toBe('applied');
      const second = await ocmw(['merger', 'run', String(lokeren.id), '--json'], before());
      expect(second.code).toBe(0);
      expect(JSON.parse(second.stdout)).toMatchObject({ merger: { id: lokeren.id, code: 'lokeren-2025' }, changes: 0, status: 'applied' });
    });

    it('refuses a blocked run (no HTB of the new OCMW) with exit 1 and the reason', async () => {
      const r = await ocmw(['merger', 'run', 'merelbeke-melle-2025', '--json'], before());
      expect(r.code).toBe(1);
      expect(JSON.parse(r.stdout)).toMatchObject({ error: { code: 'rule_violation', message: expect.stringContaining('HTB') } });
    });

    it('refuses undo from the effective date on, and undoes before it', async () => {
      const late = await ocmw(['merger', 'undo', 'lokeren-2025'], { ...env, OCMW_TODAY: '2025-01-02' });
      expect(late.code).toBe(1);
      expect(late.stderr).toContain('2025-01-01');
      const undo = await ocmw(['merger', 'undo', 'lokeren-2025', '--json'], before());
      expect(undo.code).toBe(0);
      expect(JSON.parse(undo.stdout)).toMatchObject({ status: 'planned', changes: expect.any(Number) });
      expect(JSON.parse(undo.stdout).changes).toBeGreaterThan(0);
    });

    it('imports a merger list (dry run, then for real; a bad file writes nothing) and schedules the new merger', async () => {
      const header = 'merger_nl,scenario,source_name_nl,source_nis,target_name_nl,target_nis,source_keeps_kbo,effective_date';
      const good = path.join(dir, 'mergers-2027.csv');
      writeFileSync(good, `${header}\nSint-Niklaas,3,Sint-Niklaas,46021,Sint-Niklaas,46021,yes,2027-01-01\nSint-Niklaas,3,Temse,46025,Sint-Niklaas,46021,no,2027-01-01\n`);
      const bad = path.join(dir, 'mergers-bad.csv');
      writeFileSync(bad, `${header}\nNergens,3,Nergens,99998,Nergens,99998,yes,2027-01-01\nNergens,3,Temse,46025,Nergens,99998,no,2027-01-01\n`);
      const dry = await ocmw(['merger', 'import', good, '--dry-run', '--json'], env);
      expect(dry.code).toBe(0);
      expect(JSON.parse(dry.stdout)).toMatchObject({ valid: true, dryRun: true, created: 0, mergers: [{ code: 'sint-niklaas-2027', scenario: 3, action: 'create' }] });
      const refused = await ocmw(['merger', 'import', bad, '--json'], env);
      expect(refused.code).toBe(1);
      expect(JSON.parse(refused.stdout)).toMatchObject({ valid: false, created: 0 });
      const real = await ocmw(['merger', 'import', good], env);
      expect(real.code).toBe(0);
      expect(real.stdout).toContain('imported: 1 merger(s) created');
      const scheduled = await ocmw(['merger', 'schedule', 'sint-niklaas-2027', 'on', '--json'], env);
      expect(scheduled.code).toBe(0);
      expect(JSON.parse(scheduled.stdout)).toMatchObject({ scheduled: true, code: 'sint-niklaas-2027', effectiveDate: '2027-01-01' });
    });

    it('plans and runs the 2025 wave (SPEC §13): the scenario-1 mergers without an HTB are reported blocked (exit 1), the others run', async () => {
      type Wave = { date: string; mergers: { code: string; scenario: number; status: string; actions: { kind: string; count: number }[]; changes?: number; blockers: string[] }[] };
      const dry = await ocmw(['merger', 'wave', '2025-01-01', '--dry-run', '--json'], before());
      expect(dry.code).toBe(1);
      const plan = JSON.parse(dry.stdout) as Wave;
      expect(plan.date).toBe('2025-01-01');
      expect(plan.mergers).toHaveLength(13);
      for (const m of plan.mergers) {
        expect(m.status).toBe(m.scenario === 1 ? 'blocked' : 'planned');
        expect(m.blockers.length > 0).toBe(m.scenario === 1);
      }
      const wave = await ocmw(['merger', 'wave', '2025-01-01', '--json'], before());
      expect(wave.code).toBe(1);
      expect(wave.stderr).toMatch(/wave 2025-01-01: step 8\/8 \d+\/13 antwerpen-2025 stop_forms: \d+ row/);
      const ran = JSON.parse(wave.stdout) as Wave;
      for (const m of ran.mergers) {
        const planned = plan.mergers.find((p) => p.code === m.code)!;
        expect(m.status).toBe(m.scenario === 1 ? 'blocked' : 'applied');
        if (m.status === 'applied') {
          expect(m.changes).toBe(m.actions.reduce((s, a) => s + a.count, 0));
          // Lokeren ran (and was undone) above: its plan and its run agree all the same.
          expect(m.changes).toBe(planned.changes);
        }
      }
      const again = JSON.parse((await ocmw(['merger', 'wave', '2025-01-01', '--json'], before())).stdout) as Wave;
      expect(again.mergers.filter((m) => m.status === 'applied').map((m) => m.changes)).toEqual(Array(9).fill(0));
      const text = await ocmw(['merger', 'wave', '2025-01-01', '--dry-run'], before());
      expect(text.stdout).toContain('4 merger(s) blocked; the others can run');
    }, 240_000);

    it.each([
      [['merger', 'wave', '2025-13-01']],
      [['merger', 'wave']],
      [['merger']],
      [['merger', 'run']],
      [['merger', 'schedule', '1', 'maybe']],
      [['merger', 'import', 'does-not-exist.csv']],
      [['merger', 'plan', '1', '2']],
    ])('exits 2 on usage error %j', async (args) => {
      expect((await ocmw(args, env)).code).toBe(2);
    });
  });

  it('migrates idempotently and refuses to seed a database that holds data', async () => {
    expect((await ocmw(['db', 'migrate'], env)).code).toBe(0);
    const seed = await ocmw(['db', 'seed', '--demo'], env);
    expect(seed.code).toBe(1);
    expect(seed.stdout).toContain('already holds data');
  });
});
