import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectionsOf, openDatabase, PGLITE_POSTGRES_MAJOR, queryRows } from './db.js';
import { openTestDatabase } from '../../test/test-app.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'ocmw-pgver-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the embedded database (PGlite)', () => {
  it('runs one statement at a time; a server pool as many as its size (connectionsOf)', async () => {
    const { database, drop } = await openTestDatabase();
    try {
      expect(connectionsOf(database.db)).toBe(database.kind === 'pglite' ? 1 : (database.pool!.options.max ?? 10));
      if (database.kind !== 'pglite') expect(connectionsOf(database.db)).toBeGreaterThan(1);
    } finally {
      await database.close();
      await drop();
    }
  });

  it('knows the PostgreSQL major it embeds', async () => {
    const { database, drop } = await openTestDatabase();
    try {
      const [row] = await queryRows<{ v: string }>(database.db, sql`select current_setting('server_version_num') as v`);
      if (database.kind === 'pglite') expect(Math.floor(Number(row!.v) / 10_000)).toBe(PGLITE_POSTGRES_MAJOR);
      else expect(Number(row!.v)).toBeGreaterThan(0);
    } finally {
      await database.close();
      await drop();
    }
  });

  it('refuses a data folder of another PostgreSQL major with a message that says so, and leaves it unlocked', async () => {
    const folder = path.join(dir, 'db');
    await openDatabase({ dataDir: folder }).then((d) => d.close());
    writeFileSync(path.join(folder, 'PG_VERSION'), '18\n');
    await expect(openDatabase({ dataDir: folder })).rejects.toThrow(/written by PostgreSQL 18 .* embeds PostgreSQL 19/);
    writeFileSync(path.join(folder, 'PG_VERSION'), `${PGLITE_POSTGRES_MAJOR}\n`);
    const reopened = await openDatabase({ dataDir: folder });
    await reopened.close();
  });
});
