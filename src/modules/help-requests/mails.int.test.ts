import { SMTPServer } from 'smtp-server';
import { simpleParser } from 'mailparser';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/db.js';
import { createTestContext, type TestClient, type TestContext } from '../../../test/test-app.js';

let ctx: TestContext;
let smtp: SMTPServer;
const received: { to: string; subject: string; text: string }[] = [];

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onRcptTo(address, _session, callback) {
      if (address.address.startsWith('unknown@')) return callback(Object.assign(new Error('No such user'), { responseCode: 550 }));
      return callback();
    },
    onData(stream, session, callback) {
      simpleParser(stream).then((m) => {
        received.push({ to: session.envelope.rcptTo.map((r) => r.address).join(','), subject: m.subject ?? '', text: m.text ?? '' });
        callback();
      }, callback);
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  const port = (smtp.server.address() as { port: number }).port;
  ctx = await createTestContext({ env: { SMTP_URL: `smtp://127.0.0.1:${port}` } });
});
afterAll(async () => {
  await ctx?.close();
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
});

async function as(username: string): Promise<TestClient> {
  const c = ctx.client();
  await c.loginAs(username);
  return c;
}

describe('OCMW Online mails through a real SMTP server (R6.4, R6.5, R6.10)', () => {
  it('sends the citizen a same-day acknowledgement and the OCMW a notification without personal data', async () => {
    const citizen = ctx.client();
    await citizen.get('/api/v1/session');
    citizen.today = '2026-11-02';
    const res = await citizen.post('/api/v1/public/help-requests', await citizen.proven({
      language: 'de',
      kinds: ['huisvesting'],
      postcode: '2000',
      surname: 'Schmitz',
      firstName: 'Lena',
      email: 'lena.schmitz@burger.example',
      message: 'Ich suche eine Wohnung.',
    }));
    expect(res.statusCode).toBe(201);
    const { reference } = res.json();
    // Issue 20: the mails go out after the answer.
    await ctx.services.notifications.idle();
    const ack = received.find((m) => m.to === 'lena.schmitz@burger.example');
    expect(ack?.subject).toBe(`Ihr Hilfeantrag ${reference} ist eingegangen`);
    // Issue 18: the date as a German reader writes it, never ISO.
    expect(ack?.text).toContain('02.11.2026');
    expect(ack?.text).not.toContain('2026-11-02');
    expect(ack?.text).toContain('ÖSHZ Antwerpen');
    const notification = received.find((m) => m.to === 'ocmw.antwerpen@demo.example' && m.text.includes(reference));
    expect(notification?.subject).toContain(reference);
    expect(notification?.text).not.toContain('Schmitz');
    expect(notification?.text).toContain('(ontvangstdatum 02/11/2026)');
  });

  it('writes the OCMW\'s notification and reminder in its correspondence languages (issue 18)', async () => {
    // From 2026-11-16 Antwerpen also serves a Brussels and a German-speaking municipality.
    const [antwerpen] = await queryRows<{ id: string }>(ctx.database.db, sql`select id from organisations where name_nl = 'OCMW Antwerpen'`);
    for (const nis of ['21004', '63023']) {
      await ctx.database.db.execute(sql`insert into ocmw_areas (organisation_id, nis, valid_from) values (${antwerpen!.id}::uuid, ${nis}, '2026-11-16')`);
    }
    const citizen = ctx.client();
    await citizen.get('/api/v1/session');
    citizen.today = '2026-11-16';
    const res = await citizen.post('/api/v1/public/help-requests', await citizen.proven({ language: 'nl', kinds: ['huisvesting'], postcode: '2000', surname: 'Peeters', firstName: 'Mira', phone: '0470 12 34 56', message: 'Ik zoek een woning.' }));
    expect(res.statusCode).toBe(201);
    const { reference } = res.json();
    await ctx.services.notifications.idle();
    const notification = received.find((m) => m.to === 'ocmw.antwerpen@demo.example' && m.text.includes(reference))!;
    expect(notification.subject).toBe(`OCMW Online: nieuwe hulpaanvraag ${reference} / CPAS Online : nouvelle demande d'aide ${reference} / ÖSHZ Online: neuer Hilfeantrag ${reference}`);
    const [nl, fr, de] = notification.text.split(/\n\s*— — —\s*\n/);
    expect(nl).toContain('(ontvangstdatum 16/11/2026)');
    expect(fr).toContain('(date de réception 16/11/2026)');
    expect(de).toContain('(Eingangsdatum 16.11.2026)');

    const reminders = await ctx.services.helpRequests.runReminders('2026-11-19');
    expect(reminders.mails.some((m) => m.references.includes(reference))).toBe(true);
    const reminder = received.find((m) => m.subject.startsWith('OCMW Online:') && m.text.includes(reference) && m.text.includes('nog niet gelezen'))!;
    expect(reminder.text).toContain("Ces demandes d'aide n'ont pas encore été lues");
    expect(reminder.text).toContain('Diese Hilfeanträge wurden noch nicht gelesen');
  });

  it('shows the OCMW a mail that could not be delivered', async () => {
    const tb = await as('tb.antwerpen');
    const settings = { notificationsEnabled: true, notificationAddress: 'unknown@ocmw.example', remindersEnabled: false };
    expect((await tb.request({ method: 'PUT', url: '/api/v1/configuration/online', payload: settings })).statusCode).toBe(200);
    await ctx.services.helpRequests.submit({ language: 'nl', kinds: ['energie'], postcode: '2000', surname: 'A', firstName: 'B', phone: '03 123 45 67', message: 'x' });
    await ctx.services.notifications.idle();
    const agent = await as('user.antwerpen');
    const failures = (await agent.get('/api/v1/help-requests/mail-failures')).json();
    expect(failures[0]).toMatchObject({ kind: 'online-notification', to: 'unknown@ocmw.example' });
    expect(failures[0].lastError).toContain('550');
  });
});
