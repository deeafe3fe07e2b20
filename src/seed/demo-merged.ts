import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../db/db.js';
import { addDays } from '../domain/clock.js';
import { accessRepo } from '../modules/access/index.js';
import { configurationRepo } from '../modules/configuration/index.js';
import { dossiersRepo } from '../modules/dossiers/index.js';
import { helpRequestsRepo } from '../modules/help-requests/index.js';
import type { MergerService } from '../modules/merger/index.js';
import { registryRepo } from '../modules/registry/index.js';
import { inszFromParts } from '../shared/identifiers.js';
import { slugify } from '../shared/slug.js';
import { demoSelections, readyConfiguration } from './demo-services.js';

/**
 * Issue 19: the demo on its date. The base seed (demo.ts) is the state before the mergers of
 * 2025; this part brings it to the business date the way the portal itself would have got there:
 *
 * - every merged OCMW of a merger whose date has come is made ready as the guide asks of it:
 *   its HTB through the region's HTB file (the engine's import, `importHtbRows`), its OCMW-configuratie
 *   (contact data in three languages, OCMW Online notifications, technical providers, mutations);
 * - the mergers are carried out wave by wave by the cut-over service (`cutover.runWave`, as
 *   `ocmw merger wave DATE` does): no post-merger row is written here;
 * - afterwards the merged OCMW works: a scenario-1 HTB appoints the new domain's TB ("TB
 *   aanstellen"), and every merged OCMW has a social worker who reads OCMW Online;
 * - a rehearsal merger ("oefenfusie", `mergers.rehearsal`) on the next 1 January, of two small
 *   OCMWs (Heers absorbs Herstappe, scenario 3), with HTBs, users, configuration and running
 *   forms, not carried out: checklist, dry run, cut-over and undo can be tried on it. It is left
 *   out when real mergers take place on that date (before 2025 the real wave is the one to try).
 *
 * A business date before 2025-01-01 leaves the demo as the base seed made it.
 */

/** A business date on which the demo is the state before the 2025 mergers (tests that need it pass it). */
export const PRE_MERGER_DATE = '2024-12-31';

const EVERYDAY = ['sociale-agent', 'ocmw-online', 'ebox'];
const SEED_ACTOR = { userId: null, username: 'demo-seed' };

/** The rehearsal merger: Heers (73022) absorbs Herstappe (73028), two of the smallest municipalities. */
const REHEARSAL = { keeper: { nis: '73022', slug: 'heers' }, absorbed: { nis: '73028', slug: 'herstappe' } };

export interface DatedSeedDeps {
  db: Db;
  mergers: MergerService;
  /** The mergers dated on or before it are carried out; the rehearsal merger is on the next 1 January. */
  until: string;
  passwordHash: string;
}

type PersonSpec = { username: string; surname: string; firstName: string; title: 'DE_HEER' | 'MEVROUW'; insz: string };

/** People this part adds (born 1955–1959, serials from 900: never one of the base seed's INSZ). */
function people(passwordHash: string) {
  let n = 0;
  const names = [
    ['Vermeulen', 'Griet', 'MEVROUW'],
    ['Claessens', 'Bram', 'DE_HEER'],
    ['Smets', 'Hilde', 'MEVROUW'],
    ['Jacobs', 'Ruben', 'DE_HEER'],
    ['Cools', 'Evi', 'MEVROUW'],
    ['Verbeke', 'Jonas', 'DE_HEER'],
  ] as const;
  return (username: string) => {
    const [surname, firstName, title] = names[n % names.length]!;
    const birth = `${55 + (n % 5)}${String(1 + (n % 12)).padStart(2, '0')}${String(1 + ((n * 5) % 28)).padStart(2, '0')}`;
    const spec: PersonSpec = { username, surname, firstName, title, insz: inszFromParts(birth, 900 + n) };
    n++;
    return { ...spec, passwordHash, language: 'nl', email: `${username}@demo.example` };
  };
}

