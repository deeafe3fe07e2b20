/**
 * R7.2: the readiness checklist of a merger, per merging OCMW, derived from the scenario and
 * checked against facts read from the live data. Only what the data cannot show is ticked by a
 * person (`manual`), and that tick says who and when. Items the guide says need nothing in a
 * scenario are kept, as "geen acties nodig" (`not_needed`), so each OCMW sees the whole list.
 * Pure: the facts come in, the items go out; table-driven tests beside it.
 */
import type { Scenario } from './scenario.js';

export type ChecklistItemKey =
  | 'htb_known'
  | 'access_reviewed'
  | 'ftp_account'
  | 'rest_account'
  | 'password_to_vendor'
  | 'config_mutations'
  | 'config_technical'
  | 'config_contact'
  | 'config_online'
  | 'dossiers'
  | 'dossiers_vendor'
  | 'form_clashes_reviewed'
  | 'tb_appointed'
  | 'uniek_verslag';

/** The items a person ticks; every other item follows from the data. */
export const MANUAL_ITEMS: ChecklistItemKey[] = ['access_reviewed', 'password_to_vendor', 'dossiers_vendor', 'form_clashes_reviewed'];

export type OrganisationRole = 'new_target' | 'keeper' | 'disappearing';

export interface ChecklistOrganisation {
  organisationId: string;
  role: OrganisationRole;
  /** Running forms that the cut-over stops (R9.3′: the dry run's stop_forms), or that the vendor must move (R9.4). */
  runningForms: number;
  /** Forms that clash with a running form of the merged OCMW (R9.3′): stopped, not re-entered, to review. */
  clashes: number;
  handledByVendor: boolean;
  /** Status of the Uniek verslag of the last year before the effective date (R10.2). */
  lastYearReport: 'draft' | 'submitted' | null;
}

export interface ChecklistFacts {
  scenario: Scenario;
  effectiveDate: string;
  htbDeadline: string;
  /** Last day of the filing window of the year before the effective date. */
  reportDeadline: string;
  today: string;
  applied: boolean;
  targetId: string;
  organisations: ChecklistOrganisation[];
  htbKnown: boolean;
  /** The merged OCMW's domain has an active TB (R7.4′: scenario 1 starts without one). */
  tbKnown: boolean;
  /** The merged OCMW's channels and configuration (scenario 1). */
  target: { ftpAccount: boolean; restAccount: boolean; config: { mutations: boolean; technical: boolean; contact: boolean; online: boolean } };
  /** Manual ticks: `${organisationId}:${item}` → who and when. */
  ticks: Map<string, { by: string; at: string }>;
}

export interface ChecklistItem {
  organisationId: string;
  item: ChecklistItemKey;
  /** auto: read from the data; manual: ticked by a person. */
  check: 'auto' | 'manual';
  status: 'done' | 'open' | 'not_needed';
  deadline: string;
  overdue: boolean;
  /** A message key of `merger.checklist.detail.*` and its parameters. */
  detail: { key: string; params?: Record<string, string | number> };
  tickedBy?: string;
  tickedAt?: string;
}

