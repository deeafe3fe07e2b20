import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/db.js';
import { createClock } from '../../domain/clock.js';
import { makeCertificate } from '../../../test/certificates.js';
import { createTestContext, type TestClient, type TestContext } from '../../../test/test-app.js';
import { CERTIFICATE_CACHE_MS, createChannelsService } from './channels.service.js';
import * as channelsRepo from './channels.repo.js';

// R6.9: the vendor port reuses what it read about a client certificate for a few seconds. A
// change through ChaMan in the same process must count at the very next request; another
// instance (here: a second service on the same database) sees it within CERTIFICATE_CACHE_MS.

let ctx: TestContext;
let tb: TestClient;
const DAY = 86_400_000;

async function restCertificate(validUntil = new Date(Date.now() + 365 * DAY)) {
  const c = await makeCertificate({ key: 'EC-P-384', hash: 'SHA-384', selfSigned: true, notBefore: new Date(Date.now() - DAY), notAfter: validUntil, keyUsage: ['digitalSignature'] });
  return {
    upload: { fileName: 'vendor.cer', contentBase64: Buffer.from(c.der).toString('base64') },
    fingerprint: createHash('sha256').update(c.der).digest('hex'),
    notAfter: c.certificate.notAfter,
  };
}

async function createRestAccount(name: string, permissions: string[], certificate: Awaited<ReturnType<typeof restCertificate>>) {
  const res = await tb.post('/api/v1/chaman/accounts/rest', { management: 'internal', name, permissions, certificateName: name, certificate: certificate.upload });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().account.id as string;
}

beforeAll(async () => {
  ctx = await createTestContext();
  tb = ctx.client();
  await tb.loginAs('tb.antwerpen');
});
afterAll(async () => ctx?.close());

