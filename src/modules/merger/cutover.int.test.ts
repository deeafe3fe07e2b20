/**
 * The merger engine end to end on the demo data (R7.2–R7.4, R9.3): each scenario's plan and
 * cut-over with counts, idempotency, atomicity (a failure injected midway), and an undo that
 * restores the exact before-state (a checksum of every affected table).
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows, type Db } from '../../db/db.js';
import { checksum as checksumOf } from '../../../test/merger-fixtures.js';
import { createTestContext, type TestClient, type TestContext } from '../../../test/test-app.js';

let ctx: TestContext;
let admin: TestClient;
let db: Db;

const checksum = () => checksumOf(db);

async function mergerId(name: string): Promise<number> {
  const [row] = await queryRows<{ id: number }>(db, sql`select id from mergers where name = ${name}`);
  return row!.id;
}

async function orgId(name: string): Promise<string> {
  const [row] = await queryRows<{ id: string }>(db, sql`select id from organisations where name_nl = ${name}`);
  return row!.id;
}

async function count(query: ReturnType<typeof sql>): Promise<number> {
  const [row] = await queryRows<Record<string, unknown>>(db, query);
  return Number(Object.values(row!)[0]);
}

type Plan = { scenario: number; changes: number; blockers: string[]; actions: { kind: string; count: number; byOrganisation?: { name: string; count: number }[]; deduplicated?: number }[] };
const action = (plan: Plan, kind: string) => plan.actions.find((a) => a.kind === kind)!;

beforeAll(async () => {
  ctx = await createTestContext({ today: '2024-12-20' });
  db = ctx.database.db;
  admin = ctx.client();
  await admin.loginAs('admin');
});
afterAll(async () => ctx?.close());

describe('scenario 3: Antwerpen + Borsbeek → Antwerpen (R9.3: only the disappearing OCMW\'s forms move)', () => {
  let id: number;
  let before: Record<string, string>;
  let plan: Plan;

  beforeAll(async () => {
    id = await mergerId('Antwerpen');
    before = await checksum();
  });

  it('plans without writing: forms of Borsbeek only, accounts one per person, requests relinked by date', async () => {
    const res = await admin.get(`/api/v1/admin/mergers/${id}/plan`);
    expect(res.statusCode).toBe(200);
    plan = res.json();
    expect(plan.scenario).toBe(3);
    expect(plan.blockers).toEqual([]);
    expect(action(plan, 'create_domains').count).toBe(0);
    const borsbeek = await orgId('OCMW Borsbeek');
    const antwerpen = await orgId('OCMW Antwerpen');
    // R9.3′: every running form of Borsbeek on or after the date is stopped, clashes included;
    // all but the clashes are re-entered.
    const running = await count(sql`select count(*) from dossier_forms where organisation_id = ${borsbeek} and status = 'running' and (end_date is null or end_date >= '2025-01-01')`);
    const stopped = action(plan, 'stop_forms');
    const conflicts = action(plan, 'form_conflicts');
    expect(stopped.count).toBe(running);
    expect(conflicts.count).toBeGreaterThan(0);
    expect(action(plan, 'reenter_forms').count + conflicts.count).toBe(running);
    expect(stopped.byOrganisation!.map((o) => o.name)).toEqual(['OCMW Borsbeek']);
    // an.peeters is a user of both: one account in Antwerpen, applications united.
    expect(action(plan, 'copy_memberships').deduplicated).toBeGreaterThanOrEqual(0);
    expect(action(plan, 'relink_help_requests').count).toBe(await count(sql`select count(*) from help_requests where organisation_id = ${borsbeek}`));
    expect(await checksum()).toEqual(before);
    expect(await count(sql`select count(*) from dossier_forms where organisation_id = ${antwerpen} and predecessor_id is not null`)).toBe(0);
  });

  it('expands an action to its rows, paged', async () => {
    const res = await admin.get(`/api/v1/admin/mergers/${id}/plan/stop_forms?page=1&pageSize=5`);
    expect(res.statusCode).toBe(200);
    expect(res.json().total).toBe(action(plan, 'stop_forms').count);
    expect(res.json().items.length).toBe(Math.min(5, action(plan, 'stop_forms').count));
    expect((await admin.get(`/api/v1/admin/mergers/${id}/plan/nonsense`)).statusCode).toBe(400);
  });

  it('runs the cut-over: forms stopped on 2024-12-31 and re-entered on 2025-01-01, linked; the TB of Borsbeek becomes co-TB', async () => {
    const res = await admin.post(`/api/v1/admin/mergers/${id}/run`, { confirm: true });
    expect(res.statusCode).toBe(200);
    const result = res.json();
    expect(result.status).toBe('applied');
    const byKind = Object.fromEntries(result.actions.map((a: { kind: string; count: number }) => [a.kind, a.count]));
    expect(byKind.stop_forms).toBe(action(plan, 'stop_forms').count);
    expect(byKind.reenter_forms).toBe(action(plan, 'reenter_forms').count);
    expect(byKind.copy_memberships).toBe(action(plan, 'copy_memberships').count);
    expect(byKind.co_tb_conversions).toBe(action(plan, 'co_tb_conversions').count);
    const antwerpen = await orgId('OCMW Antwerpen');
    const pairs = await queryRows<{ oldEnd: string; newStart: string; sameKind: boolean }>(
      db,
      sql`select o.end_date::text as "oldEnd", n.start_date::text as "newStart", o.kind = n.kind and o.subtype = n.subtype and o.insz = n.insz as "sameKind"
          from dossier_forms n join dossier_forms o on o.id = n.predecessor_id where n.organisation_id = ${antwerpen}`,
    );
    expect(pairs.length).toBe(byKind.reenter_forms);
    expect(pairs.every((p) => p.oldEnd === '2024-12-31' && p.newStart === '2025-01-01' && p.sameKind)).toBe(true);
    const [tb] = await queryRows<{ type: string }>(
      db,
      sql`select m.type from memberships m join users u on u.id = m.user_id join domains d on d.id = m.domain_id
          where u.username = 'tb.borsbeek' and d.organisation_id = ${antwerpen}`,
    );
    expect(tb?.type).toBe('CO_TB');
    // The TB of Antwerpen stays TB.
    expect(await count(sql`select count(*) from memberships m join domains d on d.id = m.domain_id where d.organisation_id = ${antwerpen} and m.type = 'TB'`)).toBe(1);
  });

  it('is idempotent: a second run changes nothing', async () => {
    const snapshot = await checksum();
    const res = await admin.post(`/api/v1/admin/mergers/${id}/run`, { confirm: true });
    expect(res.statusCode).toBe(200);
    expect(res.json().changes).toBe(0);
    expect(await checksum()).toEqual(snapshot);
    const replan: Plan = (await admin.get(`/api/v1/admin/mergers/${id}/plan`)).json();
    expect(replan.changes).toBe(0);
  });

  it('journals every row it wrote', async () => {
    const runs = (await admin.get(`/api/v1/admin/mergers/${id}/runs`)).json().items;
    const first = runs.find((r: { kind: string; changes: number }) => r.kind === 'run' && r.changes > 0);
    const journal = (await admin.get(`/api/v1/admin/mergers/${id}/runs/${first.id}/journal?pageSize=100`)).json();
    expect(journal.total).toBe(first.changes);
    expect(journal.items.length).toBe(Math.min(100, first.changes));
    // Each stopped form has its before-state: running, with its own end date (or none).
    const stopped = await count(sql`select count(*) from merger_journal where run_id = ${first.id} and op = 'update' and table_name = 'dossier_forms' and before ? 'end_date'`);
    expect(stopped).toBe(first.summary.find((s: { kind: string }) => s.kind === 'stop_forms').count);
  });

  it('undo before the effective date restores the exact before-state, and is journalled', async () => {
    const res = await admin.post(`/api/v1/admin/mergers/${id}/undo`, { confirm: true });
    expect(res.statusCode).toBe(200);
    expect(res.json().status).toBe('planned');
    expect(await checksum()).toEqual(before);
    const runs = (await admin.get(`/api/v1/admin/mergers/${id}/runs`)).json().items;
    expect(runs[0].kind).toBe('undo');
    expect(runs[0].changes).toBeGreaterThan(0);
  });

  it('refuses undo from the effective date on, with the reason', async () => {
    expect((await admin.post(`/api/v1/admin/mergers/${id}/run`, { confirm: true })).statusCode).toBe(200);
    const late = await admin.post(`/api/v1/admin/mergers/${id}/undo`, { confirm: true }, { 'x-ocmw-today': '2025-01-01' });
    expect(late.statusCode).toBe(422);
    expect(late.json().error.message).toContain('01/01/2025');
    expect((await admin.post(`/api/v1/admin/mergers/${id}/undo`, { confirm: true })).statusCode).toBe(200);
  });
});

describe('scenario 1: Merelbeke + Melle → Merelbeke-Melle (new KBO, new NIS)', () => {
  let id: number;

  beforeAll(async () => {
    id = await mergerId('Merelbeke-Melle');
  });

  it('blocks the cut-over until the merged OCMW has an HTB', async () => {
    const plan: Plan = (await admin.get(`/api/v1/admin/mergers/${id}/plan`)).json();
    expect(plan.scenario).toBe(1);
    expect(plan.blockers.length).toBe(1);
    const res = await admin.post(`/api/v1/admin/mergers/${id}/run`, { confirm: true });
    expect(res.statusCode).toBe(422);
  });

  it('creates the domain, adds the HTBs as co-HTBs and copies the users once the HTB is known', async () => {
    const target = await orgId('OCMW Merelbeke-Melle');
    const [htb] = await queryRows<{ id: string }>(db, sql`select id from users where username = 'htb.merelbeke'`);
    await db.execute(sql`insert into organisation_managers (organisation_id, user_id, role) values (${target}, ${htb!.id}, 'HTB')`);
    const plan: Plan = (await admin.get(`/api/v1/admin/mergers/${id}/plan`)).json();
    expect(plan.blockers).toEqual([]);
    expect(action(plan, 'create_domains').count).toBe(1);
    const sources = await count(sql`select count(*) from memberships m join domains d on d.id = m.domain_id join merger_sources s on s.organisation_id = d.organisation_id where s.merger_id = ${id}`);
    expect(action(plan, 'copy_memberships').count + (action(plan, 'copy_memberships').deduplicated ?? 0)).toBe(sources);
    const res = await admin.post(`/api/v1/admin/mergers/${id}/run`, { confirm: true });
    expect(res.statusCode).toBe(200);
    expect(await count(sql`select count(*) from domains where organisation_id = ${target} and code = 'MW'`)).toBe(1);
    expect(await count(sql`select count(*) from organisation_managers where organisation_id = ${target} and role = 'CO_HTB'`)).toBe(1);
    expect(await count(sql`select count(*) from memberships m join domains d on d.id = m.domain_id where d.organisation_id = ${target}`)).toBe(action(plan, 'copy_memberships').count);
    // Every former TB is a co-TB: the new OCMW's HTB appoints its TB.
    expect(await count(sql`select count(*) from memberships m join domains d on d.id = m.domain_id where d.organisation_id = ${target} and m.type = 'TB'`)).toBe(0);
  });

  it('leaves ChaMan, configuration and e-Box of the sources untouched', async () => {
    const plan = (await admin.get(`/api/v1/admin/mergers/${id}/plan`)).json();
    expect(plan.changes).toBe(0);
    expect(plan.untouched.configurationSections).toBeGreaterThan(0);
  });
});

describe('scenario 2: Lokeren + Moerbeke → Lokeren (kept KBO, new NIS)', () => {
  let id: number;
  let lokeren: string;
  let moerbeke: string;
  let reference: string;
  const running = (org: string) =>
    queryRows<{ id: string; insz: string; kind: string; subtype: string; endDate: string | null }>(
      db,
      sql`select id, insz, kind, subtype, end_date::text as "endDate" from dossier_forms
          where organisation_id = ${org} and status = 'running' and start_date < '2025-01-01' and (end_date is null or end_date >= '2025-01-01') order by id`,
    );

  beforeAll(async () => {
    id = await mergerId('Lokeren');
    lokeren = await orgId('OCMW Lokeren');
    moerbeke = await orgId('OCMW Moerbeke');
    // A citizen of Moerbeke files a request in December 2024 (the postcode 9180 now also covers Lokeren).
    const citizen = ctx.client();
    citizen.today = '2024-12-10';
    await citizen.get('/api/v1/session');
    const filed = await citizen.post('/api/v1/public/help-requests', await citizen.proven({
      language: 'nl', kinds: ['leefloon'], postcode: '9180', nis: '44045', surname: 'Claes', firstName: 'Mira', phone: '09 123 45 67', message: 'Hulp gevraagd.',
    }));
    expect(filed.statusCode).toBe(201);
    expect(filed.json().ocmw.name).toBe('OCMW Moerbeke');
    reference = filed.json().reference;
    // The TB of Moerbeke works with OCMW Online; the cut-over unites the application in Lokeren.
    await db.execute(sql`insert into membership_applications (membership_id, application)
      select m.id, 'ocmw-online' from memberships m join users u on u.id = m.user_id join domains d on d.id = m.domain_id
      where u.username = 'tb.moerbeke' and d.organisation_id = ${moerbeke} on conflict do nothing`);
  });

  it('stops the running forms of every source, the one keeping its KBO included, and re-enters them under Lokeren', async () => {
    const before = { lokeren: await running(lokeren), moerbeke: await running(moerbeke) };
    expect(before.lokeren.length).toBeGreaterThan(0);
    expect(before.moerbeke.length).toBeGreaterThan(0);
    const plan: Plan = (await admin.get(`/api/v1/admin/mergers/${id}/plan`)).json();
    expect(plan.scenario).toBe(2);
    expect(plan.blockers).toEqual([]);
    expect(action(plan, 'create_domains').count).toBe(0);
    const byOrg = Object.fromEntries(action(plan, 'stop_forms').byOrganisation!.map((o) => [o.name, o.count]));
    expect(byOrg).toEqual({ 'OCMW Lokeren': before.lokeren.length, 'OCMW Moerbeke': before.moerbeke.length });
    expect(action(plan, 'vendor_forms').count).toBe(0);
    expect(action(plan, 'relink_help_requests').count).toBe(await count(sql`select count(*) from help_requests where organisation_id = ${moerbeke}`));
    expect(action(plan, 'routing_changes').count).toBe(1);

    const res = await admin.post(`/api/v1/admin/mergers/${id}/run`, { confirm: true });
    expect(res.statusCode).toBe(200);
    expect(res.json().changes).toBe(plan.changes);
    const moved = await queryRows<{ source: string; oldEnd: string; oldStatus: string; newStart: string; newEnd: string | null; same: boolean; dossierOrg: string }>(
      db,
      sql`select o.organisation_id as source, o.end_date::text as "oldEnd", o.status as "oldStatus", n.start_date::text as "newStart", n.end_date::text as "newEnd",
                 o.kind = n.kind and o.subtype = n.subtype and o.insz = n.insz and n.status = 'running' and n.merger_id = ${id} as same, d.organisation_id as "dossierOrg"
          from dossier_forms n join dossier_forms o on o.id = n.predecessor_id join dossiers d on d.id = n.dossier_id
          where n.organisation_id = ${lokeren}`,
    );
    for (const [org, forms] of [[lokeren, before.lokeren], [moerbeke, before.moerbeke]] as const) {
      const mine = moved.filter((m) => m.source === org);
      expect(mine).toHaveLength(forms.length);
      expect(mine.every((m) => m.oldEnd === '2024-12-31' && m.oldStatus === 'stopped' && m.newStart === '2025-01-01' && m.same && m.dossierOrg === lokeren)).toBe(true);
    }
    // A form that had an end date after the cut-over keeps it under Lokeren.
    const ends = new Map([...before.lokeren, ...before.moerbeke].map((f) => [f.id, f.endDate]));
    const pairs = await queryRows<{ pred: string; end: string | null }>(db, sql`select predecessor_id as pred, end_date::text as end from dossier_forms where organisation_id = ${lokeren} and merger_id = ${id}`);
    expect(pairs.every((p) => ends.get(p.pred) === p.end)).toBe(true);
    expect(await running(moerbeke)).toEqual([]);
  });

  it('relinks requests and routing by date: Moerbeke\'s request is Lokeren\'s from 2025-01-01, not before', async () => {
    const agent = ctx.client();
    agent.today = '2025-01-02';
    await agent.loginAs('tb.moerbeke', 'OCMW Lokeren');
    const sees = async (day: string) => {
      const res = await agent.get(`/api/v1/help-requests?reference=${reference}`, { 'x-ocmw-today': day });
      expect(res.statusCode).toBe(200);
      return res.json().items.map((i: { reference: string }) => i.reference);
    };
    expect(await sees('2025-01-02')).toEqual([reference]);
    expect(await sees('2024-12-31')).toEqual([]);
    const old = ctx.client();
    old.today = '2024-12-31';
    await old.loginAs('tb.moerbeke', 'OCMW Moerbeke');
    expect((await old.get(`/api/v1/help-requests?reference=${reference}`)).json().items).toHaveLength(1);
    // Routing (R6.2): a citizen of Moerbeke reaches Moerbeke until 2024-12-31, then Lokeren.
    const citizen = ctx.client();
    const lookup = async (day: string, query: string) => (await citizen.get(`/api/v1/public/ocmw-lookup?${query}`, { 'x-ocmw-today': day })).json().ocmw?.name;
    expect(await lookup('2024-12-31', 'postcode=9180&nis=44045')).toBe('OCMW Moerbeke');
    expect(await lookup('2025-01-01', 'postcode=9180')).toBe('OCMW Lokeren');
  });
});

describe('scenario 2 with a software vendor (R9.4): Tessenderlo-Ham, Ham\'s vendor re-enters its forms', () => {
  it('lists the forms of an OCMW handled by its vendor and leaves them as they are; the keeper\'s forms move', async () => {
    const id = await mergerId('Tessenderlo-Ham');
    const ham = await orgId('OCMW Ham');
    const tessenderlo = await orgId('OCMW Tessenderlo');
    const tb = ctx.client();
    await tb.loginAs('tb.ham');
    const saved = await tb.request({ method: 'PUT', url: '/api/v1/dossiers/settings', payload: { handledByVendor: true } });
    expect(saved.statusCode).toBe(200);
    const formsOf = async (org: string) => {
      const [row] = await queryRows<{ md5: string; n: number }>(
        db,
        sql`select md5(coalesce(string_agg(t::text, '|' order by t.id), '')) as md5, count(*)::int as n from dossier_forms t where organisation_id = ${org}`,
      );
      return row!;
    };
    const hamBefore = await formsOf(ham);
    const hamRunning = await count(sql`select count(*) from dossier_forms where organisation_id = ${ham} and status = 'running' and start_date < '2025-01-01' and (end_date is null or end_date >= '2025-01-01')`);
    expect(hamRunning).toBeGreaterThan(0);
    const plan: Plan = (await admin.get(`/api/v1/admin/mergers/${id}/plan`)).json();
    expect(action(plan, 'vendor_forms')).toMatchObject({ count: hamRunning, byOrganisation: [{ name: 'OCMW Ham', count: hamRunning }] });
    expect(action(plan, 'stop_forms').byOrganisation!.map((o) => o.name)).toEqual(['OCMW Tessenderlo']);
    const rows = (await admin.get(`/api/v1/admin/mergers/${id}/plan/vendor_forms?page=1&pageSize=100`)).json();
    expect(rows.total).toBe(hamRunning);
    expect(rows.items.every((r: { ocmw: string }) => r.ocmw === 'OCMW Ham')).toBe(true);
    // Its checklist: the vendor item (ticked by a person), not the forms the engine moves.
    const checklist = (await admin.get(`/api/v1/admin/mergers/${id}/checklist`)).json();
    const hamItems = checklist.organisations.find((o: { organisationId: string }) => o.organisationId === ham).items.map((i: { item: string }) => i.item);
    expect(hamItems).toContain('dossiers_vendor');
    expect(hamItems).not.toContain('dossiers');

    const res = await admin.post(`/api/v1/admin/mergers/${id}/run`, { confirm: true });
    expect(res.statusCode).toBe(200);
    expect(await formsOf(ham)).toEqual(hamBefore);
    const moved = await count(sql`select count(*) from dossier_forms n join dossier_forms o on o.id = n.predecessor_id where n.organisation_id = ${tessenderlo} and n.merger_id = ${id} and o.organisation_id = ${tessenderlo} and o.end_date = '2024-12-31'`);
    expect(moved).toBe(action(plan, 'stop_forms').count);
    expect(moved).toBeGreaterThan(0);
    expect(await count(sql`select count(*) from dossier_forms n join dossier_forms o on o.id = n.predecessor_id where o.organisation_id = ${ham}`)).toBe(0);
  });
});

describe('atomicity', () => {
  it('a failure midway leaves nothing behind', async () => {
    const id = await mergerId('Hasselt');
    const before = await checksum();
    let seen = 0;
    await expect(
      ctx.services.mergers.cutover.run(id, { userId: null, username: 'test' }, {
        onProgress: ({ step }) => {
          seen = step;
          if (step === 5) throw new Error('injected failure');
        },
      }),
    ).rejects.toThrow('injected failure');
    expect(seen).toBe(5);
    expect(await checksum()).toEqual(before);
    const [m] = await queryRows<{ status: string }>(db, sql`select status from mergers where id = ${id}`);
    expect(m!.status).toBe('planned');
    expect(await count(sql`select count(*) from merger_runs where merger_id = ${id}`)).toBe(0);
  });
});
