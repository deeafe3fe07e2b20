/**
 * The wave (SPEC §13) through the admin API, per scenario, on the 2025 demo mergers: the dry run
 * plans every merger of the date; the run carries out all but the blocked ones (each in its own
 * transaction), reports those with their blockers, and a second run changes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { giveHtb, mergerFacts } from '../../../test/merger-fixtures.js';
import { createTestContext, type TestClient, type TestContext } from '../../../test/test-app.js';

type Wave = { date: string; mergers: { code: string; scenario: number; status: string; actions: { kind: string; count: number }[]; changes?: number; blockers: string[] }[] };

let ctx: TestContext;
let admin: TestClient;
let planned: Wave;
let ran: Wave;

beforeAll(async () => {
  // The last day before the date, as an operator walks through it with OCMW_TODAY.
  ctx = await createTestContext({ today: '2024-12-31' });
  admin = ctx.client();
  await admin.loginAs('admin');
  // One of the four scenario-1 mergers has its HTB from the region's file; the others do not.
  await giveHtb(ctx.database.db, (await mergerFacts(ctx.database.db, 'merelbeke-melle-2025')).targetId, 'htb.merelbeke');
  const wave = (dryRun: boolean) => admin.post('/api/v1/admin/mergers/wave', { date: '2025-01-01', dryRun });
  planned = (await wave(true)).json();
  ran = (await wave(false)).json();
});
afterAll(async () => ctx?.close());

const CASES = [
  { code: 'merelbeke-melle-2025', scenario: 1, status: 'applied' },
  { code: 'pajottegem-2025', scenario: 1, status: 'blocked' },
  { code: 'lokeren-2025', scenario: 2, status: 'applied' },
  { code: 'antwerpen-2025', scenario: 3, status: 'applied' },
] as const;

describe.each(CASES)('$code (scenario $scenario) in the 2025 wave', ({ code, scenario, status }) => {
  const of = (w: Wave) => w.mergers.find((m) => m.code === code)!;

  it(`is planned as ${status === 'blocked' ? 'blocked, with its blocker' : 'ready'}`, () => {
    expect(of(planned)).toMatchObject({ scenario, status: status === 'blocked' ? 'blocked' : 'planned' });
    expect(of(planned).blockers.length > 0).toBe(status === 'blocked');
    expect(of(planned).changes).toBeGreaterThan(0);
  });

  it(`is ${status} by the run, with the plan's changes and a headline equal to the sum of its rows`, () => {
    const m = of(ran);
    expect(m.status).toBe(status);
    if (status === 'blocked') {
      expect(m.blockers.join(' ')).toContain('HTB');
      // Not carried out: it wrote nothing, so the run reports no changes for it.
      expect(m.changes).toBeUndefined();
      return;
    }
    expect(m.blockers).toEqual([]);
    expect(m.changes).toBe(m.actions.reduce((s, a) => s + a.count, 0));
    expect(m.changes).toBe(of(planned).changes);
  });
});

describe('the wave as a whole', () => {
  it('plans and runs all 13 mergers of the date; 3 blocked, none failed', () => {
    expect(planned.mergers).toHaveLength(13);
    expect(ran.mergers.filter((m) => m.status === 'blocked').map((m) => m.code).sort()).toEqual(['beveren-kruibeke-zwijndrecht-2025', 'nazareth-de-pinte-2025', 'pajottegem-2025']);
    expect(ran.mergers.filter((m) => m.status === 'applied')).toHaveLength(10);
  });

  it('changes nothing the second time; refuses a bad date naming the field', async () => {
    const again = (await admin.post('/api/v1/admin/mergers/wave', { date: '2025-01-01', dryRun: false })).json() as Wave;
    expect(again.mergers.filter((m) => m.status === 'applied').map((m) => m.changes)).toEqual(Array(10).fill(0));
    const bad = await admin.post('/api/v1/admin/mergers/wave', { date: '1-1-2025' });
    expect(bad.statusCode).toBe(400);
    expect(Object.keys(bad.json().error.fields)).toContain('date');
  });
});
