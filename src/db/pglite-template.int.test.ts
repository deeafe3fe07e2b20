import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { openDatabase, queryRows } from './db.js';
import { buildPgliteTemplate } from './pglite-template.js';
import { JOBS } from '../jobs/runner.js';

// Issue 20: a new embedded data directory starts from the build's template archive instead of
// initdb, written by Node (data-dir-archive.ts) before PGlite opens it; an existing one never
// does. The test uses the template every test file clones (a migrated, seeded database dumped
// by test/global-setup.ts) in place of the build's archive, gzipped as the build's is.
const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe.skipIf(Boolean(process.env.TEST_DATABASE_URL))('the embedded database template (issue 20)', () => {
  it('starts a new data directory from the template, leaves an existing one alone, and bounds the shared buffers', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'ocmw-template-'));
    dirs.push(root);
    const dir = path.join(root, 'db');
    const template = path.join(root, 'template.tar.gz');
    writeFileSync(template, gzipSync(readFileSync(inject('pgliteTemplate'))));
    // A folder an interrupted first start left behind: files, but no PG_VERSION yet.
    mkdirSync(path.join(dir, 'base'), { recursive: true });
    writeFileSync(path.join(dir, 'base', 'half-written'), 'x');
    const first = await openDatabase({ dataDir: dir, template, sharedBuffers: '32MB' });
    const count = async (db: typeof first.db) => (await queryRows<{ n: number }>(db, sql`select count(*)::int as n from organisations`))[0]!.n;
    try {
      expect(existsSync(path.join(dir, 'PG_VERSION'))).toBe(true);
      expect(statSync(path.join(dir, 'PG_VERSION')).mode & 0o777).toBe(0o600);
      expect(await count(first.db)).toBeGreaterThan(100);
      expect((await queryRows<{ shared_buffers: string }>(first.db, sql`show shared_buffers`))[0]!.shared_buffers).toBe('32MB');
      await first.db.execute(sql`create table template_test_mark (id int)`);
    } finally {
      await first.close();
    }
    const again = await openDatabase({ dataDir: dir, template });
    try {
      expect((await queryRows<{ n: number }>(again.db, sql`select count(*)::int as n from template_test_mark`))[0]!.n).toBe(0);
    } finally {
      await again.close();
    }
  });
});

describe.skipIf(Boolean(process.env.TEST_DATABASE_URL))('the build template archive (issue 20)', () => {
  it('holds one database and the one WAL segment it starts from, and opens with the reference data and the job queues', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'ocmw-template-build-'));
    dirs.push(root);
    const file = path.join(root, 'template.tar.gz');
    await buildPgliteTemplate(file);
    const names = [...archiveNames(gunzipSync(readFileSync(file)))];
    expect(names.filter((n) => /^pg_wal\/[0-9A-F]{24}$/.test(n))).toHaveLength(1);
    // Only the portal's database ("postgres", oid 5): no template0/template1 files to write.
    expect(new Set(names.filter((n) => n.startsWith('base/')).map((n) => n.split('/')[1]))).toEqual(new Set(['5']));
    const database = await openDatabase({ dataDir: path.join(root, 'db'), template: file });
    try {
      expect((await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from municipalities`))[0]!.n).toBeGreaterThan(500);
      expect((await queryRows<{ datname: string }>(database.db, sql`select datname from pg_database`)).map((r) => r.datname)).toEqual(['postgres']);
      // pg-boss's schema and the portal's queues: a first start's startJobs only writes the schedules.
      const queues = (await queryRows<{ name: string }>(database.db, sql`select name from pgboss.queue`)).map((r) => r.name);
      expect(queues.sort()).toEqual(Object.values(JOBS).map((j) => j.name).sort());
    } finally {
      await database.close();
    }
  }, 120_000);
});

/** The entry names of an uncompressed ustar archive. */
function* archiveNames(tar: Buffer): Generator<string> {
  for (let offset = 0; offset + 512 <= tar.length; ) {
    const name = tar.subarray(offset, offset + 100).toString('utf8').replace(/\0.*$/s, '');
    if (!name) return;
    const size = Number.parseInt(tar.subarray(offset + 124, offset + 136).toString('utf8').replace(/\0.*$/s, '').trim() || '0', 8);
    yield name.replace(/^\/+/, '');
    offset += 512 + Math.ceil(size / 512) * 512;
  }
}
