/**
 * Pure rules for dossier forms (SPEC R9.1): a form runs from its start date to its end date
 * (inclusive; none = open-ended). Two running forms of the same kind for the same person in
 * the same OCMW may not overlap.
 */
export interface FormPeriod {
  startDate: string;
  endDate: string | null;
}

/** True when the two inclusive periods share at least one day. */
export function periodsOverlap(a: FormPeriod, b: FormPeriod): boolean {
  const aEndsBeforeB = a.endDate !== null && a.endDate < b.startDate;
  const bEndsBeforeA = b.endDate !== null && b.endDate < a.startDate;
  return !aEndsBeforeB && !bEndsBeforeA;
}

/** The first running form of the same kind whose period overlaps the candidate's, if any. */
export function findOverlap<T extends FormPeriod & { kind: string; status: string }>(existing: T[], candidate: FormPeriod & { kind: string }): T | undefined {
  return existing.find((f) => f.status === 'running' && f.kind === candidate.kind && periodsOverlap(f, candidate));
}
