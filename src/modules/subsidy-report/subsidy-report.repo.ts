import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../db/db.js';
import { subsidyReportLines, subsidyReports, subsidyWindowReopenings } from '../../db/schema.js';

/**
 * SQL for the Uniek verslag (R10.2): `subsidy_reports` and `subsidy_report_lines`, owned here.
 * Reads, never writes, the registry's `organisations` and the merger module's `mergers` and
 * `merger_sources`: the filing rules need who merged into whom and when, which is the point of
 * that read (docs/ARCHITECTURE.md, module rule 1).
 */

export type ReportRow = typeof subsidyReports.$inferSelect;
export type LineRow = typeof subsidyReportLines.$inferSelect;

export interface MergerFactRow {
  mergerId: number;
  effectiveDate: string;
  targetId: string;
  targetNameNl: string;
  targetNameFr: string;
  targetNameDe: string;
  sourceId: string;
  sourceNameNl: string;
  sourceNameFr: string;
  sourceNameDe: string;
}

/** Every merger the organisation takes part in (as a source or as the target), one row per source. */
export async function mergerFacts(db: Db, organisationId: string): Promise<MergerFactRow[]> {
  return queryRows<MergerFactRow>(
    db,
    sql`select m.id as "mergerId", m.effective_date::text as "effectiveDate",
               t.id as "targetId", t.name_nl as "targetNameNl", t.name_fr as "targetNameFr", t.name_de as "targetNameDe",
               so.id as "sourceId", so.name_nl as "sourceNameNl", so.name_fr as "sourceNameFr", so.name_de as "sourceNameDe"
        from mergers m
        join organisations t on t.id = m.target_organisation_id
        join merger_sources s on s.merger_id = m.id
        join organisations so on so.id = s.organisation_id
        where m.target_organisation_id = ${organisationId}::uuid
           or exists (select 1 from merger_sources x where x.merger_id = m.id and x.organisation_id = ${organisationId}::uuid)
        order by m.effective_date, m.id, so.name_nl`,
  );
}

export interface ReportWithTotals extends ReportRow {
  lineCount: number;
  grantedCents: number;
  usedCents: number;
}

/** The organisation's reports, newest year first, each with its line count and exact totals (summed in SQL). */
export async function listReports(db: Db, organisationId: string, reportId?: string): Promise<ReportWithTotals[]> {
  const rows = await db
    .select({
      report: subsidyReports,
      lineCount: sql<number>`count(${subsidyReportLines.id})::int`,
      // bigint sums come back as strings from node-postgres: as text from both drivers, then exact Numbers (≤ 5e12 < 2^53).
      grantedCents: sql<string>`coalesce(sum(${subsidyReportLines.amountGrantedCents}), 0)::text`,
      usedCents: sql<string>`coalesce(sum(${subsidyReportLines.amountUsedCents}), 0)::text`,
    })
    .from(subsidyReports)
    .leftJoin(subsidyReportLines, eq(subsidyReportLines.reportId, subsidyReports.id))
    .where(and(eq(subsidyReports.organisationId, organisationId), reportId ? eq(subsidyReports.id, reportId) : undefined))
    .groupBy(subsidyReports.id)
    .orderBy(desc(subsidyReports.year));
  return rows.map((r) => ({ ...r.report, lineCount: r.lineCount, grantedCents: Number(r.grantedCents), usedCents: Number(r.usedCents) }));
}

/** One report of the organisation, or undefined (also when it belongs to another organisation). */
export async function findReport(db: Db, organisationId: string, reportId: string): Promise<ReportWithTotals | undefined> {
  const [row] = await listReports(db, organisationId, reportId);
  return row;
}

/** Locks the organisation's report row for the rest of the transaction (edits and submission serialise on it). */
export async function lockReport(tx: Db, organisationId: string, reportId: string): Promise<ReportRow | undefined> {
  const [row] = await tx
    .select()
    .from(subsidyReports)
    .where(and(eq(subsidyReports.id, reportId), eq(subsidyReports.organisationId, organisationId)))
    .for('update');
  return row;
}

export async function listLines(db: Db, reportId: string): Promise<LineRow[]> {
  return db.select().from(subsidyReportLines).where(eq(subsidyReportLines.reportId, reportId)).orderBy(asc(subsidyReportLines.position));
}

/** Inserts a draft; undefined when the organisation already has a report of that year (unique index). */
export async function insertReport(db: Db, row: { organisationId: string; year: number; createdBy: string; createdAt: Date }): Promise<ReportRow | undefined> {
  const [inserted] = await db
    .insert(subsidyReports)
    .values({ ...row, status: 'draft', updatedAt: row.createdAt })
    .onConflictDoNothing({ target: [subsidyReports.organisationId, subsidyReports.year] })
    .returning();
  return inserted;
}

/** Replaces every line of a report (one delete, one multi-row insert). */
export async function replaceLines(
  tx: Db,
  reportId: string,
  lines: { subsidyType: string; amountGrantedCents: number; amountUsedCents: number; justification: string }[],
  at: Date,
): Promise<void> {
  await tx.delete(subsidyReportLines).where(eq(subsidyReportLines.reportId, reportId));
  if (lines.length) await tx.insert(subsidyReportLines).values(lines.map((l, i) => ({ ...l, reportId, position: i + 1 })));
  await tx.update(subsidyReports).set({ updatedAt: at }).where(eq(subsidyReports.id, reportId));
}

/** draft → submitted; false when it was no longer a draft. */
export async function markSubmitted(tx: Db, reportId: string, at: Date, by: string): Promise<boolean> {
  const rows = await tx
    .update(subsidyReports)
    .set({ status: 'submitted', submittedAt: at, submittedBy: by, updatedAt: at })
    .where(and(eq(subsidyReports.id, reportId), eq(subsidyReports.status, 'draft')))
    .returning({ id: subsidyReports.id });
  return rows.length === 1;
}

export type ReopeningRow = typeof subsidyWindowReopenings.$inferSelect;

/** R10.2′: the reopened windows of an organisation (all of them when no organisation is given), newest year first. */
export async function listReopenings(db: Db, organisationId?: string): Promise<ReopeningRow[]> {
  return db
    .select()
    .from(subsidyWindowReopenings)
    .where(organisationId ? eq(subsidyWindowReopenings.organisationId, organisationId) : undefined)
    .orderBy(desc(subsidyWindowReopenings.reopenedAt));
}

/** R10.2′: reopens (or reopens again, replacing the date and reason) one organisation's window of a year. */
export async function upsertReopening(tx: Db, row: typeof subsidyWindowReopenings.$inferInsert): Promise<ReopeningRow> {
  const [saved] = await tx
    .insert(subsidyWindowReopenings)
    .values(row)
    .onConflictDoUpdate({
      target: [subsidyWindowReopenings.organisationId, subsidyWindowReopenings.year],
      set: { until: row.until, reason: row.reason, reopenedBy: row.reopenedBy, reopenedAt: row.reopenedAt ?? sql`now()` },
    })
    .returning();
  return saved!;
}
