import { sql } from 'drizzle-orm';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/db.js';
import { createTestContext, type TestContext } from '../../../test/test-app.js';
import { createClock } from '../../domain/clock.js';
import { createNotificationsService } from './index.js';
import { retryDelayMs, textToHtml } from './notifications.service.js';

// Every mail is sent once: the sending process takes it first (queued → sending, one statement),
// and the housekeeping job only takes what a stopped process left behind. A real SMTP server
// counts what arrives.

let ctx: TestContext;
let smtp: SMTPServer;
let smtpUrl = '';
const received: string[] = [];
const raw: string[] = [];

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, _session, callback) {
      let data = '';
      stream.on('data', (c: Buffer) => (data += c.toString('utf8')));
      stream.on('end', () => {
        received.push(/^Subject: (.*)$/m.exec(data)?.[1]?.trim() ?? '');
        raw.push(data);
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  smtpUrl = `smtp://127.0.0.1:${(smtp.server.address() as { port: number }).port}`;
  ctx = await createTestContext({ env: { SMTP_URL: smtpUrl } });
});
afterAll(async () => {
  await ctx?.close();
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
});

const statusOf = async (id: string) => (await queryRows<{ status: string }>(ctx.database.db, sql`select status from mails where id = ${id}::uuid`))[0]!.status;
const count = (subject: string) => received.filter((s) => s === subject).length;

describe('mail delivery, once (R6.4–R6.5)', () => {
  it('sends a mail once when two processes deliver it at the same time', async () => {
    const notifications = ctx.services.notifications;
    const other = createNotificationsService({ db: ctx.database.db, clock: ctx.clock, config: { smtpUrl, from: 'test@demo.example' } });
    const row = await notifications.record(ctx.database.db, { kind: 'test', to: 'a@demo.example', subject: 'Eenmaal', text: 'x' });
    const [a, b] = await Promise.all([notifications.deliver(row), other.deliver(row)]);
    expect([a.status, b.status].sort()).toEqual(['queued', 'sent']);
    expect(count('Eenmaal')).toBe(1);
    expect(await statusOf(row.id)).toBe('sent');
    // Delivered again later (a retrying caller): nothing more is sent.
    await notifications.deliver(row);
    expect(count('Eenmaal')).toBe(1);
    await other.close();
  });

  it('housekeeping sends what a stopped process left: queued > 10 min, or taken > 60 min ago; not what is being sent', async () => {
    const db = ctx.database.db;
    const insert = async (subject: string, status: string, createdAgo: string, claimedAgo: string | null) =>
      (
        await queryRows<{ id: string }>(
          db,
          sql`insert into mails (kind, to_address, subject, body_text, status, created_at, claimed_at)
              values ('test', 'b@demo.example', ${subject}, 'x', ${status}, now() - ${createdAgo}::interval,
                      ${claimedAgo === null ? null : sql`now() - ${claimedAgo}::interval`})
              returning id`,
        )
      )[0]!.id;
    const neverTaken = await insert('Nooit genomen', 'queued', '1 hour', null);
    const justRecorded = await insert('Net opgenomen', 'queued', '1 minute', null);
    const lostWhileSending = await insert('Verloren bij verzenden', 'sending', '3 hours', '2 hours');
    const beingSent = await insert('Wordt verzonden', 'sending', '3 hours', '1 minute');

    const [first, second] = await Promise.all([ctx.services.notifications.redeliverStale(), ctx.services.notifications.redeliverStale()]);
    expect(first + second).toBe(2);
    expect(count('Nooit genomen')).toBe(1);
    expect(count('Verloren bij verzenden')).toBe(1);
    expect(count('Net opgenomen')).toBe(0);
    expect(count('Wordt verzonden')).toBe(0);
    expect(await statusOf(neverTaken)).toBe('sent');
    expect(await statusOf(lostWhileSending)).toBe('sent');
    expect(await statusOf(justRecorded)).toBe('queued');
    expect(await statusOf(beingSent)).toBe('sending');
    expect(await ctx.services.notifications.redeliverStale()).toBe(0);
  });
});

describe('a mail that cannot be delivered now (issue 16)', () => {
  it('is retried with backoff through the housekeeping job for at least 24 hours, then failed; an administrator resends it', async () => {
    // Only this test's mail is pending (the test above leaves one queued on purpose).
    await ctx.database.db.execute(sql`update mails set status = 'sent' where status in ('queued', 'sending')`);
    const start = Date.now();
    let now = new Date(start);
    const clock = createClock({ now: () => now });
    // Nothing listens on port 1: connection refused, a transient failure.
    const down = createNotificationsService({ db: ctx.database.db, clock, config: { smtpUrl: 'smtp://127.0.0.1:1', from: 'test@demo.example' } });
    const row = await down.send({ kind: 'test', to: 'c@demo.example', subject: 'Later opnieuw', text: 'Beste,\n\nZie https://portaal.example/x?a=1&b=<2>.' });
    expect(row).toMatchObject({ status: 'queued', attempts: 3 });
    expect(row.nextAttemptAt!.getTime()).toBe(start + retryDelayMs(1));

    // Not due yet: the housekeeping job leaves it; due: one more round, then a longer wait.
    now = new Date(start + 11 * 60_000);
    expect(await down.redeliverStale()).toBe(0);
    now = new Date(start + retryDelayMs(1) + 1000);
    expect(await down.redeliverStale()).toBe(1);
    const [second] = await queryRows<{ status: string; attempts: number; next: Date }>(ctx.database.db, sql`select status, attempts, next_attempt_at as next from mails where id = ${row.id}::uuid`);
    expect(second).toMatchObject({ status: 'queued', attempts: 6 });
    expect(new Date(second!.next).getTime()).toBe(now.getTime() + retryDelayMs(2));

    // Still within 24 hours: retried; after them: failed for good.
    now = new Date(start + 23 * 3_600_000);
    expect(await down.redeliverStale()).toBe(1);
    expect(await statusOf(row.id)).toBe('queued');
    now = new Date(start + 24 * 3_600_000 + 60_000);
    expect(await down.redeliverStale()).toBe(1);
    expect(await statusOf(row.id)).toBe('failed');
    await down.close();

    // The administrator sees it in the outbox and sends it again (SMTP works again).
    const admin = ctx.client();
    await admin.loginAs('admin');
    const outbox = (await admin.get('/api/v1/admin/mails?pageSize=100')).json() as { items: { id: string; status: string; lastError: string | null }[] };
    expect(outbox.items.find((m) => m.id === row.id)).toMatchObject({ status: 'failed', lastError: expect.any(String) });
    const resent = await admin.post(`/api/v1/admin/mails/${row.id}/resend`);
    expect(resent.statusCode).toBe(200);
    expect(resent.json()).toMatchObject({ id: row.id, status: 'sent' });
    expect(count('Later opnieuw')).toBe(1);
    // A mail that is not failed cannot be resent.
    expect((await admin.post(`/api/v1/admin/mails/${row.id}/resend`)).statusCode).toBe(404);

    // Sent as text and HTML (escaped, the link clickable).
    const message = raw.find((m) => m.includes('Later opnieuw'))!;
    expect(message).toMatch(/Content-Type: text\/plain/);
    expect(message).toMatch(/Content-Type: text\/html/);
  });

  it.each([
    ['Beste,\n\nregel 1\nregel 2', '<p>Beste,</p>\n<p>regel 1<br>regel 2</p>'],
    ['<script>x</script> & "y"', '<p>&lt;script&gt;x&lt;/script&gt; &amp; &quot;y&quot;</p>'],
    ['Zie https://a.example/p?x=1', '<p>Zie <a href="https://a.example/p?x=1">https://a.example/p?x=1</a></p>'],
  ])('textToHtml(%j)', (text, body) => {
    expect(textToHtml(text)).toContain(body);
  });
});

describe('the count of mails to each address (issue 17 limit, issue 20 cost)', () => {
  it('counts each address case-insensitively, since the moment, of the kind, and up to the cap', async () => {
    const db = ctx.database.db;
    const kind = 'count-test';
    const since = new Date('2026-01-01T00:00:00Z');
    await queryRows(
      db,
      sql`insert into mails (kind, to_address, subject, body_text, status, created_at)
          select ${kind}, case when g % 2 = 0 then 'Veel@Example.test' else 'veel@example.test' end, 's', 'b', 'outbox', timestamptz '2026-02-01' + g * interval '1 minute'
          from generate_series(1, 12) g
          union all select ${kind}, 'twee@example.test', 's', 'b', 'outbox', timestamptz '2026-02-01' from generate_series(1, 2)
          union all select ${kind}, 'oud@example.test', 's', 'b', 'outbox', timestamptz '2025-12-31'
          union all select 'other-kind', 'twee@example.test', 's', 'b', 'outbox', timestamptz '2026-02-01'`,
    );
    const counted = await ctx.services.notifications.countSentToEach(kind, ['VEEL@example.test', 'twee@example.test', 'oud@example.test', 'nooit@example.test'], since, 5);
    expect(Object.fromEntries(counted)).toEqual({ 'veel@example.test': 5, 'twee@example.test': 2 });
    expect(Object.fromEntries(await ctx.services.notifications.countSentToEach(kind, ['veel@example.test'], since, 100))).toEqual({ 'veel@example.test': 12 });
    expect((await ctx.services.notifications.countSentToEach(kind, [], since, 5)).size).toBe(0);
  });
});
