import { describe, expect, it } from 'vitest';
import { addDays } from '../../domain/clock.js';
import { readSeedMergers } from '../registry/index.js';
import { filingWindow } from '../subsidy-report/index.js';
import {
  buildChecklist,
  formMovingSources,
  MANUAL_ITEMS,
  progressOf,
  rolesOf,
  type ChecklistFacts,
  type ChecklistItem,
  type ChecklistItemKey,
  type ChecklistOrganisation,
} from './checklist.js';
import { deriveScenario } from './scenario.js';

/** The 13 mergers of 2025 (data/mergers-2025.csv) as the checklist sees them: ids are names. */
const seed = (() => {
  const rows = readSeedMergers();
  const byMerger = new Map<string, typeof rows>();
  for (const r of rows) byMerger.set(r.mergerName, [...(byMerger.get(r.mergerName) ?? []), r]);
  return [...byMerger.entries()].map(([name, sources]) => {
    const keeper = sources.find((s) => s.sourceKeepsKbo);
    const sourceIds = sources.map((s) => `OCMW ${s.sourceName}`);
    const targetId = keeper ? `OCMW ${keeper.sourceName}` : `new OCMW ${name}`;
    const derived = deriveScenario({ sources: sources.map((s, i) => ({ organisationId: sourceIds[i]!, nis: s.sourceNis })), targetOrganisationId: targetId, targetNis: sources[0]!.targetNis });
    if (!derived.ok) throw new Error(`seed merger ${name} fits no scenario`);
    return { name, scenario: derived.scenario, sourceIds, targetId, effectiveDate: sources[0]!.effectiveDate };
  });
})();
type SeedMerger = (typeof seed)[number];

const EFFECTIVE = '2025-01-01';
const HTB_DEADLINE = '2024-11-15';
const REPORT_DEADLINE = '2025-02-28';
const CHAMAN_AND_CONFIG: ChecklistItemKey[] = ['ftp_account', 'rest_account', 'password_to_vendor', 'config_mutations', 'config_technical', 'config_contact', 'config_online', 'tb_appointed'];

/** Facts of a merger with nothing done yet: no HTB, no channels, 3 running forms per OCMW, no report. */
function factsOf(m: SeedMerger, over: Partial<ChecklistFacts> = {}, org: (o: ChecklistOrganisation) => Partial<ChecklistOrganisation> = () => ({})): ChecklistFacts {
  return {
    scenario: m.scenario,
    effectiveDate: m.effectiveDate,
    htbDeadline: addDays(m.effectiveDate, -47),
    reportDeadline: filingWindow(Number(m.effectiveDate.slice(0, 4)) - 1).to,
    today: '2024-10-01',
    applied: false,
    targetId: m.targetId,
    organisations: rolesOf(m.sourceIds, m.targetId).map((r) => {
      const o: ChecklistOrganisation = { ...r, runningForms: 3, clashes: 0, handledByVendor: false, lastYearReport: null };
      return { ...o, ...org(o) };
    }),
    htbKnown: false,
    tbKnown: false,
    target: { ftpAccount: false, restAccount: false, config: { mutations: false, technical: false, contact: false, online: false } },
    ticks: new Map(),
    ...over,
  };
}

const itemsOf = (items: ChecklistItem[], organisationId: string) => items.filter((i) => i.organisationId === organisationId);
const find = (items: ChecklistItem[], organisationId: string, item: ChecklistItemKey) => items.find((i) => i.organisationId === organisationId && i.item === item);
const disappearing = (m: SeedMerger) => m.sourceIds.filter((id) => id !== m.targetId);

describe('the seed mergers (data/mergers-2025.csv)', () => {
  it('are 13, effective 2025-01-01: 4 × scenario 1, 8 × scenario 2, 1 × scenario 3', () => {
    expect(seed).toHaveLength(13);
    expect(seed.every((m) => m.effectiveDate === EFFECTIVE)).toBe(true);
    expect([1, 2, 3].map((s) => seed.filter((m) => m.scenario === s).length)).toEqual([4, 8, 1]);
  });

  it('have their deadlines: HTB 2024-11-15, the effective date, Uniek verslag at the end of February 2025', () => {
    expect(addDays(EFFECTIVE, -47)).toBe(HTB_DEADLINE);
    expect(filingWindow(2024).to).toBe(REPORT_DEADLINE);
  });
});

