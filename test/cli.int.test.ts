import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from './test-app.js';
import type { Database } from '../src/db/db.js';

const run = promisify(execFile);
const BIN = path.resolve('bin/ocmw.js');

async function ocmw(args: string[], env: Record<string, string> = {}) {
  try {
    const { stdout } = await run(process.execPath, [BIN, ...args], { env: { ...process.env, LOG_LEVEL: 'silent', ...env } });
    return { code: 0, stdout };
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
      env = { OCMW_DATA_DIR: path.join(dir, 'db') };
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
    expect(list.find((m) => m.name === 'Antwerpen')).toMatchObject({ scenario: 3, target: { kbo: '0212235604' } });
  });

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

  it('migrates idempotently and refuses to seed a database that holds data', async () => {
    expect((await ocmw(['db', 'migrate'], env)).code).toBe(0);
    const seed = await ocmw(['db', 'seed', '--demo'], env);
    expect(seed.code).toBe(1);
    expect(seed.stdout).toContain('already holds data');
  });
});
