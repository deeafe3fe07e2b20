import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../shared/messages.js';
import { readSeedMergers } from '../registry/index.js';
import {
  assertFilingWindow,
  DEFAULT_FILING_WINDOW,
  decideSubmission,
  decideYear,
  describe as describeReason,
  filingWindow,
  parseFilingWindow,
  windowState,
  type FilingDecision,
  type FilingFacts,
  type Names,
} from './filing-rules.js';
import { formatCents, formatDate, SUBSIDY_MESSAGE_KEYS, subsidyMessage } from './subsidy-report-messages.js';

const ocmw = (name: string): Names => ({ nl: `OCMW ${name}`, fr: `CPAS ${name}`, de: `ÖSHZ ${name}` });
const OCMW_VALID_FROM = '1977-01-01';

type Role = 'disappearing' | 'new-target' | 'keeper';
interface Case {
  merger: string;
  scenario: number;
  name: string;
  role: Role;
  facts: FilingFacts;
}

/** The facts of every organisation of the 13 seed mergers, built from data/mergers-2025.csv. */
function seedCases(): Case[] {
  const rows = readSeedMergers();
  const byMerger = new Map<string, typeof rows>();
  for (const r of rows) byMerger.set(r.mergerName, [...(byMerger.get(r.mergerName) ?? []), r]);
  const cases: Case[] = [];
  for (const [merger, sources] of byMerger) {
    const effectiveDate = sources[0]!.effectiveDate;
    const scenario = sources[0]!.scenario;
    const keeper = sources.find((s) => s.sourceKeepsKbo);
    const ref = (name: string) => ({ id: name, name: ocmw(name) });
    const target = keeper ? ref(keeper.sourceName) : ref(merger);
    for (const s of sources) {
      if (s === keeper) {
        cases.push({
          merger,
          scenario,
          name: s.sourceName,
          role: 'keeper',
          facts: {
            organisation: { ...ref(s.sourceName), validFrom: OCMW_VALID_FROM, validTo: null },
            mergedFrom: [{ effectiveDate, isNewOrganisation: false, otherSources: sources.filter((o) => o !== s).map((o) => ref(o.sourceName)) }],
          },
        });
      } else {
        cases.push({
          merger,
          scenario,
          name: s.sourceName,
          role: 'disappearing',
          facts: {
            organisation: { ...ref(s.sourceName), validFrom: OCMW_VALID_FROM, validTo: effectiveDate },
            disappearsInto: { effectiveDate, successor: target },
            mergedFrom: [],
          },
        });
      }
    }
    if (!keeper) {
      cases.push({
        merger,
        scenario,
        name: merger,
        role: 'new-target',
        facts: {
          organisation: { ...target, validFrom: effectiveDate, validTo: null },
          mergedFrom: [{ effectiveDate, isNewOrganisation: true, otherSources: sources.map((o) => ref(o.sourceName)) }],
        },
      });
    }
  }
  return cases;
}

const outcome = (d: FilingDecision) => (d.allowed ? (d.note ? `allowed (${d.note.key})` : 'allowed') : d.reason.key);

/** Expected per role and year, filed on 10 February 2026 (2023–2025 are over, 2026 is not). */
const EXPECTED: Record<Role, Record<number, string>> = {
  disappearing: { 2023: 'allowed', 2024: 'allowed (subsidy.note.last_report)', 2025: 'subsidy.year.disappeared', 2026: 'subsidy.year.disappeared' },
  'new-target': { 2023: 'subsidy.year.before_merger', 2024: 'subsidy.year.before_merger', 2025: 'allowed', 2026: 'subsidy.year.not_closed' },
  keeper: { 2023: 'allowed', 2024: 'allowed (subsidy.note.own_part_one)', 2025: 'allowed', 2026: 'subsidy.year.not_closed' },
};

