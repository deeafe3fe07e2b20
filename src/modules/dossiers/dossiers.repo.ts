import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Db } from '../../db/db.js';
import { lockForTransaction } from '../../db/lock.js';
import { dossierForms, dossiers } from '../../db/schema.js';

/** SQL for dossiers, their forms (R9.1) and the per-OCMW setting of R9.4. */

export async function insertDossiers(db: Db, rows: (typeof dossiers.$inferInsert)[]): Promise<void> {
  if (rows.length) await db.insert(dossiers).values(rows);
}

/** The advisory lock of a person's form registrations in an OCMW (also taken by an erasure, privacy module). */
export function personLockKey(organisationId: string, insz: string): string {
  return `${organisationId}:${insz}`;
}

/** Serialises form registrations per OCMW and person for the rest of the transaction (the overlap rule). */
export async function lockPerson(db: Db, organisationId: string, insz: string): Promise<void> {
  await lockForTransaction(db, personLockKey(organisationId, insz));
}

/** The open dossier of a person in an OCMW, if any. */
export async function findOpenDossier(db: Db, organisationId: string, insz: string) {
  const [row] = await queryRows<{ id: string; openedOn: string }>(
    db,
    sql`select id, opened_on::text as "openedOn" from dossiers
        where organisation_id = ${organisationId}::uuid and insz = ${insz} and closed_on is null
        order by opened_on limit 1`,
  );
  return row;
}

export async function openDossier(db: Db, organisationId: string, insz: string, openedOn: string): Promise<string> {
  const [row] = await db.insert(dossiers).values({ organisationId, insz, openedOn }).returning({ id: dossiers.id });
  return row!.id;
}

export async function extendDossierBack(db: Db, id: string, openedOn: string): Promise<void> {
  await db.execute(sql`update dossiers set opened_on = least(opened_on, ${openedOn}::date) where id = ${id}::uuid`);
}

export interface FormRow {
  id: string;
  dossierId: string;
  insz: string;
  kind: 'integration' | 'a036';
  subtype: string;
  startDate: string;
  endDate: string | null;
  status: 'running' | 'stopped' | 'cancelled' | 'ended';
  predecessorId: string | null;
  createdBy: string | null;
  stoppedBy: string | null;
  organisationId: string;
}

const formColumnsWith = (status: SQL) => sql`f.id, f.dossier_id as "dossierId", f.insz, f.kind, f.subtype, f.start_date::text as "startDate",
  f.end_date::text as "endDate", ${status} as status, f.predecessor_id as "predecessorId", f.created_by as "createdBy",
  f.stopped_by as "stoppedBy", f.organisation_id as "organisationId"`;
/** The stored status: what the rules (overlap, stopping) work on. */
const formColumns = formColumnsWith(sql`f.status`);

/**
 * Issue 19: the status a person reads on `today`: a running form whose end date has passed has
 * ended (an A036 that ended 30/06/2025 is not "Lopend" in 2026). The stored status stays
 * running/stopped/cancelled; the overlap rule works on the dates.
 */
const statusOn = (alias: string, today: string) =>
  sql`(case when ${sql.raw(alias)}.status = 'running' and ${sql.raw(alias)}.end_date < ${today}::date then 'ended' else ${sql.raw(alias)}.status end)`;
const formColumnsOn = (today: string) => formColumnsWith(statusOn('f', today));

export async function formsOfPerson(db: Db, organisationId: string, insz: string): Promise<FormRow[]> {
  return queryRows<FormRow>(db, sql`select ${formColumns} from dossier_forms f where f.organisation_id = ${organisationId}::uuid and f.insz = ${insz}`);
}

export async function insertForm(db: Db, row: typeof dossierForms.$inferInsert): Promise<string> {
  const [r] = await db.insert(dossierForms).values(row).returning({ id: dossierForms.id });
  return r!.id;
}

/**
 * One form of the OCMW with the status a person reads on `today` (a running form past its end
 * date has ended). `lock` takes the row for a change, so two stops of one form run one after the other.
 */
export async function findForm(db: Db, organisationId: string, id: string, today: string, lock = false): Promise<FormRow | undefined> {
  const [row] = await queryRows<FormRow>(
    db,
    sql`select ${formColumnsOn(today)} from dossier_forms f where f.id = ${id}::uuid and f.organisation_id = ${organisationId}::uuid ${lock ? sql`for update` : sql``}`,
  );
  return row;
}

