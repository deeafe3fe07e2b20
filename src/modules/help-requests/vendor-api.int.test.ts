import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSelfSigned, type GeneratedCertificate } from '../../http/self-signed.js';
import { createTestContext, type TestContext } from '../../../test/test-app.js';
import { startVendorPort, type VendorPort } from '../../../test/vendor-port.js';

let ctx: TestContext;
let vendor: VendorPort;
let port: number;
const certs: Record<string, GeneratedCertificate> = {};
let antwerpenReference = '';

const call = (method: string, path: string, cert?: GeneratedCertificate, body?: unknown) => vendor.call(method, path, cert, body);
const restAccount = (ocmw: string, name: string, permissions: string[], cert: GeneratedCertificate, state: { active?: boolean; deleted?: boolean } = {}) =>
  vendor.restAccount(ocmw, name, permissions, cert, state);

beforeAll(async () => {
  ctx = await createTestContext();
  vendor = await startVendorPort(ctx);
  port = vendor.port;
  for (const name of ['full', 'contactOnly', 'gent', 'unknown', 'revoked', 'deleted']) {
    certs[name] = await generateSelfSigned({ subject: `CN=${name}`, days: 365, usage: 'client' });
  }
  certs.expired = await generateSelfSigned({ subject: 'CN=expired', days: 30, notBefore: new Date(Date.now() - 90 * 86_400_000), usage: 'client' });
  const all = ['ocmw-online-proces', 'signaletiek-raadplegen', 'signaletiek-bewerken', 'ocmw-online-admin'];
  await restAccount('OCMW Antwerpen', 'vendor-full', all, certs.full!);
  await restAccount('OCMW Antwerpen', 'vendor-contact', ['signaletiek-raadplegen'], certs.contactOnly!);
  await restAccount('OCMW Antwerpen', 'vendor-expired', all, certs.expired!);
  await restAccount('OCMW Antwerpen', 'vendor-revoked', all, certs.revoked!, { active: false });
  await restAccount('OCMW Antwerpen', 'vendor-deleted', all, certs.deleted!, { deleted: true });
  await restAccount('OCMW Gent', 'vendor-gent', all, certs.gent!);
  const receipt = await ctx.services.helpRequests.submit({
    language: 'nl',
    kinds: ['huisvesting'],
    postcode: '2000',
    surname: 'Maes',
    firstName: 'Tom',
    phone: '03 111 22 33',
    message: 'Ik zoek een woning.',
  });
  antwerpenReference = receipt.reference;
});
afterAll(async () => {
  await vendor?.close();
  await ctx?.close();
});