describe('Uniek verslag year rules over the 13 seed mergers (R10.2)', () => {
  const cases = seedCases();

  it('covers 13 mergers: 28 merging OCMWs and 4 new organisations', () => {
    expect(new Set(cases.map((c) => c.merger)).size).toBe(13);
    expect(cases.filter((c) => c.role !== 'new-target')).toHaveLength(28);
    expect(cases.filter((c) => c.role === 'new-target').map((c) => c.name)).toEqual(['Beveren-Kruibeke-Zwijndrecht', 'Pajottegem', 'Nazareth-De Pinte', 'Merelbeke-Melle']);
    expect(cases.filter((c) => c.role === 'keeper')).toHaveLength(9);
    // Scenario 1 has no keeper; scenarios 2 and 3 have one.
    for (const c of cases) if (c.role === 'keeper' || c.role === 'new-target') expect(c.role === 'new-target').toBe(c.scenario === 1);
  });

  const table = cases.flatMap((c) => [2023, 2024, 2025, 2026].map((year) => [c.merger, c.name, c.role, year, c] as const));
  it.each(table)('%s: %s (%s), year %i', (_m, _n, role, year, c) => {
    expect(outcome(decideYear(c.facts, year, '2026-02-10'))).toBe(EXPECTED[role][year]);
  });

  it('has each year of each merger filed by the merging OCMWs or by the merged OCMW, never both, never neither', () => {
    const byMerger = new Map<string, Case[]>();
    for (const c of cases) byMerger.set(c.merger, [...(byMerger.get(c.merger) ?? []), c]);
    for (const [merger, group] of byMerger) {
      for (const year of [2023, 2024, 2025]) {
        const filers = group.filter((c) => decideYear(c.facts, year, '2026-02-10').allowed).map((c) => c.role);
        const target = group.find((c) => c.role !== 'disappearing')!;
        if (year <= 2024) {
          // Every merging OCMW files its own part (the keeper included), the new organisation nothing.
          expect(filers.filter((r) => r === 'new-target'), `${merger} ${year}`).toEqual([]);
          expect(filers.length, `${merger} ${year}`).toBe(group.filter((c) => c.role !== 'new-target').length);
        } else {
          expect(filers, `${merger} ${year}`).toEqual([target.role]);
        }
      }
    }
  });

  it('refuses the current and future years before the year is over', () => {
    const borsbeek = cases.find((c) => c.name === 'Borsbeek')!;
    const antwerpen = cases.find((c) => c.name === 'Antwerpen')!;
    const pajottegem = cases.find((c) => c.name === 'Pajottegem')!;
    // On 10 February 2025: 2024 is over, 2025 not yet.
    expect(outcome(decideYear(borsbeek.facts, 2024, '2025-02-10'))).toBe('allowed (subsidy.note.last_report)');
    expect(outcome(decideYear(antwerpen.facts, 2025, '2025-02-10'))).toBe('subsidy.year.not_closed');
    expect(outcome(decideYear(pajottegem.facts, 2025, '2025-12-31'))).toBe('subsidy.year.not_closed');
    expect(outcome(decideYear(pajottegem.facts, 2025, '2026-01-01'))).toBe('allowed');
    // Borsbeek's 2025 is the merged OCMW's whatever the date: that reason comes first.
    expect(outcome(decideYear(borsbeek.facts, 2025, '2025-02-10'))).toBe('subsidy.year.disappeared');
  });
});

