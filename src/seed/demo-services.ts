import { sql } from 'drizzle-orm';
import type { Db } from '../db/db.js';
import { addDays } from '../domain/clock.js';
import { inszFromParts } from '../shared/identifiers.js';
import { configurationRepo } from '../modules/configuration/index.js';
import { dossiersRepo } from '../modules/dossiers/index.js';
import { mutationsRepo, selectionCode } from '../modules/mutations/index.js';
import { registryRepo } from '../modules/registry/index.js';
import { slugify } from '../shared/slug.js';

/**
 * Demo data for the OCMW services (N1): every other Belgian OCMW (so a citizen of any
 * municipality finds the competent one), OCMW-configuratie of the merging OCMWs, running
 * dossiers, and ten days of delivered mutations for OCMW Antwerpen and OCMW Borsbeek. OCMW
 * Hoeselt is left without configuration, to show an OCMW that still has to fill it in.
 */

const UNCONFIGURED_NIS = '73032'; // Hoeselt

export interface ServiceSeedInput {
  /** The business date of seeding: mutations are delivered on the ten days before it. */
  today: string;
  /** Day before the first 2025 merger: the municipalities that existed then. */
  beforeMergers: string;
  ocmwValidFrom: string;
  areaValidFrom: string;
  /** The merging OCMWs of the seed: organisation id, NIS and slug of each. */
  merging: { organisationId: string; nis: string; slug: string; name: { nl: string; fr: string; de: string }; tbUserId: string }[];
  antwerpenId: string;
  borsbeekId: string;
  nextDemoKbo: () => string;
}

const SELECTED = ['MURN', 'MUSE', 'MURA-H205'] as const;

export async function seedServiceData(tx: Db, input: ServiceSeedInput): Promise<{ ocmws: number; dossiers: number; deliveries: number }> {
  // ── every other OCMW of Belgium, with its area ──
  const merging = new Set(input.merging.map((m) => m.nis));
  const all = await registryRepo.listAllMunicipalitiesAt(tx, input.beforeMergers);
  const postcodeOf = new Map(all.map((m) => [m.nis, m.postcode]));
  const others = all.filter((m) => !merging.has(m.nis));
  const inserted = await registryRepo.insertOrganisations(
    tx,
    others.map((m) => ({
      kbo: input.nextDemoKbo(),
      kind: 'ocmw',
      nameNl: `OCMW ${m.nameNl}`,
      nameFr: `CPAS ${m.nameFr}`,
      nameDe: `ÖSHZ ${m.nameDe}`,
      validFrom: input.ocmwValidFrom,
      validTo: null,
      isDemo: true,
    })),
  );
  await registryRepo.insertOcmwAreas(
    tx,
    others.map((m, i) => ({ organisationId: inserted[i]!.id, nis: m.nis, validFrom: input.areaValidFrom })),
  );

  const configured = input.merging.filter((m) => m.nis !== UNCONFIGURED_NIS);
  // ── OCMW-configuratie: contact data for every OCMW; settings, providers and mutations for the merging ones ──
  await configurationRepo.insertVersions(tx, [
    ...others.map((m, i) => ({
      organisationId: inserted[i]!.id,
      section: 'contact',
      data: demoContact({ nl: m.nameNl, fr: m.nameFr, de: m.nameDe }, m.postcode, i),
      savedBy: null,
    })),
    ...configured.flatMap((m, i) => readyConfiguration({ ...m, postcode: postcodeOf.get(m.nis) ?? null, n: others.length + i, savedBy: m.tbUserId })),
  ]);
  await configurationRepo.insertSelections(tx, configured.flatMap((m) => demoSelections(m.organisationId, m.tbUserId)));

  // ── dossiers: 20 people followed by Antwerpen, 8 by Borsbeek (two of them by both), 3 by every other merging OCMW ──
  const person = (n: number) => inszFromParts(`${String(50 + (n % 45)).padStart(2, '0')}${String(1 + (n % 12)).padStart(2, '0')}${String(1 + ((n * 3) % 28)).padStart(2, '0')}`, 100 + n);
  const dossierRows: { organisationId: string; insz: string; openedOn: string }[] = [];
  for (let n = 0; n < 20; n++) dossierRows.push({ organisationId: input.antwerpenId, insz: person(n), openedOn: addDays('2024-01-15', n * 9) });
  for (let n = 18; n < 26; n++) dossierRows.push({ organisationId: input.borsbeekId, insz: person(n), openedOn: addDays('2024-03-01', n * 5) });
  let next = 26;
  for (const m of input.merging) {
    if (m.organisationId === input.antwerpenId || m.organisationId === input.borsbeekId) continue;
    for (let k = 0; k < 3; k++) dossierRows.push({ organisationId: m.organisationId, insz: person(next++), openedOn: addDays('2024-02-01', k * 30) });
  }
  await dossiersRepo.insertDossiers(tx, dossierRows);
  // Their forms (R9.1): a running living wage from the opening, a running A036 certificate for
  // every second person (until mid-2025), and for every third an earlier, stopped decision. The
  // two people followed by both Antwerpen and Borsbeek show the cut-over's conflict list.
  await tx.execute(sql`
    insert into dossier_forms (dossier_id, organisation_id, insz, kind, subtype, start_date, end_date, status, created_by, stopped_at, stopped_by)
    select d.id, d.organisation_id, d.insz, 'integration', 'leefloon', d.opened_on, null::date, 'running', 'demo', null::timestamptz, null::text
    from dossiers d
    union all
    select d.id, d.organisation_id, d.insz, 'a036', 'medische-kosten', d.opened_on + 14, date '2025-06-30', 'running', 'demo', null, null
    from (select d.*, row_number() over (order by d.organisation_id, d.insz) as n from dossiers d) d where d.n % 2 = 0
    union all
    select d.id, d.organisation_id, d.insz, 'integration', 'equivalent-leefloon', d.opened_on - 120, d.opened_on - 1, 'stopped', 'demo', now(), 'demo'
    from (select d.*, row_number() over (order by d.organisation_id, d.insz) as n from dossiers d) d where d.n % 3 = 0`);

  // ── ten days of mutations, each day's batch routed on that day (as the daily run would have done) ──
  const types = [
    { type: 'MURN', payload: { wijziging: 'adres', straat: 'Lange Nieuwstraat' } },
    { type: 'MUSE', payload: { wijziging: 'zelfstandige activiteit', status: 'stopgezet' } },
    { type: 'MURA', subType: 'H205', payload: { hoedanigheid: 'vluchteling' } },
    { type: 'MUPK', payload: { pensioen: 'toegekend' } },
  ] as const;
  let deliveries = 0;
  for (let d = 10; d >= 1; d--) {
    const day = addDays(input.today, -d);
    const rows = Array.from({ length: 4 }, (_, k) => {
      const t = types[(d + k) % types.length]!;
      const subType = 'subType' in t ? t.subType : null;
      return {
        type: t.type,
        subType,
        code: selectionCode({ type: t.type, subType: subType ?? undefined }),
        insz: person((d * 4 + k) % 26),
        occurredAt: new Date(`${addDays(day, -1)}T${String(8 + k * 2).padStart(2, '0')}:30:00+01:00`),
        payload: t.payload,
        source: 'demo',
      };
    });
    deliveries += await mutationsRepo.routeMutations(tx, await mutationsRepo.insertMutations(tx, rows), day);
  }
  return { ocmws: others.length, dossiers: dossierRows.length, deliveries };
}