describe.each(seed.map((m) => [`${m.name} (scenario ${m.scenario})`, m] as const))('checklist of %s (R7.2)', (_, m) => {
  const items = buildChecklist(factsOf(m));

  it('gives each organisation its role (rolesOf)', () => {
    const roles = rolesOf(m.sourceIds, m.targetId);
    const expected =
      m.scenario === 1
        ? [...m.sourceIds.map((id) => ({ organisationId: id, role: 'disappearing' })), { organisationId: m.targetId, role: 'new_target' }]
        : m.sourceIds.map((id) => ({ organisationId: id, role: id === m.targetId ? 'keeper' : 'disappearing' }));
    expect(roles).toEqual(expected);
    expect(roles.filter((r) => r.role === 'keeper')).toHaveLength(m.scenario === 1 ? 0 : 1);
  });

  it('moves the forms of the right OCMWs (formMovingSources, R9.3)', () => {
    const moving = formMovingSources(m.scenario, m.sourceIds, m.targetId);
    // Scenario 3: only the disappearing OCMW; 1 and 2: every source, the keeper of its KBO included.
    expect(moving).toEqual(m.scenario === 3 ? disappearing(m) : m.sourceIds);
  });

  it('lists the items the scenario asks of each organisation', () => {
    const target = itemsOf(items, m.targetId).map((i) => i.item);
    if (m.scenario === 1) {
      expect(target).toEqual(['htb_known', ...CHAMAN_AND_CONFIG]);
    } else {
      expect(target).toEqual(['htb_known', 'access_reviewed', ...CHAMAN_AND_CONFIG, 'dossiers']);
    }
    for (const id of disappearing(m)) expect(itemsOf(items, id).map((i) => i.item)).toEqual(['access_reviewed', 'dossiers', 'uniek_verslag']);
    // Only the disappearing OCMWs file the last Uniek verslag of their own.
    expect(items.filter((i) => i.item === 'uniek_verslag').map((i) => i.organisationId)).toEqual(disappearing(m));
  });

  it('says "geen acties nodig" for ChaMan and OCMW-configuratie unless a new OCMW is made (scenario 1)', () => {
    for (const key of CHAMAN_AND_CONFIG) {
      const item = find(items, m.targetId, key)!;
      if (m.scenario === 1) {
        expect(item.status).toBe('open');
        expect(item.detail.key).not.toBe('no_action');
      } else {
        expect(item).toMatchObject({ status: 'not_needed', detail: { key: 'no_action' }, overdue: false });
      }
    }
    const keeperDossiers = m.scenario === 1 ? undefined : find(items, m.targetId, 'dossiers');
    if (m.scenario === 3) expect(keeperDossiers).toMatchObject({ status: 'not_needed', detail: { key: 'no_action' } });
    if (m.scenario === 2) expect(keeperDossiers).toMatchObject({ status: 'open', detail: { key: 'forms_to_move', params: { count: 3 } } });
    const notNeeded = items.filter((i) => i.status === 'not_needed').length;
    expect(notNeeded).toBe({ 1: 0, 2: 8, 3: 9 }[m.scenario]);
  });

  it('words the access review as the guide does: update (scenarios 1, 2) or clean up (scenario 3)', () => {
    for (const i of items.filter((x) => x.item === 'access_reviewed')) {
      expect(i).toMatchObject({ check: 'manual', status: 'open', detail: { key: m.scenario === 3 ? 'access_clean' : 'access_update' } });
    }
  });

  it('has the deadlines: HTB 2024-11-15, the effective date, Uniek verslag end of February 2025', () => {
    const deadline = (key: ChecklistItemKey) => new Set(items.filter((i) => i.item === key).map((i) => i.deadline));
    expect(deadline('htb_known')).toEqual(new Set([HTB_DEADLINE]));
    expect(deadline('access_reviewed')).toEqual(new Set([HTB_DEADLINE]));
    for (const key of [...CHAMAN_AND_CONFIG, 'dossiers'] as ChecklistItemKey[]) expect(deadline(key)).toEqual(new Set([EFFECTIVE]));
    expect(deadline('uniek_verslag')).toEqual(new Set([REPORT_DEADLINE]));
  });

  it('marks open items overdue the day after their deadline, never done or not-needed ones', () => {
    const on = (today: string) => buildChecklist(factsOf(m, { today }));
    expect(find(on(HTB_DEADLINE), m.targetId, 'htb_known')!.overdue).toBe(false);
    expect(find(on('2024-11-16'), m.targetId, 'htb_known')!.overdue).toBe(true);
    expect(items.every((i) => !i.overdue)).toBe(true);
    const january = on('2025-01-02');
    expect(january.filter((i) => i.overdue).every((i) => i.status === 'open')).toBe(true);
    expect(january.some((i) => i.status === 'not_needed' && i.overdue)).toBe(false);
    for (const id of disappearing(m)) {
      expect(find(january, id, 'dossiers')!.overdue).toBe(true);
      expect(find(january, id, 'uniek_verslag')!.overdue).toBe(false);
      expect(find(on('2025-03-01'), id, 'uniek_verslag')!.overdue).toBe(true);
    }
    const known = buildChecklist(factsOf(m, { today: '2024-12-01', htbKnown: true }));
    expect(find(known, m.targetId, 'htb_known')).toMatchObject({ status: 'done', overdue: false, detail: { key: 'htb_known' } });
  });

  it('counts progress over the items that need something', () => {
    const relevant = items.filter((i) => i.status !== 'not_needed');
    expect(progressOf(items)).toBe(Math.round((100 * relevant.filter((i) => i.status === 'done').length) / relevant.length));
    // Everything done in the data and every manual item ticked: 100 %.
    const ticks = new Map(
      rolesOf(m.sourceIds, m.targetId).flatMap((r) => MANUAL_ITEMS.map((item) => [`${r.organisationId}:${item}`, { by: 'htb', at: '2024-11-01' }] as const)),
    );
    const ready = buildChecklist(
      factsOf(
        m,
        { htbKnown: true, tbKnown: true, applied: true, ticks, target: { ftpAccount: true, restAccount: true, config: { mutations: true, technical: true, contact: true, online: true } } },
        () => ({ lastYearReport: 'submitted' }),
      ),
    );
    expect(ready.filter((i) => i.status === 'open')).toEqual([]);
    expect(progressOf(ready)).toBe(100);
    expect(progressOf(itemsOf(ready, m.targetId))).toBe(100);
  });
});

