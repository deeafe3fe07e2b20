import { request as httpRequest } from 'node:http';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/db.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSelfSigned, type GeneratedCertificate } from '../../http/self-signed.js';
import { createTestContext, type TestContext } from '../../../test/test-app.js';
import { startVendorPort, type VendorPort } from '../../../test/vendor-port.js';

let ctx: TestContext;
let vendor: VendorPort;
let port: number;
const certs: Record<string, GeneratedCertificate> = {};
let antwerpenReference = '';

const call = (method: string, path: string, cert?: GeneratedCertificate, body?: unknown, language?: string) => vendor.call(method, path, cert, body, language);
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

  it('walks the list by cursor: every request exactly once, however many are filed meanwhile (issue 20)', async () => {
    const refs = (items: { reference: string }[]) => items.map((i) => i.reference);
    // What the OCMW has before the walk, by page number.
    const before: string[] = [];
    for (let page = 1; ; page++) {
      const r = await call('GET', `/vendor/v1/help-requests?page=${page}&pageSize=100`, certs.full);
      before.push(...refs(r.json.items));
      if (r.json.items.length < 100) break;
    }
    expect(before.length).toBeGreaterThan(6);
    const citizen = (n: number) => ({ language: 'nl' as const, kinds: ['leefloon' as const], postcode: '2000', surname: 'Cursor', firstName: `Burger ${n}`, phone: '03 111 22 33', message: 'x' });
    const seen: string[] = [];
    let first = await call('GET', '/vendor/v1/help-requests?pageSize=3', certs.full);
    expect(first.json).toMatchObject({ page: 1, pageSize: 3, total: before.length });
    seen.push(...refs(first.json.items));
    let cursor: string | null = first.json.nextCursor;
    let n = 0;
    while (cursor) {
      // Requests filed while the vendor pages (at the top of the order, as a new one is).
      await Promise.all([1, 2].map(() => ctx.services.helpRequests.submit(citizen(n++))));
      const next = await call('GET', `/vendor/v1/help-requests?pageSize=3&cursor=${cursor}`, certs.full);
      expect(next.status).toBe(200);
      expect(next.json).not.toHaveProperty('total');
      expect(next.json.items.length).toBeLessThanOrEqual(3);
      seen.push(...refs(next.json.items));
      cursor = next.json.nextCursor;
      first = next;
    }
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual(before);
    // The numbered pages still work, and their first page leads into the same walk.
    const second = await call('GET', '/vendor/v1/help-requests?page=2&pageSize=3', certs.full);
    expect(second.json).toMatchObject({ page: 2, pageSize: 3, total: before.length + n });
  });

  it('answers 304 without a body while the page is the same, 200 with a new ETag after a change, and not for another OCMW\'s change (issue 20)', async () => {
    const get = (path: string, cert: typeof certs.full, etag?: string) =>
      vendor.raw({ method: 'GET', path, cert, headers: { 'accept-language': 'nl', ...(etag ? { 'if-none-match': etag } : {}) } });
    const first = await get('/vendor/v1/help-requests?pageSize=5', certs.full);
    expect(first.status).toBe(200);
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^"[\w-]+"$/);
    const same = await get('/vendor/v1/help-requests?pageSize=5', certs.full, etag);
    expect(same.status).toBe(304);
    expect(same.body).toBe('');
    expect(same.headers['content-length'] ?? '0').toBe('0');
    expect(same.headers.etag).toBe(etag);
    // Another language is another page (its municipality names): another tag.
    const french = await vendor.raw({ method: 'GET', path: '/vendor/v1/help-requests?pageSize=5', cert: certs.full, headers: { 'accept-language': 'fr', 'if-none-match': etag } });
    expect(french.status).toBe(200);

    // A request filed at Gent: Antwerpen's page is unchanged, and Gent's vendor sees none of Antwerpen's.
    const gentBefore = await get('/vendor/v1/help-requests?pageSize=5', certs.gent);
    await ctx.services.helpRequests.submit({ language: 'nl', kinds: ['leefloon'], postcode: '9000', surname: 'Gentenaar', firstName: 'Jan', phone: '09 111 22 33', message: 'x' });
    expect((await get('/vendor/v1/help-requests?pageSize=5', certs.full, etag)).status).toBe(304);
    const gentAfter = await get('/vendor/v1/help-requests?pageSize=5', certs.gent, gentBefore.headers.etag as string);
    expect(gentAfter.status).toBe(200);
    expect(gentAfter.headers.etag).not.toBe(gentBefore.headers.etag);
    // Antwerpen's cursor at Gent: a position only, it shows Gent's requests alone.
    const antwerpen = JSON.parse(first.body) as { items: { reference: string }[]; nextCursor: string };
    const gentByCursor = await call('GET', `/vendor/v1/help-requests?pageSize=100&cursor=${antwerpen.nextCursor}`, certs.gent);
    expect(gentByCursor.status).toBe(200);
    for (const r of antwerpen.items) expect(gentByCursor.json.items.map((i: { reference: string }) => i.reference)).not.toContain(r.reference);

    // A change at Antwerpen (one of its requests read): 200 with a new tag.
    await call('POST', `/vendor/v1/help-requests/${antwerpen.items[0]!.reference}/read`, certs.full);
    const changed = await get('/vendor/v1/help-requests?pageSize=5', certs.full, etag);
    expect(changed.status).toBe(200);
    expect(changed.headers.etag).not.toBe(etag);
  });

  it('a change committed elsewhere (another instance, any statement) ends the 304 at the next poll (issue 20: the change feed)', async () => {
    const get = (etag?: string) =>
      vendor.raw({ method: 'GET', path: '/vendor/v1/help-requests?pageSize=3', cert: certs.full, headers: { 'accept-language': 'nl', ...(etag ? { 'if-none-match': etag } : {}) } });
    const first = await get();
    const etag = first.headers.etag as string;
    const top = (JSON.parse(first.body) as { items: { reference: string }[] }).items[0]!.reference;
    // The feed listens from the first conditional poll on; the tag is then trusted at its stamp.
    expect((await get(etag)).status).toBe(304);
    await new Promise((r) => setTimeout(r, 100));
    expect((await get(etag)).status).toBe(304);
    // Not through this instance's service, and with no history event: only the announcement tells.
    await queryRows(ctx.database.db, sql`update help_requests set surname = 'Anders' where reference = ${top}`);
    let after = await get(etag);
    // Well within the second a tag used to be trusted at an unchanged stamp (the old TAG_STAMP_MS).
    for (let i = 0; i < 10 && after.status === 304; i++) {
      await new Promise((r) => setTimeout(r, 25));
      after = await get(etag);
    }
    expect(after.status).toBe(200);
    expect(after.headers.etag).not.toBe(etag);
    expect(after.body).toContain('Anders');
  });

  it('refuses a cursor it did not give out, naming the field (issue 20)', async () => {
    for (const cursor of ['not-a-cursor', 'MjAyNi0wMS0wMXx4fHk', '%21%21']) {
      const res = await call('GET', `/vendor/v1/help-requests?cursor=${cursor}`, certs.full);
      expect(res.status, cursor).toBe(400);
      expect(res.json.error.fields).toHaveProperty('cursor');
    }
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
    // The permission is named as ChaMan names it, in the vendor's language (one list: channels.schema PERMISSION_NAMES).
    const french = await call('GET', '/vendor/v1/help-requests', certs.contactOnly, undefined, 'fr');
    expect(french.json.error.message).toBe("Le compte REST n'a pas l'autorisation « Gestion du processus CPAS en ligne ».");
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
    // No cache keeps an answer with citizens' data (review): the default is no-store.
    expect(doc.headers['cache-control']).toBe('no-store');
    expect(Object.keys(doc.json.paths)).toEqual(expect.arrayContaining(['/help-requests', '/help-requests/{reference}', '/contact', '/settings']));
    // Issue 20: the cursor, the If-None-Match header and the 304 are part of the contract.
    const list = doc.json.paths['/help-requests'].get;
    expect(list.parameters.map((p: { name: string }) => p.name)).toEqual(expect.arrayContaining(['page', 'pageSize', 'cursor', 'if-none-match']));
    expect(Object.keys(list.responses)).toEqual(expect.arrayContaining(['200', '304']));
    // The page is a component (issue 22): its schema names the cursor.
    expect(JSON.stringify(list.responses['200'])).toContain('#/components/schemas/VendorHelpRequestPage');
    expect(JSON.stringify(doc.json.components.schemas.VendorHelpRequestPage)).toContain('nextCursor');
    const plain = await new Promise<string>((resolve) => {
      const req = httpRequest({ host: '127.0.0.1', port, path: '/vendor/v1/help-requests' }, (res) => resolve(`status ${res.statusCode}`));
      req.on('error', (e) => resolve(`error ${(e as NodeJS.ErrnoException).code ?? e.message}`));
      req.end();
    });
    expect(plain).not.toMatch(/^status 2/);
  });
});