/** An OCMW's contact data in the three languages of its address (the n-th demo OCMW's phone number). */
export function demoContact(name: { nl: string; fr: string; de: string }, postcode: string | null, n: number) {
  return {
    streetNl: 'Sociaal Huis, Kerkstraat',
    streetFr: 'Maison sociale, rue de l’Église',
    streetDe: 'Sozialhaus, Kirchstraße',
    cityNl: name.nl,
    cityFr: name.fr,
    cityDe: name.de,
    number: String(1 + (n % 90)),
    postcode: postcode ?? '1000',
    receptionPhone: `+32 2 555 ${String(1000 + n).slice(-4, -2)} ${String(1000 + n).slice(-2)}`,
    receptionEmail: `onthaal@${slugify(name.nl)}.ocmw.demo.example`,
  };
}

/**
 * The OCMW-configuratie an OCMW fills in before it works in the portal: contact data, OCMW
 * Online notifications and reminders, technical providers (the checklist's sections).
 */
export function readyConfiguration(m: { organisationId: string; slug: string; name: { nl: string; fr: string; de: string }; postcode: string | null; n: number; savedBy: string | null }) {
  return [
    { organisationId: m.organisationId, section: 'contact', data: demoContact(m.name, m.postcode, m.n), savedBy: m.savedBy },
    {
      organisationId: m.organisationId,
      section: 'online',
      data: {
        notificationsEnabled: true,
        notificationAddress: `ocmw.${m.slug}@demo.example`,
        remindersEnabled: true,
        reminderAddress: `ocmw.${m.slug}@demo.example`,
        reminderDelayDays: 2,
        reminderFrequencyDays: 1,
      },
      savedBy: m.savedBy,
    },
    {
      organisationId: m.organisationId,
      section: 'technical',
      data: {
        networkProvider: 'Cipal',
        softwareVendors: ['Cevi - Logins'],
        programmes: ['NewHorizon (NH)'],
        technicalContact: { surname: 'Wouters', firstName: 'Kris', email: `ict@${m.slug}.ocmw.demo.example`, phone: '+32 3 555 10 10' },
        testContact: { surname: 'Aerts', firstName: 'Lies', email: `test@${m.slug}.ocmw.demo.example`, phone: '+32 3 555 10 11' },
      },
      savedBy: m.savedBy,
    },
  ];
}

/** The mutations an OCMW of the demo selected (the configuration's fourth section). */
export function demoSelections(organisationId: string, selectedBy: string | null, validFrom = '2024-01-01') {
  return SELECTED.map((code) => ({ organisationId, mutationType: code, validFrom, selectedBy }));
}