describe('the explanations (NL, FR, DE, EN)', () => {
  const cases = seedCases();
  const facts = (name: string) => cases.find((c) => c.name === name)!.facts;
  const reason = (name: string, year: number) => {
    const d = decideYear(facts(name), year, '2026-02-10');
    if (d.allowed) throw new Error('allowed');
    return d.reason;
  };
  const note = (name: string, year: number) => {
    const d = decideYear(facts(name), year, '2026-02-10');
    if (!d.allowed || !d.note) throw new Error('no note');
    return d.note;
  };

  it('tells a disappearing OCMW that the merged OCMW files from 2025 on', () => {
    expect(describeReason(reason('Borsbeek', 2025), 'nl')).toBe(
      'Het Uniek verslag 2025 dient OCMW Antwerpen in: OCMW Borsbeek is op 1 januari 2025 opgegaan in OCMW Antwerpen. Meld u aan als OCMW Antwerpen. OCMW Borsbeek dient zelf alleen de verslagen tot en met 2024 in.',
    );
    expect(describeReason(reason('Borsbeek', 2025), 'fr')).toBe(
      "Le rapport unique 2025 est introduit par CPAS Antwerpen : CPAS Borsbeek a fusionné dans CPAS Antwerpen le 1 janvier 2025. Connectez-vous en tant que CPAS Antwerpen. CPAS Borsbeek n'introduit lui-même que les rapports jusqu'à 2024 inclus.",
    );
  });

  it('tells a new merged OCMW that each former OCMW files 2024 itself, logged in as that OCMW', () => {
    expect(describeReason(reason('Pajottegem', 2024), 'nl')).toBe(
      'Elk voormalig OCMW dient zelf zijn Uniek verslag 2024 in (OCMW Galmaarden, OCMW Gooik en OCMW Herne): meld u aan als dat OCMW. Vanaf het verslag 2025 dient OCMW Pajottegem in.',
    );
    expect(describeReason(reason('Pajottegem', 2024), 'de')).toBe(
      'Jedes frühere ÖSHZ reicht seinen Einheitlichen Bericht 2024 selbst ein (ÖSHZ Galmaarden, ÖSHZ Gooik und ÖSHZ Herne): Melden Sie sich als dieses ÖSHZ an. Ab dem Bericht 2025 reicht ÖSHZ Pajottegem ein.',
    );
  });

  it('tells the OCMW that keeps its KBO that its 2024 report is for its own part', () => {
    expect(describeReason(note('Antwerpen', 2024), 'nl')).toBe(
      'Het Uniek verslag 2024 van OCMW Borsbeek dient OCMW Borsbeek zelf in: meld u aan als OCMW Borsbeek. Dit verslag gaat alleen over OCMW Antwerpen. Vanaf het verslag 2025 dient OCMW Antwerpen in voor het samengevoegde OCMW.',
    );
    expect(describeReason(note('Borsbeek', 2024), 'en')).toBe('This is the last Uniek verslag of OCMW Borsbeek: from the 2025 report on, OCMW Antwerpen files.');
  });

  it('names the window for a year that is not over, and the founding date for a year before it', () => {
    expect(describeReason(reason('Antwerpen', 2026), 'nl')).toBe(
      'Het subsidiejaar 2026 is nog niet voorbij: het Uniek verslag 2026 wordt ingediend van 1 februari 2027 tot en met 28 februari 2027.',
    );
    const young: FilingFacts = { organisation: { id: 'x', name: ocmw('Jong'), validFrom: '2019-07-01', validTo: null }, mergedFrom: [] };
    const d = decideYear(young, 2018, '2026-02-10');
    expect(d.allowed ? '' : describeReason(d.reason, 'en')).toBe('OCMW Jong did not exist yet in 2018 (founded on 1 July 2019): it cannot file a Uniek verslag 2018.');
    expect(decideYear(young, 2019, '2026-02-10').allowed).toBe(true);
  });

  it.each(SUBSIDY_MESSAGE_KEYS.flatMap((key) => LANGUAGES.map((lang) => [key, lang] as const)))('%s exists in %s', (key, lang) => {
    const params = { year: 2024, organisation: 'O', successor: 'S', sources: 'A', effectiveDate: 'd', lastYear: 2024, firstYear: 2025, validFrom: 'v', validTo: 't', from: 'f', to: 't', line: 1, date: 'd' };
    const text = subsidyMessage(key, lang, params);
    expect(text.length).toBeGreaterThan(1);
    expect(text).not.toMatch(/\{\w+\}/);
    if (lang !== 'nl' && lang !== 'en' && !key.startsWith('export.') && !key.startsWith('status.')) expect(text).not.toBe(subsidyMessage(key, 'nl', params));
  });
});

