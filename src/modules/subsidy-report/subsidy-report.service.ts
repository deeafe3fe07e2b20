import type { Db } from '../../db/db.js';
import { daysBetween, type Clock } from '../../domain/clock.js';
import { AppError } from '../../shared/errors.js';
import { translate, type Language } from '../../shared/messages.js';
import { authContextOf, can, type Caller } from '../access/index.js';
import type { AuditService } from '../audit/index.js';
import type { OrganisationSummary, RegistryService } from '../registry/index.js';
import {
  assertFilingWindow,
  decideSubmission,
  decideYear,
  describe,
  DEFAULT_FILING_WINDOW,
  filingWindow,
  windowState,
  type FilingFacts,
  type FilingWindow,
  type Names,
  type Reason,
} from './filing-rules.js';
import { toPdf, toXlsx, type ExportableReport, type ExportFile } from './subsidy-report-export.js';
import { subsidyMessage, type SubsidyMessageKey } from './subsidy-report-messages.js';
import { lineProblems, toCents, type ReopenWindowBody, type UpdateLinesBody } from './subsidy-report.schema.js';
import * as repo from './subsidy-report.repo.js';

export interface SubsidyReportDeps {
  db: Db;
  clock: Clock;
  registry: RegistryService;
  audit: AuditService;
  /** When a year's report can be submitted (default: February of the next year). */
  filingWindow?: FilingWindow;
}

/** A portal user acting for an OCMW. */
export type ReportUser = Caller & { username: string };

/** How many years the overview offers: the current one and the three before it. */
const OVERVIEW_YEARS = 4;

const nameIn = (n: Names, lang: Language) => (lang === 'fr' ? n.fr : lang === 'de' ? n.de : n.nl);
const notice = (reason: Reason, lang: Language) => ({ key: reason.key, message: describe(reason, lang) });

/**
 * The Uniek verslag per OCMW per subsidy year (SPEC R10.2): drafts with subsidy lines, submitted
 * once in the filing window, then read-only and exportable. Who may file which year follows from
 * the mergers (filing-rules.ts): a disappearing OCMW files its last years itself, logged in as
 * that OCMW; the merged OCMW from its first year on.
 */
