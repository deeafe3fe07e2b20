import type { Db } from '../../db/db.js';
import { addDays, businessNow, type Clock } from '../../domain/clock.js';
import { AppError } from '../../shared/errors.js';
import { localized, type LocalizedText, type Message } from '../../shared/i18n.js';
import { msg as sharedMsg } from '../../shared/messages.js';
import { mergerMessages, type MergerMessageKey } from './merger-messages.js';

const msg = mergerMessages.msg;
import type { AuditService } from '../audit/index.js';
import { DEFAULT_FILING_WINDOW, filingWindow, type FilingWindow } from '../subsidy-report/index.js';
import { buildChecklist, formMovingSources, MANUAL_ITEMS, progressOf, rolesOf, type ChecklistItem, type ChecklistItemKey } from './checklist.js';
import * as cut from './cutover.repo.js';
import { undoRefusal } from './cutover-rules.js';
import { deriveScenario, type Scenario } from './scenario.js';
import { createWave } from './wave.js';

export interface CutoverDeps {
  db: Db;
  clock: Clock;
  audit: AuditService;
  filingWindow?: FilingWindow;
  /** R1.6: organisations' names as borne on a date (the registry's). */
  organisationNames: (ids: string[], on: string) => Promise<Map<string, { nl: string; fr: string; de: string }>>;
}

export interface Actor {
  userId: string | null;
  username: string;
}

/** Progress of a run or undo, step by step (the CLI draws a bar from it). */
export type ProgressListener = (event: { step: number; steps: number; kind: string; changes: number }) => void | Promise<void>;

export interface PlanAction {
  kind: string;
  count: number;
  /** False for what the cut-over reads but does not write (date-driven, or listed only). */
  writes: boolean;
  byOrganisation?: { organisationId: string; name: LocalizedText | string; count: number }[];
  /** For copy_memberships: source memberships folded into one account per person. */
  deduplicated?: number;
  /** For copy_memberships: of the copies, the sources' active TBs, copied as co-TBs. */
  coTbs?: number;
}

/** A name as the repository gives it in every language (`{nl, fr, de}` from SQL). */
const isNames = (v: unknown): v is { nl: string; fr: string; de: string } =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && typeof (v as { nl?: unknown }).nl === 'string' && 'fr' in v && 'de' in v;

type MergerRecord = cut.MergerRecordRow & { sources: { organisationId: string; nis: string }[] };

/**
 * The merger engine (R7.2–R7.4): the readiness checklist against live data, the dry run, the
 * atomic, idempotent, journalled cut-over, and its undo before the effective date.
 */
