import { parse } from 'csv-parse/sync';
import type { Db } from '../../db/db.js';
import { addDays, type Clock } from '../../domain/clock.js';
import { AppError, type FieldMessages } from '../../shared/errors.js';
import { validateKbo, validateNis } from '../../shared/identifiers.js';
import type { Message } from '../../shared/i18n.js';
import { messageOf } from '../../shared/i18n.js';
import { msg as sharedMsg, sharedMessages, type MessageKey } from '../../shared/messages.js';
import type { AuditService } from '../audit/index.js';
import { registryRepo } from '../registry/index.js';
import { forgetMergedName, recordMergedName } from './merged-name.js';
import { mergerMessages } from './merger-messages.js';

const msg = mergerMessages.msg;
import * as repo from './merger.repo.js';
import { deriveScenario, type Scenario } from './scenario.js';
import { slugify } from '../../shared/slug.js';

/**
 * Mergers as data (R7.1, R1.4): create, edit and remove a merger before its effective date, and
 * import a merger list in the format of data/mergers-2025.csv. Every path goes through
 * `validate`, which derives the scenario and refuses what contradicts the data.
 */

export interface MergerInput {
  code: string;
  name: string;
  effectiveDate: string;
  sources: { organisationId: string; nis: string }[];
  /** One of the sources (scenarios 2 and 3) or an existing new organisation. */
  targetOrganisationId?: string;
  /** A new organisation (scenario 1): created with the merger, valid from the effective date. */
  newTarget?: { kbo: string; nameNl: string; nameFr?: string; nameDe?: string };
  targetNis: string;
  declaredScenario?: number | null;
  htbDeadline?: string | null;
}

export const CSV_COLUMNS = ['merger_nl', 'scenario', 'source_name_nl', 'source_nis', 'target_name_nl', 'target_nis', 'source_keeps_kbo', 'effective_date'];
const MAX_CSV_BYTES = 1024 * 1024;

/** A date as the portal shows it: 31/12/2024. */


