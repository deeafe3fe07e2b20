import { SMTPServer } from 'smtp-server';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../domain/clock.js';
import type { Caller } from '../access/index.js';
import { makeCa, makeCertificate } from '../../../test/certificates.js';
import { createTestContext, type TestContext } from '../../../test/test-app.js';

let ctx: TestContext;
let smtp: SMTPServer;
const received: { to: string; subject: string; text: string }[] = [];
const DAY = 86_400_000;

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onRcptTo(address, _session, callback) {
      const fail = (code: number, text: string) => callback(Object.assign(new Error(text), { responseCode: code }));
      if (address.address.startsWith('unknown@')) return fail(550, 'No such user');
      if (address.address.startsWith('busy@')) return fail(451, 'Try again later');
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
  ctx = await createTestContext({ env: { SMTP_URL: `smtp://127.0.0.1:${port}`, OCMW_TODAY: new Date().toISOString().slice(0, 10) } });
});
afterAll(async () => {
  await ctx?.close();
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
});

describe('certificate expiry warnings (issue #4 point 6)', () => {
  it('mails the sender contact 30 and 7 days ahead, once per threshold, even when run twice at once', async () => {
    const session = await ctx.client().loginAs('tb.antwerpen');
    const caller: Caller = { userId: session.user.id, language: 'nl', context: session.context };
    await ctx.services.channels.saveSender(caller, { contactName: 'ICT', phoneCode: '+32', phoneNumber: '456986532', email: 'ict@antwerpen.demo.example', language: 'nl' });
    const ca = await makeCa({ key: 'RSA-2048' });
    const upload = async (days: number, name: string) => {
      // Expiring in the morning of the day `days` after today in Brussels (10:00 UTC): the days
      // left do not depend on the time of day the test runs.
      const c = await makeCertificate({ key: 'EC-P-384', hash: 'SHA-384', issuer: ca, notBefore: new Date(Date.now() - DAY), notAfter: new Date(`${addDays(ctx.clock.today(), days)}T10:00:00Z`) });
      return ctx.services.channels.createRestAccount(caller, { management: 'internal', name, permissions: ['ocmw-online-proces'], certificateName: name, certificate: { fileName: `${name}.cer`, contentBase64: Buffer.from(c.der).toString('base64') } });
    };
    await upload(25, 'binnen-30');
    await upload(5, 'binnen-7');
    await upload(90, 'nog-lang');

    const today = ctx.clock.today();
    const preview = await ctx.services.channels.sendExpiryWarnings(today, { dryRun: true });
    expect(preview.warnings).toHaveLength(2);
    const [a, b] = await Promise.all([ctx.services.channels.sendExpiryWarnings(today), ctx.services.channels.sendExpiryWarnings(today)]);
    const all = [...a.warnings, ...b.warnings];
    expect(all.map((w) => [w.account, w.threshold, w.status]).sort()).toEqual([
      ['binnen-30', 30, 'sent'],
      ['binnen-7', 7, 'sent'],
    ]);
    expect(received).toHaveLength(2);
    expect(received.every((m) => m.to === 'ict@antwerpen.demo.example')).toBe(true);
    expect(received.find((m) => m.subject.includes('binnen-7'))!.text).toContain('binnen 5 dagen');
    // A rerun the same day, or the next day, sends nothing new for these thresholds.
    expect((await ctx.services.channels.sendExpiryWarnings(today)).warnings).toEqual([]);

    // The administrators see each mail with its delivery status.
    const admin = ctx.client();
    await admin.loginAs('admin');
    const mails = (await admin.get('/api/v1/admin/mails')).json();
    expect(mails.items.filter((m: { kind: string; status: string }) => m.kind === 'certificate-expiry' && m.status === 'sent')).toHaveLength(2);

    // ChaMan's home marks them.
    const home = await ctx.services.channels.home(caller);
    const expiry = Object.fromEntries(home.accounts.map((acc) => [acc.name, acc.certificate?.expiry]));
    expect(expiry).toMatchObject({ 'binnen-30': 'expiring', 'binnen-7': 'expiring', 'nog-lang': 'ok' });

    // Issue 18: the warning is written in the contact's language, the date as that reader writes it.
    const expires = addDays(today, 6);
    const [y, m, d] = expires.split('-');
    const cases = [
      ['nl', `vervalt binnen 6 dagen, op ${d}/${m}/${y}.`],
      ['fr', `expire dans 6 jours, le ${d}/${m}/${y}.`],
      ['de', `läuft in 6 Tagen ab, am ${d}.${m}.${y}.`],
    ] as const;
    for (const [language, sentence] of cases) {
      await ctx.services.channels.saveSender(caller, { contactName: 'ICT', phoneCode: '+32', phoneNumber: '456986532', email: 'ict@antwerpen.demo.example', language });
      await upload(6, `taal-${language}`);
      expect((await ctx.services.channels.sendExpiryWarnings(today)).warnings).toHaveLength(1);
      const mail = received.find((r) => r.subject.includes(`taal-${language}`))!;
      expect(mail.text).toContain(sentence);
      expect(mail.text).not.toContain(expires);
    }
  });

  it('records a permanent SMTP failure at once, and queues a transient one for a later round', async () => {
    const permanent = await ctx.services.notifications.send({ kind: 'test', to: 'unknown@demo.example', subject: 'x', text: 'y' });
    expect(permanent).toMatchObject({ status: 'failed', attempts: 1, lastError: expect.stringContaining('No such user') });
    const transient = await ctx.services.notifications.send({ kind: 'test', to: 'busy@demo.example', subject: 'x', text: 'y' });
    // Issue 16: a transient failure is retried later (the housekeeping job, for at least 24 h).
    expect(transient).toMatchObject({ status: 'queued', attempts: 3, nextAttemptAt: expect.any(Date) });
  });
});
