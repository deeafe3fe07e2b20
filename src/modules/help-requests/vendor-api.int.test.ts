import { request as httpsRequest } from 'node:https';
import { request as httpRequest } from 'node:http';
import type { FastifyInstance } from 'fastify';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/db.js';
import { buildVendorApp } from '../../http/vendor-app.js';
import { generateSelfSigned, type GeneratedCertificate } from '../../http/self-signed.js';
import { channelsRepo } from '../channels/index.js';
import { registryRepo } from '../registry/index.js';
import { createTestContext, type TestContext } from '../../../test/test-app.js';

let ctx: TestContext;
let vendorApp: FastifyInstance;
let port: number;
let serverCa: string;
const certs: Record<string, GeneratedCertificate> = {};
let antwerpenReference = '';

async function orgId(name: string) {
  const [r] = await queryRows<{ id: string }>(ctx.database.db, sql`select id from organisations where name_nl = ${name}`);
  return r!.id;
}

async function domainOf(name: string) {
  const id = await orgId(name);
  const [d] = await registryRepo.listDomainsOf(ctx.database.db, id);
  if (d) return d.id;
  const [created] = await registryRepo.insertDomains(ctx.database.db, [{ organisationId: id, code: 'MW', contactEmail: 'ocmw@demo.example' }]);
  return created!.id;
}

/** A REST account of the OCMW with this certificate, as ChaMan stores it. */
async function restAccount(ocmw: string, name: string, permissions: string[], cert: GeneratedCertificate, state: { active?: boolean; deleted?: boolean } = {}) {
  const account = await channelsRepo.insertAccount(ctx.database.db, {
    domainId: await domainOf(ocmw),
    kind: 'REST',
    name,
    permissions,
    management: 'internal',
    deletedAt: state.deleted ? new Date() : null,
  });
  const x = await import('@peculiar/x509');
  const parsed = new x.X509Certificate(new Uint8Array(cert.der));
  await channelsRepo.insertCertificate(ctx.database.db, {
    accountId: account.id,
    name: `${name}.cer`,
    fingerprint: cert.fingerprint,
    der: cert.der,
    subject: parsed.subject,
    issuer: parsed.issuer,
    keyType: 'EC-P-384',
    signature: 'ecdsa-with-SHA384',
    selfSigned: true,
    notBefore: parsed.notBefore,
    notAfter: parsed.notAfter,
    isActive: state.active ?? true,
  });
}

function call(method: string, path: string, cert?: GeneratedCertificate, body?: unknown): Promise<{ status: number; json: ReturnType<typeof JSON.parse> }> {
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const req = httpsRequest(
      {
        host: '127.0.0.1',
        port,
        path,
        method,
        ca: serverCa,
        servername: 'localhost',
        ...(cert ? { cert: cert.certPem, key: cert.keyPem } : {}),
        headers: { accept: 'application/json', ...(payload ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } : {}) },
      },
      (res) => {
        let data = '';
        res.on('data', (c) => (data += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, json: data ? JSON.parse(data) : undefined }));
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

beforeAll(async () => {
  ctx = await createTestContext();
  const server = await generateSelfSigned({ subject: 'CN=localhost', days: 30, dnsNames: ['localhost'], usage: 'server' });
  serverCa = server.certPem;
  vendorApp = await buildVendorApp({ config: ctx.config, services: ctx.services, clock: ctx.clock, tls: { cert: server.certPem, key: server.keyPem } });
  await vendorApp.listen({ port: 0, host: '127.0.0.1' });
  port = (vendorApp.server.address() as { port: number }).port;
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
  await vendorApp?.close();
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