describe('certificate cache of the vendor port (R6.9)', () => {
  it('applies a permission change, a replaced certificate and a deleted account at the next request', async () => {
    const channels = ctx.services.channels;
    const first = await restCertificate();
    const accountId = await createRestAccount('cache-direct', ['ocmw-online-proces', 'signaletiek-raadplegen'], first);
    const before = await channels.authenticateCertificate(first.fingerprint);
    expect(before).toMatchObject({ ok: true, client: { accountName: 'cache-direct', permissions: ['ocmw-online-proces', 'signaletiek-raadplegen'] } });
    expect(await channels.authenticateCertificate(first.fingerprint)).toEqual(before);

    expect((await tb.request({ method: 'PATCH', url: `/api/v1/chaman/accounts/${accountId}`, payload: { permissions: ['signaletiek-raadplegen'] } })).statusCode).toBe(200);
    expect(await channels.authenticateCertificate(first.fingerprint)).toMatchObject({ ok: true, client: { permissions: ['signaletiek-raadplegen'] } });

    const second = await restCertificate();
    const replaced = await tb.request({ method: 'PUT', url: `/api/v1/chaman/accounts/${accountId}/certificate`, payload: { certificateName: 'nieuw', certificate: second.upload } });
    expect(replaced.statusCode).toBe(200);
    expect(await channels.authenticateCertificate(first.fingerprint)).toEqual({ ok: false, reason: 'revoked' });
    expect(await channels.authenticateCertificate(second.fingerprint)).toMatchObject({ ok: true });

    expect((await tb.request({ method: 'DELETE', url: `/api/v1/chaman/accounts/${accountId}` })).statusCode).toBe(204);
    expect(await channels.authenticateCertificate(second.fingerprint)).toEqual({ ok: false, reason: 'deleted' });
  });

  it('lets another instance notice a revocation within CERTIFICATE_CACHE_MS, and checks expiry on every request', async () => {
    let now = Date.now();
    const clock = createClock({ now: () => new Date(now) });
    const { registry, audit, notifications } = ctx.services;
    const otherInstance = createChannelsService({ db: ctx.database.db, clock, registry, audit, notifications });

    const revoked = await restCertificate();
    const accountId = await createRestAccount('cache-other', ['ocmw-online-proces'], revoked);
    expect(await otherInstance.authenticateCertificate(revoked.fingerprint)).toMatchObject({ ok: true });
    // Revoked by this instance (the portal); the other one still has what it read…
    await tb.request({ method: 'DELETE', url: `/api/v1/chaman/accounts/${accountId}` });
    expect(await ctx.services.channels.authenticateCertificate(revoked.fingerprint)).toEqual({ ok: false, reason: 'deleted' });
    now += CERTIFICATE_CACHE_MS - 1;
    expect(await otherInstance.authenticateCertificate(revoked.fingerprint)).toMatchObject({ ok: true });
    // …for CERTIFICATE_CACHE_MS at most.
    now += 1;
    expect(await otherInstance.authenticateCertificate(revoked.fingerprint)).toEqual({ ok: false, reason: 'deleted' });

    // Expiry is no cached verdict: a certificate is refused from its notAfter on, cached or not.
    const expiring = await restCertificate(new Date(Date.now() + 30 * DAY));
    await createRestAccount('cache-expiry', ['ocmw-online-proces'], expiring);
    now = expiring.notAfter.getTime() - 1_000;
    expect(await otherInstance.authenticateCertificate(expiring.fingerprint)).toMatchObject({ ok: true });
    now = expiring.notAfter.getTime() + 1_000;
    expect(await otherInstance.authenticateCertificate(expiring.fingerprint)).toEqual({ ok: false, reason: 'expired' });
  });

  it('checks validity on the wall clock: a fixed business date (OCMW_TODAY) neither revives nor expires a certificate', async () => {
    const { registry, audit, notifications } = ctx.services;
    const windowed = await restCertificate();
    await createRestAccount('cache-business-date', ['ocmw-online-proces'], windowed);
    const today = new Date().toISOString().slice(0, 10);
    const inYears = (years: number) => `${Number(today.slice(0, 4)) + years}${today.slice(4)}`;
    const at = (fixedToday: string) => createChannelsService({ db: ctx.database.db, clock: createClock({ fixedToday }), registry, audit, notifications });
    for (const fixedToday of [today, inYears(2), inYears(-2)]) {
      expect(await at(fixedToday).authenticateCertificate(windowed.fingerprint)).toMatchObject({ ok: true });
    }
    // An expired one stays expired with the business date set back into its validity.
    const expired = await makeCertificate({ key: 'EC-P-384', hash: 'SHA-384', selfSigned: true, notBefore: new Date(Date.now() - 400 * DAY), notAfter: new Date(Date.now() - 35 * DAY), keyUsage: ['digitalSignature'] });
    const fingerprint = createHash('sha256').update(expired.der).digest('hex');
    const [domain] = await queryRows<{ id: string }>(ctx.database.db, sql`select d.id from domains d join organisations o on o.id = d.organisation_id where o.kbo = '0212235604' limit 1`);
    const account = await channelsRepo.insertAccount(ctx.database.db, { domainId: domain!.id, kind: 'REST', name: 'expired-wall', permissions: ['ocmw-online-proces'], management: 'internal' });
    await channelsRepo.insertCertificate(ctx.database.db, {
      accountId: account.id,
      name: 'expired.cer',
      fingerprint,
      der: Buffer.from(expired.der),
      subject: 'CN=expired',
      issuer: 'CN=expired',
      keyType: 'EC-P-384',
      signature: 'ecdsa-with-SHA384',
      selfSigned: true,
      notBefore: expired.certificate.notBefore,
      notAfter: expired.certificate.notAfter,
      isActive: true,
    });
    const inItsValidity = new Date(Date.now() - 100 * DAY).toISOString().slice(0, 10);
    expect(await at(inItsValidity).authenticateCertificate(fingerprint)).toEqual({ ok: false, reason: 'expired' });
  });

  it('does not keep an unknown fingerprint: a certificate uploaded elsewhere works at once', async () => {
    const later = await restCertificate();
    expect(await ctx.services.channels.authenticateCertificate(later.fingerprint)).toEqual({ ok: false, reason: 'unknown' });
    const { registry, audit, notifications } = ctx.services;
    const otherInstance = createChannelsService({ db: ctx.database.db, clock: ctx.clock, registry, audit, notifications });
    expect(await otherInstance.authenticateCertificate(later.fingerprint)).toEqual({ ok: false, reason: 'unknown' });
    const accountId = await createRestAccount('cache-new', ['ocmw-online-proces'], later);
    expect(await otherInstance.authenticateCertificate(later.fingerprint)).toMatchObject({ ok: true, client: { accountId } });
  });
});