describe('the filing window (configurable; default February of the next year)', () => {
  it.each([
    ['2025-01-31', 'before'],
    ['2025-02-01', 'open'],
    ['2025-02-28', 'open'],
    ['2025-03-01', 'closed'],
    ['2026-02-10', 'closed'],
  ])('on %s the window of 2024 is %s', (today, state) => {
    expect(filingWindow(2024)).toEqual({ from: '2025-02-01', to: '2025-02-28' });
    expect(windowState(2024, today)).toBe(state);
  });

  it('ends on 29 February in a leap year', () => {
    expect(filingWindow(2027)).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    expect(windowState(2027, '2028-02-29')).toBe('open');
  });

  it('takes another window, clamping a day past the month end', () => {
    const w = { startMonthDay: '01-15', endMonthDay: '03-31' };
    expect(filingWindow(2024, w)).toEqual({ from: '2025-01-15', to: '2025-03-31' });
    expect(windowState(2024, '2025-03-15', w)).toBe('open');
    expect(filingWindow(2024, { startMonthDay: '02-01', endMonthDay: '02-30' })).toEqual({ from: '2025-02-01', to: '2025-02-28' });
  });

  it('refuses a malformed or reversed window', () => {
    expect(() => assertFilingWindow({ startMonthDay: '2-1', endMonthDay: '02-end' })).toThrow(/MM-DD/);
    expect(() => assertFilingWindow({ startMonthDay: '03-01', endMonthDay: '02-end' })).toThrow(/after the end/);
    expect(assertFilingWindow({ startMonthDay: '02-01', endMonthDay: '02-29' })).toBeTruthy();
  });

  it.each([
    ['02-01..02-end', { startMonthDay: '02-01', endMonthDay: '02-end' }],
    ['01-15..03-31', { startMonthDay: '01-15', endMonthDay: '03-31' }],
    [' 02-01 .. 02-29 ', { startMonthDay: '02-01', endMonthDay: '02-29' }],
    ['02-01..02-END', { startMonthDay: '02-01', endMonthDay: '02-end' }],
    ['03-10..03-10', { startMonthDay: '03-10', endMonthDay: '03-10' }],
    ['01-01..12-end', { startMonthDay: '01-01', endMonthDay: '12-end' }],
  ])('reads the configured window %j', (text, window) => {
    expect(parseFilingWindow(text)).toEqual({ ok: true, window });
  });

  it.each([
    ['02-01', /is not a window: write MM-DD\.\.MM-DD/],
    ['02-01..02-15..02-28', /is not a window/],
    ['02-01-02-28', /is not a window/],
    ['2-1..02-end', /the start "2-1" is not a day/],
    ['02-01..02-last', /the end "02-last" is not a day/],
    ['13-01..13-end', /the start "13-01" is not a day/],
    ['02-00..02-10', /the start "02-00" is not a day/],
    ['02-30..03-10', /the start "02-30" is not a day of that month/],
    ['04-01..04-31', /the end "04-31" is not a day of that month/],
    ['02-end..03-10', /only the end may be MM-end/],
    ['03-01..02-end', /the start 03-01 is after the end 02-end/],
    ['12-01..01-31', /within one calendar year/],
  ])('refuses %j with a readable reason', (text, reason) => {
    const parsed = parseFilingWindow(text);
    expect(parsed.ok).toBe(false);
    expect(parsed.ok ? '' : parsed.problem).toMatch(reason);
  });

  it('refuses a submission before and after the window, naming it', () => {
    const org = ocmw('Borsbeek');
    expect(decideSubmission(2024, org, '2025-02-14')).toBeUndefined();
    const early = decideSubmission(2024, org, '2025-01-20')!;
    expect(early.key).toBe('subsidy.window.not_open');
    expect(describeReason(early, 'nl')).toBe('Het Uniek verslag 2024 kan pas worden ingediend van 1 februari 2025 tot en met 28 februari 2025. Tot dan kunt u het ontwerp aanvullen.');
    const late = decideSubmission(2024, org, '2025-03-01')!;
    expect(late.key).toBe('subsidy.window.closed');
    expect(describeReason(late, 'fr')).toBe(
      "La période d'introduction du rapport unique 2024 allait du 1 février 2025 au 28 février 2025 inclus et est terminée : un rapport tardif ne peut plus être introduit que si l'administrateur du portail rouvre la période pour votre CPAS.",
    );
  });
});

describe('formatting', () => {
  it.each([
    [0, 'nl', '0,00'],
    [123456, 'nl', '1.234,56'],
    [100000000000, 'de', '1.000.000.000,00'],
    [123456, 'fr', '1\u00a0234,56'],
    [123456, 'en', '1,234.56'],
    [-5, 'nl', '-0,05'],
  ] as const)('%i cents in %s is %s', (cents, lang, text) => {
    expect(formatCents(cents, lang)).toBe(text);
  });

  it('writes dates out per language', () => {
    expect(LANGUAGES.map((l) => formatDate('2025-02-28', l))).toEqual(['28 februari 2025', '28 février 2025', '28. Februar 2025', '28 February 2025']);
  });
});

describe('a window reopened by the platform administrator (R10.2′)', () => {
  const name = { nl: 'OCMW Borsbeek', fr: 'CPAS Borsbeek', de: 'ÖSHZ Borsbeek' };
  it.each([
    // year, today, reopened until → state, submission refused with
    [2024, '2025-03-05', null, 'closed', 'subsidy.window.closed'],
    [2024, '2025-03-05', '2025-03-31', 'open', undefined],
    [2024, '2025-03-31', '2025-03-31', 'open', undefined],
    [2024, '2025-04-01', '2025-03-31', 'closed', 'subsidy.window.closed'],
    [2024, '2025-02-10', '2025-01-31', 'open', undefined], // an earlier date never shortens the window
    [2024, '2025-01-20', '2025-03-31', 'before', 'subsidy.window.not_open'], // it reopens the end, not the start
  ] as const)('year %i on %s, reopened until %s → %s', (year, today, until, state, refusal) => {
    expect(windowState(year, today, DEFAULT_FILING_WINDOW, until)).toBe(state);
    expect(decideSubmission(year, name, today, DEFAULT_FILING_WINDOW, until)?.key).toBe(refusal);
    expect(filingWindow(year, DEFAULT_FILING_WINDOW, until).to).toBe(until && until > '2025-02-28' ? until : '2025-02-28');
  });
});
