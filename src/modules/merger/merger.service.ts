import type { Db } from '../../db/db.js';
import { addDays, type Clock } from '../../domain/clock.js';
import { AppError, type FieldMessages } from '../../shared/errors.js';
import { messageOf } from '../../shared/i18n.js';
import { msg, sharedMessages } from '../../shared/messages.js';
import { mergerMessages } from './merger-messages.js';
import type { AuditService } from '../audit/index.js';
import { registryRepo, type RegistryService } from '../registry/index.js';
import type { ManagementService } from '../access/index.js';
import { checkHtbRow, parseHtbWorkbook, HTB_COLUMNS, MAX_HTB_FILE_BYTES, MAX_HTB_UNPACKED_BYTES, type CheckedRow, type RawHtbRow } from './htb-import.js';
import type { MergerSummary } from './merger.schema.js';
import * as repo from './merger.repo.js';
import { deriveScenario, type MergerShape, type Scenario } from './scenario.js';
import { createMergerDefinitions } from './merger-definitions.js';
import { createCutoverService } from './cutover.service.js';
import { recordMergedName } from './merged-name.js';
import type { FilingWindow } from '../subsidy-report/index.js';

export interface MergerDeps {
  db: Db;
  clock: Clock;
  registry: RegistryService;
  management: ManagementService;
  audit: AuditService;
  /** The Uniek verslag's filing window (the checklist's deadline for it). */
  filingWindow?: FilingWindow;
  /** R8.3′: what a disappearing OCMW still has open (other modules' services, wired in services.ts). */
  openWork?: {
    reportSubmitted(organisationId: string, year: number): Promise<boolean>;
    unreadDocuments(organisationId: string): Promise<number>;
  };
}

/** R8.3′: what keeps a disappearing OCMW's access from ending without an override. */
export interface OpenWork {
  /** The Uniek verslag of the merger year (the year before the effective date), when not submitted. */
  unfiledReportYear: number | null;
  unreadDocuments: number;
}

export interface NewMerger extends MergerShape {
  code: string;
  name: string;
  effectiveDate: string;
  /** Issue 19: a rehearsal merger of the demo (marked as such wherever it is listed). */
  rehearsal?: boolean;
}

/** The catalogues of an import's or a definition's problems: identifiers (shared) and the merger's own. */
const PROBLEMS = [sharedMessages, mergerMessages];

