/**
 * Issue 15, per scenario (table-driven, both backends): R9.3′ (every running form from the
 * effective date stopped — a later-starting one cancelled — and re-entered unless it clashes;
 * clashes reviewed before the dossiers item closes), R7.4′ (only active source memberships bring
 * roles and applications; scenario 1 asks for a TB), and the checklist on the business date with
 * the dry run's counts.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows, type Db } from '../../db/db.js';
import {
  addForm,
  addMembership,
  addPerson,
  applicationsIn,
  checksum,
  giveHtb,
  mergerFacts,
  overlappingRunningForms,
  type MergerFacts,
} from '../../../test/merger-fixtures.js';
import { createTestContext, type TestClient, type TestContext } from '../../../test/test-app.js';

// Before the effective date, so that each case ends with an undo.
let ctx: TestContext;
let db: Db;
let admin: TestClient;
beforeAll(async () => {
  ctx = await createTestContext({ today: '2024-12-20' });
  [db, admin] = [ctx.database.db, ctx.client()];
  await admin.loginAs('admin');
});
afterAll(async () => ctx?.close());

type Action = { kind: string; count: number; writes: boolean; byOrganisation?: { organisationId: string; count: number }[] };
type Plan = { changes: number; actions: Action[] };
type Item = { item: string; status: string; params?: Record<string, number>; tickedAt?: string };
type Checklist = { organisations: { organisationId: string; items: Item[] }[] };

const CASES = [
  { scenario: 1, code: 'merelbeke-melle-2025', htb: 'htb.merelbeke' },
  { scenario: 2, code: 'lokeren-2025', htb: null },
  { scenario: 3, code: 'antwerpen-2025', htb: null },
] as const;

describe.each(CASES)('scenario $scenario ($code)', ({ scenario, code, htb }) => {
  let f: MergerFacts;
  /** A disappearing source, and the other source (scenario 1: also disappearing; 2, 3: the keeper). */
  let a: string;
  let b: string;
  const insz = (n: number) => `7${scenario}${String(n).padStart(9, '0')}`;
  const forms: Record<'future' | 'normal' | 'clash' | 'covering' | 'ended', string> = { future: '', normal: '', clash: '', covering: '', ended: '' };
  const users: Record<'blocked' | 'mixed' | 'activeTb', string> = { blocked: '', mixed: '', activeTb: '' };
  let before: Record<string, string>;
  let plan: Plan;
  const action = (p: Plan, kind: string) => p.actions.find((x) => x.kind === kind)!;
  const rowsOf = async (kind: string) => {
    const res = await admin.get(`/api/v1/admin/mergers/${f.id}/plan/${kind}?pageSize=100`);
    expect(res.statusCode).toBe(200);
    const ours = new Set(Object.values(forms));
    return (res.json().items as { formId: string; insz: string; startDate: string; atSource: string }[]).filter((r) => ours.has(r.formId));
  };
  const checklist = async (): Promise<Checklist> => (await admin.get(`/api/v1/admin/mergers/${f.id}/checklist`)).json();
  const itemOf = (list: Checklist, organisationId: string, item: string) => list.organisations.find((o) => o.organisationId === organisationId)?.items.find((i) => i.item === item);

  beforeAll(async () => {
    f = await mergerFacts(db, code);
    if (htb) await giveHtb(db, f.targetId, htb);
    a = f.disappearing[0]!;
    b = f.sourceIds.find((id) => id !== a)!;
    forms.future = await addForm(db, { organisationId: a, insz: insz(1), start: '2025-01-15' });
    forms.normal = await addForm(db, { organisationId: a, insz: insz(2), start: '2024-03-01', end: '2025-06-30' });
    // The same person's living wage in the other source, started earlier: it covers 2025.
    forms.covering = await addForm(db, { organisationId: b, insz: insz(3), start: '2024-02-01', end: '2025-12-31' });
    forms.clash = await addForm(db, { organisationId: a, insz: insz(3), start: '2024-06-01' });
    forms.ended = await addForm(db, { organisationId: a, insz: insz(4), start: '2024-01-01', end: '2024-12-31' });
    users.blocked = await addPerson(db, `fx${scenario}.blocked`, insz(11));
    users.mixed = await addPerson(db, `fx${scenario}.mixed`, insz(12));
    users.activeTb = await addPerson(db, `fx${scenario}.activetb`, insz(13));
    // Blocked everywhere it is a source member: copied blocked, as a plain user, without applications.
    await addMembership(db, { organisationId: a, userId: users.blocked, type: 'CO_TB', status: 'blocked', applications: ['chaman'] });
    // Blocked co-TB in one source; an active user elsewhere (in 2 and 3: the keeper, i.e. the merged OCMW).
    await addMembership(db, { organisationId: a, userId: users.mixed, type: 'CO_TB', status: 'blocked', applications: ['chaman'] });
    await addMembership(db, { organisationId: b, userId: users.mixed, type: 'USER', status: 'active', applications: ['afzender-administratie'] });
    await addMembership(db, { organisationId: a, userId: users.activeTb, type: 'CO_TB', status: 'active', applications: ['chaman'] });
    before = await checksum(db);
  });

  it('plans every running form from the date — the later-starting one and the clash too — and re-enters all but the clash (R9.3′)', async () => {
    plan = (await admin.get(`/api/v1/admin/mergers/${f.id}/plan`)).json();
    const stop = (await rowsOf('stop_forms')).map((r) => r.formId);
    const reenter = (await rowsOf('reenter_forms')).map((r) => r.formId);
    const clashes = (await rowsOf('form_conflicts')).map((r) => r.formId);
    // Scenario 3's keeper is the merged OCMW: its covering form stays; in 1 and 2 it moves first.
    const moves = scenario === 3 ? [forms.future, forms.normal] : [forms.future, forms.normal, forms.covering];
    expect(new Set(stop)).toEqual(new Set([...moves, forms.clash]));
    expect(new Set(reenter)).toEqual(new Set(moves));
    expect(clashes).toEqual([forms.clash]);
    expect((await rowsOf('stop_forms')).find((r) => r.formId === forms.future)!.atSource).toBe('cancel');
    expect(action(plan, 'stop_forms').count).toBe(action(plan, 'reenter_forms').count + action(plan, 'form_conflicts').count);
  });

  it('has the dry run\'s counts in the checklist, and its headline is the sum of its rows', async () => {
    expect(plan.changes).toBe(plan.actions.filter((x) => x.writes).reduce((s, x) => s + x.count, 0));
    const list = await checklist();
    for (const o of action(plan, 'stop_forms').byOrganisation!) {
      expect(itemOf(list, o.organisationId, 'dossiers')!.params!.count).toBe(o.count);
    }
    // Ours and the demo's: as many as the dry run lists for review.
    const clashes = action(plan, 'form_conflicts').byOrganisation!.find((o) => o.organisationId === a)!.count;
    expect(clashes).toBeGreaterThanOrEqual(1);
    expect(itemOf(list, a, 'dossiers')).toMatchObject({ status: 'open', params: { clashes } });
    expect(itemOf(list, a, 'form_clashes_reviewed')).toMatchObject({ status: 'open', params: { clashes } });
  });

  it('runs: stopped on the day before, the later-starting form cancelled and re-entered from its own start, no overlap anywhere', async () => {
    const res = await admin.post(`/api/v1/admin/mergers/${f.id}/run`, { confirm: true });
    expect(res.statusCode).toBe(200);
    const run = res.json() as { changes: number; actions: { kind: string; count: number }[] };
    expect(run.changes).toBe(run.actions.reduce((s, x) => s + x.count, 0));
    expect(run.changes).toBe(plan.changes);
    for (const x of run.actions) expect([x.kind, x.count]).toEqual([x.kind, action(plan, x.kind).count]);
    const state = await queryRows<{ id: string; status: string; end: string | null; successorStart: string | null; successorOrg: string | null }>(
      db,
      sql`select f.id, f.status, f.end_date::text as "end", n.start_date::text as "successorStart", n.organisation_id as "successorOrg"
          from dossier_forms f left join dossier_forms n on n.predecessor_id = f.id where f.id = any(${`{${Object.values(forms).join(',')}}`}::uuid[])`,
    );
    const of = (id: string) => state.find((x) => x.id === id)!;
    expect(of(forms.future)).toMatchObject({ status: 'cancelled', end: null, successorStart: '2025-01-15', successorOrg: f.targetId });
    expect(of(forms.normal)).toMatchObject({ status: 'stopped', end: '2024-12-31', successorStart: '2025-01-01', successorOrg: f.targetId });
    expect(of(forms.clash)).toMatchObject({ status: 'stopped', end: '2024-12-31', successorStart: null });
    expect(of(forms.ended)).toMatchObject({ status: 'running', end: '2024-12-31', successorStart: null });
    if (scenario === 3) expect(of(forms.covering)).toMatchObject({ status: 'running', end: '2025-12-31', successorStart: null });
    else expect(of(forms.covering)).toMatchObject({ status: 'stopped', end: '2024-12-31', successorStart: '2025-01-01' });
    expect(await overlappingRunningForms(db)).toEqual([]);
    // A second run writes nothing.
    expect((await admin.post(`/api/v1/admin/mergers/${f.id}/run`, { confirm: true })).json().changes).toBe(0);
  });

  it('brings only active memberships\' roles and applications (R7.4′)', async () => {
    const target = await applicationsIn(db, [f.targetId], false);
    const at = (userId: string) => target.get(`${userId}:MW`)!;
    expect(at(users.blocked)).toEqual({ status: 'blocked', type: 'USER', applications: new Set() });
    expect(at(users.mixed)).toEqual({ status: 'active', type: 'USER', applications: new Set(['afzender-administratie']) });
    expect(at(users.activeTb)).toEqual({ status: 'active', type: 'CO_TB', applications: new Set(['chaman']) });
  });

  it('keeps the dossiers item open until the clashes are reviewed; the review list outlasts the run; the tick bears the business date', async () => {
    expect((await rowsOf('form_conflicts')).map((r) => r.formId)).toEqual([forms.clash]);
    const clashes = action(plan, 'form_conflicts').byOrganisation!.find((o) => o.organisationId === a)!.count;
    expect(itemOf(await checklist(), a, 'dossiers')).toMatchObject({ status: 'open', params: { clashes } });
    const ticked = await admin.request({ method: 'PUT', url: `/api/v1/admin/mergers/${f.id}/checklist/${a}/form_clashes_reviewed` });
    expect(ticked.statusCode).toBe(200);
    const list = ticked.json() as Checklist;
    expect(itemOf(list, a, 'dossiers')!.status).toBe('done');
    const at = Date.parse(itemOf(list, a, 'form_clashes_reviewed')!.tickedAt!);
    // 2024-12-20 in Brussels, whatever the wall clock says.
    expect(at).toBeGreaterThanOrEqual(Date.parse('2024-12-19T23:00:00Z'));
    expect(at).toBeLessThan(Date.parse('2024-12-20T23:00:00Z'));
  });

  it(`asks the HTB to appoint a TB only in scenario 1 ("TB aanstellen")`, async () => {
    const tb = itemOf(await checklist(), f.targetId, 'tb_appointed')!;
    if (scenario !== 1) {
      expect(tb.status).toBe('not_needed');
      return;
    }
    expect(tb.status).toBe('open');
    await db.execute(sql`update memberships set type = 'TB' where user_id = ${users.activeTb}::uuid and domain_id in (select id from domains where organisation_id = ${f.targetId}::uuid)`);
    expect(itemOf(await checklist(), f.targetId, 'tb_appointed')!.status).toBe('done');
    await db.execute(sql`update memberships set type = 'CO_TB' where user_id = ${users.activeTb}::uuid and domain_id in (select id from domains where organisation_id = ${f.targetId}::uuid)`);
  });

  it('undoes it all: the cancelled form runs again, the copies are gone', async () => {
    const res = await admin.post(`/api/v1/admin/mergers/${f.id}/undo`, { confirm: true });
    expect(res.statusCode).toBe(200);
    const after = await checksum(db);
    expect(after).toEqual(before);
  });
});