describe('checklist facts and ticks (R7.2)', () => {
  const s1 = seed.find((m) => m.name === 'Merelbeke-Melle')!;
  const s2 = seed.find((m) => m.name === 'Lokeren')!;
  const s3 = seed.find((m) => m.name === 'Antwerpen')!;

  it('checks the new OCMW\'s channels and configuration against the data (scenario 1)', () => {
    const items = buildChecklist(
      factsOf(s1, { target: { ftpAccount: true, restAccount: false, config: { mutations: true, technical: false, contact: true, online: false } } }),
    );
    const status = (key: ChecklistItemKey) => [find(items, s1.targetId, key)!.status, find(items, s1.targetId, key)!.detail.key];
    expect(status('ftp_account')).toEqual(['done', 'ftp_ok']);
    expect(status('rest_account')).toEqual(['open', 'rest_missing']);
    expect(status('config_mutations')).toEqual(['done', 'section_ok']);
    expect(status('config_technical')).toEqual(['open', 'section_missing']);
    expect(status('config_contact')).toEqual(['done', 'section_ok']);
    expect(status('config_online')).toEqual(['open', 'section_missing']);
    // The password to the vendor is only known to a person.
    expect(find(items, s1.targetId, 'password_to_vendor')).toMatchObject({ check: 'manual', status: 'open' });
  });

  it('records who ticked a manual item and when; a tick on an automatic or not-needed item changes nothing', () => {
    const ticks = new Map([
      [`${s1.targetId}:password_to_vendor`, { by: 'htb.merelbeke', at: '2024-12-01T10:00:00Z' }],
      [`${s1.sourceIds[0]}:access_reviewed`, { by: 'tb.melle', at: '2024-11-02T09:00:00Z' }],
      [`${s1.targetId}:ftp_account`, { by: 'someone', at: '2024-12-01T10:00:00Z' }],
    ]);
    const items = buildChecklist(factsOf(s1, { ticks }));
    expect(find(items, s1.targetId, 'password_to_vendor')).toMatchObject({ status: 'done', tickedBy: 'htb.merelbeke', tickedAt: '2024-12-01T10:00:00Z' });
    expect(find(items, s1.sourceIds[0]!, 'access_reviewed')).toMatchObject({ status: 'done', tickedBy: 'tb.melle' });
    expect(find(items, s1.sourceIds[1]!, 'access_reviewed')).toMatchObject({ status: 'open' });
    const ftp = find(items, s1.targetId, 'ftp_account')!;
    expect(ftp.status).toBe('open');
    expect(ftp.tickedBy).toBeUndefined();
    const s2Items = buildChecklist(factsOf(s2, { ticks: new Map([[`${s2.targetId}:password_to_vendor`, { by: 'x', at: 'y' }]]) }));
    expect(find(s2Items, s2.targetId, 'password_to_vendor')).toMatchObject({ status: 'not_needed' });
    expect(find(s2Items, s2.targetId, 'password_to_vendor')!.tickedBy).toBeUndefined();
    expect(MANUAL_ITEMS).toEqual(['access_reviewed', 'password_to_vendor', 'dossiers_vendor', 'form_clashes_reviewed']);
  });

  it('turns the dossiers into a vendor item for an OCMW whose vendor re-enters the forms (R9.4)', () => {
    const [vendor] = disappearing(s2);
    const byVendor = (o: ChecklistOrganisation) => ({ handledByVendor: o.organisationId === vendor });
    const open = buildChecklist(factsOf(s2, {}, byVendor));
    expect(find(open, vendor!, 'dossiers')).toBeUndefined();
    expect(find(open, vendor!, 'dossiers_vendor')).toMatchObject({ check: 'manual', status: 'open', detail: { key: 'forms_vendor', params: { count: 3 } } });
    expect(find(open, s2.targetId, 'dossiers')).toMatchObject({ status: 'open', detail: { key: 'forms_to_move' } });
    const ticked = buildChecklist(factsOf(s2, { ticks: new Map([[`${vendor}:dossiers_vendor`, { by: 'tb.moerbeke', at: '2024-12-30' }]]) }, byVendor));
    expect(find(ticked, vendor!, 'dossiers_vendor')).toMatchObject({ status: 'done', tickedBy: 'tb.moerbeke' });
    // After the cut-over with nothing left running at the vendor's OCMW, it is done by the data.
    const after = buildChecklist(factsOf(s2, { applied: true }, (o) => ({ ...byVendor(o), runningForms: 0 })));
    expect(find(after, vendor!, 'dossiers_vendor')!.status).toBe('done');
  });

  it('reads the dossiers item from the running forms and the cut-over', () => {
    const [borsbeek] = disappearing(s3);
    const none = buildChecklist(factsOf(s3, {}, () => ({ runningForms: 0 })));
    expect(find(none, borsbeek!, 'dossiers')).toMatchObject({ status: 'done', detail: { key: 'forms_none', params: { count: 0 } } });
    const moved = buildChecklist(factsOf(s3, { applied: true }));
    expect(find(moved, borsbeek!, 'dossiers')).toMatchObject({ status: 'done', detail: { key: 'forms_moved' } });
    expect(find(moved, s3.targetId, 'dossiers')).toMatchObject({ status: 'not_needed' });
  });

  it('reads the Uniek verslag of 2024 of each disappearing OCMW: missing, draft, submitted', () => {
    const [a, b] = s1.sourceIds;
    const items = buildChecklist(factsOf(s1, {}, (o) => ({ lastYearReport: o.organisationId === a ? 'draft' : o.organisationId === b ? 'submitted' : null })));
    expect(find(items, a!, 'uniek_verslag')).toMatchObject({ status: 'open', detail: { key: 'report_draft', params: { year: 2024 } } });
    expect(find(items, b!, 'uniek_verslag')).toMatchObject({ status: 'done', detail: { key: 'report_submitted', params: { year: 2024 } } });
    const missing = buildChecklist(factsOf(s3));
    expect(find(missing, disappearing(s3)[0]!, 'uniek_verslag')).toMatchObject({ status: 'open', detail: { key: 'report_missing' } });
  });
});