/** Mergers as data (R1, R7.1): their scenario is always derived (R1.4). */
export function createMergerService({ db, clock, registry, management, audit, filingWindow, openWork }: MergerDeps) {
  const definitions = createMergerDefinitions({ db, clock, audit });
  const cutover = createCutoverService({ db, clock, audit, filingWindow, organisationNames: registry.organisationNames });
  function problemsToFields(problems: { field: string; problem: string; params?: Record<string, string | number> }[]): FieldMessages {
    const fields: FieldMessages = {};
    for (const p of problems) fields[p.field] ??= messageOf(PROBLEMS, p.problem, p.params);
    return fields;
  }

  /**
   * R8.3′: what a disappearing OCMW still has open — its Uniek verslag of the merger year (the
   * year before the effective date) not submitted, unread e-Box documents.
   */
  async function openWorkOf(organisationId: string): Promise<OpenWork> {
    const status = await registryRepo.findOrganisationStatus(db, organisationId);
    if (!status) throw new AppError('not_found', msg('http.not_found'));
    const year = status.effectiveDate ? Number(status.effectiveDate.slice(0, 4)) - 1 : null;
    const unfiled = year !== null && openWork ? !(await openWork.reportSubmitted(organisationId, year)) : false;
    return { unfiledReportYear: unfiled ? year : null, unreadDocuments: openWork ? await openWork.unreadDocuments(organisationId) : 0 };
  }

  const service = {
    /** Create, edit, remove and import mergers (R7.1). */
    definitions,
    /** Checklist, dry run, cut-over and undo (R7.2–R7.4). */
    cutover,

    /** R8.3′: what a disappearing OCMW still has open; throws not_found for an unknown organisation. */
    openWork: openWorkOf,

    /**
     * R8.3: an administrator ends a disappearing OCMW's portal access explicitly (from today,
     * never before the merger's effective date), or restores it. Nothing ends on its own.
     * R8.3′: while the OCMW has open work (`openWork`), ending needs an override reason (audited);
     * without one, conflict listing what is open.
     */
    async setAccess(admin: { userId: string }, organisationId: string, end: boolean, overrideReason?: string) {
      const org = await registryRepo.findOrganisation(db, organisationId);
      if (!org) throw new AppError('not_found', msg('http.not_found'));
      const today = clock.today();
      let open: OpenWork | undefined;
      if (end) {
        const status = await registryRepo.findOrganisationStatus(db, organisationId);
        if (status?.status !== 'disappearing') throw new AppError('rule_violation', mergerMessages.msg('merger.end_access_not_disappearing'));
        if (status.effectiveDate && today < status.effectiveDate) {
          throw new AppError('rule_violation', mergerMessages.msg('merger.end_access_too_early', { date: status.effectiveDate }));
        }
        if (org.accessEndedOn) throw new AppError('conflict', mergerMessages.msg('merger.end_access_already', { date: org.accessEndedOn }));
        open = await openWorkOf(organisationId);
        const violations = [
          ...(open.unfiledReportYear !== null ? [{ rule: 'merger.end_access.unfiled_report', message: mergerMessages.msg('merger.end_access_unfiled_report', { year: open.unfiledReportYear }) }] : []),
          ...(open.unreadDocuments > 0 ? [{ rule: 'merger.end_access.unread_ebox', message: mergerMessages.msg('merger.end_access_unread_ebox', { count: open.unreadDocuments }) }] : []),
        ];
        if (violations.length > 0 && !overrideReason) {
          // One sentence naming what is open (the items rendered in it); each item also as a violation with its rule.
          const message = mergerMessages.msg('merger.end_access_open_items', { items: violations.map((v) => v.message) });
          throw new AppError('conflict', message, { overrideReason: message }, violations);
        }
      }
      await db.transaction(async (txh) => {
        const tx = txh as unknown as Db;
        await registryRepo.setAccessEnded(tx, organisationId, end ? today : null);
        await audit.record(tx, {
          actorUserId: admin.userId,
          actorRole: 'ADMIN',
          organisationId,
          domainId: null,
          action: end ? 'organisation.access.end' : 'organisation.access.restore',
          before: { accessEndedOn: org.accessEndedOn },
          after: { accessEndedOn: end ? today : null, ...(end && overrideReason ? { override: { reason: overrideReason, open } } : {}) },
        });
      });
      return registry.getOrganisation(organisationId);
    },

    /**
     * Registers a merger after deriving its scenario. Throws validation when the data fit no
     * scenario or contradict a declared one, and conflict when an OCMW is already in a merger
     * on the same date.
     */
    async createMerger(input: NewMerger, tx: Db = db): Promise<{ id: number; scenario: Scenario }> {
      const derived = deriveScenario(input);
      if (!derived.ok) throw new AppError('validation', msg('http.validation'), problemsToFields(derived.problems));
      const involved = [...input.sources.map((s) => s.organisationId), input.targetOrganisationId];
      const clash = await repo.findMergersInvolving(tx, involved, input.effectiveDate);
      if (clash.length > 0) {
        throw new AppError('conflict', msg('http.conflict'), {
          sources: `${clash.map((m) => m.name).join(', ')} (${input.effectiveDate})`,
        });
      }
      const id = await repo.insertMerger(
        tx,
        {
          code: input.code,
          name: input.name,
          effectiveDate: input.effectiveDate,
          targetOrganisationId: input.targetOrganisationId,
          targetNis: input.targetNis,
          declaredScenario: input.declaredScenario ?? null,
          rehearsal: input.rehearsal ?? false,
        },
        input.sources.map((s) => ({ organisationId: s.organisationId, nis: s.nis })),
      );
      await recordMergedName(tx, input);
      return { id, scenario: derived.scenario };
    },

    /** Every merger with its derived scenario, sources and target, by effective date. */
    async listMergers(): Promise<MergerSummary[]> {
      const { mergers, sources } = await repo.listMergers(db);
      const orgs = await registry.listOrganisationsByIds([
        ...mergers.map((m) => m.targetOrganisationId),
        ...sources.map((s) => s.organisationId),
      ]);
      const names = await registry.municipalityNames(
        [...mergers.map((m) => m.targetNis), ...sources.map((s) => s.nis)],
        clock.today(),
      );
      const nameOf = (nis: string) => names.get(nis)?.name ?? null;
      return mergers.map((m) => {
        const own = sources.filter((s) => s.mergerId === m.id);
        const derived = deriveScenario({
          sources: own.map((s) => ({ organisationId: s.organisationId, nis: s.nis })),
          targetOrganisationId: m.targetOrganisationId,
          targetNis: m.targetNis,
        });
        if (!derived.ok) throw new Error(`Stored merger ${m.id} fits no scenario`);
        return {
          id: m.id,
          code: m.code,
          name: m.name,
          scenario: derived.scenario,
          effectiveDate: m.effectiveDate,
          htbDeadline: m.htbDeadline ?? addDays(m.effectiveDate, -47),
          status: m.status as 'planned' | 'applied',
          scheduled: m.scheduled,
          rehearsal: m.rehearsal,
          sources: own
            .map((s) => ({
              organisation: orgs.get(s.organisationId)!,
              nis: s.nis,
              municipalityName: nameOf(s.nis),
              keepsKbo: s.organisationId === m.targetOrganisationId,
            }))
            .sort((a, b) => a.organisation.name.nl.localeCompare(b.organisation.name.nl, 'nl')),
          target: {
            organisation: orgs.get(m.targetOrganisationId)!,
            nis: m.targetNis,
            municipalityName: nameOf(m.targetNis),
            isNewOrganisation: !derived.keepsKbo,
            isNewNis: !derived.keepsNis,
          },
        };
      });
    },

    /**
     * Imports the region's HTB file (R1.6, R2.14). Every row is checked (identifiers, known
     * organisations, the source really merges into the target, one HTB per merged OCMW, the
     * name of a known INSZ) and reported; nothing is written unless every row is valid, and
     * then everything is written in one transaction. People without an account get one with a
     * temporary password, returned once in the report.
     */
    async importHtb(buffer: Buffer, options: { dryRun: boolean; actor: { userId: string; role: string } | null }) {
      const parsed = await parseHtbWorkbook(buffer);
      if (!parsed.ok) {
        const message = mergerMessages.msg(parsed.problem, {
          columns: HTB_COLUMNS.map((c) => c.header).join(', '),
          max: `${MAX_HTB_FILE_BYTES / 1024 / 1024} MB`,
          unpacked: `${MAX_HTB_UNPACKED_BYTES / 1024 / 1024} MB`,
        });
        throw new AppError(parsed.problem === 'import.too_large' ? 'payload_too_large' : 'validation', message, { file: message });
      }
      return service.importHtbRows(parsed.rows, options);
    },

    /**
     * The rows of an HTB file, read (importHtb) or given: checked, then applied unless one has a
     * problem or `dryRun`. The demo seed gives its rows here (issue 20: no workbook to write and
     * read back, nor exceljs loaded, at a first start).
     */
    async importHtbRows(raw: RawHtbRow[], options: { dryRun: boolean; actor: { userId: string; role: string } | null }) {
      const rows: (CheckedRow & { sourceId?: string; targetId?: string })[] = raw.map(checkHtbRow);
      for (const r of rows) {
        if (r.problems.length) continue;
        const source = await registry.findOrganisationByKbo(r.sourceKbo);
        const target = await registry.findOrganisationByKbo(r.targetKbo);
        if (!source) r.problems.push({ key: 'import.unknown_organisation', params: { kbo: r.sourceKbo } });
        if (!target) r.problems.push({ key: 'import.unknown_organisation', params: { kbo: r.targetKbo } });
        if (source && target && !(await repo.isSourceOfMergerInto(db, source.id, target.id))) {
          r.problems.push({ key: 'import.not_merging', params: { kbo: source.kboFormatted, target: target.kboFormatted } });
        }
        r.sourceId = source?.id;
        r.targetId = target?.id;
        const known = await management.findPersonByInsz(r.insz);
        if (known && (known.surname.toLowerCase() !== r.surname.toLowerCase() || known.firstName.toLowerCase() !== r.firstName.toLowerCase())) {
          r.problems.push({ key: 'import.name_mismatch', params: { name: `${known.firstName} ${known.surname}` } });
        }
      }
      // One HTB per merged OCMW: every row of a target must name the same INSZ.
      const byTarget = new Map<string, Set<string>>();
      for (const r of rows) byTarget.set(r.targetKbo, (byTarget.get(r.targetKbo) ?? new Set()).add(r.insz));
      for (const r of rows) {
        if ((byTarget.get(r.targetKbo)?.size ?? 0) > 1) r.problems.push({ key: 'import.conflicting_htb', params: { target: r.targetKbo } });
      }
      const valid = rows.every((r) => r.problems.length === 0);

      const actions = new Map<string, 'appoint' | 'replace' | 'unchanged'>();
      const newAccounts: { insz: string; username: string; temporaryPassword: string }[] = [];
      if (valid) {
        for (const r of rows) {
          if (actions.has(r.targetId!)) continue;
          const current = await management.findHtb(r.targetId!);
          const person = await management.findPersonByInsz(r.insz);
          actions.set(r.targetId!, !current ? 'appoint' : current.userId === person?.userId ? 'unchanged' : 'replace');
        }
        if (!options.dryRun) {
          const actor = options.actor ?? { userId: null as unknown as string, role: 'SYSTEM' };
          await db.transaction(async (txh) => {
            const tx = txh as unknown as Db;
            const done = new Set<string>();
            for (const r of rows) {
              if (done.has(r.targetId!)) continue;
              done.add(r.targetId!);
              const person = await management.ensurePerson(tx, r);
              if (person.created) newAccounts.push({ insz: r.insz, ...person.created });
              actions.set(r.targetId!, await management.appointHtb(tx, actor, r.targetId!, person.userId));
            }
          });
        }
      }
      return {
        valid,
        dryRun: options.dryRun,
        applied: valid && !options.dryRun ? [...actions.values()].filter((a) => a !== 'unchanged').length : 0,
        rows: rows.map((r) => ({
          row: r.row,
          sourceKbo: r.sourceKbo,
          targetKbo: r.targetKbo,
          insz: r.insz,
          problems: r.problems.map((p) => messageOf(PROBLEMS, p.key, p.params)),
          action: valid ? (actions.get(r.targetId!) ?? null) : null,
        })),
        newAccounts,
      };
    },

    /** Each merger's checklist progress and its overdue items (the Fusies dashboard). */
    async progress() {
      const { mergers: rows } = await repo.listMergers(db);
      const items = [];
      for (const m of rows) {
        const c = await cutover.checklist(m.id);
        items.push({ id: m.id, progress: c.progress, overdue: c.organisations.flatMap((o) => o.items).filter((i) => i.overdue).length });
      }
      return items;
    },

    async countMergers(): Promise<number> {
      return repo.countMergers(db);
    },
  };
  return service;
}

export type MergerService = ReturnType<typeof createMergerService>;
