import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootstrap } from '../src/bootstrap.js';
import { loadConfig } from '../src/config.js';
import { openDatabase, queryRows } from '../src/db/db.js';

const run = promisify(execFile);
const BIN = path.resolve('bin/ocmw.js');

async function ocmw(args: string[], env: Record<string, string>) {
  try {
    const { stdout } = await run(process.execPath, [BIN, ...args], { env: { ...process.env, LOG_LEVEL: 'silent', ...env } });
    return { code: 0, stdout };
  } catch (error) {
    const e = error as { code: number; stdout: string };
    return { code: e.code, stdout: e.stdout };
  }
}

/** A safe first start (issue 16): with NODE_ENV=production no demo data, by the server nor the CLI. */
describe('first start of a real installation (NODE_ENV=production)', { timeout: 180_000 }, () => {
  // Each test starts several processes that each open (and the first creates) an embedded database.
  let dir: string;
  let env: Record<string, string>;
  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'ocmw-first-'));
    env = { NODE_ENV: 'production', OCMW_DATA_DIR: path.join(dir, 'db') };
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('the server start and every CLI command leave the database without any account', async () => {
    const runtime = await bootstrap(loadConfig({ ...env, LOG_LEVEL: 'silent' }));
    expect(runtime.seeded).toBe(false);
    await runtime.database.close();

    const list = await ocmw(['merger', 'list', '--json'], env);
    expect(list.code).toBe(0);
    const seed = await ocmw(['db', 'seed', '--demo'], env);
    expect(seed.code).toBe(1);
    expect(seed.stdout).toContain('NODE_ENV=production');

    const database = await openDatabase({ dataDir: env.OCMW_DATA_DIR });
    try {
      const [row] = await queryRows<{ users: number; organisations: number }>(
        database.db,
        sql`select (select count(*)::int from users) as users, (select count(*)::int from organisations) as organisations`,
      );
      expect(row).toEqual({ users: 0, organisations: 0 });
    } finally {
      await database.close();
    }
    // Nor did anything write the demo vendor's private key.
    expect(existsSync(path.join(dir, 'demo-vendor'))).toBe(false);
  });

  it('ocmw admin create makes the first administrator with a one-time link, no password shown', async () => {
    const r = await ocmw(['admin', 'create', 'beheerder', '--email', 'beheer@ocmw.example', '--json'], { ...env, OCMW_PUBLIC_URL: 'https://ocmw.example.be' });
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { ok: boolean; username: string; setupLink: string; expiresAt: string };
    expect(out).toMatchObject({ ok: true, username: 'beheerder', setupLink: expect.stringMatching(/^https:\/\/ocmw\.example\.be\/wachtwoord\/instellen#[\w-]{40,}$/) });
    expect(Date.parse(out.expiresAt) - Date.now()).toBeGreaterThan(23 * 3_600_000);
    expect(r.stdout.toLowerCase()).not.toContain('password');
    const again = await ocmw(['admin', 'create', 'beheerder', '--email', 'beheer@ocmw.example', '--json'], env);
    expect(again.code).toBe(1);
    expect(JSON.parse(again.stdout)).toEqual({ ok: false, errors: { username: 'Deze gebruikersnaam is al in gebruik.' } });
    // The refusal in the --lang language (issue 18: the service says keys, the CLI writes them).
    const french = await ocmw(['admin', 'create', 'beheerder', '--email', 'geen-adres', '--lang', 'fr'], env);
    expect(french.code).toBe(1);
    expect(french.stdout.trim().split('\n').sort()).toEqual(["email: Saisissez une adresse e-mail valable, par exemple nom@cpas.be.", "username: Ce nom d'utilisateur est déjà utilisé."]);
    expect((await ocmw(['admin', 'create', 'zonder-adres'], env)).code).toBe(2);
  });
});
