import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../test/test-app.js';
import { pgArray } from './arrays.js';
import { queryRows } from './db.js';

describe('pgArray on the database', () => {
  it('brings every text back as it went in, NULL as null, in one parameter', async () => {
    const { database, drop } = await openTestDatabase();
    try {
      const texts = ['plain', 'say "hi"', 'back\\slash', 'a,b', '{c}', ' spaced ', 'NULL', null, 'été ✓', ''];
      const rows = await queryRows<{ t: string | null; n: string }>(database.db, sql`select t, ordinality::text as n from unnest(${pgArray(texts, 'text')}) with ordinality as u(t, ordinality) order by ordinality`);
      expect(rows.map((r) => r.t)).toEqual(texts);
      const ids = ['6f1c7e2a-3b4d-4e5f-8a9b-0c1d2e3f4a5b', null];
      const [{ c }] = (await queryRows<{ c: number }>(database.db, sql`select count(*)::int as c from unnest(${pgArray(ids, 'uuid')}) as u(id) where id is not null`)) as [{ c: number }];
      expect(c).toBe(1);
      const [{ d }] = (await queryRows<{ d: string }>(database.db, sql`select max(d)::text as d from unnest(${pgArray(['2026-12-07', '2025-01-01'], 'date')}) as u(d)`)) as [{ d: string }];
      expect(d).toBe('2026-12-07');
    } finally {
      await database.close();
      await drop();
    }
  });
});
