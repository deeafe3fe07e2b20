import { asc, eq, inArray, sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../db/db.js';
import { mergerSources, mergers } from '../../db/schema.js';

/** SQL for mergers and their sources (owned by the merger module). */

export type MergerRow = typeof mergers.$inferSelect;
export type MergerSourceRow = typeof mergerSources.$inferSelect;

export async function insertMerger(
  db: Db,
  merger: typeof mergers.$inferInsert,
  sources: Omit<typeof mergerSources.$inferInsert, 'mergerId'>[],
): Promise<number> {
  const [row] = await db.insert(mergers).values(merger).returning({ id: mergers.id });
  await db.insert(mergerSources).values(sources.map((s) => ({ ...s, mergerId: row!.id })));
  return row!.id;
}

export async function listMergers(db: Db): Promise<{ mergers: MergerRow[]; sources: MergerSourceRow[] }> {
  const rows = await db.select().from(mergers).orderBy(asc(mergers.effectiveDate), asc(mergers.name));
  const sources = rows.length
    ? await db.select().from(mergerSources).where(inArray(mergerSources.mergerId, rows.map((r) => r.id)))
    : [];
  return { mergers: rows, sources };
}

/** Mergers on a date that already involve one of the organisations (as source or target). */
export async function findMergersInvolving(db: Db, organisationIds: string[], effectiveDate: string): Promise<Pick<MergerRow, 'id' | 'code' | 'name' | 'effectiveDate'>[]> {
  if (organisationIds.length === 0) return [];
  return db
    .selectDistinct({
      id: mergers.id,
      code: mergers.code,
      name: mergers.name,
      effectiveDate: mergers.effectiveDate,
    })
    .from(mergers)
    .leftJoin(mergerSources, eq(mergerSources.mergerId, mergers.id))
    .where(
      sql`${mergers.effectiveDate} = ${effectiveDate} and (${inArray(mergerSources.organisationId, organisationIds)} or ${inArray(
        mergers.targetOrganisationId,
        organisationIds,
      )})`,
    );
}

export async function countMergers(db: Db): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(mergers);
  return row?.n ?? 0;
}

/** Whether the organisation merges into the target (a source of a merger with that target). */
export async function isSourceOfMergerInto(db: Db, sourceId: string, targetId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: mergers.id })
    .from(mergers)
    .innerJoin(mergerSources, eq(mergerSources.mergerId, mergers.id))
    .where(sql`${mergerSources.organisationId} = ${sourceId} and ${mergers.targetOrganisationId} = ${targetId}`);
  return row !== undefined;
}

// ── definitions: edit, remove, import (merger-definitions.ts) ──

export async function mergerIdsWithCode(db: Db, code: string): Promise<number[]> {
  const rows = await queryRows<{ id: number }>(db, sql`select id from mergers where code = ${code}`);
  return rows.map((r) => r.id);
}

/** Whether the OCMW serves the NIS code on the date (its service area). */
export async function servesNis(db: Db, organisationId: string, nis: string, date: string): Promise<boolean> {
  const rows = await queryRows<{ ok: boolean }>(
    db,
    sql`select true as ok from ocmw_areas where organisation_id = ${organisationId}::uuid and nis = ${nis}
          and valid_from <= ${date}::date and (valid_to is null or valid_to > ${date}::date) limit 1`,
  );
  return rows.length > 0;
}

/** The OCMW serving a NIS code on a date. */
export async function ocmwServing(db: Db, nis: string, date: string): Promise<string | undefined> {
  const [row] = await queryRows<{ id: string }>(
    db,
    sql`select a.organisation_id as id from ocmw_areas a join organisations o on o.id = a.organisation_id and o.kind = 'ocmw'
        where a.nis = ${nis} and a.valid_from <= ${date}::date and (a.valid_to is null or a.valid_to > ${date}::date)
        order by a.valid_from desc limit 1`,
  );
  return row?.id;
}

/** A new OCMW already in the registry: by its Dutch name, valid from the date. */
export async function newOcmwNamed(db: Db, nameNl: string, validFrom: string): Promise<string | undefined> {
  const [row] = await queryRows<{ id: string }>(
    db,
    sql`select id from organisations where kind = 'ocmw' and name_nl = ${nameNl} and valid_from = ${validFrom}::date limit 1`,
  );
  return row?.id;
}

export async function mergerShapeByCode(db: Db, code: string) {
  const [row] = await queryRows<{ id: number; target: string; nis: string; sources: string[] }>(
    db,
    sql`select m.id, m.target_organisation_id::text as target, m.target_nis as nis,
               array(select s.organisation_id::text from merger_sources s where s.merger_id = m.id order by 1) as sources
        from mergers m where m.code = ${code}`,
  );
  return row;
}

/** Locks a merger for a change; undefined when it does not exist. */
export async function lockMerger(db: Db, id: number) {
  const [m] = await queryRows<{ id: number; status: string; effectiveDate: string; targetOrganisationId: string; name: string }>(
    db,
    sql`select id, status, effective_date::text as "effectiveDate", target_organisation_id as "targetOrganisationId", name from mergers where id = ${id} for update`,
  );
  return m;
}

export async function updateMerger(db: Db, id: number, m: typeof mergers.$inferInsert, sources: { organisationId: string; nis: string }[]): Promise<void> {
  await db.update(mergers).set({ ...m, updatedAt: new Date() }).where(eq(mergers.id, id));
  await db.delete(mergerSources).where(eq(mergerSources.mergerId, id));
  await db.insert(mergerSources).values(sources.map((s) => ({ ...s, mergerId: id })));
}

/** Removes a merger with its runs, journal and ticks. */
export async function deleteMerger(db: Db, id: number): Promise<void> {
  await db.execute(sql`delete from merger_journal where run_id in (select id from merger_runs where merger_id = ${id})`);
  await db.delete(mergers).where(eq(mergers.id, id));
}

/** Deletes an organisation a merger created, unless a merger still names it; throws when other data refer to it. */
export async function deleteCreatedOrganisation(db: Db, organisationId: string, validFrom: string): Promise<void> {
  await db.execute(
    sql`delete from organisations where id = ${organisationId}::uuid and valid_from = ${validFrom}::date
          and not exists (select 1 from merger_sources where organisation_id = ${organisationId}::uuid)
          and not exists (select 1 from mergers where target_organisation_id = ${organisationId}::uuid)`,
  );
}
