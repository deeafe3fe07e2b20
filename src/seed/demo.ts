import type { Db } from '../db/db.js';
import { addDays } from '../domain/clock.js';
import { inszFromParts, kboFromBody } from '../shared/identifiers.js';
import { accessRepo, hashPassword } from '../modules/access/index.js';
import type { MergerService } from '../modules/merger/index.js';
import { readSeedMergers, registryRepo, type RegistryService } from '../modules/registry/index.js';
import { seedEboxData } from './demo-ebox.js';
import { seedDatedDemo } from './demo-merged.js';
import { seedOnlineData } from './demo-online.js';
import { slugify } from '../shared/slug.js';
import { seedServiceData } from './demo-services.js';

export { PRE_MERGER_DATE } from './demo-merged.js';

/**
 * Demo data (N1, `ocmw db seed --demo`): every OCMW of the 13 mergers of 2025 before the
 * cut-over, the new organisations of scenario 1, the six technical intermediaries of the guide,
 * two institutions, and people in every role. Only OCMW Antwerpen has its real KBO number (it
 * is in the guide); every other KBO number is a valid demo number (prefix 0999) marked is_demo.
 * Issue 19: then brought to its date by demo-merged.ts (the mergers dated up to `until` carried
 * out by the cut-over service, a rehearsal merger on the next 1 January).
 */
export { DEMO_PASSWORD } from './demo-credentials.js';
import { DEMO_PASSWORD } from './demo-credentials.js';

export interface DemoLogin {
  username: string;
  description: string;
}

/** The logins printed at start-up and listed in the README. */
export const DEMO_LOGINS: DemoLogin[] = [
  { username: 'admin', description: 'Portaalbeheerder (platform administrator)' },
  { username: 'an.peeters', description: 'Gebruiker in OCMW Borsbeek (verdwijnend) én OCMW Antwerpen: kiest bij het aanmelden' },
  { username: 'htb.antwerpen', description: 'Hoofdtoegangsbeheerder (HTB) van OCMW Antwerpen' },
  { username: 'cohtb.antwerpen', description: 'Co-HTB van OCMW Antwerpen' },
  { username: 'tb.antwerpen', description: 'Toegangsbeheerder (TB) Maatschappelijk Welzijn, OCMW Antwerpen' },
  { username: 'cotb.antwerpen', description: 'Co-toegangsbeheerder, OCMW Antwerpen' },
  { username: 'user.antwerpen', description: 'Gebruiker met Sociale Agent, OCMW Online en e-Box, OCMW Antwerpen' },
  { username: 'dpo.antwerpen', description: 'Functionaris voor gegevensbescherming van OCMW Antwerpen: doorzoekt de toegangslog' },
  { username: 'tb.beveren', description: 'TB van OCMW Beveren (scenario 1); zo ook tb.<gemeente> voor elk fuserend OCMW' },
  { username: 'htb.beveren', description: 'HTB van OCMW Beveren; zo ook htb.<gemeente>' },
  { username: 'user.beveren-kruibeke-zwijndrecht', description: 'Vanaf 1/1/2025: gebruiker met OCMW Online van het fusie-OCMW; zo ook htb.<fusie>, tb.<fusie>' },
  { username: 'htb.heers', description: 'HTB van OCMW Heers in de oefenfusie Heers-Herstappe (volgende 1 januari); zo ook tb./user.heers en .herstappe' },
  { username: 'vendor.cevi', description: 'Gebruiker van softwareleverancier Cevi - Logins (technische tussenpersoon)' },
];

const ANTWERPEN_KBO = '0212235604';
const OCMW_VALID_FROM = '1977-01-01'; // the OCMWs were founded by the organic law of 8 July 1976
const AREA_VALID_FROM = '2019-01-01'; // the REFNIS data start here

const VENDORS = [
  { nl: 'Cevi - Logins', fr: 'Cevi - Logins', de: 'Cevi - Logins', slug: 'cevi' },
  { nl: 'Cipal - Schaubroeck', fr: 'Cipal - Schaubroeck', de: 'Cipal - Schaubroeck', slug: 'cipal' },
  { nl: 'Civadis', fr: 'Civadis', de: 'Civadis', slug: 'civadis' },
  { nl: 'Sociabili (OCMW van Charleroi)', fr: 'Sociabili (CPAS de Charleroi)', de: 'Sociabili (ÖSHZ Charleroi)', slug: 'sociabili' },
  { nl: 'Digipolis Antwerpen', fr: 'Digipolis Anvers', de: 'Digipolis Antwerpen', slug: 'digipolis' },
  { nl: 'Smals', fr: 'Smals', de: 'Smals', slug: 'smals' },
];