export function buildChecklist(f: ChecklistFacts): ChecklistItem[] {
  const items: ChecklistItem[] = [];
  const push = (organisationId: string, item: ChecklistItemKey, status: ChecklistItem['status'], deadline: string, detail: ChecklistItem['detail']) => {
    const manual = MANUAL_ITEMS.includes(item);
    const tick = manual ? f.ticks.get(`${organisationId}:${item}`) : undefined;
    const finalStatus = manual && status === 'open' && tick ? 'done' : status;
    items.push({
      organisationId,
      item,
      check: manual ? 'manual' : 'auto',
      status: finalStatus,
      deadline,
      overdue: finalStatus === 'open' && f.today > deadline,
      detail,
      ...(tick && finalStatus === 'done' ? { tickedBy: tick.by, tickedAt: tick.at } : {}),
    });
  };

  // All scenarios: the merged OCMW's HTB (R1.6), the OCMWs' access management reviewed.
  push(f.targetId, 'htb_known', f.htbKnown ? 'done' : 'open', f.htbDeadline, { key: f.htbKnown ? 'htb_known' : 'htb_missing' });
  for (const o of f.organisations) {
    if (o.role === 'new_target') continue;
    push(o.organisationId, 'access_reviewed', 'open', f.htbDeadline, { key: f.scenario === 3 ? 'access_clean' : 'access_update' });
  }

  // ChaMan and OCMW-configuratie: only the new OCMW of scenario 1 must set them up (R7.2).
  const setup = f.scenario === 1;
  const t = f.target;
  const target = (item: ChecklistItemKey, ok: boolean, key: string) =>
    push(f.targetId, item, setup ? (ok ? 'done' : 'open') : 'not_needed', f.effectiveDate, { key: setup ? key : 'no_action' });
  target('ftp_account', t.ftpAccount, t.ftpAccount ? 'ftp_ok' : 'ftp_missing');
  target('rest_account', t.restAccount, t.restAccount ? 'rest_ok' : 'rest_missing');
  target('password_to_vendor', false, 'password_to_vendor');
  target('config_mutations', t.config.mutations, t.config.mutations ? 'section_ok' : 'section_missing');
  target('config_technical', t.config.technical, t.config.technical ? 'section_ok' : 'section_missing');
  target('config_contact', t.config.contact, t.config.contact ? 'section_ok' : 'section_missing');
  target('config_online', t.config.online, t.config.online ? 'section_ok' : 'section_missing');
  // R7.4′: the new OCMW's domain has only co-TBs after the cut-over, until its HTB appoints a TB.
  target('tb_appointed', f.tbKnown, f.tbKnown ? 'tb_appointed' : 'tb_missing');

  // Dossiers (R9.3′, R9.4): scenario 3's keeper leaves its forms as they are. Clashes stay open
  // (and keep the dossiers item open) until a person has reviewed them.
  for (const o of f.organisations) {
    if (o.role === 'new_target') continue;
    const reviewed = f.ticks.has(`${o.organisationId}:form_clashes_reviewed`);
    if (o.role === 'keeper' && f.scenario === 3) {
      push(o.organisationId, 'dossiers', 'not_needed', f.effectiveDate, { key: 'no_action' });
    } else if (o.handledByVendor) {
      push(o.organisationId, 'dossiers_vendor', o.runningForms === 0 && f.applied ? 'done' : 'open', f.effectiveDate, {
        key: 'forms_vendor',
        params: { count: o.runningForms },
      });
    } else if (o.clashes > 0 && (!f.applied || !reviewed)) {
      push(o.organisationId, 'dossiers', 'open', f.effectiveDate, { key: 'forms_clashes', params: { count: o.runningForms, clashes: o.clashes } });
    } else if (f.applied || o.runningForms === 0) {
      push(o.organisationId, 'dossiers', 'done', f.effectiveDate, { key: f.applied ? 'forms_moved' : 'forms_none', params: { count: o.runningForms } });
    } else {
      push(o.organisationId, 'dossiers', 'open', f.effectiveDate, { key: 'forms_to_move', params: { count: o.runningForms } });
    }
    if (o.clashes > 0 && !o.handledByVendor) {
      push(o.organisationId, 'form_clashes_reviewed', 'open', f.effectiveDate, { key: 'clashes_to_review', params: { clashes: o.clashes } });
    }
  }

  // Uniek verslag: the last year before the merger is filed by each disappearing OCMW (R10.2).
  for (const o of f.organisations) {
    if (o.role !== 'disappearing') continue;
    push(o.organisationId, 'uniek_verslag', o.lastYearReport === 'submitted' ? 'done' : 'open', f.reportDeadline, {
      key: o.lastYearReport === 'submitted' ? 'report_submitted' : o.lastYearReport === 'draft' ? 'report_draft' : 'report_missing',
      params: { year: Number(f.effectiveDate.slice(0, 4)) - 1 },
    });
  }
  return items;
}

/** Progress in percent over the items that need something (not "geen acties nodig"). */
export function progressOf(items: ChecklistItem[]): number {
  const relevant = items.filter((i) => i.status !== 'not_needed');
  if (relevant.length === 0) return 100;
  return Math.round((100 * relevant.filter((i) => i.status === 'done').length) / relevant.length);
}

/** The role of each organisation of a merger. */
export function rolesOf(sourceIds: string[], targetId: string): { organisationId: string; role: OrganisationRole }[] {
  const roles = sourceIds.map((id) => ({ organisationId: id, role: (id === targetId ? 'keeper' : 'disappearing') as OrganisationRole }));
  if (!sourceIds.includes(targetId)) roles.push({ organisationId: targetId, role: 'new_target' });
  return roles;
}

/** R9.3: whose running forms move at the cut-over: all sources, except scenario 3's keeper. */
export function formMovingSources(scenario: Scenario, sourceIds: string[], targetId: string): string[] {
  return scenario === 3 ? sourceIds.filter((id) => id !== targetId) : [...sourceIds];
}