/** Brings the base demo to its date (see above). */
export async function seedDatedDemo({ db, mergers, until, passwordHash }: DatedSeedDeps): Promise<{ carriedOut: number; rehearsal: boolean }> {
  const person = people(passwordHash);
  const all = await mergers.listMergers();
  const due = all.filter((m) => !m.rehearsal && m.status === 'planned' && m.effectiveDate <= until);
  let carriedOut = 0;
  for (const date of [...new Set(due.map((m) => m.effectiveDate))].sort()) {
    const wave = due.filter((m) => m.effectiveDate === date);
    await readyMergedOcmws(db, mergers, wave, person);
    const report = await mergers.cutover.runWave(date, SEED_ACTOR);
    const left = report.mergers.filter((m) => m.status !== 'applied');
    if (left.length) throw new Error(`demo seed: the wave of ${date} left ${left.map((m) => `${m.code} (${m.status})`).join(', ')}`);
    carriedOut += report.runs.length;
    await staffMergedOcmws(db, wave, person);
  }
  const rehearsalDate = `${Number(until.slice(0, 4)) + 1}-01-01`;
  const rehearsal = !all.some((m) => m.effectiveDate === rehearsalDate);
  if (rehearsal) await seedRehearsal(db, mergers, rehearsalDate, person);
  return { carriedOut, rehearsal };
}

type Listed = Awaited<ReturnType<MergerService['listMergers']>>[number];
type Person = ReturnType<typeof people>;

const targetSlug = (m: Listed) => slugify(m.name);

/** Before the cut-over: the merged OCMW's HTB (the region's file) and its OCMW-configuratie. */
async function readyMergedOcmws(db: Db, mergers: MergerService, wave: Listed[], person: Person) {
  // The region names an HTB for each new organisation (scenario 1); a keeper has its own already.
  const lacking: Listed[] = [];
  for (const m of wave) if (!(await hasHtb(db, m.target.organisation.id))) lacking.push(m);
  if (lacking.length) {
    const htbs = lacking.map((m) => ({ merger: m, htb: person(`htb.${targetSlug(m)}`) }));
    await accessRepo.insertUsers(db, htbs.map((h) => h.htb));
    await importHtbFile(mergers, htbs.flatMap(({ merger, htb }) => merger.sources.map((s) => ({ source: s.organisation.kboFormatted, target: merger.target.organisation.kboFormatted, htb }))));
  }
  const unconfigured: Listed[] = [];
  for (const m of wave) if (!(await hasContact(db, m.target.organisation.id))) unconfigured.push(m);
  if (unconfigured.length === 0) return;
  const htbOf = new Map<string, string>();
  for (const m of unconfigured) htbOf.set(m.target.organisation.id, (await htbUserId(db, m.target.organisation.id))!);
  const postcodes = new Map((await registryRepo.listAllMunicipalitiesAt(db, wave[0]!.effectiveDate)).map((r) => [r.nis, r.postcode]));
  await db.transaction(async (txh) => {
    const tx = txh as unknown as Db;
    await configurationRepo.insertVersions(
      tx,
      unconfigured.flatMap((m, i) =>
        readyConfiguration({
          organisationId: m.target.organisation.id,
          slug: targetSlug(m),
          name: m.target.municipalityName ?? { nl: m.name, fr: m.name, de: m.name },
          postcode: postcodes.get(m.target.nis) ?? null,
          n: 900 + i,
          savedBy: htbOf.get(m.target.organisation.id)!,
        }),
      ),
    );
    await configurationRepo.insertSelections(tx, unconfigured.flatMap((m) => demoSelections(m.target.organisation.id, htbOf.get(m.target.organisation.id)!, m.effectiveDate)));
  });
}