const INSTITUTIONS = [
  { nl: 'Rijksdienst voor Sociale Zekerheid (RSZ)', fr: 'Office national de sécurité sociale (ONSS)', de: 'Landesamt für soziale Sicherheit (LSS)' },
  { nl: 'POD Maatschappelijke Integratie', fr: 'SPP Intégration sociale', de: 'ÖPD Sozialeingliederung' },
];

const FIRST_NAMES = ['Jan', 'Els', 'Pieter', 'Sofie', 'Tom', 'Lien', 'Koen', 'Nathalie', 'Bart', 'Inge', 'Wim', 'Katrien', 'Dirk', 'Ann', 'Luc', 'Marleen'];
const SURNAMES = ['Peeters', 'Janssens', 'Maes', 'Jacobs', 'Mertens', 'Willems', 'Claes', 'Goossens', 'Wouters', 'De Smet', 'Dubois', 'Hermans', 'Aerts', 'Lambrechts', 'Dupont', 'Van Damme'];


export interface SeedDeps {
  db: Db;
  registry: RegistryService;
  mergers: MergerService;
  /** The business date of seeding (the demo's recent mutations are dated before it). */
  today: string;
  /** Where to write the demo vendor's client certificate and key (README: curl example). */
  demoFilesDir?: string;
  /** DEMO_PASSWORD's hash when the caller started it already (bootstrap: hashDemoPasswords). */
  passwordHash?: Promise<string>;
  /**
   * Issue 19: the mergers dated on or before it are carried out by the cut-over service, and a
   * rehearsal merger is planned on the next 1 January (demo-merged.ts). Default: `today`.
   * PRE_MERGER_DATE keeps the demo as it was before the mergers of 2025.
   */
  until?: string;
}

/** True when the database already holds organisations (seeding is then skipped). */
export async function hasData(db: Db): Promise<boolean> {
  const page = await registryRepo.listOrganisations(db, { offset: 0, limit: 1 });
  return page.total > 0;
}

/** Loads the demo data in one transaction. Reference data must be loaded first. */
export async function seedDemo(deps: SeedDeps): Promise<{ organisations: number; users: number; mergers: number; carriedOut: number; rehearsal: boolean }> {
  const { passwordHash, ...base } = await seedBase(deps);
  const dated = await seedDatedDemo({ db: deps.db, mergers: deps.mergers, until: deps.until ?? deps.today, passwordHash });
  return { ...base, mergers: base.mergers + (dated.rehearsal ? 1 : 0), ...dated };
}