export function createCutoverService({ db, clock, audit, filingWindow: window = DEFAULT_FILING_WINDOW, organisationNames }: CutoverDeps) {
  async function load(tx: Db, mergerId: number, lock = false): Promise<MergerRecord> {
    const m = await cut.loadMerger(tx, mergerId, lock);
    if (!m) throw new AppError('not_found', msg('merger.not_found'));
    return m;
  }

  function scenarioOf(m: MergerRecord): Scenario {
    const derived = deriveScenario({ sources: m.sources, targetOrganisationId: m.targetOrganisationId, targetNis: m.targetNis });
    if (!derived.ok) throw new Error(`Stored merger ${m.id} fits no scenario`);
    return derived.scenario;
  }

  async function scopeOf(tx: Db, m: MergerRecord): Promise<cut.CutoverScope> {
    const scenario = scenarioOf(m);
    const sourceIds = m.sources.map((s) => s.organisationId);
    const formOrgs = formMovingSources(scenario, sourceIds, m.targetOrganisationId);
    const byVendor = new Set(await cut.vendorHandledAmong(tx, formOrgs));
    return {
      mergerId: m.id,
      code: m.code,
      scenario,
      effectiveDate: m.effectiveDate,
      targetId: m.targetOrganisationId,
      sourceIds,
      movingFormOrgIds: formOrgs.filter((id) => !byVendor.has(id)),
      vendorFormOrgIds: formOrgs.filter((id) => byVendor.has(id)),
    };
  }

  /** Names as borne on a date (R1.6): a plan names the sources as on the day before the effective date. */
  async function names(ids: string[], on: string): Promise<Map<string, LocalizedText>> {
    if (ids.length === 0) return new Map();
    const found = await organisationNames(ids, on);
    return new Map([...found].map(([id, name]) => [id, localized(name)]));
  }

  /** What blocks a cut-over: the merged OCMW needs its HTB (R1.6). */
  async function blockers(tx: Db, m: MergerRecord): Promise<Message[]> {
    return (await cut.hasHtb(tx, m.targetOrganisationId)) ? [] : [msg('merger.blocker.no_htb')];
  }

  async function plan(mergerId: number) {
    const m = await load(db, mergerId);
    const scope = await scopeOf(db, m);
    const c = await cut.planCounts(db, scope);
    const orgNames = await names(
      [...new Set([...m.sources.map((s) => s.organisationId), m.targetOrganisationId])],
      addDays(m.effectiveDate, -1),
    );
    const perOrg = (rows: { organisationId: string; count: number }[]) =>
      rows.map((r) => ({ organisationId: r.organisationId, name: orgNames.get(r.organisationId) ?? r.organisationId, count: r.count }));
    const sum = (rows: { count: number }[]) => rows.reduce((a, r) => a + r.count, 0);
    const actions: PlanAction[] = [
      { kind: 'create_domains', count: c.createDomains, writes: true },
      { kind: 'add_co_htbs', count: c.addCoHtbs, writes: true },
      { kind: 'copy_memberships', count: c.copyMemberships, writes: true, deduplicated: c.sourceMemberships - c.copyMemberships, coTbs: c.copiedTbs },
      { kind: 'co_tb_conversions', count: c.coTbConversions, writes: true },
      { kind: 'unite_applications', count: c.uniteApplications, writes: true },
      { kind: 'create_dossiers', count: c.createDossiers, writes: true },
      { kind: 'stop_forms', count: sum(c.stopForms), writes: true, byOrganisation: perOrg(c.stopForms) },
      { kind: 'reenter_forms', count: sum(c.moveForms), writes: true, byOrganisation: perOrg(c.moveForms) },
      { kind: 'vendor_forms', count: sum(c.vendorForms), writes: false, byOrganisation: perOrg(c.vendorForms) },
      { kind: 'form_conflicts', count: sum(c.conflicts), writes: false, byOrganisation: perOrg(c.conflicts) },
      { kind: 'relink_help_requests', count: sum(c.relinkRequests), writes: false, byOrganisation: perOrg(c.relinkRequests) },
      { kind: 'routing_changes', count: c.routing.length, writes: false },
    ];
    return {
      merger: { id: m.id, code: m.code, name: m.name, effectiveDate: m.effectiveDate, status: m.status },
      scenario: scope.scenario,
      businessDate: clock.today(),
      actions,
      untouched: c.untouched,
      blockers: await blockers(db, m),
      // The headline is the sum of the rows: every written row is counted by exactly one action.
      changes: actions.filter((a) => a.writes).reduce((a, x) => a + x.count, 0),
    };
  }

  /** One page of the rows behind a plan action (R7.3 "expanded to the rows"). */
  async function planRows(mergerId: number, kind: string, page: number, pageSize: number) {
    const m = await load(db, mergerId);
    const scope = await scopeOf(db, m);
    const rowKind = (kind === 'reenter_forms' ? 'move_forms' : kind) as cut.PlanRowKind;
    if (!cut.PLAN_ROW_KINDS.includes(rowKind)) {
      throw new AppError('validation', sharedMsg('http.validation'), { kind: msg('merger.unknown_action', { kinds: cut.PLAN_ROW_KINDS.join(', ') }) });
    }
    const { rows, total } = await cut.planRows(db, scope, rowKind, pageSize, (page - 1) * pageSize);
    // Names as borne then come in every language (R1.6): the edge picks the reader's.
    const items = rows.map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, isNames(v) ? localized(v) : v])));
    return { kind, page, pageSize, total, items };
  }

  async function run(mergerId: number, actor: Actor, options: { onProgress?: ProgressListener; onlyIfPlanned?: boolean } = {}) {
    const today = clock.today();
    return db.transaction(async (txh) => {
      const tx = txh as unknown as Db;
      // The row lock serialises concurrent runs (two instances, a double click): the second one
      // waits, then finds everything done and writes nothing.
      const m = await load(tx, mergerId, true);
      // The scheduler (several instances) runs a merger once: whoever comes second skips it.
      if (options.onlyIfPlanned && m.status !== 'planned') return null;
      const blocking = await blockers(tx, m);
      if (blocking.length) throw new AppError('rule_violation', blocking[0]!, undefined, blocking.map((m) => ({ rule: m.key, message: m })));
      const scope = await scopeOf(tx, m);
      const runId = await cut.startRun(tx, { mergerId: m.id, kind: 'run', actor: actor.username, businessDate: today });
      await cut.prepareMovingForms(tx, scope);
      const summary: { kind: string; count: number }[] = [];
      let changes = 0;
      for (const [i, s] of cut.STEPS.entries()) {
        const count = await cut.runStep(tx, scope, runId, s.kind);
        changes += count;
        summary.push({ kind: s.kind, count });
        await options.onProgress?.({ step: i + 1, steps: cut.STEPS.length, kind: s.kind, changes: count });
      }
      await cut.finishRun(tx, runId, changes, summary);
      if (m.status !== 'applied') await cut.setMergerStatus(tx, m.id, 'applied', actor.username);
      await audit.record(tx, {
        actorUserId: actor.userId,
        actorRole: actor.userId ? 'ADMIN' : 'SYSTEM',
        organisationId: m.targetOrganisationId,
        domainId: null,
        action: 'merger.cutover',
        before: { status: m.status },
        after: { status: 'applied', runId, changes, summary },
      });
      return { mergerId: m.id, runId, scenario: scope.scenario, changes, actions: summary, status: 'applied' as const };
    });
  }

  async function undo(mergerId: number, actor: Actor, options: { onProgress?: ProgressListener } = {}) {
    const today = clock.today();
    return db.transaction(async (txh) => {
      const tx = txh as unknown as Db;
      const m = await load(tx, mergerId, true);
      // The one rule the merger page also disables its button with (cutover-rules.ts).
      const refusal = undoRefusal(m, today);
      if (refusal) throw new AppError(refusal.key === 'merger.undo_not_applied' ? 'conflict' : 'rule_violation', refusal);
      const runs = await cut.runsToUndo(tx, m.id);
      const undoId = await cut.startRun(tx, { mergerId: m.id, kind: 'undo', actor: actor.username, businessDate: today, undoesRunId: runs[0] ?? null });
      const summary = new Map<string, number>();
      const steps = [...cut.STEPS].reverse();
      for (const runId of runs) {
        for (const [i, s] of steps.entries()) {
          const count = await cut.undoStep(tx, undoId, runId, s.kind);
          summary.set(s.kind, (summary.get(s.kind) ?? 0) + count);
          await options.onProgress?.({ step: i + 1, steps: steps.length, kind: s.kind, changes: count });
        }
      }
      const list = [...summary].map(([kind, count]) => ({ kind, count }));
      const changes = list.reduce((a, s) => a + s.count, 0);
      await cut.finishRun(tx, undoId, changes, list);
      await cut.setMergerStatus(tx, m.id, 'planned', null);
      await audit.record(tx, {
        actorUserId: actor.userId,
        actorRole: actor.userId ? 'ADMIN' : 'SYSTEM',
        organisationId: m.targetOrganisationId,
        domainId: null,
        action: 'merger.undo',
        before: { status: 'applied' },
        after: { status: 'planned', runId: undoId, changes, summary: list },
      });
      return { mergerId: m.id, runId: undoId, changes, actions: list, status: 'planned' as const };
    });
  }

  async function checklistOf(m: MergerRecord) {
    const scenario = scenarioOf(m);
    const today = clock.today();
    const sourceIds = m.sources.map((s) => s.organisationId);
    const roles = rolesOf(sourceIds, m.targetOrganisationId);
    const scope = await scopeOf(db, m);
    const lastYear = Number(m.effectiveDate.slice(0, 4)) - 1;
    const { formCounts: counts, clashes, reports, target: facts, ticks } = await cut.checklistFacts(db, m, scope, businessNow(clock));
    const vendor = new Set(scope.vendorFormOrgIds);
    const items = buildChecklist({
      scenario,
      effectiveDate: m.effectiveDate,
      htbDeadline: m.htbDeadline,
      reportDeadline: filingWindow(lastYear, window).to,
      today,
      applied: m.status === 'applied',
      targetId: m.targetOrganisationId,
      organisations: roles.map((r) => ({
        ...r,
        runningForms: counts.find((c) => c.organisationId === r.organisationId)?.count ?? 0,
        clashes: clashes.find((c) => c.organisationId === r.organisationId)?.count ?? 0,
        handledByVendor: vendor.has(r.organisationId),
        lastYearReport: reports.find((x) => x.organisationId === r.organisationId)?.status ?? null,
      })),
      htbKnown: facts.htb,
      tbKnown: facts.tb,
      target: { ftpAccount: facts.ftp, restAccount: facts.rest, config: { mutations: facts.mutations, technical: facts.technical, contact: facts.contact, online: facts.online } },
      ticks: new Map(ticks.map((t) => [`${t.organisationId}:${t.item}`, { by: t.by, at: t.at }])),
    });
    const orgNames = await names(roles.map((r) => r.organisationId), clock.today());
    return {
      merger: { id: m.id, code: m.code, name: m.name, effectiveDate: m.effectiveDate, htbDeadline: m.htbDeadline, status: m.status, scenario },
      progress: progressOf(items),
      organisations: roles.map((r) => ({
        organisationId: r.organisationId,
        name: orgNames.get(r.organisationId) ?? localized({ nl: '' }),
        role: r.role,
        progress: progressOf(items.filter((i) => i.organisationId === r.organisationId)),
        items: items.filter((i) => i.organisationId === r.organisationId).map((i) => present(i)),
      })),
    };
  }

  const wave = createWave({
    db,
    plan,
    run,
    blockers: async (mergerId) => blockers(db, await load(db, mergerId)),
  });

  function present(i: ChecklistItem) {
    return {
      ...i,
      label: msg(`merger.checklist.item.${i.item}` as MergerMessageKey),
      detail: msg(`merger.checklist.detail.${i.detail.key}` as MergerMessageKey, i.detail.params),
      // The counts behind the text (forms to stop, clashes), equal to the dry run's.
      ...(i.detail.params ? { params: i.detail.params } : {}),
    };
  }

  return {
    plan,
    planRows,
    run,
    undo,

    async checklist(mergerId: number) {
      return checklistOf(await load(db, mergerId));
    },

    /** The checklists an organisation takes part in (its own list at login), planned or recent. */
    async checklistsFor(organisationId: string) {
      const ids = await cut.mergersOf(db, organisationId, addDays(clock.today(), -366));
      const lists = [];
      for (const id of ids) {
        const list = await checklistOf(await load(db, id));
        lists.push({ ...list, organisations: list.organisations.filter((o) => o.organisationId === organisationId || o.role === 'new_target') });
      }
      return lists;
    },

    /** A person's tick on an item the data cannot show (R7.2), or its removal. */
    async tick(mergerId: number, organisationId: string, item: string, ticked: boolean, actor: Actor) {
      if (!MANUAL_ITEMS.includes(item as ChecklistItemKey)) {
        throw new AppError('validation', sharedMsg('http.validation'), { item: msg('merger.checklist.not_manual', { items: MANUAL_ITEMS.join(', ') }) });
      }
      const m = await load(db, mergerId);
      const list = await checklistOf(m);
      const entry = list.organisations.find((o) => o.organisationId === organisationId)?.items.find((i) => i.item === item);
      if (!entry || entry.status === 'not_needed') throw new AppError('not_found', msg('merger.checklist.no_such_item'));
      await db.transaction(async (txh) => {
        const tx = txh as unknown as Db;
        await cut.setTick(tx, m.id, organisationId, item, ticked, actor.username, businessNow(clock));
        await audit.record(tx, {
          actorUserId: actor.userId,
          actorRole: null,
          organisationId,
          domainId: null,
          action: ticked ? 'merger.checklist.tick' : 'merger.checklist.untick',
          after: { mergerId: m.id, item },
        });
      });
      return checklistOf(m);
    },

    /** The runs of a merger (cut-overs and undos) with what each changed. */
    async runs(mergerId: number) {
      await load(db, mergerId);
      const items = await cut.listRuns(db, mergerId);
      return { items };
    },

    /** One page of a run's journal: every row it wrote, with the before-state. */
    async journal(mergerId: number, runId: number, page: number, pageSize: number) {
      if (!(await cut.runBelongsTo(db, runId, mergerId))) throw new AppError('not_found', msg('merger.not_found'));
      const { total, items } = await cut.journalPage(db, runId, pageSize, (page - 1) * pageSize);
      return { page, pageSize, total, items };
    },

    planWave: wave.planWave,
    runWave: wave.runWave,

    /**
     * Mergers scheduled for today or earlier that have not run: the pg-boss job runs them once,
     * wave by wave (the same service as `ocmw merger wave`). Throws when one could not run, after
     * the others of its day have run.
     */
    async runScheduled(options: { onProgress?: ProgressListener } = {}) {
      const results = [];
      const failed: { code: string; error: unknown }[] = [];
      for (const date of await cut.dueScheduledDates(db, clock.today())) {
        const r = await wave.runWave(date, { userId: null, username: 'scheduler' }, { onlyScheduled: true, onProgress: options.onProgress });
        results.push(...r.runs);
        failed.push(...r.errors);
        // A blocked merger is not run: report it like a failed one (the job is retried).
        for (const m of r.mergers.filter((x) => x.status === 'blocked' && !r.errors.some((e) => e.code === x.code))) {
          failed.push({ code: m.code, error: new AppError('rule_violation', m.blockers[0] ?? msg('merger.blocker.no_htb'), undefined, m.blockers.map((b) => ({ rule: typeof b === 'string' ? 'merger.blocked' : b.key, message: b }))) });
        }
      }
      if (failed.length === 1 && results.length === 0) throw failed[0]!.error;
      if (failed.length) {
        throw new AggregateError(
          failed.map((f) => f.error),
          `Scheduled cut-over failed for merger(s) ${failed.map((f) => f.code).join(', ')} (${results.length} other(s) applied): ${failed.map((f) => (f.error as Error).message).join(' | ')}`,
        );
      }
      return results;
    },

    async setScheduled(mergerId: number, scheduled: boolean, actor: Actor) {
      const m = await load(db, mergerId);
      if (m.status === 'applied' && scheduled) throw new AppError('conflict', msg('merger.already_applied'));
      await db.transaction(async (txh) => {
        const tx = txh as unknown as Db;
        await cut.setScheduled(tx, m.id, scheduled);
        await audit.record(tx, {
          actorUserId: actor.userId,
          actorRole: 'ADMIN',
          organisationId: m.targetOrganisationId,
          domainId: null,
          action: scheduled ? 'merger.schedule' : 'merger.unschedule',
          before: { scheduled: m.scheduled },
          after: { scheduled },
        });
      });
      return { id: m.id, scheduled };
    },
  };
}

export type CutoverService = ReturnType<typeof createCutoverService>;