/** After the cut-over: the new domain's TB (scenario 1) and a reader of OCMW Online in every merged OCMW. */
async function staffMergedOcmws(db: Db, wave: Listed[], person: Person) {
  const newUsers: ReturnType<Person>[] = [];
  const memberships: { domainId: string; username: string; type: string; applications: string[] }[] = [];
  for (const m of wave) {
    const slug = targetSlug(m);
    const domainId = await mwDomain(db, m.target.organisation.id);
    if (!domainId) throw new Error(`demo seed: merged OCMW ${m.code} has no MW domain after its cut-over`);
    if (!(await hasActiveTb(db, domainId))) {
      newUsers.push(person(`tb.${slug}`));
      memberships.push({ domainId, username: `tb.${slug}`, type: 'TB', applications: EVERYDAY });
    }
    if ((await helpRequestsRepo.withoutReader(db, [m.target.organisation.id], m.effectiveDate)).length) {
      newUsers.push(person(`user.${slug}`));
      memberships.push({ domainId, username: `user.${slug}`, type: 'USER', applications: EVERYDAY });
    }
  }
  await db.transaction(async (txh) => {
    const tx = txh as unknown as Db;
    const ids = new Map((await accessRepo.insertUsers(tx, newUsers)).map((u) => [u.username, u.id]));
    await accessRepo.insertMemberships(tx, memberships.map(({ username, ...m }) => ({ ...m, userId: ids.get(username)! })));
  });
}

/** The rehearsal merger with everything it needs to be tried on (see above). */
async function seedRehearsal(db: Db, mergers: MergerService, date: string, person: Person) {
  const dayBefore = addDays(date, -1);
  const orgOf = async (nis: string) => (await queryRows<{ id: string }>(db, sql`
    select a.organisation_id as id from ocmw_areas a
    where a.nis = ${nis} and a.valid_from <= ${dayBefore}::date and (a.valid_to is null or a.valid_to > ${dayBefore}::date)`))[0]?.id;
  const keeperId = await orgOf(REHEARSAL.keeper.nis);
  const absorbedId = await orgOf(REHEARSAL.absorbed.nis);
  if (!keeperId || !absorbedId) return; // a database without these OCMWs (never the demo's)
  const keeper = { ...REHEARSAL.keeper, id: keeperId };
  const absorbed = { ...REHEARSAL.absorbed, id: absorbedId };
  const sides = [keeper, absorbed];
  const names = new Map((await registryRepo.organisationNamesOn(db, [keeper.id, absorbed.id], dayBefore)).map((o) => [o.id, { nl: o.nameNl.replace(/^OCMW /, ''), fr: o.nameFr.replace(/^CPAS /, ''), de: o.nameDe.replace(/^ÖSHZ /, '') }]));
  const postcodes = new Map((await registryRepo.listAllMunicipalitiesAt(db, dayBefore)).map((r) => [r.nis, r.postcode]));
  const htbs = new Map(sides.map((s) => [s.id, person(`htb.${s.slug}`)]));
  const rest = sides.flatMap((s) => [
    { org: s.id, spec: person(`tb.${s.slug}`), type: 'TB', applications: [] as string[] },
    { org: s.id, spec: person(`user.${s.slug}`), type: 'USER', applications: EVERYDAY },
  ]);
  const merger = await db.transaction(async (txh) => {
    const tx = txh as unknown as Db;
    const domains = new Map(
      (await registryRepo.insertDomains(tx, sides.map((s) => ({ organisationId: s.id, code: 'MW', contactEmail: `ocmw.${s.slug}@demo.example` })))).map((d) => [d.organisationId, d.id]),
    );
    const ids = new Map((await accessRepo.insertUsers(tx, [...htbs.values(), ...rest.map((r) => r.spec)])).map((u) => [u.username, u.id]));
    // Herstappe's HTB is its own; Heers's comes through the region's file, as for any merged OCMW.
    await accessRepo.insertManagers(tx, [{ organisationId: absorbed.id, userId: ids.get(htbs.get(absorbed.id)!.username)!, role: 'HTB' }]);
    await accessRepo.insertMemberships(tx, rest.map((r) => ({ domainId: domains.get(r.org)!, userId: ids.get(r.spec.username)!, type: r.type, applications: r.applications })));
    const tbOf = (s: typeof keeper) => ids.get(`tb.${s.slug}`)!;
    await configurationRepo.insertVersions(
      tx,
      sides.flatMap((s, i) => readyConfiguration({ organisationId: s.id, slug: s.slug, name: names.get(s.id)!, postcode: postcodes.get(s.nis) ?? null, n: 950 + i, savedBy: tbOf(s) }).filter((v) => v.section !== 'contact')),
    );
    await configurationRepo.insertSelections(tx, sides.flatMap((s) => demoSelections(s.id, tbOf(s))));
    // Two people followed by each, one of them by both: a living wage running into the new year.
    const followed = (k: number) => inszFromParts(`57${String(1 + k).padStart(2, '0')}15`, 960 + k);
    await dossiersRepo.insertDossiers(tx, [
      { organisationId: keeper.id, insz: followed(0), openedOn: '2024-03-01' },
      { organisationId: keeper.id, insz: followed(1), openedOn: '2024-05-01' },
      { organisationId: absorbed.id, insz: followed(1), openedOn: '2024-06-01' },
      { organisationId: absorbed.id, insz: followed(2), openedOn: '2024-09-01' },
    ]);
    await tx.execute(sql`
      insert into dossier_forms (dossier_id, organisation_id, insz, kind, subtype, start_date, end_date, status, created_by)
      select d.id, d.organisation_id, d.insz, 'integration', 'leefloon', d.opened_on, null::date, 'running', 'demo'
      from dossiers d where d.organisation_id in (${keeper.id}::uuid, ${absorbed.id}::uuid)`);
    const code = `oefenfusie-${keeper.slug}-${absorbed.slug}-${date.slice(0, 4)}`;
    return mergers.createMerger(
      {
        code,
        name: `Oefenfusie ${names.get(keeper.id)!.nl}-${names.get(absorbed.id)!.nl}`,
        effectiveDate: date,
        sources: sides.map((s) => ({ organisationId: s.id, nis: s.nis })),
        targetOrganisationId: keeper.id,
        targetNis: keeper.nis,
        declaredScenario: 3,
        rehearsal: true,
      },
      tx,
    );
  });
  // Heers keeps its KBO: the region's file names its HTB for both rows.
  const kbo = new Map((await registryRepo.listOrganisationsByIds(db, [keeper.id, absorbed.id])).map((o) => [o.id, o.kbo]));
  await importHtbFile(mergers, sides.map((s) => ({ source: kbo.get(s.id)!, target: kbo.get(keeper.id)!, htb: htbs.get(keeper.id)! })));
  return merger;
}

