/**
 * R1.4: a merger's scenario is derived from its data, never typed in.
 *   target organisation new, target NIS new          → 1 (Nieuw KBO & nieuw NIS)
 *   target organisation is a source, target NIS new  → 2 (Behoud KBO & nieuw NIS)
 *   target organisation is a source, NIS of a source → 3 (Behoud KBO & NIS)
 * A new organisation that keeps a source's NIS fits none of the guide's scenarios and is refused.
 * Pure: no I/O; table-driven tests beside it.
 */
export type Scenario = 1 | 2 | 3;

export interface MergerShape {
  sources: { organisationId: string; nis: string }[];
  targetOrganisationId: string;
  targetNis: string;
  /** A scenario stated by the data file or the user; it must agree with the derived one. */
  declaredScenario?: number | null;
}

export type ScenarioProblem =
  | 'merger.too_few_sources'
  | 'merger.duplicate_source'
  | 'merger.duplicate_source_nis'
  | 'merger.new_kbo_kept_nis'
  | 'merger.kept_nis_not_target'
  | 'merger.declared_mismatch';

export type ScenarioResult =
  | { ok: true; scenario: Scenario; keepsKbo: boolean; keepsNis: boolean }
  | { ok: false; problems: { field: string; problem: ScenarioProblem; params?: Record<string, string | number> }[] };

export function deriveScenario(shape: MergerShape): ScenarioResult {
  const problems: Extract<ScenarioResult, { ok: false }>['problems'] = [];
  const orgIds = shape.sources.map((s) => s.organisationId);
  if (shape.sources.length < 2) problems.push({ field: 'sources', problem: 'merger.too_few_sources' });
  if (new Set(orgIds).size !== orgIds.length) problems.push({ field: 'sources', problem: 'merger.duplicate_source' });
  const nisCodes = shape.sources.map((s) => s.nis);
  if (new Set(nisCodes).size !== nisCodes.length) problems.push({ field: 'sources', problem: 'merger.duplicate_source_nis' });

  const keepsKbo = orgIds.includes(shape.targetOrganisationId);
  const keptNisSource = shape.sources.find((s) => s.nis === shape.targetNis);
  const keepsNis = keptNisSource !== undefined;
  if (!keepsKbo && keepsNis) problems.push({ field: 'targetNis', problem: 'merger.new_kbo_kept_nis' });
  if (keepsKbo && keptNisSource && keptNisSource.organisationId !== shape.targetOrganisationId) {
    problems.push({ field: 'targetNis', problem: 'merger.kept_nis_not_target' });
  }
  if (problems.length > 0) return { ok: false, problems };

  const scenario: Scenario = !keepsKbo ? 1 : keepsNis ? 3 : 2;
  if (shape.declaredScenario != null && shape.declaredScenario !== scenario) {
    return {
      ok: false,
      problems: [
        {
          field: 'scenario',
          problem: 'merger.declared_mismatch',
          params: { declared: shape.declaredScenario, derived: scenario },
        },
      ],
    };
  }
  return { ok: true, scenario, keepsKbo, keepsNis };
}
