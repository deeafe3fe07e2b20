import { createHash, X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase, queryRows, type Database } from '../db/db.js';
import { migrateDatabase } from '../db/migrate.js';
import { createClock } from '../domain/clock.js';
import { helpRequestsRepo } from '../modules/help-requests/index.js';
import { createServices, type Services } from '../services.js';
import { PRE_MERGER_DATE, seedDemo } from './demo.js';

// R7.6: the demo must start with the business clock before a merger date (OCMW_TODAY=2024-12-01),
// and its vendor certificate must then work on the vendor port, which checks validity on the
// business clock. Issue 19: on a later date the demo is the state the engine leads to. The seed's
// own logic is under test here, so fresh embedded databases do.

const dir = mkdtempSync(path.join(os.tmpdir(), 'ocmw-seed-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const TODAY = createClock().today();

async function seeded(today: string): Promise<{ database: Database; services: Services; filesDir: string; result: Awaited<ReturnType<typeof seedDemo>> }> {
  const database = await openDatabase({});
  await migrateDatabase(database);
  const clock = createClock({ fixedToday: today });
  const services = createServices({ db: database.db, clock, config: { sessionHours: 8, loginMaxFailures: 5, loginLockMinutes: 15 } });
  await services.registry.syncReferenceData();
  const filesDir = path.join(dir, today);
  const result = await seedDemo({ db: database.db, registry: services.registry, mergers: services.mergers, today, demoFilesDir: filesDir });
  return { database, services, filesDir, result };
}

async function expectVendorCertificate(services: Services, filesDir: string, today: string) {
  const pem = readFileSync(path.join(filesDir, 'cevi-demo.crt'), 'utf8');
  const certificate = new X509Certificate(pem);
  expect(new Date(certificate.validFrom).getTime()).toBeLessThanOrEqual(new Date(`${today}T12:00:00Z`).getTime());
  expect(new Date(certificate.validTo).getTime()).toBeGreaterThan(new Date(`${today}T12:00:00Z`).getTime());
  const fingerprint = createHash('sha256').update(certificate.raw).digest('hex');
  expect(await services.channels.authenticateCertificate(fingerprint)).toMatchObject({ ok: true, client: { accountName: 'OCMW Online via Cevi' } });
}

const citizen = { language: 'nl' as const, kinds: ['leefloon' as const], surname: 'Van Beveren', firstName: 'Mia', phone: '03 775 12 12', message: 'Ik vraag een leefloon aan.' };

describe('demo seed before the mergers of 2025', () => {
  it(`on ${PRE_MERGER_DATE}: every merger planned, nothing carried out, no rehearsal merger; the vendor certificate valid`, async () => {
    const { database, services, filesDir, result } = await seeded(PRE_MERGER_DATE);
    try {
      expect(result).toMatchObject({ mergers: 13, carriedOut: 0, rehearsal: false });
      expect(result.organisations).toBeGreaterThan(500);
      const list = await services.mergers.listMergers();
      expect(list).toHaveLength(13);
      expect(list.every((m) => m.status === 'planned' && !m.rehearsal)).toBe(true);
      // The scenario-1 OCMWs have no HTB yet: the wave of 2025 shows them blocked, as before.
      const wave = await services.mergers.cutover.planWave('2025-01-01');
      expect(wave.mergers.filter((m) => m.status === 'blocked')).toHaveLength(4);
      const [runs] = await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from merger_runs`);
      expect(runs!.n).toBe(0);
      await expectVendorCertificate(services, filesDir, PRE_MERGER_DATE);
    } finally {
      await database.close();
    }
  }, 180_000);
});

describe(`demo seed on today's date (${TODAY})`, () => {
  it('has carried out the 2025 wave through the engine, made every merged OCMW ready, and planned a rehearsal merger that runs and undoes', async () => {
    const { database, services, filesDir, result } = await seeded(TODAY);
    const db = database.db;
    try {
      expect(result).toMatchObject({ carriedOut: 13, rehearsal: true, mergers: 14 });
      const list = await services.mergers.listMergers();
      const real = list.filter((m) => !m.rehearsal);
      expect(real.filter((m) => m.status !== 'applied').map((m) => m.code)).toEqual([]);
      // Carried out by the cut-over service: one journalled run per merger, none written by hand.
      const runs = await queryRows<{ code: string; kind: string; actor: string; changes: number }>(
        db,
        sql`select m.code, r.kind, r.actor, r.changes from merger_runs r join mergers m on m.id = r.merger_id order by m.code`,
      );
      expect(runs).toHaveLength(13);
      expect(runs.every((r) => r.kind === 'run' && r.actor === 'demo-seed' && r.changes > 0)).toBe(true);

      // Every merged OCMW: an HTB, active users in its domain, contact data in three languages, OCMW Online settings.
      for (const m of real) {
        const id = m.target.organisation.id;
        const [facts] = await queryRows<{ htb: number; users: number; street: string | null; streetFr: string | null; streetDe: string | null; notify: boolean | null }>(
          db,
          sql`select (select count(*)::int from organisation_managers where organisation_id = ${id}::uuid and role = 'HTB') as htb,
                     (select count(*)::int from memberships ms join domains d on d.id = ms.domain_id where d.organisation_id = ${id}::uuid and ms.status = 'active') as users,
                     (select data->>'streetNl' from current_configuration where organisation_id = ${id}::uuid and section = 'contact') as street,
                     (select data->>'streetFr' from current_configuration where organisation_id = ${id}::uuid and section = 'contact') as "streetFr",
                     (select data->>'streetDe' from current_configuration where organisation_id = ${id}::uuid and section = 'contact') as "streetDe",
                     (select (data->>'notificationsEnabled')::boolean from current_configuration where organisation_id = ${id}::uuid and section = 'online') as notify`,
        );
        expect(facts, m.code).toMatchObject({ htb: 1, street: expect.any(String), streetFr: expect.any(String), streetDe: expect.any(String), notify: true });
        expect(facts!.users, m.code).toBeGreaterThan(0);
        expect(await helpRequestsRepo.withoutReader(db, [id], TODAY), m.code).toEqual([]);
      }

      // A citizen of Beveren reaches OCMW Beveren-Kruibeke-Zwijndrecht, which someone reads.
      const receipt = await services.helpRequests.submit({ ...citizen, postcode: '9120', nis: '46030' });
      expect(receipt.ocmw.name).toEqual(expect.objectContaining({ nl: 'OCMW Beveren-Kruibeke-Zwijndrecht' }));
      const [filed] = await queryRows<{ organisationId: string }>(db, sql`select organisation_id as "organisationId" from help_requests where reference = ${receipt.reference}`);
      expect(await helpRequestsRepo.withoutReader(db, [filed!.organisationId], TODAY)).toEqual([]);
      expect((await helpRequestsRepo.unreadableOcmws(db, TODAY)).map((o) => o.organisationId)).not.toContain(filed!.organisationId);

      // The rehearsal merger: on the next 1 January, planned, not in the 2025 wave, runs and undoes.
      const rehearsal = list.find((m) => m.rehearsal)!;
      expect(rehearsal).toMatchObject({ effectiveDate: `${Number(TODAY.slice(0, 4)) + 1}-01-01`, status: 'planned', scheduled: false, scenario: 3 });
      expect((await services.mergers.cutover.planWave('2025-01-01')).mergers.map((m) => m.code)).not.toContain(rehearsal.code);
      const checklist = await services.mergers.cutover.checklist(rehearsal.id);
      expect(checklist.organisations.map((o) => o.name)).toHaveLength(2);
      const plan = await services.mergers.cutover.plan(rehearsal.id);
      expect(plan.blockers).toEqual([]);
      expect(plan.actions.find((a) => a.kind === 'reenter_forms')!.count).toBeGreaterThan(0);
      const actor = { userId: null, username: 'test' };
      const run = await services.mergers.cutover.run(rehearsal.id, actor);
      expect(run!.changes).toBe(plan.changes);
      const undo = await services.mergers.cutover.undo(rehearsal.id, actor);
      expect(undo).toMatchObject({ status: 'planned', changes: run!.changes });
      // Undo is refused from its date on, as for any merger.
      await expect(services.mergers.cutover.run(rehearsal.id, actor)).resolves.toMatchObject({ status: 'applied' });
      const late = createServices({ db, clock: createClock({ fixedToday: rehearsal.effectiveDate }), config: { sessionHours: 8, loginMaxFailures: 5, loginLockMinutes: 15 } });
      await expect(late.mergers.cutover.undo(rehearsal.id, actor)).rejects.toMatchObject({ code: 'rule_violation' });

      await expectVendorCertificate(services, filesDir, TODAY);
    } finally {
      await database.close();
    }
  }, 240_000);
});