/**
 * The region's HTB file for the given rows, imported as the administrator's import does once it
 * has read the file (the same checks and appointments; issue 20: no workbook written and read
 * back at a first start).
 */
async function importHtbFile(mergers: MergerService, rows: { source: string; target: string; htb: PersonSpec & { email: string } }[]) {
  const report = await mergers.importHtbRows(
    rows.map((r, i) => ({ row: i + 2, sourceKbo: r.source, targetKbo: r.target, insz: r.htb.insz, surname: r.htb.surname, firstName: r.htb.firstName, email: r.htb.email })),
    { dryRun: false, actor: null },
  );
  if (!report.valid) throw new Error(`demo seed: the HTB file was refused: ${JSON.stringify(report.rows.filter((r) => r.problems.length))}`);
}

async function hasHtb(db: Db, organisationId: string) {
  return (await htbUserId(db, organisationId)) !== undefined;
}

async function htbUserId(db: Db, organisationId: string) {
  const [row] = await queryRows<{ id: string }>(db, sql`select user_id as id from organisation_managers where organisation_id = ${organisationId}::uuid and role = 'HTB'`);
  return row?.id;
}

async function hasContact(db: Db, organisationId: string) {
  const rows = await queryRows<{ one: number }>(db, sql`select 1 as one from configuration_versions where organisation_id = ${organisationId}::uuid and section = 'contact' limit 1`);
  return rows.length > 0;
}

async function mwDomain(db: Db, organisationId: string) {
  const [row] = await queryRows<{ id: string }>(db, sql`select id from domains where organisation_id = ${organisationId}::uuid and code = 'MW'`);
  return row?.id;
}

async function hasActiveTb(db: Db, domainId: string) {
  const rows = await queryRows<{ one: number }>(db, sql`select 1 as one from memberships where domain_id = ${domainId}::uuid and type = 'TB' and status = 'active' limit 1`);
  return rows.length > 0;
}
