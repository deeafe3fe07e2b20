/**
 * A checksum of every table of the database (all schemas but the system ones), to prove that
 * refused requests change nothing. Rows are hashed as JSON and sorted by their hash, so the
 * checksum needs no key and does not depend on the physical row order.
 */
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../src/db/db.js';

/**
 * Columns that a refused request may legitimately change, per table, with the reason.
 * Nothing else is excluded: an audit row, a counter or a failed-attempt count written for a
 * refused request would be a finding.
 */
export const CHECKSUM_EXCLUSIONS: Record<string, { columns: string[]; why: string }> = {
  'public.sessions': {
    columns: ['last_seen_at', 'expires_at'],
    why: 'every authenticated request (refused ones too) slides the session: last seen and expiry move (auth.service resolve)',
  },
  'public.api_client_uses': {
    columns: ['*'],
    why: 'every authenticated institution request, refused ones too, is recorded with its token id (issue 17): the whole table',
  },
};

export type Checksums = Record<string, string>;

/** One checksum per table ("schema.table" → md5 and row count). */
export async function tableChecksums(db: Db): Promise<Checksums> {
  const tables = await queryRows<{ schema: string; name: string }>(
    db,
    sql`select table_schema as schema, table_name as name from information_schema.tables
        where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema')
        order by 1, 2`,
  );
  const out: Checksums = {};
  for (const t of tables) {
    const key = `${t.schema}.${t.name}`;
    if (CHECKSUM_EXCLUSIONS[key]?.columns.includes('*')) continue;
    const drop = (CHECKSUM_EXCLUSIONS[key]?.columns ?? []).map((c) => ` - '${c}'`).join('');
    const [row] = await queryRows<{ sum: string }>(
      db,
      sql.raw(
        `select md5(coalesce(string_agg(h, ',' order by h), '')) || ':' || count(*)::int as sum
         from (select md5((to_jsonb(t)${drop})::text) as h from "${t.schema}"."${t.name}" t) x`,
      ),
    );
    out[key] = row!.sum;
  }
  return out;
}

/** The tables whose checksum differs. */
export function changedTables(before: Checksums, after: Checksums): string[] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...keys].filter((k) => before[k] !== after[k]).sort();
}