describe('progressOf', () => {
  const item = (status: ChecklistItem['status']): ChecklistItem => ({
    organisationId: 'x',
    item: 'htb_known',
    check: 'auto',
    status,
    deadline: EFFECTIVE,
    overdue: false,
    detail: { key: 'k' },
  });
  it.each<[string, ChecklistItem['status'][], number]>([
    ['no items', [], 100],
    ['only "geen acties nodig"', ['not_needed', 'not_needed'], 100],
    ['one of three done', ['done', 'open', 'open', 'not_needed'], 33],
    ['two of three done', ['done', 'done', 'open'], 67],
    ['all done', ['done', 'not_needed'], 100],
    ['none done', ['open'], 0],
  ])('%s → %i %%', (_, statuses, expected) => {
    expect(progressOf(statuses.map(item))).toBe(expected);
  });
});

describe.each(seed.filter((m, i, all) => all.findIndex((x) => x.scenario === m.scenario) === i).map((m) => [m.scenario, m] as const))(
  'issue 15 items, scenario %i',
  (scenario, m) => {
    const [source] = disappearing(m);
    const clashing = (o: ChecklistOrganisation) => ({ clashes: o.organisationId === source ? 2 : 0 });

    it('keeps the dossiers item open while clashes are unreviewed, before and after the run (R9.3′)', () => {
      for (const applied of [false, true]) {
        const items = buildChecklist(factsOf(m, { applied }, clashing));
        expect(find(items, source!, 'dossiers')).toMatchObject({ status: 'open', detail: { key: 'forms_clashes', params: { count: 3, clashes: 2 } } });
        expect(find(items, source!, 'form_clashes_reviewed')).toMatchObject({ check: 'manual', status: 'open', detail: { params: { clashes: 2 } } });
      }
      const reviewed = buildChecklist(factsOf(m, { applied: true, ticks: new Map([[`${source}:form_clashes_reviewed`, { by: 'tb', at: '2024-12-31T09:00:00Z' }]]) }, clashing));
      expect(find(reviewed, source!, 'dossiers')).toMatchObject({ status: 'done', detail: { key: 'forms_moved' } });
      expect(find(reviewed, source!, 'form_clashes_reviewed')).toMatchObject({ status: 'done', tickedAt: '2024-12-31T09:00:00Z' });
      // Without clashes there is nothing to review.
      expect(find(buildChecklist(factsOf(m)), source!, 'form_clashes_reviewed')).toBeUndefined();
    });

    it(`asks for a TB ("TB aanstellen") ${scenario === 1 ? 'until the domain has one' : 'never: the OCMW keeps its TB'} (R7.4′)`, () => {
      const open = find(buildChecklist(factsOf(m, { today: '2025-01-02' })), m.targetId, 'tb_appointed')!;
      const done = find(buildChecklist(factsOf(m, { tbKnown: true })), m.targetId, 'tb_appointed')!;
      if (scenario === 1) {
        expect(open).toMatchObject({ status: 'open', overdue: true, detail: { key: 'tb_missing' } });
        expect(done).toMatchObject({ status: 'done', detail: { key: 'tb_appointed' } });
      } else {
        expect([open.status, done.status]).toEqual(['not_needed', 'not_needed']);
      }
    });
  },
);
