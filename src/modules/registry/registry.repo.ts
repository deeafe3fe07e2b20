import { and, asc, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import { queryRows, type Db } from '../../db/db.js';
import {
  domains,
  municipalities,
  municipalitySuccessions,
  ocmwAreas,
  organisationNames,
  organisationStatuses,
  organisations,
  postalCodes,
  referenceDataState,
} from '../../db/schema.js';
import type { ReferenceData } from './reference-data.js';

/** SQL for the registry tables (organisations, domains, municipalities, postcodes, OCMW areas). */

export type OrganisationRow = typeof organisations.$inferSelect & { status: string };
export type NewOrganisation = typeof organisations.$inferInsert;
export type DomainRow = typeof domains.$inferSelect;
export type MunicipalityRow = typeof municipalities.$inferSelect;

const organisationColumns = {
  id: organisations.id,
  kbo: organisations.kbo,
  kind: organisations.kind,
  nameNl: organisations.nameNl,
  nameFr: organisations.nameFr,
  nameDe: organisations.nameDe,
  validFrom: organisations.validFrom,
  validTo: organisations.validTo,
  isDemo: organisations.isDemo,
  accessEndedOn: organisations.accessEndedOn,
  createdAt: organisations.createdAt,
  status: organisationStatuses.status,
};

/**
 * R1.6: the name columns of the organisation with id `id` as it is named on a date
 * (`organisation_name_on`), for any query that shows an organisation to a user.
 */
export function namesOn(id: SQL | typeof organisations.id, on: string) {
  const name = (column: 'name_nl' | 'name_fr' | 'name_de') => sql<string>`(select n.${sql.raw(column)} from organisation_name_on(${id}, ${on}::date) n)`;
  return { nameNl: name('name_nl'), nameFr: name('name_fr'), nameDe: name('name_de') };
}

/** Organisations with their status; with a date, named as on that date (R1.6). */
function selectOrganisations(db: Db, on?: string) {
  return db
    .select(on ? { ...organisationColumns, ...namesOn(organisations.id, on) } : organisationColumns)
    .from(organisations)
    .innerJoin(organisationStatuses, eq(organisationStatuses.organisationId, organisations.id));
}

/** Loads the reference data set-based (one statement per table); existing rows are updated. */
export async function upsertReferenceData(db: Db, data: ReferenceData): Promise<void> {
  await db
    .insert(municipalities)
    .values(data.municipalities)
    .onConflictDoUpdate({
      target: [municipalities.nis, municipalities.validFrom],
      set: {
        validTo: sql`excluded.valid_to`,
        nameNl: sql`excluded.name_nl`,
        nameFr: sql`excluded.name_fr`,
        nameDe: sql`excluded.name_de`,
      },
    });
  await db.insert(municipalitySuccessions).values(data.successions).onConflictDoNothing();
  await db.insert(postalCodes).values(data.postcodes).onConflictDoNothing();
}

/** Issue 20: the version of the reference data last loaded (undefined: never). */
export async function referenceDataVersion(db: Db): Promise<string | undefined> {
  const [row] = await db.select({ version: referenceDataState.version }).from(referenceDataState);
  return row?.version;
}

export async function setReferenceDataVersion(db: Db, version: string): Promise<void> {
  await db
    .insert(referenceDataState)
    .values({ id: 1, version })
    .onConflictDoUpdate({ target: referenceDataState.id, set: { version, loadedAt: sql`now()` } });
}

export async function countMunicipalities(db: Db): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(municipalities);
  return row?.n ?? 0;
}

export async function insertOrganisations(db: Db, rows: NewOrganisation[]): Promise<{ id: string; kbo: string }[]> {
  if (rows.length === 0) return [];
  return db.insert(organisations).values(rows).returning({ id: organisations.id, kbo: organisations.kbo });
}

export async function findOrganisation(db: Db, id: string, on?: string): Promise<OrganisationRow | undefined> {
  const [row] = await selectOrganisations(db, on).where(eq(organisations.id, id));
  return row;
}

