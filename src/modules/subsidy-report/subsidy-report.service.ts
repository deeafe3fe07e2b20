import type { Db } from '../../db/db.js';
import { daysBetween, type Clock } from '../../domain/clock.js';
import { AppError, type FieldMessages } from '../../shared/errors.js';
import { localized, type Message, type Params } from '../../shared/i18n.js';
import { msg } from '../../shared/messages.js';
import { authContextOf, can, type Caller } from '../access/index.js';
import type { AuditService } from '../audit/index.js';
import type { OrganisationSummary, RegistryService } from '../registry/index.js';
import {
  assertFilingWindow,
  decideSubmission,
  decideYear,
  DEFAULT_FILING_WINDOW,
  filingWindow,
  windowState,
  type FilingFacts,
  type FilingWindow,
  type Reason,
  reasonMessage,
} from './filing-rules.js';
import type { ExportableReport } from './subsidy-report-export.js';
import { subsidyMessages, type SubsidyMessageKey } from './subsidy-report-messages.js';
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

/** A rule's explanation: its stable key and the message the edge renders in the reader's language. */
export interface NoticeMessage {
  key: string;
  message: Message;
}

const notice = (reason: Reason): NoticeMessage => ({ key: reason.key, message: reasonMessage(reason) });
const { msg: subsidyMsg } = subsidyMessages;

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

  function fail(code: 'forbidden' | 'not_found'): AppError {
    return new AppError(code, msg(code === 'forbidden' ? 'auth.forbidden' : 'http.not_found'));
  }

  /** The caller's OCMW, when the caller holds "Uniek verslag" there; 403 otherwise. */
  function requireApp(caller: Caller): { organisationId: string; domainId: string | null } {
    const ctx = authContextOf(caller.context);
    if (!ctx?.organisationId || !can(ctx, 'app:uniek-verslag', { organisationId: ctx.organisationId, domainId: ctx.domainId })) {
      throw fail('forbidden');
    }
    return { organisationId: ctx.organisationId, domainId: ctx.domainId };
  }

  async function organisationOf(organisationId: string): Promise<OrganisationSummary> {
    const org = await registry.getOrganisation(organisationId);
    if (org.kind !== 'ocmw') throw fail('forbidden');
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

  function ruleError(rule: string, message: Message, field?: string): AppError {
    return new AppError('rule_violation', message, field ? { [field]: message } : undefined, [{ rule, message }]);
  }

  function conflict(key: SubsidyMessageKey, params?: Params): AppError {
    return new AppError('conflict', subsidyMsg(key, params));
  }

  const iso = (d: Date | null) => (d ? d.toISOString() : null);
  /** The organisation's name in each language: the edge picks the reader's. */
  const toReopening = (r: repo.ReopeningRow, org: OrganisationSummary) => ({
    organisationId: r.organisationId,
    kbo: org.kboFormatted,
    organisation: localized(org.name),
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

  async function detail(org: OrganisationSummary, facts: FilingFacts, reportId: string) {
    const r = await repo.findReport(db, org.id, reportId);
    if (!r) throw fail('not_found');
    const today = clock.today();
    const lines = await repo.listLines(db, r.id);
    const decision = decideYear(facts, r.year, today, window);
    const block = r.status === 'draft' ? submitBlock(facts, r, today) : undefined;
    return {
      ...toSummary(r, today, facts),
      organisation: { id: org.id, name: localized(org.name), kbo: org.kbo, kboFormatted: org.kboFormatted },
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
      submitBlocked: !block ? null : block.key === 'subsidy.no_lines' ? { key: block.key, message: subsidyMsg(block.key) } : notice(block),
      note: decision.allowed && decision.note ? notice(decision.note) : null,
      submitted: r,
    };
  }

  const strip = <T extends { submitted: unknown }>(d: T): Omit<T, 'submitted'> => {
    const { submitted: _omit, ...rest } = d;
    return rest;
  };

  async function load(caller: Caller) {
    const { organisationId, domainId } = requireApp(caller);
    const org = await organisationOf(organisationId);
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
          ...(d.allowed ? {} : { reasonKey: d.reason.key, reason: reasonMessage(d.reason) }),
          ...(d.allowed && d.note ? { note: notice(d.note) } : {}),
          reportId: existing?.id ?? null,
          status: (existing?.status as 'draft' | 'submitted' | undefined) ?? null,
        };
      });
      return { reports: reports.map((r) => toSummary(r, today, facts)), fileable };
    },

    /** Creates the draft of a year; 422 with the explanation when the organisation may not file it, 409 when it exists. */
    async create(caller: ReportUser, body: { year: number }) {
      const { org, facts, domainId } = await load(caller);
      const decision = decideYear(facts, body.year, clock.today(), window);
      if (!decision.allowed) throw ruleError(decision.reason.key, reasonMessage(decision.reason), 'year');
      const at = businessNow();
      const created = await db.transaction(async (txh) => {
        const tx = txh as unknown as Db;
        const row = await repo.insertReport(tx, { organisationId: org.id, year: body.year, createdBy: caller.username, createdAt: at });
        if (!row) return undefined;
        await audit.record(tx, { ...auditBase(caller, org.id, domainId), action: 'uniek-verslag.create', after: { reportId: row.id, year: body.year } });
        return row;
      });
      if (!created) throw conflict('subsidy.exists', { year: body.year, organisation: org.name });
      return strip(await detail(org, facts, created.id));
    },

    /** One report of the caller's organisation; 404 for another organisation's. */
    async get(caller: Caller, id: string) {
      const { org, facts } = await load(caller);
      return strip(await detail(org, facts, id));
    },

    /** Replaces the lines of a draft (400 naming `lines.N.field`); 409 once submitted. */
    async updateLines(caller: ReportUser, id: string, body: UpdateLinesBody) {
      const { org, facts, domainId } = await load(caller);
      const problems = lineProblems(body.lines);
      if (problems.length) {
        const fields: FieldMessages = {};
        for (const p of problems) fields[p.field] ??= subsidyMsg(p.key, p.params);
        throw new AppError('validation', msg('http.validation'), fields);
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
        if (!report) throw fail('not_found');
        if (report.status !== 'draft') throw conflict('subsidy.read_only', { year: report.year });
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
      return strip(await detail(org, facts, id));
    },

    /** draft → submitted: the year rule again, the filing window, at least one line; audited. */
    async submit(caller: ReportUser, id: string) {
      const { org, facts, domainId } = await load(caller);
      const today = clock.today();
      const at = businessNow();
      await db.transaction(async (txh) => {
        const tx = txh as unknown as Db;
        const report = await repo.lockReport(tx, org.id, id);
        if (!report) throw fail('not_found');
        if (report.status !== 'draft') throw conflict('subsidy.read_only', { year: report.year });
        const lines = await repo.listLines(tx, report.id);
        const block = submitBlock(facts, { year: report.year, lineCount: lines.length }, today);
        if (block?.key === 'subsidy.no_lines') throw ruleError(block.key, subsidyMsg('subsidy.no_lines'), 'lines');
        if (block) throw ruleError(block.key, reasonMessage(block));
        if (!(await repo.markSubmitted(tx, report.id, at, caller.username))) throw conflict('subsidy.read_only', { year: report.year });
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
      return strip(await detail(org, facts, id));
    },

    /**
     * R10.2′: a platform administrator reopens the filing window of one OCMW's year until a date
     * (after the regular window's end, not before today), with a reason; audited. Reopening again
     * replaces the date and reason. The year rules (who files which year) stay as they are.
     */
    async reopenWindow(admin: { userId: string | null; username: string }, body: ReopenWindowBody) {
      const org = await registry.getOrganisation(body.organisationId);
      if (org.kind !== 'ocmw') throw new AppError('validation', msg('http.validation'), { organisationId: subsidyMsg('subsidy.reopen.not_ocmw') });
      const today = clock.today();
      const regular = filingWindow(body.year, window);
      if (body.until <= regular.to || body.until < today) {
        throw new AppError('validation', msg('http.validation'), { until: subsidyMsg('subsidy.reopen.until_past', { to: regular.to, date: today }) });
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
      return toReopening(saved, org);
    },

    /** R10.2′: every reopened window, newest first, for the administrator's page. */
    async listReopenings() {
      const rows = await repo.listReopenings(db);
      const orgs = await registry.listOrganisationsByIds(rows.map((r) => r.organisationId));
      return { items: rows.map((r) => toReopening(r, orgs.get(r.organisationId)!)) };
    },

    /** R8.3′: whether the organisation's Uniek verslag of the year has been submitted. */
    async isSubmitted(organisationId: string, year: number): Promise<boolean> {
      return (await repo.listReports(db, organisationId)).some((r) => r.year === year && r.status === 'submitted');
    },

    /**
     * What a submitted report's PDF or XLSX shows, and when it is made; the edge writes the file in
     * the reader's language (subsidy-report-export.ts). 409 for a draft.
     */
    async exportReport(caller: Caller, id: string): Promise<{ report: ExportableReport; generatedAt: Date }> {
      const { org, facts } = await load(caller);
      const d = await detail(org, facts, id);
      if (d.status !== 'submitted') throw conflict('subsidy.export_draft');
      const report: ExportableReport = {
        year: d.year,
        status: d.status,
        organisation: { name: org.name, kbo: org.kbo, kboFormatted: org.kboFormatted },
        submittedAt: d.submitted.submittedAt,
        submittedBy: d.submitted.submittedBy,
        lines: d.lines,
        totals: { grantedCents: d.totals.grantedCents, usedCents: d.totals.usedCents },
      };
      return { report, generatedAt: businessNow() };
    },
  };
}

export type SubsidyReportService = ReturnType<typeof createSubsidyReportService>;
