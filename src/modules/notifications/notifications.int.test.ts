import { sql } from 'drizzle-orm';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/db.js';
import { createTestContext, type TestContext } from '../../../test/test-app.js';
import { createNotificationsService } from './index.js';

// Every mail is sent once: the sending process takes it first (queued → sending, one statement),
// and the housekeeping job only takes what a stopped process left behind. A real SMTP server
// counts what arrives.

let ctx: TestContext;
let smtp: SMTPServer;
let smtpUrl = '';
const received: string[] = [];

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, _session, callback) {
      let data = '';
      stream.on('data', (c: Buffer) => (data += c.toString('utf8')));
      stream.on('end', () => {
        received.push(/^Subject: (.*)$/m.exec(data)?.[1]?.trim() ?? '');
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
