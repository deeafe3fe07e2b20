import { SMTPServer } from 'smtp-server';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
    const ack = received.find((m) => m.to === 'lena.schmitz@burger.example');
    expect(ack?.subject).toBe(`Ihr Hilfeantrag ${reference} ist eingegangen`);
    expect(ack?.text).toContain('2026-11-02');
    expect(ack?.text).toContain('ÖSHZ Antwerpen');
    const notification = received.find((m) => m.to === 'ocmw.antwerpen@demo.example' && m.text.includes(reference));
    expect(notification?.subject).toContain(reference);
    expect(notification?.text).not.toContain('Schmitz');
  });

  it('shows the OCMW a mail that could not be delivered', async () => {
    const tb = await as('tb.antwerpen');
    const settings = { notificationsEnabled: true, notificationAddress: 'unknown@ocmw.example', remindersEnabled: false };
    expect((await tb.request({ method: 'PUT', url: '/api/v1/configuration/online', payload: settings })).statusCode).toBe(200);
    await ctx.services.helpRequests.submit({ language: 'nl', kinds: ['energie'], postcode: '2000', surname: 'A', firstName: 'B', phone: '03 123 45 67', message: 'x' });
    const agent = await as('user.antwerpen');
    const failures = (await agent.get('/api/v1/help-requests/mail-failures')).json();
    expect(failures[0]).toMatchObject({ kind: 'online-notification', to: 'unknown@ocmw.example' });
    expect(failures[0].lastError).toContain('550');
  });
});
