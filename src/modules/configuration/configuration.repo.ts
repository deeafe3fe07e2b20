import { and, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../db/db.js';
import { configurationVersions, mutationSelections } from '../../db/schema.js';

/** SQL for the OCMW-configuratie tables: mutation selection periods and saved section versions. */

export async function openSelections(db: Db, organisationId: string) {
  return db
    .select({ mutationType: mutationSelections.mutationType, validFrom: mutationSelections.validFrom })
    .from(mutationSelections)
    .where(and(eq(mutationSelections.organisationId, organisationId), isNull(mutationSelections.validTo)));
}

/** Opens periods for newly selected types and closes those of unselected ones, set-based. */
export async function applySelection(db: Db, organisationId: string, add: string[], remove: string[], date: string, userId: string) {
  if (remove.length) {
    await db
      .update(mutationSelections)
      .set({ validTo: date, unselectedBy: userId })
      .where(and(eq(mutationSelections.organisationId, organisationId), isNull(mutationSelections.validTo), inArray(mutationSelections.mutationType, remove)));
  }
  if (add.length) {
    await db.insert(mutationSelections).values(add.map((mutationType) => ({ organisationId, mutationType, validFrom: date, selectedBy: userId })));
  }
}

export async function selectionHistory(db: Db, organisationId: string) {
  return queryRows<{ mutationType: string; validFrom: string; validTo: string | null; selectedBy: string | null; unselectedBy: string | null }>(
    db,
    sql`select s.mutation_type as "mutationType", s.valid_from::text as "validFrom", s.valid_to::text as "validTo",
               (select username from users where id = s.selected_by) as "selectedBy",
               (select username from users where id = s.unselected_by) as "unselectedBy"
        from mutation_selections s where s.organisation_id = ${organisationId}
        order by s.valid_from desc, s.id desc`,
  );
}

export async function insertVersion(db: Db, organisationId: string, section: string, data: unknown, userId: string | null) {
  await db.insert(configurationVersions).values({ organisationId, section, data, savedBy: userId });
}

export async function currentVersion(db: Db, organisationId: string, section: string) {
  const [row] = await db
    .select({ data: configurationVersions.data, savedAt: configurationVersions.savedAt })
    .from(configurationVersions)
    .where(and(eq(configurationVersions.organisationId, organisationId), eq(configurationVersions.section, section)))
    .orderBy(desc(configurationVersions.id))
    .limit(1);
  return row;
}

export async function versionHistory(db: Db, organisationId: string, section: string) {
  return queryRows<{ id: number; savedAt: string; savedBy: string | null; data: unknown }>(
    db,
    sql`select v.id, to_char(v.saved_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as "savedAt",
               (select username from users where id = v.saved_by) as "savedBy", v.data
        from configuration_versions v where v.organisation_id = ${organisationId} and v.section = ${section}
        order by v.id desc limit 100`,
  );
}


/** Saves many sections at once (demo data and imports), set-based. */
export async function insertVersions(db: Db, rows: { organisationId: string; section: string; data: unknown; savedBy: string | null }[]) {
  if (rows.length) await db.insert(configurationVersions).values(rows);
}

/** Opens selection periods for many OCMWs at once (demo data and imports), set-based. */
export async function insertSelections(db: Db, rows: { organisationId: string; mutationType: string; validFrom: string; selectedBy: string | null }[]) {
  if (rows.length) await db.insert(mutationSelections).values(rows);
}