describe('vendor API over mutual TLS (R6.9)', () => {
  it('serves the OCMW of the certificate: list, get, mark read', async () => {
    const list = await call('GET', '/vendor/v1/help-requests?unread=true&pageSize=100', certs.full);
    expect(list.status).toBe(200);
    expect(list.json.items.map((i: { reference: string }) => i.reference)).toContain(antwerpenReference);
    const one = await call('GET', `/vendor/v1/help-requests/${antwerpenReference}`, certs.full);
    expect(one.status).toBe(200);
    expect(one.json).toMatchObject({ reference: antwerpenReference, status: 'unread', phone: '03 111 22 33' });
    const read = await call('POST', `/vendor/v1/help-requests/${antwerpenReference}/read`, certs.full);
    expect(read.json.status).toBe('read');
    expect(read.json.history.at(-1)).toMatchObject({ kind: 'read', by: 'rest:vendor-full' });
    const unread = await call('GET', '/vendor/v1/help-requests?unread=true&pageSize=100', certs.full);
    expect(unread.json.items.map((i: { reference: string }) => i.reference)).not.toContain(antwerpenReference);
  });

  it('pages with the same total on every page, also past the last one', async () => {
    const first = await call('GET', '/vendor/v1/help-requests?pageSize=2', certs.full);
    expect(first.status).toBe(200);
    expect(first.json.total).toBeGreaterThan(2);
    const second = await call('GET', '/vendor/v1/help-requests?page=2&pageSize=2', certs.full);
    expect(second.json).toMatchObject({ total: first.json.total, page: 2, pageSize: 2 });
    expect(second.json.items.map((i: { reference: string }) => i.reference)).not.toContain(first.json.items[0].reference);
    const past = await call('GET', '/vendor/v1/help-requests?page=100000&pageSize=2', certs.full);
    expect(past.json).toMatchObject({ items: [], total: first.json.total, page: 100000 });
  });

  it('reads and writes contact data and settings with the matching permissions', async () => {
    const contact = await call('GET', '/vendor/v1/contact', certs.contactOnly);
    expect(contact.status).toBe(200);
    expect(contact.json.cityNl).toBe('Antwerpen');
    const changed = { ...contact.json, receptionPhone: '03 338 20 00' };
    expect((await call('PUT', '/vendor/v1/contact', certs.contactOnly, changed)).status).toBe(403);
    const saved = await call('PUT', '/vendor/v1/contact', certs.full, changed);
    expect(saved.status).toBe(200);
    expect((await call('GET', '/vendor/v1/contact', certs.full)).json.receptionPhone).toBe('03 338 20 00');
    const bad = await call('PUT', '/vendor/v1/contact', certs.full, { ...changed, postcode: '0999' });
    expect(bad.status).toBe(400);
    expect(bad.json.error.fields).toHaveProperty('postcode');
    expect((await call('GET', '/vendor/v1/settings', certs.contactOnly)).status).toBe(403);
    const settings = await call('GET', '/vendor/v1/settings', certs.full);
    expect(settings.json.remindersEnabled).toBe(true);
    const missing = await call('PUT', '/vendor/v1/settings', certs.full, { notificationsEnabled: true, remindersEnabled: false });
    expect(missing.status).toBe(400);
    expect(missing.json.error.fields).toHaveProperty('notificationAddress');
  });

  it('answers 401 without a certificate and 403 for unknown, expired, replaced or deleted ones, or the wrong permission', async () => {
    expect((await call('GET', '/vendor/v1/help-requests')).status).toBe(401);
    for (const name of ['unknown', 'expired', 'revoked', 'deleted']) {
      const res = await call('GET', '/vendor/v1/help-requests', certs[name]);
      expect(res.status, name).toBe(403);
      expect(res.json.error.code).toBe('forbidden');
    }
    const wrong = await call('GET', '/vendor/v1/help-requests', certs.contactOnly);
    expect(wrong.status).toBe(403);
    expect(wrong.json.error.message).toContain('Beheer van het OCMW Online proces');
  });

  it("never shows another OCMW's request", async () => {
    expect((await call('GET', `/vendor/v1/help-requests/${antwerpenReference}`, certs.gent)).status).toBe(404);
    expect((await call('POST', `/vendor/v1/help-requests/${antwerpenReference}/read`, certs.gent)).status).toBe(404);
    const list = await call('GET', '/vendor/v1/help-requests?pageSize=100', certs.gent);
    expect(list.json.items.map((i: { reference: string }) => i.reference)).not.toContain(antwerpenReference);
    expect((await call('GET', '/vendor/v1/help-requests/not-a-reference', certs.gent)).status).toBe(400);
  });

  it('publishes its OpenAPI document and refuses plain HTTP', async () => {
    const doc = await call('GET', '/vendor/v1/openapi.json');
    expect(doc.status).toBe(200);
    expect(doc.json.servers).toEqual([{ url: '/vendor/v1' }]);
    expect(Object.keys(doc.json.paths)).toEqual(expect.arrayContaining(['/help-requests', '/help-requests/{reference}', '/contact', '/settings']));
    const plain = await new Promise<string>((resolve) => {
      const req = httpRequest({ host: '127.0.0.1', port, path: '/vendor/v1/help-requests' }, (res) => resolve(`status ${res.statusCode}`));
      req.on('error', (e) => resolve(`error ${(e as NodeJS.ErrnoException).code ?? e.message}`));
      req.end();
    });
    expect(plain).not.toMatch(/^status 2/);
  });
});