export function createSubsidyReportService({ db, clock, registry, audit, filingWindow: configuredWindow = DEFAULT_FILING_WINDOW }: SubsidyReportDeps) {
  const window = assertFilingWindow(configuredWindow);

  /** Now, moved to the business date when that is fixed (tests, demos), so a submission lands in its window. */
  function businessNow(): Date {
    const now = clock.now();
    const shift = daysBetween(clock.realToday(), clock.today());
    return shift === 0 ? now : new Date(now.getTime() + shift * 86_400_000);
  }

  function fail(code: 'forbidden' | 'not_found', lang: Language): AppError {
    return new AppError(code, translate(code === 'forbidden' ? 'auth.forbidden' : 'http.not_found', lang));
  }

  /** The caller's OCMW, when the caller holds "Uniek verslag" there; 403 otherwise. */
  function requireApp(caller: Caller): { organisationId: string; domainId: string | null } {
    const ctx = authContextOf(caller.context);
    if (!ctx?.organisationId || !can(ctx, 'app:uniek-verslag', { organisationId: ctx.organisationId, domainId: ctx.domainId })) {
      throw fail('forbidden', caller.language);
    }
    return { organisationId: ctx.organisationId, domainId: ctx.domainId };
  }

  async function organisationOf(organisationId: string, lang: Language): Promise<OrganisationSummary> {
    const org = await registry.getOrganisation(organisationId);
    if (org.kind !== 'ocmw') throw fail('forbidden', lang);
    return org;
  }

  /** The organisation's merger facts for the rules (read before any transaction opens). */
  async function factsOf(org: OrganisationSummary): Promise<FilingFacts> {
    const rows = await repo.mergerFacts(db, org.id);
    const reopened = await repo.listReopenings(db, org.id);
    const facts: FilingFacts = {
      organisation: { id: org.id, name: org.name, validFrom: org.validFrom, validTo: org.validTo },
      mergedFrom: [],
      reopenedUntil: Object.fromEntries(reopened.map((r) => [r.year, r.until])),
    };
    const mergerIds = [...new Set(rows.map((r) => r.mergerId))];
    for (const id of mergerIds) {
      const own = rows.filter((r) => r.mergerId === id);
      const m = own[0]!;
      const sources = own.map((r) => ({ id: r.sourceId, name: { nl: r.sourceNameNl, fr: r.sourceNameFr, de: r.sourceNameDe } }));
      if (m.targetId === org.id) {
        facts.mergedFrom.push({
          effectiveDate: m.effectiveDate,
          isNewOrganisation: !sources.some((s) => s.id === org.id),
          otherSources: sources.filter((s) => s.id !== org.id),
        });
      } else if (!facts.disappearsInto) {
        // Rows come by effective date: the first merger into another organisation is the one that counts.
        facts.disappearsInto = { effectiveDate: m.effectiveDate, successor: { id: m.targetId, name: { nl: m.targetNameNl, fr: m.targetNameFr, de: m.targetNameDe } } };
      }
    }
    return facts;
  }

  function ruleError(reason: Reason, lang: Language, field?: string): AppError {
    const message = describe(reason, lang);
    return new AppError('rule_violation', message, field ? { [field]: message } : undefined, [{ rule: reason.key, message }]);
  }

  function conflict(key: SubsidyMessageKey, lang: Language, params: Record<string, string | number>): AppError {
    return new AppError('conflict', subsidyMessage(key, lang, params));
  }

  const iso = (d: Date | null) => (d ? d.toISOString() : null);
  const toReopening = (r: repo.ReopeningRow, org: OrganisationSummary, lang: Language) => ({
    organisationId: r.organisationId,
    kbo: org.kboFormatted,
    organisation: nameIn(org.name, lang),
    year: r.year,
    until: r.until,
    reason: r.reason,
    reopenedBy: r.reopenedBy,
    reopenedAt: r.reopenedAt.toISOString(),
  });
  const euros = (cents: number) => cents / 100;

  function toSummary(r: repo.ReportWithTotals, today: string, facts: FilingFacts) {
    const reopenedUntil = facts.reopenedUntil?.[r.year];
    return {
      id: r.id,
      year: r.year,
      status: r.status as 'draft' | 'submitted',
      lineCount: r.lineCount,
      totals: { granted: euros(r.grantedCents), used: euros(r.usedCents), grantedCents: r.grantedCents, usedCents: r.usedCents },
      createdAt: r.createdAt.toISOString(),
      createdBy: r.createdBy,
      updatedAt: r.updatedAt.toISOString(),
      submittedAt: iso(r.submittedAt),
      submittedBy: r.submittedBy,
      window: filingWindow(r.year, window, reopenedUntil),
      windowState: windowState(r.year, today, window, reopenedUntil),
      reopenedUntil: reopenedUntil ?? null,
    };
  }

  /** Why the report cannot be submitted today, if it cannot: the year rule, the window, or no lines. */
  function submitBlock(facts: FilingFacts, r: { year: number; lineCount: number }, today: string): Reason | { key: 'subsidy.no_lines' } | undefined {
    const decision = decideYear(facts, r.year, today, window);
    if (!decision.allowed) return decision.reason;
    const outside = decideSubmission(r.year, facts.organisation.name, today, window, facts.reopenedUntil?.[r.year]);
    if (outside) return outside;
    if (r.lineCount === 0) return { key: 'subsidy.no_lines' };
    return undefined;
  }

  async function detail(org: OrganisationSummary, facts: FilingFacts, reportId: string, lang: Language) {
    const r = await repo.findReport(db, org.id, reportId);
    if (!r) throw fail('not_found', lang);
    const today = clock.today();
    const lines = await repo.listLines(db, r.id);
    const decision = decideYear(facts, r.year, today, window);
    const block = r.status === 'draft' ? submitBlock(facts, r, today) : undefined;
    return {
      ...toSummary(r, today, facts),
      organisation: { id: org.id, name: nameIn(org.name, lang), kbo: org.kbo, kboFormatted: org.kboFormatted },
      lines: lines.map((l) => ({
        position: l.position,
        subsidyType: l.subsidyType,
        amountGranted: euros(l.amountGrantedCents),
        amountUsed: euros(l.amountUsedCents),
        amountGrantedCents: l.amountGrantedCents,
        amountUsedCents: l.amountUsedCents,
        justification: l.justification,
      })),
      canEdit: r.status === 'draft',
      canSubmit: r.status === 'draft' && !block,
      submitBlocked: !block ? null : block.key === 'subsidy.no_lines' ? { key: block.key, message: subsidyMessage(block.key, lang) } : notice(block, lang),
      note: decision.allowed && decision.note ? notice(decision.note, lang) : null,
      submitted: r,
    };
  }

  const strip = <T extends { submitted: unknown }>(d: T): Omit<T, 'submitted'> => {
    const { submitted: _omit, ...rest } = d;
    return rest;
  };

  async function load(caller: Caller) {
    const { organisationId, domainId } = requireApp(caller);
    const org = await organisationOf(organisationId, caller.language);
    const facts = await factsOf(org);
    return { org, facts, domainId };
  }

  function auditBase(caller: Caller, organisationId: string, domainId: string | null) {
    return { actorUserId: caller.userId, actorRole: caller.context?.role ?? null, organisationId, domainId };
  }

  return {
    /** The caller's reports and, for the recent years, whether the organisation may file each one (and why not). */
    async list(caller: Caller) {
      const { org, facts } = await load(caller);
      const today = clock.today();
      const reports = await repo.listReports(db, org.id);
      const thisYear = Number(today.slice(0, 4));
      const fileable = Array.from({ length: OVERVIEW_YEARS }, (_, i) => thisYear - i).map((year) => {
        const d = decideYear(facts, year, today, window);
        const existing = reports.find((r) => r.year === year);
        return {
          year,
          window: filingWindow(year, window, facts.reopenedUntil?.[year]),
          windowState: windowState(year, today, window, facts.reopenedUntil?.[year]),
          allowed: d.allowed,
          ...(d.allowed ? {} : { reasonKey: d.reason.key, reason: describe(d.reason, caller.language) }),
          ...(d.allowed && d.note ? { note: notice(d.note, caller.language) } : {}),
          reportId: existing?.id ?? null,
          status: (existing?.status as 'draft' | 'submitted' | undefined) ?? null,
        };
      });
      return { reports: reports.map((r) => toSummary(r, today, facts)), fileable };
    },

    /** Creates the draft of a year; 422 with the explanation when the organisation may not file it, 409 when it exists. */
    async create(caller: ReportUser, body: { year: number }) {
      const { org, facts, domainId } = await load(caller);
      const lang = caller.language;
      const decision = decideYear(facts, body.year, clock.today(), window);
      if (!decision.allowed) throw ruleError(decision.reason, lang, 'year');
      const at = businessNow();
      const created = await db.transaction(async (txh) => {
        const tx = txh as unknown as Db;
        const row = await repo.insertReport(tx, { organisationId: org.id, year: body.year, createdBy: caller.username, createdAt: at });
        if (!row) return undefined;
        await audit.record(tx, { ...auditBase(caller, org.id, domainId), action: 'uniek-verslag.create', after: { reportId: row.id, year: body.year } });
        return row;
      });
      if (!created) throw conflict('subsidy.exists', lang, { year: body.year, organisation: nameIn(org.name, lang) });
      return strip(await detail(org, facts, created.id, lang));
    },

    /** One report of the caller's organisation; 404 for another organisation's. */
    async get(caller: Caller, id: string) {
      const { org, facts } = await load(caller);
      return strip(await detail(org, facts, id, caller.language));
    },

    /** Replaces the lines of a draft (400 naming `lines.N.field`); 409 once submitted. */
    async updateLines(caller: ReportUser, id: string, body: UpdateLinesBody) {
      const { org, facts, domainId } = await load(caller);
      const lang = caller.language;
      const problems = lineProblems(body.lines);
      if (problems.length) {
        const fields: Record<string, string> = {};
        for (const p of problems) fields[p.field] ??= subsidyMessage(p.key, lang, p.params);
        throw new AppError('validation', translate('http.validation', lang), fields);
      }
      const lines = body.lines.map((l) => ({
        subsidyType: l.subsidyType,
        amountGrantedCents: toCents(l.amountGranted),
        amountUsedCents: toCents(l.amountUsed),
        justification: l.justification.trim(),
      }));
      const at = businessNow();
      await db.transaction(async (txh) => {
        const tx = txh as unknown as Db;
        const report = await repo.lockReport(tx, org.id, id);
        if (!report) throw fail('not_found', lang);
        if (report.status !== 'draft') throw conflict('subsidy.read_only', lang, { year: report.year });
        await repo.replaceLines(tx, report.id, lines, at);
        await audit.record(tx, {
          ...auditBase(caller, org.id, domainId),
          action: 'uniek-verslag.update',
          after: {
            reportId: report.id,
            year: report.year,
            lines: lines.length,
            grantedCents: lines.reduce((s, l) => s + l.amountGrantedCents, 0),
            usedCents: lines.reduce((s, l) => s + l.amountUsedCents, 0),
          },
        });
      });
      return strip(await detail(org, facts, id, lang));
    },

    /** draft → submitted: the year rule again, the filing window, at least one line; audited. */
    async submit(caller: ReportUser, id: string) {
      const { org, facts, domainId } = await load(caller);
      const lang = caller.language;
      const today = clock.today();
      const at = businessNow();
      await db.transaction(async (txh) => {
        const tx = txh as unknown as Db;
        const report = await repo.lockReport(tx, org.id, id);
        if (!report) throw fail('not_found', lang);
        if (report.status !== 'draft') throw conflict('subsidy.read_only', lang, { year: report.year });
        const lines = await repo.listLines(tx, report.id);
        const block = submitBlock(facts, { year: report.year, lineCount: lines.length }, today);
        if (block?.key === 'subsidy.no_lines') {
          const message = subsidyMessage('subsidy.no_lines', lang);
          throw new AppError('rule_violation', message, { lines: message }, [{ rule: block.key, message }]);
        }
        if (block) throw ruleError(block, lang);
        if (!(await repo.markSubmitted(tx, report.id, at, caller.username))) throw conflict('subsidy.read_only', lang, { year: report.year });
        await audit.record(tx, {
          ...auditBase(caller, org.id, domainId),
          action: 'uniek-verslag.submit',
          before: { reportId: report.id, year: report.year, status: 'draft' },
          after: {
            reportId: report.id,
            year: report.year,
            status: 'submitted',
            lines: lines.length,
            grantedCents: lines.reduce((s, l) => s + l.amountGrantedCents, 0),
            usedCents: lines.reduce((s, l) => s + l.amountUsedCents, 0),
          },
        });
      });
      return strip(await detail(org, facts, id, lang));
    },

    /**
     * R10.2′: a platform administrator reopens the filing window of one OCMW's year until a date
     * (after the regular window's end, not before today), with a reason; audited. Reopening again
     * replaces the date and reason. The year rules (who files which year) stay as they are.
     */
    async reopenWindow(admin: { userId: string | null; username: string }, body: ReopenWindowBody, lang: Language) {
      const org = await registry.getOrganisation(body.organisationId);
      if (org.kind !== 'ocmw') throw new AppError('validation', translate('http.validation', lang), { organisationId: subsidyMessage('subsidy.reopen.not_ocmw', lang) });
      const today = clock.today();
      const regular = filingWindow(body.year, window);
      if (body.until <= regular.to || body.until < today) {
        throw new AppError('validation', translate('http.validation', lang), { until: subsidyMessage('subsidy.reopen.until_past', lang, { to: regular.to, date: today }) });
      }
      const before = (await repo.listReopenings(db, org.id)).find((r) => r.year === body.year) ?? null;
      const saved = await db.transaction(async (txh) => {
        const tx = txh as unknown as Db;
        const row = await repo.upsertReopening(tx, { organisationId: org.id, year: body.year, until: body.until, reason: body.reason, reopenedBy: admin.username, reopenedAt: businessNow() });
        await audit.record(tx, {
          actorUserId: admin.userId,
          actorRole: 'ADMIN',
          organisationId: org.id,
          domainId: null,
          action: 'uniek-verslag.reopen',
          before: before && { year: before.year, until: before.until, reason: before.reason },
          after: { year: body.year, until: body.until, reason: body.reason },
        });
        return row;
      });
      return toReopening(saved, org, lang);
    },

    /** R10.2′: every reopened window, newest first, for the administrator's page. */
    async listReopenings(lang: Language) {
      const rows = await repo.listReopenings(db);
      const orgs = await registry.listOrganisationsByIds(rows.map((r) => r.organisationId));
      return { items: rows.map((r) => toReopening(r, orgs.get(r.organisationId)!, lang)) };
    },

    /** R8.3′: whether the organisation's Uniek verslag of the year has been submitted. */
    async isSubmitted(organisationId: string, year: number): Promise<boolean> {
      return (await repo.listReports(db, organisationId)).some((r) => r.year === year && r.status === 'submitted');
    },

    /** A submitted report as PDF or XLSX; 409 for a draft. */
    async exportReport(caller: Caller, id: string, format: 'pdf' | 'xlsx', lang: Language = caller.language): Promise<ExportFile> {
      const { org, facts } = await load(caller);
      const d = await detail(org, facts, id, lang);
      if (d.status !== 'submitted') throw conflict('subsidy.export_draft', lang, {});
      const exportable: ExportableReport = {
        year: d.year,
        status: d.status,
        organisation: { name: nameIn(org.name, lang), kbo: org.kbo, kboFormatted: org.kboFormatted },
        submittedAt: d.submitted.submittedAt,
        submittedBy: d.submitted.submittedBy,
        lines: d.lines,
        totals: { grantedCents: d.totals.grantedCents, usedCents: d.totals.usedCents },
      };
      const generatedAt = businessNow();
      return format === 'pdf' ? toPdf(exportable, lang, generatedAt) : toXlsx(exportable, lang, generatedAt);
    },
  };
}

export type SubsidyReportService = ReturnType<typeof createSubsidyReportService>;
