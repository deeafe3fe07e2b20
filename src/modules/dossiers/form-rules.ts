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

/** Why a form cannot be stopped on `endDate` (the message key and the field), or null when it can. */
export type StopRefusal = { key: 'dossier.already_stopped' | 'dossier.already_ended' | 'dossier.end_before_start' | 'dossier.stop_after_end'; field?: 'endDate' };

/**
 * Stopping a form ends it earlier, never later (a later end date would lengthen the period past
 * the forms that follow it without the overlap check of a registration): only a running form
 * whose end date has not passed on `today` (stored or derived status) can be stopped, on a date from its start date up to
 * its current end date.
 */
export function stopRefusal(form: FormPeriod & { status: string }, endDate: string, today: string): StopRefusal | null {
  const ended = form.status === 'ended' || (form.status === 'running' && form.endDate !== null && form.endDate < today);
  if (ended) return { key: 'dossier.already_ended' };
  if (form.status !== 'running') return { key: 'dossier.already_stopped' };
  if (endDate < form.startDate) return { key: 'dossier.end_before_start', field: 'endDate' };
  if (form.endDate !== null && endDate > form.endDate) return { key: 'dossier.stop_after_end', field: 'endDate' };
  return null;
}
