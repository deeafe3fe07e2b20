import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../db/db.js';
import { mutations } from '../../db/schema.js';

/** SQL for mutations and their deliveries (R5). */

export async function insertMutations(db: Db, rows: (typeof mutations.$inferInsert)[]): Promise<{ first: number; last: number }> {
  const ids = await db.insert(mutations).values(rows).returning({ id: mutations.id });
  return { first: Math.min(...ids.map((r) => r.id)), last: Math.max(...ids.map((r) => r.id)) };
}

/**
 * R5.1 + R4.4, in one statement: deliver each mutation of the id range to every OCMW that had a
 * running dossier for the INSZ and had the type selected, both on the day it occurred
 * (Brussels time). Reads the dossiers and the configuration's selection periods.
 */
export async function routeMutations(db: Db, range: { first: number; last: number }, batchDate: string): Promise<number> {
  const rows = await queryRows<{ n: number }>(
    db,
    sql`
      with m as (
        select id, insz, code, (occurred_at at time zone 'Europe/Brussels')::date as day
        from mutations where id between ${range.first} and ${range.last}
      ), delivered as (
        insert into mutation_deliveries (mutation_id, organisation_id, batch_date)
        select distinct m.id, d.organisation_id, ${batchDate}::date
        from m
        join dossiers d on d.insz = m.insz and d.opened_on <= m.day and (d.closed_on is null or d.closed_on > m.day)
        join mutation_selections s on s.organisation_id = d.organisation_id and s.mutation_type = m.code
                                  and s.valid_from <= m.day and (s.valid_to is null or s.valid_to > m.day)
        on conflict do nothing
        returning 1
      )
      select count(*)::int as n from delivered`,
  );
  return rows[0]?.n ?? 0;
}

export interface DeliveredRow {
  id: number;
  type: string;
  subType: string | null;
  code: string;
  insz: string;
  occurredAt: string;
  payload: unknown;
  batchDate: string;
}

export async function listDelivered(db: Db, organisationId: string, f: { code?: string; from?: string; to?: string }, offset: number, limit: number) {
  const where = sql.join(
    [
      sql`md.organisation_id = ${organisationId}`,
      ...(f.code ? [sql`m.code = ${f.code}`] : []),
      ...(f.from ? [sql`md.batch_date >= ${f.from}::date`] : []),
      ...(f.to ? [sql`md.batch_date <= ${f.to}::date`] : []),
    ],
    sql` and `,
  );
  const rows = await queryRows<DeliveredRow>(
    db,
    sql`select m.id::int as id, m.type, m.sub_type as "subType", m.code, m.insz,
               to_char(m.occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as "occurredAt", m.payload,
               md.batch_date::text as "batchDate"
        from mutation_deliveries md join mutations m on m.id = md.mutation_id
        where ${where} order by md.batch_date desc, m.occurred_at desc, m.id desc limit ${limit} offset ${offset}`,
  );
  const [count] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from mutation_deliveries md join mutations m on m.id = md.mutation_id where ${where}`);
  return { rows, total: count?.n ?? 0 };
}

/** The daily batch files of an OCMW: one per batch date, with its number of mutations. */
export async function listBatches(db: Db, organisationId: string) {
  return queryRows<{ date: string; count: number }>(
    db,
    sql`select batch_date::text as date, count(*)::int as count from mutation_deliveries
        where organisation_id = ${organisationId} group by batch_date order by batch_date desc limit 400`,
  );
}

/** The mutations of one batch file, in delivery order. */
export async function batchContent(db: Db, organisationId: string, date: string) {
  return queryRows<DeliveredRow>(
    db,
    sql`select m.id::int as id, m.type, m.sub_type as "subType", m.code, m.insz,
               to_char(m.occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as "occurredAt", m.payload,
               md.batch_date::text as "batchDate"
        from mutation_deliveries md join mutations m on m.id = md.mutation_id
        where md.organisation_id = ${organisationId} and md.batch_date = ${date}::date order by m.id`,
  );
}
