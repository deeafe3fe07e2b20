import { describe, expect, it } from 'vitest';
import { readSeedMergers } from '../registry/index.js';
import { deriveScenario, type MergerShape } from './scenario.js';

const a = { organisationId: 'A', nis: '11002' };
const b = { organisationId: 'B', nis: '11007' };

describe('scenario derivation (R1.4)', () => {
  it.each<[string, MergerShape, number | string]>([
    ['new KBO, new NIS', { sources: [a, b], targetOrganisationId: 'N', targetNis: '99999' }, 1],
    ['kept KBO, new NIS', { sources: [a, b], targetOrganisationId: 'A', targetNis: '99999' }, 2],
    ['kept KBO and NIS', { sources: [a, b], targetOrganisationId: 'A', targetNis: '11002' }, 3],
    ['new KBO, kept NIS', { sources: [a, b], targetOrganisationId: 'N', targetNis: '11002' }, 'merger.new_kbo_kept_nis'],
    ['kept NIS of the other OCMW', { sources: [a, b], targetOrganisationId: 'A', targetNis: '11007' }, 'merger.kept_nis_not_target'],
    ['one source', { sources: [a], targetOrganisationId: 'N', targetNis: '99999' }, 'merger.too_few_sources'],
    ['same source twice', { sources: [a, a], targetOrganisationId: 'N', targetNis: '99999' }, 'merger.duplicate_source'],
    ['declared 1, data say 3', { sources: [a, b], targetOrganisationId: 'A', targetNis: '11002', declaredScenario: 1 }, 'merger.declared_mismatch'],
    ['declared 2, data say 2', { sources: [a, b], targetOrganisationId: 'A', targetNis: '99999', declaredScenario: 2 }, 2],
  ])('%s', (_, shape, expected) => {
    const r = deriveScenario(shape);
    if (typeof expected === 'number') expect(r).toMatchObject({ ok: true, scenario: expected });
    else expect(r.ok ? [] : r.problems.map((p) => p.problem)).toContain(expected);
  });

  describe('the 13 seed mergers of 2025', () => {
    const rows = readSeedMergers();
    const byMerger = new Map<string, typeof rows>();
    for (const r of rows) byMerger.set(r.mergerName, [...(byMerger.get(r.mergerName) ?? []), r]);
    const cases = [...byMerger.entries()].map(([name, sources]) => {
      const keeper = sources.find((s) => s.sourceKeepsKbo);
      const shape: MergerShape = {
        sources: sources.map((s) => ({ organisationId: s.sourceName, nis: s.sourceNis })),
        targetOrganisationId: keeper ? keeper.sourceName : `new:${name}`,
        targetNis: sources[0]!.targetNis,
        declaredScenario: sources[0]!.scenario,
      };
      return [name, shape, sources[0]!.scenario] as const;
    });

    it('has 13 mergers over 28 OCMWs', () => {
      expect(cases).toHaveLength(13);
      expect(rows).toHaveLength(28);
    });

    it.each(cases)('%s derives the scenario the guide gives', (_, shape, guideScenario) => {
      expect(deriveScenario(shape)).toMatchObject({ ok: true, scenario: guideScenario });
    });

    it('counts 4 × scenario 1, 8 × scenario 2, 1 × scenario 3', () => {
      const counts = { 1: 0, 2: 0, 3: 0 } as Record<number, number>;
      for (const [, shape] of cases) {
        const r = deriveScenario(shape);
        if (r.ok) counts[r.scenario]!++;
      }
      expect(counts).toEqual({ 1: 4, 2: 8, 3: 1 });
    });
  });
});