export function createMergerDefinitions({ db, clock, audit }: { db: Db; clock: Clock; audit: AuditService }) {
  /** Checks an input against the data; returns field errors (empty when valid) and the derived scenario. */
  async function validate(
    tx: Db,
    input: MergerInput,
    existingId?: number,
    options: { currentTargetId?: string } = {},
  ): Promise<{ fields: FieldMessages; scenario?: Scenario; targetId?: string }> {
    const fields: FieldMessages = {};
    const today = clock.today();
    if (input.effectiveDate <= today) fields.effectiveDate = msg('merger.date_in_past', { today });
    if (input.htbDeadline && input.htbDeadline >= input.effectiveDate) fields.htbDeadline = msg('merger.htb_deadline_after', { date: input.effectiveDate });
    const taken = await repo.mergerIdsWithCode(tx, input.code);
    if (taken.some((t) => t !== existingId)) fields.code = msg('merger.code_taken', { code: input.code });
    const nis = validateNis(input.targetNis);
    if (!nis.valid) fields.targetNis = sharedMsg(nis.errors[0]! as MessageKey);

    const dayBefore = addDays(input.effectiveDate, -1);
    for (const [i, s] of input.sources.entries()) {
      const org = await registryRepo.findOrganisation(tx, s.organisationId);
      if (!org) {
        fields[`sources.${i}.organisationId`] = msg('merger.unknown_organisation');
        continue;
      }
      if (org.kind !== 'ocmw') fields[`sources.${i}.organisationId`] = msg('merger.not_an_ocmw', { name: org.nameNl });
      if (!(await repo.servesNis(tx, s.organisationId, s.nis, dayBefore))) {
        fields[`sources.${i}.nis`] = msg('merger.source_not_serving', { name: org.nameNl, nis: s.nis, date: dayBefore });
      }
    }

    let targetId = input.targetOrganisationId;
    if (input.newTarget) {
      const kbo = validateKbo(input.newTarget.kbo);
      if (!kbo.valid) fields['newTarget.kbo'] = sharedMsg(kbo.errors[0]! as MessageKey);
      else {
        const existing = await registryRepo.findOrganisationByKbo(tx, kbo.normalized!);
        // An organisation the merger itself created earlier (an edit) may be reused.
        if (existing && existing.id !== targetId && existing.id !== options.currentTargetId) fields['newTarget.kbo'] = msg('merger.new_target_kbo_taken', { name: existing.nameNl });
      }
      if (!input.newTarget.nameNl.trim()) fields['newTarget.nameNl'] = sharedMsg('http.validation' as MessageKey);
      targetId ??= '00000000-0000-0000-0000-000000000000';
    } else if (targetId) {
      const org = await registryRepo.findOrganisation(tx, targetId);
      if (!org) fields.targetOrganisationId = msg('merger.unknown_organisation');
      else if (org.kind !== 'ocmw') fields.targetOrganisationId = msg('merger.not_an_ocmw', { name: org.nameNl });
    } else {
      fields.targetOrganisationId = sharedMsg('http.validation' as MessageKey);
    }

    const derived = deriveScenario({ sources: input.sources, targetOrganisationId: targetId ?? '', targetNis: input.targetNis, declaredScenario: input.declaredScenario });
    if (!derived.ok) {
      for (const p of derived.problems) {
        // The body calls the declared scenario declaredScenario.
        const field = p.field === 'scenario' ? 'declaredScenario' : p.field;
        fields[field] ??= messageOf([sharedMessages, mergerMessages], p.problem, p.params);
      }
    }
    const involved = [...input.sources.map((s) => s.organisationId), ...(input.newTarget ? [] : targetId ? [targetId] : [])];
    const clash = (await repo.findMergersInvolving(tx, involved, input.effectiveDate)).filter((m) => m.id !== existingId);
    if (clash.length) fields.sources = msg('merger.clash', { mergers: clash.map((m) => m.name).join(', '), date: input.effectiveDate });
    return { fields, scenario: derived.ok ? derived.scenario : undefined, targetId };
  }

  async function guardEditable(tx: Db, id: number) {
    const m = await repo.lockMerger(tx, id);
    if (!m) throw new AppError('not_found', msg('merger.not_found'));
    if (m.status === 'applied') throw new AppError('conflict', msg('merger.locked_applied'));
    if (clock.today() >= m.effectiveDate) throw new AppError('rule_violation', msg('merger.locked_after_date', { date: m.effectiveDate }));
    return m;
  }

  async function createNewTarget(tx: Db, input: MergerInput): Promise<string> {
    const checked = validateKbo(input.newTarget!.kbo);
    if (!checked.valid) throw new Error('createNewTarget: validate() first');
    const kbo = checked.normalized;
    const existing = await registryRepo.findOrganisationByKbo(tx, kbo);
    if (existing) return existing.id;
    const nl = input.newTarget!.nameNl.trim();
    const [row] = await registryRepo.insertOrganisations(tx, [
      {
        kbo,
        kind: 'ocmw',
        nameNl: nl,
        nameFr: input.newTarget!.nameFr?.trim() || nl,
        nameDe: input.newTarget!.nameDe?.trim() || nl,
        validFrom: input.effectiveDate,
      },
    ]);
    return row!.id;
  }

  /** Removes an organisation the merger created, when nothing else uses it yet. */
  async function dropCreatedTarget(tx: Db, organisationId: string, effectiveDate: string) {
    try {
      await tx.transaction(async (sp) => {
        await repo.deleteCreatedOrganisation(sp as unknown as Db, organisationId, effectiveDate);
      });
    } catch {
      // Still referenced (an HTB appointed, a document received): the registry entry stays.
    }
  }

  async function create(input: MergerInput, actor: { userId: string | null }, txOuter?: Db) {
    const work = async (tx: Db) => {
      const { fields, scenario } = await validate(tx, input);
      if (Object.keys(fields).length) throw new AppError('validation', sharedMsg('http.validation' as MessageKey), fields);
      const targetId = input.newTarget ? await createNewTarget(tx, input) : input.targetOrganisationId!;
      const id = await repo.insertMerger(
        tx,
        {
          code: input.code,
          name: input.name,
          effectiveDate: input.effectiveDate,
          targetOrganisationId: targetId,
          targetNis: input.targetNis,
          declaredScenario: input.declaredScenario ?? null,
          htbDeadline: input.htbDeadline ?? addDays(input.effectiveDate, -47),
        },
        input.sources,
      );
      await recordMergedName(tx, { targetOrganisationId: targetId, targetNis: input.targetNis, effectiveDate: input.effectiveDate });
      await audit.record(tx, { actorUserId: actor.userId, actorRole: 'ADMIN', organisationId: targetId, domainId: null, action: 'merger.create', after: { id, ...input } });
      return { id, scenario: scenario! };
    };
    if (txOuter) return work(txOuter);
    return db.transaction(async (txh) => work(txh as unknown as Db));
  }

  return {
    validate,
    create,

    async update(id: number, input: MergerInput, actor: { userId: string | null }) {
      return db.transaction(async (txh) => {
        const tx = txh as unknown as Db;
        const before = await guardEditable(tx, id);
        const withTarget = input.newTarget ? { ...input, targetOrganisationId: input.targetOrganisationId } : input;
        const { fields, scenario } = await validate(tx, withTarget, id, { currentTargetId: before.targetOrganisationId });
        if (Object.keys(fields).length) throw new AppError('validation', sharedMsg('http.validation' as MessageKey), fields);
        const targetId = input.newTarget ? await createNewTarget(tx, input) : input.targetOrganisationId!;
        await repo.updateMerger(
          tx,
          id,
          {
            code: input.code,
            name: input.name,
            effectiveDate: input.effectiveDate,
            targetOrganisationId: targetId,
            targetNis: input.targetNis,
            declaredScenario: input.declaredScenario ?? null,
            htbDeadline: input.htbDeadline ?? addDays(input.effectiveDate, -47),
          },
          input.sources,
        );
        await forgetMergedName(tx, before);
        await recordMergedName(tx, { targetOrganisationId: targetId, targetNis: input.targetNis, effectiveDate: input.effectiveDate });
        if (before.targetOrganisationId !== targetId) await dropCreatedTarget(tx, before.targetOrganisationId, before.effectiveDate);
        await audit.record(tx, { actorUserId: actor.userId, actorRole: 'ADMIN', organisationId: targetId, domainId: null, action: 'merger.update', before, after: { id, ...input } });
        return { id, scenario: scenario! };
      });
    },

    async remove(id: number, actor: { userId: string | null }) {
      await db.transaction(async (txh) => {
        const tx = txh as unknown as Db;
        const before = await guardEditable(tx, id);
        await repo.deleteMerger(tx, id);
        await forgetMergedName(tx, before);
        await dropCreatedTarget(tx, before.targetOrganisationId, before.effectiveDate);
        await audit.record(tx, { actorUserId: actor.userId, actorRole: 'ADMIN', organisationId: null, domainId: null, action: 'merger.delete', before });
      });
    },

    /**
     * Imports a merger list (the columns of data/mergers-2025.csv, plus an optional `target_kbo`
     * for a new organisation). Each source NIS names the OCMW serving it the day before the
     * effective date. All rows are checked and reported; nothing is written unless all are valid;
     * a merger that exists with the same data is "unchanged", so an import can be repeated.
     */
    async importCsv(text: string, options: { dryRun: boolean; actor: { userId: string | null } }) {
      if (Buffer.byteLength(text) > MAX_CSV_BYTES) throw new AppError('payload_too_large', sharedMsg('http.validation' as MessageKey), { file: '1 MB' });
      let records: Record<string, string>[];
      try {
        records = parse(text, { columns: true, skip_empty_lines: true, trim: true, bom: true });
      } catch (error) {
        throw new AppError('validation', sharedMsg('http.validation'), { file: msg('merger.csv.unreadable', { reason: (error as Error).message }) });
      }
      const header = records.length ? Object.keys(records[0]!) : [];
      const missing = CSV_COLUMNS.filter((c) => !header.includes(c));
      if (records.length === 0 || missing.length) {
        throw new AppError('validation', sharedMsg('http.validation' as MessageKey), { file: msg('merger.csv.header', { columns: CSV_COLUMNS.join(', ') }) });
      }
      const groups = new Map<string, { rows: number[]; records: Record<string, string>[] }>();
      for (const [i, r] of records.entries()) {
        const key = `${r.merger_nl}|${r.effective_date}`;
        const g = groups.get(key) ?? { rows: [], records: [] };
        g.rows.push(i + 2);
        g.records.push(r);
        groups.set(key, g);
      }
      const report: { merger: string; code: string; rows: number[]; scenario: number | null; action: 'create' | 'unchanged' | null; problems: (Message | string)[] }[] = [];
      const inputs: MergerInput[] = [];
      for (const g of groups.values()) {
        const first = g.records[0]!;
        const problems: (Message | string)[] = [];
        const effectiveDate = first.effective_date ?? '';
        const code = `${slugify(first.merger_nl ?? '')}-${effectiveDate.slice(0, 4)}`;
        for (const [j, r] of g.records.entries()) {
          for (const f of ['scenario', 'target_name_nl', 'target_nis', 'target_kbo'] as const) {
            if ((r[f] ?? '') !== (first[f] ?? '')) problems.push(msg('merger.csv.inconsistent', { row: g.rows[j]!, field: f, merger: first.merger_nl ?? '' }));
          }
        }
        if (!/^\d{4}-\d{2}-\d{2}$/.test(effectiveDate)) {
          report.push({ merger: first.merger_nl ?? '', code, rows: g.rows, scenario: null, action: null, problems: [msg('merger.csv.row', { row: g.rows[0]!, problem: 'effective_date: YYYY-MM-DD' })] });
          continue;
        }
        const dayBefore = addDays(effectiveDate, -1);
        const sources: MergerInput['sources'] = [];
        let keeper: string | undefined;
        for (const [j, r] of g.records.entries()) {
          const orgId = await repo.ocmwServing(db, r.source_nis ?? '', dayBefore);
          if (!orgId) {
            problems.push(msg('merger.csv.no_source', { row: g.rows[j]!, nis: r.source_nis ?? '', date: dayBefore }));
            continue;
          }
          sources.push({ organisationId: orgId, nis: r.source_nis! });
          if ((r.source_keeps_kbo ?? '').toLowerCase() === 'yes') keeper = orgId;
        }
        const input: MergerInput = {
          code,
          name: first.merger_nl ?? '',
          effectiveDate,
          sources,
          targetNis: first.target_nis ?? '',
          declaredScenario: Number(first.scenario) || null,
        };
        if (keeper) input.targetOrganisationId = keeper;
        else if (first.target_kbo) input.newTarget = { kbo: first.target_kbo, nameNl: `OCMW ${first.target_name_nl}`, nameFr: `CPAS ${first.target_name_nl}`, nameDe: `ÖSHZ ${first.target_name_nl}` };
        else {
          // A new organisation already in the registry (e.g. the demo's): OCMW <name>, valid from the date.
          const known = await repo.newOcmwNamed(db, `OCMW ${first.target_name_nl}`, effectiveDate);
          if (known) input.targetOrganisationId = known;
          else problems.push(msg('merger.csv.new_target_needs_kbo', { row: g.rows[0]!, name: first.target_name_nl ?? '' }));
        }
        // Already there with the same shape: unchanged (an import can be repeated), but the
        // declared scenario is still checked against the data (R1.4): a contradiction is an error.
        const existing = await repo.mergerShapeByCode(db, code);
        if (existing && problems.length === 0) {
          const same =
            existing.target === input.targetOrganisationId &&
            existing.nis === input.targetNis &&
            existing.sources.join(',') === sources.map((s) => s.organisationId).sort().join(',');
          if (!same) problems.push(msg('merger.code_taken', { code }));
          const derived = deriveScenario({ sources, targetOrganisationId: existing.target, targetNis: input.targetNis, declaredScenario: input.declaredScenario });
          if (!derived.ok) {
            for (const p of derived.problems) {
              problems.push(msg('merger.csv.row_field', { row: g.rows[0]!, field: p.field, problem: messageOf([sharedMessages, mergerMessages], p.problem, p.params) }));
            }
          }
          const ok = problems.length === 0;
          report.push({ merger: input.name, code, rows: g.rows, scenario: derived.ok ? derived.scenario : null, action: ok ? 'unchanged' : null, problems });
          continue;
        }
        if (problems.length === 0) {
          const { fields, scenario } = await validate(db, input);
          for (const [field, problem] of Object.entries(fields)) problems.push(msg('merger.csv.row_field', { row: g.rows[0]!, field, problem }));
          if (problems.length === 0) inputs.push(input);
          report.push({ merger: input.name, code, rows: g.rows, scenario: scenario ?? null, action: problems.length ? null : 'create', problems });
        } else {
          report.push({ merger: input.name, code, rows: g.rows, scenario: null, action: null, problems });
        }
      }
      const valid = report.every((r) => r.problems.length === 0);
      const created: number[] = [];
      if (valid && !options.dryRun && inputs.length) {
        await db.transaction(async (txh) => {
          const tx = txh as unknown as Db;
          for (const input of inputs) created.push((await create(input, options.actor, tx)).id);
        });
      }
      return { valid, dryRun: options.dryRun, created: created.length, mergers: report };
    },
  };
}

export type MergerDefinitions = ReturnType<typeof createMergerDefinitions>;
