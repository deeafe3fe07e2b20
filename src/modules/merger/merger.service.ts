import type { Db } from '../../db/db.js';
import type { Clock } from '../../domain/clock.js';
import { AppError, type FieldErrors } from '../../shared/errors.js';
import { isMessageKey, translate, type Language } from '../../shared/messages.js';
import type { RegistryService } from '../registry/index.js';
import type { MergerSummary } from './merger.schema.js';
import * as repo from './merger.repo.js';
import { deriveScenario, type MergerShape, type Scenario } from './scenario.js';

export interface MergerDeps {
  db: Db;
  clock: Clock;
  registry: RegistryService;
}

export interface NewMerger extends MergerShape {
  code: string;
  name: string;
  effectiveDate: string;
}

/** Mergers as data (R1, R7.1): their scenario is always derived (R1.4). */
export function createMergerService({ db, clock, registry }: MergerDeps) {
  function problemsToFields(problems: { field: string; problem: string; params?: Record<string, string | number> }[], lang: Language): FieldErrors {
    const fields: FieldErrors = {};
    for (const p of problems) fields[p.field] ??= isMessageKey(p.problem) ? translate(p.problem, lang, p.params) : p.problem;
    return fields;
  }

  return {
    /**
     * Registers a merger after deriving its scenario. Throws validation when the data fit no
     * scenario or contradict a declared one, and conflict when an OCMW is already in a merger
     * on the same date.
     */
    async createMerger(input: NewMerger, lang: Language = 'nl', tx: Db = db): Promise<{ id: number; scenario: Scenario }> {
      const derived = deriveScenario(input);
      if (!derived.ok) throw new AppError('validation', translate('http.validation', lang), problemsToFields(derived.problems, lang));
      const involved = [...input.sources.map((s) => s.organisationId), input.targetOrganisationId];
      const clash = await repo.findMergersInvolving(tx, involved, input.effectiveDate);
      if (clash.length > 0) {
        throw new AppError('conflict', translate('http.conflict', lang), {
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
        },
        input.sources.map((s) => ({ organisationId: s.organisationId, nis: s.nis })),
      );
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

    async countMergers(): Promise<number> {
      return repo.countMergers(db);
    },
  };
}

export type MergerService = ReturnType<typeof createMergerService>;
