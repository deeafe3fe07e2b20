/**
 * Issue 22: a vendor (or an institution, a script) generates a typed client from each OpenAPI
 * document with openapi-typescript and calls the API with openapi-fetch. The generated types are
 * committed in clients/ (`npm run api:clients`); this test fails when they no longer match what
 * the servers describe, and makes real calls through them: the portal over HTTP with its session
 * and CSRF header, the vendor API over mutual TLS. A route whose answer left its description would
 * fail here twice: the drift check, and the type-check of these calls (npm test runs tsc).
 */
import { readFileSync } from 'node:fs';
import createClient from 'openapi-fetch';
import { Agent, fetch as undiciFetch } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { paths as PortalPaths } from '../clients/portal-api.js';
import type { paths as VendorPaths } from '../clients/vendor-api.js';
import { apiDocuments, CLIENT_FILES, clientTypesOf } from '../scripts/api-clients.js';
import { generateSelfSigned } from '../src/http/self-signed.js';
import { DEMO_PASSWORD } from '../src/seed/demo.js';
import { createTestContext, type TestContext } from './test-app.js';
import { startVendorPort, type VendorPort } from './vendor-port.js';

let ctx: TestContext;
let vendor: VendorPort;
let portalUrl: string;

beforeAll(async () => {
  ctx = await createTestContext();
  await ctx.app.listen({ port: 0, host: '127.0.0.1' });
  portalUrl = `http://127.0.0.1:${(ctx.app.server.address() as { port: number }).port}`;
  vendor = await startVendorPort(ctx);
});

afterAll(async () => {
  await vendor?.close();
  await ctx?.close();
});

describe('the committed client types', () => {
  let documents: ReturnType<typeof apiDocuments> | undefined;
  it.each(['portal', 'vendor'] as const)('are what the %s document describes today (else: npm run api:clients)', async (name) => {
    documents ??= apiDocuments();
    const { [name]: document } = await documents;
    expect(await clientTypesOf(document, name), `clients/${name}-api.d.ts is out of date: run npm run api:clients`).toBe(readFileSync(CLIENT_FILES[name], 'utf8'));
  });
});

describe('a generated portal client', () => {
  it('signs in with the session cookie and CSRF header, reads typed answers, and gets the error shape', async () => {
    // A browser keeps the cookies; a script passes them on.
    let cookie = '';
    const keepCookies = (response: Response) => {
      const set = response.headers.getSetCookie().map((c) => c.split(';')[0]!);
      if (set.length) cookie = [...new Map([...cookie.split('; ').filter(Boolean), ...set].map((c) => [c.split('=')[0], c])).values()].join('; ');
    };
    const api = createClient<PortalPaths>({ baseUrl: portalUrl, headers: { 'accept-language': 'fr' } });
    api.use({
      onRequest: ({ request }) => {
        if (cookie) request.headers.set('cookie', cookie);
        return request;
      },
      onResponse: ({ response }) => {
        keepCookies(response);
        return response;
      },
    });

    const session = await api.GET('/api/v1/session');
    expect(session.response.status).toBe(200);
    const csrf = session.data!.csrfToken;
    expect(csrf).toEqual(expect.any(String));

    const login = await api.POST('/api/v1/session/login', { body: { username: 'admin', password: DEMO_PASSWORD }, headers: { 'x-csrf-token': csrf } });
    expect(login.response.status, JSON.stringify(login.error)).toBe(200);

    const mergers = await api.GET('/api/v1/mergers');
    expect(mergers.response.status).toBe(200);
    expect(mergers.data!.items.length).toBeGreaterThan(0);
    const first = mergers.data!.items[0]!;
    expect(first.effectiveDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);

    const plan = await api.GET('/api/v1/admin/mergers/{id}/plan', { params: { path: { id: first.id } } });
    expect(plan.response.status).toBe(200);
    expect(plan.data!.actions.length).toBeGreaterThan(0);

    // An error answer is the documented ErrorResponse, in the reader's language.
    const missing = await api.GET('/api/v1/admin/mergers/{id}/plan', { params: { path: { id: 999_999 } } });
    expect(missing.response.status).toBe(404);
    expect(missing.error!.error.code).toBe('not_found');
    expect(missing.error!.error.message).toMatch(/existe|n'existe/);
  });
});

describe('a generated vendor client over mutual TLS', () => {
  it('lists help requests and refuses without the right certificate', async () => {
    const cert = await generateSelfSigned({ subject: 'CN=client-generation', days: 30, usage: 'client' });
    await vendor.restAccount('OCMW Antwerpen', 'generated-client', ['ocmw-online-proces', 'signaletiek-raadplegen'], cert);
    const tls = (client?: { certPem: string; keyPem: string }) =>
      new Agent({ connect: { ca: vendor.ca, ...(client ? { cert: client.certPem, key: client.keyPem } : {}), servername: 'localhost' } });
    const clientFor = (dispatcher: Agent) =>
      createClient<VendorPaths>({
        baseUrl: `https://127.0.0.1:${vendor.port}/vendor/v1`,
        fetch: (request) => undiciFetch(request.url, { method: request.method, headers: request.headers, body: request.body, dispatcher, duplex: 'half' } as never) as unknown as Promise<Response>,
      });

    const api = clientFor(tls(cert));
    const page = await api.GET('/help-requests', { params: { query: { unread: 'true', pageSize: 5 } } });
    expect(page.response.status, JSON.stringify(page.error)).toBe(200);
    expect(Array.isArray(page.data!.items)).toBe(true);
    for (const item of page.data!.items) expect(item.filedAt).toEqual(expect.any(String));

    const contact = await api.GET('/contact');
    expect(contact.response.status).toBe(200);

    const anonymous = await clientFor(tls()).GET('/help-requests', {});
    expect(anonymous.response.status).toBe(401);
    expect(anonymous.error!.error.code).toEqual(expect.any(String));
  });
});
