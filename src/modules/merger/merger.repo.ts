import { asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/db.js';
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
export async function findMergersInvolving(db: Db, organisationIds: string[], effectiveDate: string): Promise<MergerRow[]> {
  if (organisationIds.length === 0) return [];
  return db
    .selectDistinct({
      id: mergers.id,
      code: mergers.code,
      name: mergers.name,
      effectiveDate: mergers.effectiveDate,
      targetOrganisationId: mergers.targetOrganisationId,
      targetNis: mergers.targetNis,
      declaredScenario: mergers.declaredScenario,
      createdAt: mergers.createdAt,
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