/** The demo before the mergers of 2025, in one transaction. */
async function seedBase({ db, registry, mergers, today, demoFilesDir, passwordHash: hashed }: SeedDeps) {
  const passwordHash = await (hashed ?? hashPassword(DEMO_PASSWORD));
  const seedMergers = readSeedMergers();
  let demoCounter = 0;
  const demoKbo = () => kboFromBody(`0999${String(++demoCounter).padStart(4, '0')}`);

  const sourceNames = await registry.municipalityNames(
    seedMergers.map((r) => r.sourceNis),
    addDays(seedMergers[0]!.effectiveDate, -1),
  );
  const targetNames = await registry.municipalityNames(
    seedMergers.map((r) => r.targetNis),
    seedMergers[0]!.effectiveDate,
  );
  // Everything below runs in one transaction; no query may use `db` itself in there (PGlite
  // has one connection: a query outside the transaction would wait for it forever).
  return db.transaction(async (txh) => {
    const tx = txh as unknown as Db;
    // ── organisations ──
    type OrgSpec = Parameters<typeof registryRepo.insertOrganisations>[1][number];
    const ocmwName = (n: { nl: string; fr: string; de: string }) => ({
      nameNl: `OCMW ${n.nl}`,
      nameFr: `CPAS ${n.fr}`,
      nameDe: `ÖSHZ ${n.de}`,
    });
    const orgSpecs: OrgSpec[] = [];
    for (const row of seedMergers) {
      const m = sourceNames.get(row.sourceNis)!.name;
      const disappears = !row.sourceKeepsKbo;
      const isAntwerpen = row.sourceNis === '11002';
      orgSpecs.push({
        kbo: isAntwerpen ? ANTWERPEN_KBO : demoKbo(),
        kind: 'ocmw',
        ...ocmwName(m),
        validFrom: OCMW_VALID_FROM,
        validTo: disappears ? row.effectiveDate : null,
        isDemo: !isAntwerpen,
      });
    }
    const newTargets = [...new Map(seedMergers.filter((r) => r.scenario === 1).map((r) => [r.mergerName, r])).values()];
    for (const row of newTargets) {
      orgSpecs.push({
        kbo: demoKbo(),
        kind: 'ocmw',
        ...ocmwName(targetNames.get(row.targetNis)!.name),
        validFrom: row.effectiveDate,
        validTo: null,
        isDemo: true,
      });
    }
    for (const v of VENDORS) {
      orgSpecs.push({ kbo: demoKbo(), kind: 'vendor', nameNl: v.nl, nameFr: v.fr, nameDe: v.de, validFrom: OCMW_VALID_FROM, isDemo: true });
    }
    for (const i of INSTITUTIONS) {
      orgSpecs.push({ kbo: demoKbo(), kind: 'institution', nameNl: i.nl, nameFr: i.fr, nameDe: i.de, validFrom: OCMW_VALID_FROM, isDemo: true });
    }
    const inserted = await registryRepo.insertOrganisations(tx, orgSpecs);
    const orgId = (i: number) => inserted[i]!.id;
    const sourceOrg = new Map(seedMergers.map((r, i) => [r.sourceNis, orgId(i)]));
    const targetOrg = new Map(newTargets.map((r, i) => [r.mergerName, orgId(seedMergers.length + i)]));
    const vendorOrg = new Map(VENDORS.map((v, i) => [v.slug, orgId(seedMergers.length + newTargets.length + i)]));

    // ── domains and areas: Maatschappelijk Welzijn for every existing OCMW, Werkgever RSZ for vendors ──
    const domainRows = await registryRepo.insertDomains(tx, [
      ...seedMergers.map((r) => ({ organisationId: sourceOrg.get(r.sourceNis)!, code: 'MW', contactEmail: `ocmw.${slugify(sourceNames.get(r.sourceNis)!.name.nl)}@demo.example` })),
      ...VENDORS.map((v) => ({ organisationId: vendorOrg.get(v.slug)!, code: 'RSZ', contactEmail: `portaal@${v.slug}.demo.example` })),
    ]);
    const domainOf = new Map(domainRows.map((d) => [d.organisationId, d.id]));
    await registryRepo.insertOcmwAreas(
      tx,
      seedMergers.map((r) => ({ organisationId: sourceOrg.get(r.sourceNis)!, nis: r.sourceNis, validFrom: AREA_VALID_FROM })),
    );

    // ── mergers ──
    const byMerger = new Map<string, typeof seedMergers>();
    for (const r of seedMergers) byMerger.set(r.mergerName, [...(byMerger.get(r.mergerName) ?? []), r]);
    for (const [name, rows] of byMerger) {
      const keeper = rows.find((r) => r.sourceKeepsKbo);
      await mergers.createMerger(
        {
          code: `${slugify(name)}-${rows[0]!.effectiveDate.slice(0, 4)}`,
          name,
          effectiveDate: rows[0]!.effectiveDate,
          sources: rows.map((r) => ({ organisationId: sourceOrg.get(r.sourceNis)!, nis: r.sourceNis })),
          targetOrganisationId: keeper ? sourceOrg.get(keeper.sourceNis)! : targetOrg.get(name)!,
          targetNis: rows[0]!.targetNis,
          declaredScenario: rows[0]!.scenario,
        },
        tx,
      );
    }

    // ── people ──
    let personCounter = 0;
    const person = (username: string, overrides: Partial<Parameters<typeof accessRepo.insertUsers>[1][number]> = {}) => {
      const n = personCounter++;
      const yy = String(60 + (n % 35)).padStart(2, '0');
      const mm = String(1 + (n % 12)).padStart(2, '0');
      const dd = String(1 + (n % 28)).padStart(2, '0');
      return {
        username,
        passwordHash,
        insz: inszFromParts(`${yy}${mm}${dd}`, 1 + ((n * 37) % 997)),
        surname: SURNAMES[n % SURNAMES.length]!,
        firstName: FIRST_NAMES[(n * 7) % FIRST_NAMES.length]!,
        title: n % 2 === 0 ? 'DE_HEER' : 'MEVROUW',
        language: 'nl',
        email: `${username}@demo.example`,
        ...overrides,
      };
    };
    const people = [
      person('admin', { surname: 'Beheerder', firstName: 'Portaal', isPlatformAdmin: true, insz: null }),
      person('an.peeters', { surname: 'Peeters', firstName: 'An', title: 'MEVROUW' }),
      person('cohtb.antwerpen'),
      person('cotb.antwerpen'),
      person('user.antwerpen'),
      person('vendor.cevi'),
      person('tb.cevi'),
      ...seedMergers.flatMap((r) => {
        const slug = slugify(sourceNames.get(r.sourceNis)!.name.nl);
        return [person(`htb.${slug}`), person(`tb.${slug}`)];
      }),
      // Last: the INSZ numbers above are generated in order, and tests know some of them.
      person('dpo.antwerpen'),
    ];
    const users = await accessRepo.insertUsers(tx, people);
    const userId = new Map(users.map((u) => [u.username, u.id]));
    const u = (name: string) => userId.get(name)!;
    const antwerpen = sourceOrg.get('11002')!;
    const borsbeek = sourceOrg.get('11007')!;

    await accessRepo.insertManagers(tx, [
      ...seedMergers.map((r) => ({
        organisationId: sourceOrg.get(r.sourceNis)!,
        userId: u(`htb.${slugify(sourceNames.get(r.sourceNis)!.name.nl)}`),
        role: 'HTB',
      })),
      { organisationId: antwerpen, userId: u('cohtb.antwerpen'), role: 'CO_HTB' },
    ]);
    const everyday = ['sociale-agent', 'ocmw-online', 'ebox'];
    await accessRepo.insertMemberships(tx, [
      ...seedMergers.map((r) => ({
        domainId: domainOf.get(sourceOrg.get(r.sourceNis)!)!,
        userId: u(`tb.${slugify(sourceNames.get(r.sourceNis)!.name.nl)}`),
        type: 'TB',
      })),
      { domainId: domainOf.get(antwerpen)!, userId: u('cotb.antwerpen'), type: 'CO_TB' },
      { domainId: domainOf.get(antwerpen)!, userId: u('user.antwerpen'), type: 'USER', applications: everyday },
      { domainId: domainOf.get(antwerpen)!, userId: u('an.peeters'), type: 'USER', applications: everyday },
      // Issue 24: the data protection officer, who alone reads the access log of OCMW Antwerpen.
      { domainId: domainOf.get(antwerpen)!, userId: u('dpo.antwerpen'), type: 'USER', applications: ['privacy-officer'] },
      { domainId: domainOf.get(borsbeek)!, userId: u('an.peeters'), type: 'USER', applications: [...everyday, 'uniek-verslag'] },
      { domainId: domainOf.get(vendorOrg.get('cevi')!)!, userId: u('tb.cevi'), type: 'TB' },
      { domainId: domainOf.get(vendorOrg.get('cevi')!)!, userId: u('vendor.cevi'), type: 'USER', applications: ['chaman'] },
    ]);

    const services = await seedServiceData(tx, {
      today,
      beforeMergers: addDays(seedMergers[0]!.effectiveDate, -1),
      ocmwValidFrom: OCMW_VALID_FROM,
      areaValidFrom: AREA_VALID_FROM,
      merging: seedMergers.map((r) => {
        const name = sourceNames.get(r.sourceNis)!.name;
        const slug = slugify(name.nl);
        return { organisationId: sourceOrg.get(r.sourceNis)!, nis: r.sourceNis, slug, name, tbUserId: u(`tb.${slug}`) };
      }),
      antwerpenId: antwerpen,
      borsbeekId: borsbeek,
      nextDemoKbo: demoKbo,
    });

    await seedOnlineData(tx, {
      today,
      antwerpen: { organisationId: antwerpen, domainId: domainOf.get(antwerpen)! },
      borsbeekId: borsbeek,
      ceviId: vendorOrg.get('cevi')!,
      tbUserId: u('tb.antwerpen'),
      filesDir: demoFilesDir,
    });

    const institutionOrg = (i: number) => ({ id: orgId(seedMergers.length + newTargets.length + VENDORS.length + i), name: INSTITUTIONS[i]!.nl });
    await seedEboxData(tx, { today, antwerpenId: antwerpen, borsbeekId: borsbeek, rsz: institutionOrg(0), podMi: institutionOrg(1) });

    return { organisations: inserted.length + services.ocmws, users: users.length, mergers: byMerger.size, passwordHash };
  });
}
