import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { queryRows } from '../db/db.js';
import { startJobs, type JobRunner } from './runner.js';
import { createTestContext, type TestContext } from '../../test/test-app.js';

let ctx: TestContext;
const runners: JobRunner[] = [];
const silent = { info: () => {}, error: () => {} };

beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => {
  for (const r of runners) await r.stop().catch(() => {});
  await ctx?.close();
});

describe('scheduled jobs (pg-boss)', () => {
  it('runs a day’s certificate-expiry job once, even when two workers ask for it', async () => {
    const spy = vi.spyOn(ctx.services.channels, 'sendExpiryWarnings');
    runners.push(await startJobs(ctx.database, ctx.services, silent, { pollingSeconds: 0.5 }));
    runners.push(await startJobs(ctx.database, ctx.services, silent, { pollingSeconds: 0.5 }));
    const ids = await Promise.all([runners[0]!.runNow('certificateExpiry', '2026-03-01'), runners[1]!.runNow('certificateExpiry', '2026-03-01')]);
    expect(ids.filter(Boolean)).toHaveLength(1);
    await vi.waitFor(() => expect(spy).toHaveBeenCalledTimes(1), { timeout: 20_000, interval: 200 });
    await new Promise((r) => setTimeout(r, 1500));
    expect(spy).toHaveBeenCalledTimes(1);
    expect(spy).toHaveBeenCalledWith('2026-03-01');
  });

  it('sends a day’s OCMW Online reminders once with two workers, and a rerun sends nothing (R6.5)', async () => {
    const receipt = await ctx.clock.runWithToday('2026-06-01', () =>
      ctx.services.helpRequests.submit({ language: 'nl', kinds: ['energie'], postcode: '2000', surname: 'R', firstName: 'W', phone: '03 123 45 67', message: 'x' }),
    );
    const ids = await Promise.all([runners[0]!.runNow('onlineReminders', '2026-06-03'), runners[1]!.runNow('onlineReminders', '2026-06-03')]);
    expect(ids.filter(Boolean)).toHaveLength(1);
    const sent = async () =>
      (await ctx.services.notifications.list(1, 100)).items.filter((m) => m.kind === 'online-reminder' && m.bodyText.includes(receipt.reference)).length;
    await vi.waitFor(async () => expect(await sent()).toBe(1), { timeout: 20_000, interval: 200 });
    await Promise.all([ctx.services.helpRequests.runReminders('2026-06-03'), ctx.services.helpRequests.runReminders('2026-06-03')]);
    expect(await sent()).toBe(1);
  });

  it('sends a night’s e-Box notification once with two workers, and a rerun sends nothing (R10.1)', async () => {
    const [rsz] = await queryRows<{ id: string }>(ctx.database.db, sql`select id from organisations where name_nl like 'Rijksdienst%'`);
    const document = { recipientKbo: '0212235604', title: 'Nachtpost', category: 'Test', messageType: 'Test', rsz: false, documentDate: '2026-06-10', body: 'x' };
    await ctx.clock.runWithToday('2026-06-10', () => ctx.services.mailbox.publishAs({ organisationId: rsz!.id, name: 'test' }, document));
    const ids = await Promise.all([runners[0]!.runNow('eboxNotifications', '2026-06-10'), runners[1]!.runNow('eboxNotifications', '2026-06-10')]);
    expect(ids.filter(Boolean)).toHaveLength(1);
    const sent = async () =>
      (await ctx.services.notifications.list(1, 100)).items.filter((m) => m.kind === 'ebox-notification' && m.toAddress === 'ocmw.antwerpen@demo.example').length;
    await vi.waitFor(async () => expect(await sent()).toBe(1), { timeout: 20_000, interval: 200 });
    await Promise.all([ctx.services.mailbox.runNightlyNotifications('2026-06-10'), ctx.services.mailbox.runNightlyNotifications('2026-06-10')]);
    expect(await sent()).toBe(1);
  });

  it('runs a scheduled merger cut-over once with two workers, and twice-asked runs change nothing (R7.4)', async () => {
    const db = ctx.database.db;
    const idOf = async (code: string) => (await queryRows<{ id: number }>(db, sql`select id from mergers where code = ${code}`))[0]!.id;
    const runsOf = (id: number) =>
      queryRows<{ kind: string; changes: number; actor: string }>(db, sql`select kind, changes, actor from merger_runs where merger_id = ${id} order by id`);
    const admin = { userId: null, username: 'test' };
    const lokeren = await idOf('lokeren-2025');
    const tielt = await idOf('tielt-2025');
    await ctx.services.mergers.cutover.setScheduled(lokeren, true, admin);
    const spy = vi.spyOn(ctx.services.mergers.cutover, 'runScheduled');
    const today = ctx.clock.today();
    // Both instances queue today's job (one job), and one of them also a missed day's: two jobs
    // that may run at the same time on the two workers.
    const ids = await Promise.all([
      runners[0]!.runNow('mergerCutover', today),
      runners[1]!.runNow('mergerCutover', today),
      runners[1]!.runNow('mergerCutover', '2025-01-01'),
    ]);
    expect(ids.filter(Boolean)).toHaveLength(2);
    await vi.waitFor(() => expect(spy).toHaveBeenCalledTimes(2), { timeout: 30_000, interval: 200 });
    await Promise.all(spy.mock.results.map((r) => r.value));
    const runs = await runsOf(lokeren);
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ kind: 'run', actor: 'scheduler' });
    expect(runs[0]!.changes).toBeGreaterThan(0);
    const [status] = await queryRows<{ status: string }>(db, sql`select status from mergers where id = ${lokeren}`);
    expect(status!.status).toBe('applied');

    // Two instances calling the scheduler at the very same moment: the row lock lets one run it.
    await ctx.services.mergers.cutover.setScheduled(tielt, true, admin);
    const [a, b] = await Promise.all([ctx.services.mergers.cutover.runScheduled(), ctx.services.mergers.cutover.runScheduled()]);
    expect([...a, ...b].map((r) => r.mergerId)).toEqual([tielt]);
    const tieltRuns = await runsOf(tielt);
    expect(tieltRuns).toHaveLength(1);
    expect(tieltRuns[0]!.changes).toBeGreaterThan(0);
    expect(await runsOf(lokeren)).toHaveLength(1);
  });

  it('housekeeping removes expired sessions and used citizen-form challenges, and sends the mails a stopped process left queued', async () => {
    const db = ctx.database.db;
    await ctx.client().loginAs('user.antwerpen');
    const [live] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from sessions where expires_at > now()`);
    expect(live!.n).toBeGreaterThan(0);
    const [user] = await queryRows<{ id: string }>(db, sql`select id from users where username = 'user.antwerpen'`);
    await queryRows(db, sql`insert into sessions (id_hash, user_id, csrf_token, expires_at) values ('expired-session', ${user!.id}::uuid, 'x', now() - interval '1 minute')`);
    // One mail recorded an hour ago and never sent (its process stopped), one recorded just now.
    const [stale] = await queryRows<{ id: string }>(
      db,
      sql`insert into mails (kind, to_address, subject, body_text, created_at) values ('test', 'a@demo.example', 'Oud', 'x', now() - interval '1 hour') returning id`,
    );
    const [fresh] = await queryRows<{ id: string }>(db, sql`insert into mails (kind, to_address, subject, body_text) values ('test', 'b@demo.example', 'Nieuw', 'x') returning id`);
    // Issue 17: used citizen-form challenges, one expired (forgotten), one still valid (kept against replays).
    await queryRows(db, sql`insert into citizen_proofs_spent (signature, expires_at) values ('expired-proof', now() - interval '1 minute'), ('live-proof', now() + interval '5 minutes')`);

    expect(await runners[0]!.runNow('housekeeping', ctx.clock.today())).toBeTruthy();
    const statusOf = async (id: string) => (await queryRows<{ status: string }>(db, sql`select status from mails where id = ${id}::uuid`))[0]!.status;
    // No SMTP server in the tests: "sent" to the dev outbox.
    await vi.waitFor(async () => expect(await statusOf(stale!.id)).toBe('outbox'), { timeout: 20_000, interval: 200 });
    expect(await statusOf(fresh!.id)).toBe('queued');
    const [left] = await queryRows<{ expired: number; live: number }>(
      db,
      sql`select count(*) filter (where expires_at <= now())::int as expired, count(*) filter (where expires_at > now())::int as live from sessions`,
    );
    expect(left).toEqual({ expired: 0, live: live!.n });
    expect((await queryRows<{ signature: string }>(db, sql`select signature from citizen_proofs_spent`)).map((r) => r.signature)).toEqual(['live-proof']);
  });
});