export async function findOrganisationByKbo(db: Db, kbo: string, on?: string): Promise<OrganisationRow | undefined> {
  const [row] = await selectOrganisations(db, on).where(eq(organisations.kbo, kbo));
  return row;
}

export async function listOrganisationsByIds(db: Db, ids: string[], on?: string): Promise<OrganisationRow[]> {
  if (ids.length === 0) return [];
  return selectOrganisations(db, on).where(inArray(organisations.id, ids));
}

export async function listOrganisations(
  db: Db,
  filter: { kind?: string; q?: string; offset: number; limit: number; on?: string },
): Promise<{ rows: OrganisationRow[]; total: number }> {
  const conditions: SQL[] = [];
  if (filter.kind) conditions.push(eq(organisations.kind, filter.kind));
  if (filter.q) {
    const like = `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const digits = filter.q.replace(/\D/g, '');
    conditions.push(
      or(
        ilike(organisations.nameNl, like),
        ilike(organisations.nameFr, like),
        ilike(organisations.nameDe, like),
        ...(digits.length >= 3 ? [sql`${organisations.kbo} like ${`%${digits}%`}`] : []),
      )!,
    );
  }
  const where = conditions.length ? and(...conditions) : undefined;
  const rows = await selectOrganisations(db, filter.on)
    .where(where)
    .orderBy(asc(organisations.nameNl), asc(organisations.kbo))
    .limit(filter.limit)
    .offset(filter.offset);
  const [count] = await db.select({ n: sql<number>`count(*)::int` }).from(organisations).where(where);
  return { rows, total: count?.n ?? 0 };
}

export async function insertDomains(db: Db, rows: (typeof domains.$inferInsert)[]): Promise<DomainRow[]> {
  if (rows.length === 0) return [];
  return db.insert(domains).values(rows).onConflictDoNothing().returning();
}

export async function findDomain(db: Db, id: string): Promise<DomainRow | undefined> {
  const [row] = await db.select().from(domains).where(eq(domains.id, id));
  return row;
}

export async function updateDomainContact(db: Db, id: string, contactEmail: string): Promise<void> {
  await db.update(domains).set({ contactEmail }).where(eq(domains.id, id));
}

export async function listDomainsOf(db: Db, organisationId: string): Promise<DomainRow[]> {
  return db.select().from(domains).where(eq(domains.organisationId, organisationId)).orderBy(asc(domains.code));
}

export async function insertOcmwAreas(db: Db, rows: (typeof ocmwAreas.$inferInsert)[]): Promise<void> {
  if (rows.length === 0) return;
  await db.insert(ocmwAreas).values(rows).onConflictDoNothing();
}

/** Municipalities valid on a date, by NIS code. */
export async function listMunicipalitiesAt(db: Db, nisCodes: string[], date: string): Promise<MunicipalityRow[]> {
  if (nisCodes.length === 0) return [];
  return db
    .select()
    .from(municipalities)
    .where(
      and(
        inArray(municipalities.nis, nisCodes),
        sql`${municipalities.validFrom} <= ${date} and (${municipalities.validTo} is null or ${municipalities.validTo} > ${date})`,
      ),
    );
}

/** Every period of the given NIS codes (for names of codes that no longer exist). */
export async function listMunicipalityPeriods(db: Db, nisCodes: string[]): Promise<MunicipalityRow[]> {
  if (nisCodes.length === 0) return [];
  return db.select().from(municipalities).where(inArray(municipalities.nis, nisCodes)).orderBy(asc(municipalities.validFrom));
}

/**
 * The municipalities a postcode covered on a date. The postcode list is the 2025 one, so for
 * an earlier date the current codes are replaced by their predecessors, as far back as needed
 * (a recursive walk over the successions).
 */
export async function lookupPostcodeAt(db: Db, postcode: string, date: string): Promise<MunicipalityRow[]> {
  return queryRows<MunicipalityRow>(
    db,
    sql`
      with recursive candidates(nis) as (
        select nis from postal_codes where postcode = ${postcode}
        union
        select s.old_nis from municipality_successions s join candidates c on s.new_nis = c.nis
        where s.effective_date > ${date}
      )
      select m.nis, m.valid_from::text as "validFrom", m.valid_to::text as "validTo",
             m.name_nl as "nameNl", m.name_fr as "nameFr", m.name_de as "nameDe"
      from municipalities m
      where m.nis in (select nis from candidates)
        and m.valid_from <= ${date} and (m.valid_to is null or m.valid_to > ${date})
      order by m.name_nl`,
  );
}

/** Every municipality valid on a date, with its lowest postcode (demo data, citizen forms). */
export async function listAllMunicipalitiesAt(db: Db, date: string): Promise<(MunicipalityRow & { postcode: string | null })[]> {
  return queryRows<MunicipalityRow & { postcode: string | null }>(
    db,
    sql`select m.nis, m.valid_from::text as "validFrom", m.valid_to::text as "validTo",
               m.name_nl as "nameNl", m.name_fr as "nameFr", m.name_de as "nameDe",
               -- The postcode list is the 2025 one: a code merged away takes its successor's.
               (select min(p.postcode) from postal_codes p
                where p.nis = m.nis or p.nis in (select s.new_nis from municipality_successions s where s.old_nis = m.nis)) as postcode
        from municipalities m
        where m.valid_from <= ${date} and (m.valid_to is null or m.valid_to > ${date})
        order by m.nis`,
  );
}

/** R8.3: ends (a date) or restores (null) an organisation's portal access. */
export async function setAccessEnded(db: Db, id: string, date: string | null): Promise<void> {
  await db.update(organisations).set({ accessEndedOn: date }).where(eq(organisations.id, id));
}

/** The merger read model of one organisation: disappearing or active, and the effective date. */
export async function findOrganisationStatus(db: Db, id: string) {
  const [row] = await db.select().from(organisationStatuses).where(eq(organisationStatuses.organisationId, id));
  return row;
}

/** R1.6: records the name an organisation bears from a date (replacing one recorded for that date). */
export async function upsertOrganisationName(db: Db, row: typeof organisationNames.$inferInsert): Promise<void> {
  await db
    .insert(organisationNames)
    .values(row)
    .onConflictDoUpdate({
      target: [organisationNames.organisationId, organisationNames.validFrom],
      set: { nameNl: row.nameNl, nameFr: row.nameFr, nameDe: row.nameDe },
    });
}

/** R1.6: removes the name an organisation was to bear from a date (e.g. its merger was removed). */
export async function deleteOrganisationName(db: Db, organisationId: string, validFrom: string): Promise<void> {
  await db.delete(organisationNames).where(and(eq(organisationNames.organisationId, organisationId), eq(organisationNames.validFrom, validFrom)));
}

/** The names of organisations on a date (R1.6). */
export async function organisationNamesOn(db: Db, ids: string[], on: string): Promise<{ id: string; nameNl: string; nameFr: string; nameDe: string }[]> {
  if (ids.length === 0) return [];
  return db
    .select({ id: organisations.id, ...namesOn(organisations.id, on) })
    .from(organisations)
    .where(inArray(organisations.id, ids));
}

/**
 * R8.2, R9.5: when the organisation disappears in a merger effective on or before the date, the
 * effective date and the merged OCMW with its name on that date (from the merger module's
 * published `organisation_statuses` and `mergers`); undefined otherwise.
 */
export async function disappearance(db: Db, organisationId: string, date: string) {
  const [row] = await queryRows<{ effectiveDate: string; targetId: string; nameNl: string; nameFr: string; nameDe: string }>(
    db,
    sql`select st.effective_date::text as "effectiveDate", m.target_organisation_id as "targetId",
               n.name_nl as "nameNl", n.name_fr as "nameFr", n.name_de as "nameDe"
        from organisation_statuses st
        join mergers m on m.id = st.merger_id
        cross join lateral organisation_name_on(m.target_organisation_id, ${date}::date) n
        where st.organisation_id = ${organisationId}::uuid and st.status = 'disappearing' and st.effective_date <= ${date}::date`,
  );
  return row;
}
