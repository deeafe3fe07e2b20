import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { openDatabase, queryRows } from './db.js';

// Issue 20: a new embedded data directory starts from the build's template archive instead of
// initdb; an existing one never does. The test uses the template every test file clones (a
// migrated, seeded database dumped by test/global-setup.ts) in place of the build's archive.
const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe.skipIf(Boolean(process.env.TEST_DATABASE_URL))('the embedded database template (issue 20)', () => {
  it('starts a new data directory from the template, leaves an existing one alone, and bounds the shared buffers', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'ocmw-template-'));
    dirs.push(root);
    const dir = path.join(root, 'db');
    let loaded = 0;
    const template = () => {
      loaded++;
      return new Blob([readFileSync(inject('pgliteTemplate'))]);
    };
    const first = await openDatabase({ dataDir: dir, template, sharedBuffers: '32MB' });
    const count = async (db: typeof first.db) => (await queryRows<{ n: number }>(db, sql`select count(*)::int as n from organisations`))[0]!.n;
    try {
      expect(loaded).toBe(1);
      expect(existsSync(path.join(dir, 'PG_VERSION'))).toBe(true);
      expect(await count(first.db)).toBeGreaterThan(100);
      expect((await queryRows<{ shared_buffers: string }>(first.db, sql`show shared_buffers`))[0]!.shared_buffers).toBe('32MB');
      await first.db.execute(sql`create table template_test_mark (id int)`);
    } finally {
      await first.close();
    }
    const again = await openDatabase({ dataDir: dir, template });
    try {
      expect(loaded).toBe(1);
      expect((await queryRows<{ n: number }>(again.db, sql`select count(*)::int as n from template_test_mark`))[0]!.n).toBe(0);
    } finally {
      await again.close();
    }
  });
});
