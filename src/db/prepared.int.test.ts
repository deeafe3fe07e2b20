import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../test/test-app.js';
import { pgArray } from './arrays.js';
import { queryRows, queryRowsPrepared } from './db.js';

describe('queryRowsPrepared (issue 20)', () => {
  it('gives the rows queryRows gives, types included, again and again with other parameters', async () => {
    const { database, drop } = await openTestDatabase();
    try {
      const query = (n: number, words: string[]) =>
        sql`select g as n, ${`x${n}`}::text as label, timestamptz '2026-12-07 10:00:00+00' + g * interval '1 hour' as at, date '2026-12-07' + g as day,
                   array['a', 'b'] as kinds, u.w as word
            from generate_series(1, ${n}) g cross join lateral (select w from unnest(${pgArray(words, 'text')}) w limit 1) u`;
      for (const [n, words] of [[2, ['één']], [3, ['x"y']], [1, ['z']]] as const) {
        const plain = await queryRows(database.db, query(n, [...words]));
        const prepared = await queryRowsPrepared(database.db, query(n, [...words]));
        expect(prepared).toEqual(plain);
        expect(prepared).toHaveLength(n);
      }
      if (database.kind !== 'pglite') {
        const [{ c }] = (await queryRows<{ c: number }>(database.db, sql`select count(*)::int as c from pg_prepared_statements where name like 'ocmw_%'`)) as [{ c: number }];
        // Seen from one connection of the pool: at most the one statement, prepared once there.
        expect(c).toBeLessThanOrEqual(1);
      }
    } finally {
      await database.close();
      await drop();
    }
  });
});