export async function stopForm(db: Db, id: string, endDate: string, by: string, at: Date): Promise<void> {
  await db.execute(sql`update dossier_forms set status = 'stopped', end_date = ${endDate}::date, stopped_by = ${by}, stopped_at = ${at} where id = ${id}::uuid`);
}

/** One page of an OCMW's forms (optionally of one person, status, kind), newest start first, with the total. */
export async function listForms(db: Db, organisationId: string, f: { insz?: string; status?: string; kind?: string }, offset: number, limit: number, today: string) {
  const conditions: SQL[] = [sql`f.organisation_id = ${organisationId}::uuid`];
  if (f.insz) conditions.push(sql`f.insz = ${f.insz}`);
  if (f.status) conditions.push(sql`${statusOn('f', today)} = ${f.status}`);
  if (f.kind) conditions.push(sql`f.kind = ${f.kind}`);
  const where = sql.join(conditions, sql` and `);
  const rows = await queryRows<FormRow>(
    db,
    sql`select ${formColumnsOn(today)} from dossier_forms f where ${where} order by f.start_date desc, f.created_at desc, f.id limit ${limit} offset ${offset}`,
  );
  const [count] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from dossier_forms f where ${where}`);
  return { rows, total: count?.n ?? 0 };
}

export async function listDossiers(db: Db, organisationId: string, f: { insz?: string; status?: string; kind?: string }, offset: number, limit: number, today: string) {
  const conditions: SQL[] = [sql`d.organisation_id = ${organisationId}::uuid`];
  if (f.insz) conditions.push(sql`d.insz = ${f.insz}`);
  if (f.status || f.kind) {
    conditions.push(sql`exists (select 1 from dossier_forms x where x.dossier_id = d.id
      ${f.status ? sql`and ${statusOn('x', today)} = ${f.status}` : sql``} ${f.kind ? sql`and x.kind = ${f.kind}` : sql``})`);
  }
  const where = sql.join(conditions, sql` and `);
  const rows = await queryRows<{ id: string; insz: string; openedOn: string; closedOn: string | null; runningForms: number; forms: number }>(
    db,
    sql`select d.id, d.insz, d.opened_on::text as "openedOn", d.closed_on::text as "closedOn",
               (select count(*)::int from dossier_forms x where x.dossier_id = d.id and ${statusOn('x', today)} = 'running') as "runningForms",
               (select count(*)::int from dossier_forms x where x.dossier_id = d.id) as forms
        from dossiers d where ${where}
        order by d.opened_on desc, d.id limit ${limit} offset ${offset}`,
  );
  const [count] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from dossiers d where ${where}`);
  return { rows, total: count?.n ?? 0 };
}

export async function findDossier(db: Db, organisationId: string, id: string, today: string) {
  const [row] = await queryRows<{ id: string; insz: string; openedOn: string; closedOn: string | null; runningForms: number; forms: number }>(
    db,
    sql`select d.id, d.insz, d.opened_on::text as "openedOn", d.closed_on::text as "closedOn",
               (select count(*)::int from dossier_forms x where x.dossier_id = d.id and ${statusOn('x', today)} = 'running') as "runningForms",
               (select count(*)::int from dossier_forms x where x.dossier_id = d.id) as forms
        from dossiers d where d.id = ${id}::uuid and d.organisation_id = ${organisationId}::uuid`,
  );
  return row;
}

export async function formsOfDossier(db: Db, dossierId: string, today: string): Promise<FormRow[]> {
  return queryRows<FormRow>(db, sql`select ${formColumnsOn(today)} from dossier_forms f where f.dossier_id = ${dossierId}::uuid order by f.start_date, f.created_at`);
}

export async function findSettings(db: Db, organisationId: string) {
  const [row] = await queryRows<{ handledByVendor: boolean; updatedBy: string | null; updatedAt: string | null }>(
    db,
    sql`select handled_by_vendor as "handledByVendor", updated_by as "updatedBy",
               to_char(updated_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as "updatedAt"
        from dossier_settings where organisation_id = ${organisationId}::uuid`,
  );
  return row;
}

export async function saveSettings(db: Db, organisationId: string, handledByVendor: boolean, by: string): Promise<void> {
  await db.execute(sql`insert into dossier_settings (organisation_id, handled_by_vendor, updated_by, updated_at)
    values (${organisationId}::uuid, ${handledByVendor}, ${by}, now())
    on conflict (organisation_id) do update set handled_by_vendor = excluded.handled_by_vendor, updated_by = excluded.updated_by, updated_at = now()`);
}
