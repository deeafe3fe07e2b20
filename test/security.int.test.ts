/**
 * Security checks in one place (issue #9; SPEC N3, N4, §12): headers on every page, cookie flags,
 * CSRF on every state-changing route, session fixation, logout, password hashes, lockout, the
 * vendor port's mutual TLS, and the size and content checks of every upload. docs/SECURITY.md
 * names what each test proves. The authorization of every route of both ports is proven in
 * authorization-matrix.int.test.ts.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { sql } from 'drizzle-orm';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { createElement, type ReactNode } from 'react';
import { renderToString } from 'react-dom/server';
import type * as ReactRouterDom from 'react-router-dom';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { queryRows, type Database } from '../src/db/db.js';
import { createClock } from '../src/domain/clock.js';
import { generateSelfSigned } from '../src/http/self-signed.js';
import { zip } from './zip.js';
import { DEMO_PASSWORD } from '../src/seed/demo.js';
import { createServices, type Services } from '../src/services.js';
import { inszFromParts } from '../src/shared/identifiers.js';
import { makeCa, makeCertificate, makePfxLikeBytes, trustedTestCaFile } from './certificates.js';
import { TestClient, openTestDatabase, type TestContext } from './test-app.js';
import { startVendorPort, type VendorAnswer, type VendorPort } from './vendor-port.js';

// ── the SPA's pages, taken from the React router definitions (src/web/app.tsx) ──
// Routes is replaced by a recorder and the session is "ready", so rendering <App /> once on the
// server lists every <Route> the UI declares: a new page is covered without touching this file.
const recorded = vi.hoisted(() => ({ routes: [] as { path?: string; children?: unknown[] }[] }));
vi.mock('react-router-dom', async (importOriginal) => {
  const actual = await importOriginal<typeof ReactRouterDom>();
  return {
    ...actual,
    Routes: ({ children }: { children: ReactNode }) => {
      recorded.routes.push(...actual.createRoutesFromChildren(children));
      return null;
    },
    createBrowserRouter: (routes: unknown) => ({ routes }),
    RouterProvider: ({ router }: { router: { routes: { element: { props: { children: ReactNode } } }[] } }) => router.routes[0]!.element.props.children,
  };
});
vi.mock('../src/web/session.js', async (importOriginal) => ({
  ...(await importOriginal<object>()),
  SessionProvider: ({ children }: { children: ReactNode }) => children,
  useSession: () => ({ state: { status: 'ready', session: {} }, refresh: async () => {} }),
}));

async function spaPaths(): Promise<string[]> {
  const { App } = await import('../src/web/app.js');
  recorded.routes.length = 0;
  renderToString(createElement(App));
  const paths: string[] = [];
  const walk = (routes: { path?: string; children?: unknown[] }[], base: string) => {
    for (const r of routes) {
      const full = r.path === undefined ? base : r.path.startsWith('/') || !base ? r.path : `${base.replace(/\/$/, '')}/${r.path}`;
      if (r.path !== undefined) paths.push(full);
      if (r.children) walk(r.children as typeof routes, full);
    }
  };
  walk(recorded.routes, '');
  return [...new Set(paths)];
}

/** A concrete URL for a route pattern: parameters filled in, the catch-all as an unknown deep path. */
function concrete(pattern: string): string {
  // The catch-all inside a UI section (unknown paths outside the UI's sections get the 404 shape).
  if (pattern === '*') return '/fusies/bestaat-niet/diep/genest';
  return pattern.replace(/:(\w+)/g, (_m, name: string) => (name === 'section' ? 'contact' : name === 'id' ? '1' : '00000000-0000-4000-8000-000000000001'));
}

// ── one database, several apps over it (the test config, Secure cookies, production) ──
let database: Database;
let drop: () => Promise<void>;
let services: Services;
let app: FastifyInstance;
let secureApp: FastifyInstance;
let productionApp: FastifyInstance;
let vendor: VendorPort;
let webRoot: string;
const STAND_IN_JS = 'console.log("spa");'.repeat(50);
const ASSETS = ['/assets/index-Ab12Cd34.js', '/assets/index-Ab12Cd34.css', '/assets/index-Ab12Cd34.js.map'];

async function appWith(env: Record<string, string>): Promise<FastifyInstance> {
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', OCMW_RATE_LIMIT_PER_MINUTE: '100000', OCMW_LOGIN_RATE_LIMIT_PER_MINUTE: '100000', OCMW_CITIZEN_SUBMISSIONS_PER_HOUR: '100000', OCMW_TRUSTED_CA_FILE: await trustedTestCaFile(), ...env });
  const clock = createClock({ fixedToday: config.fixedToday });
  services ??= createServices({ db: database.db, clock, config });
  const built = await buildApp({ config, database, services, clock, webRoot });
  await built.ready();
  return built;
}

/** A stand-in for `vite build` output: what matters here is how the server serves it. */
function writeStandInBuild(dir: string) {
  mkdirSync(path.join(dir, 'assets'), { recursive: true });
  writeFileSync(path.join(dir, 'index.html'), '<!doctype html><html lang="nl"><head><script type="module" src="/assets/index-Ab12Cd34.js"></script></head><body><div id="root"></div></body></html>');
  writeFileSync(path.join(dir, ASSETS[0]!), STAND_IN_JS);
  writeFileSync(path.join(dir, `${ASSETS[0]!}.br`), brotliCompressSync(STAND_IN_JS));
  writeFileSync(path.join(dir, `${ASSETS[0]!}.gz`), gzipSync(STAND_IN_JS));
  writeFileSync(path.join(dir, ASSETS[1]!), 'body{margin:0}');
  writeFileSync(path.join(dir, ASSETS[2]!), '{"version":3,"sources":[],"mappings":""}');
}

beforeAll(async () => {
  webRoot = path.join(tmpdir(), `ocmw-web-${process.pid}-${randomBytes(4).toString('hex')}`);
  writeStandInBuild(webRoot);
  ({ database, drop } = await openTestDatabase());
  app = await appWith({});
  secureApp = await appWith({ OCMW_SECURE_COOKIES: 'always' });
  // Production defaults behind a TLS-terminating proxy (the proxy says https).
  productionApp = await appWith({ NODE_ENV: 'production', OCMW_TRUST_PROXY: '1', OCMW_RATE_LIMIT_PER_MINUTE: '3', OCMW_LOGIN_RATE_LIMIT_PER_MINUTE: '30' });
  const clock = createClock({});
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' });
  vendor = await startVendorPort({ config, services, clock, database } as TestContext);
});
afterAll(async () => {
  await vendor?.close();
  await Promise.all([app, secureApp, productionApp].map((a) => a?.close()));
  await database?.close();
  await drop?.();
  rmSync(webRoot, { recursive: true, force: true });
});

// ── helpers ──

type Headers = Record<string, string | string[] | number | undefined>;

function cspDirectives(headers: Headers): Map<string, string[]> {
  const csp = String(headers['content-security-policy'] ?? '');
  return new Map(
    csp
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...values]) => [name!, values]),
  );
}

/** CSP without inline scripts and without framing, no framing by old browsers, no sniffing, no referrer. */
function expectSecurityHeaders(headers: Headers, where: string, defaultSrc = "'self'") {
  const csp = cspDirectives(headers);
  expect(csp.get('default-src'), `${where}: default-src`).toEqual([defaultSrc]);
  expect(csp.get('frame-ancestors'), `${where}: frame-ancestors`).toEqual(["'none'"]);
  const scripts = csp.get('script-src') ?? csp.get('default-src') ?? [];
  expect(scripts, `${where}: script-src`).not.toContain("'unsafe-inline'");
  expect(scripts, `${where}: script-src`).not.toContain("'unsafe-eval'");
  expect(headers['x-frame-options'], `${where}: x-frame-options`).toBe('DENY');
  expect(headers['x-content-type-options'], `${where}: x-content-type-options`).toBe('nosniff');
  expect(headers['referrer-policy'], `${where}: referrer-policy`).toBe('no-referrer');
}

/** SPEC §12: `{"error":{"code","message","fields"?}}` and nothing else at the top. */
function expectErrorShape(res: { statusCode: number; body: string }, status: number, code?: string) {
  expect(res.statusCode, res.body.slice(0, 300)).toBe(status);
  const body = JSON.parse(res.body) as { error: { code: string; message: string; fields?: Record<string, string> } };
  expect(Object.keys(body)).toEqual(['error']);
  expect(typeof body.error.code).toBe('string');
  expect(body.error.message.length).toBeGreaterThan(0);
  if (body.error.fields !== undefined) for (const v of Object.values(body.error.fields)) expect(typeof v).toBe('string');
  if (code) expect(body.error.code).toBe(code);
  return body.error;
}

const client = () => new TestClient(app);

/** A vendor-port answer as the §12 check reads it. */
const tlsAnswer = (res: VendorAnswer) => ({ statusCode: res.status, body: JSON.stringify(res.json) });

/** A logged-in browser; chooses the organisation whose NL name contains org when given. */
async function browser(username: string, org?: string, password = DEMO_PASSWORD): Promise<TestClient> {
  const c = client();
  if (org || password === DEMO_PASSWORD) await c.loginAs(username, org);
  else await c.login(username, password);
  return c;
}

function inject(target: FastifyInstance, method: string, url: string, options: { cookie?: string; token?: string; payload?: unknown; headers?: Record<string, string> } = {}) {
  return target.inject({
    method: method as 'GET',
    url,
    payload: options.payload as never,
    headers: {
      ...(options.cookie ? { cookie: `ocmw_session=${options.cookie}` } : {}),
      ...(options.token ? { 'x-csrf-token': options.token } : {}),
      ...options.headers,
    },
  });
}

async function one<T>(query: ReturnType<typeof sql>): Promise<T> {
  const [row] = await queryRows<T>(database.db, query);
  return row!;
}

/** A digest of every table except sessions (which a request may touch): equal digests, no change. */
async function databaseDigest(): Promise<Record<string, string>> {
  const tables = await queryRows<{ name: string }>(database.db, sql`select tablename as name from pg_tables where schemaname = 'public' and tablename <> 'sessions' order by 1`);
  const digest: Record<string, string> = {};
  for (const { name } of tables) {
    const row = await one<{ d: string | null }>(sql.raw(`select md5(string_agg(t::text, '|' order by t::text)) as d from "${name}" t`));
    digest[name] = row.d ?? 'empty';
  }
  return digest;
}

async function antwerpen(): Promise<{ organisationId: string; domainId: string }> {
  return one(
    sql`select d.id as "domainId", d.organisation_id as "organisationId" from domains d join organisations o on o.id = d.organisation_id
        where o.kbo = '0212235604' and d.code = 'MW'`,
  );
}

let serial = 300;
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a3c1d0f70000000049454e44ae426082', 'hex');

/** A ZIP whose one entry deflates from size bytes of zeros (kilobytes on the wire, far more unpacked). */
function zipBomb(size: number): Buffer {
  const entries = [
    { name: '[Content_Types].xml', content: Buffer.from('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>') },
    { name: 'xl/worksheets/sheet1.xml', content: Buffer.alloc(size, 0x20) },
  ];
  return zip(entries);
}

// ── the tests ──

describe('security headers on every page', () => {
  it('on every page of the web UI, as the React router declares them', async () => {
    const patterns = await spaPaths();
    // The router is really read: the login page, the citizen form, a page behind a guard and the catch-all.
    expect(patterns).toEqual(expect.arrayContaining(['/login', '/hulpaanvraag', '/chaman', '/toegangsbeheer/domeinen/:domainId/gebruikers/:userId', '*']));
    expect(patterns.length).toBeGreaterThan(30);
    for (const pattern of ['/', ...patterns]) {
      const url = concrete(pattern);
      const res = await app.inject({ method: 'GET', url, headers: { accept: 'text/html' } });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['content-type'], url).toMatch(/^text\/html/);
      expect(res.body, url).toContain('<div id="root">');
      expectSecurityHeaders(res.headers, url);
    }
  });

  it('on the static assets, and on an asset that does not exist', async () => {
    for (const url of ASSETS) {
      const res = await app.inject(url);
      expect(res.statusCode, url).toBe(200);
      expectSecurityHeaders(res.headers, url);
    }
    const missing = await app.inject('/assets/bestaat-niet.js');
    expectErrorShape(missing, 404, 'not_found');
    expectSecurityHeaders(missing.headers, 'missing asset');
  });

  it('hashed assets are cached for a year and sent precompressed; index.html is revalidated', async () => {
    const js = ASSETS[0]!;
    for (const [accept, encoding] of [['br, gzip', 'br'], ['gzip', 'gzip'], ['identity', undefined]] as const) {
      const res = await app.inject({ url: js, headers: { 'accept-encoding': accept } });
      expect(res.statusCode, accept).toBe(200);
      expect(res.headers['cache-control'], accept).toBe('public, max-age=31536000, immutable');
      expect(res.headers['content-encoding'], accept).toBe(encoding);
      expect(res.headers['content-type'], accept).toMatch(/javascript/);
      expect(String(res.headers.vary), accept).toMatch(/accept-encoding/i);
      if (encoding === 'gzip') expect(gunzipSync(res.rawPayload).toString()).toBe(STAND_IN_JS);
      if (encoding === 'br') expect(brotliDecompressSync(res.rawPayload).toString()).toBe(STAND_IN_JS);
      if (!encoding) expect(res.body).toBe(STAND_IN_JS);
    }
    for (const url of ['/', '/index.html', '/fusies/antwerpen-2025']) {
      const res = await app.inject(url);
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['cache-control'], url).toBe('no-cache');
    }
    // Production serves no source map, even one left in the folder.
    expect((await productionApp.inject(ASSETS[2]!)).statusCode).toBe(404);
  });

  it('unknown paths outside the UI routes get the 404 error shape, never the page', async () => {
    for (const url of ['/metrics', '/api/v1/bestaat-niet', '/api/bestaat-niet', '/foo.php', '/wp-login.php', '/fusies/x.php', '/.env', '/bestaat-niet', '/robots.txt?x=1']) {
      const res = await app.inject({ url, headers: { accept: 'text/html' } });
      expectErrorShape(res, 404, 'not_found');
      expect(res.headers['content-type'], url).toMatch(/^application\/json/);
    }
  });

  it('on every API route of the route table, answered anonymously (401/403 …) or publicly', async () => {
    const routes = app.routeTable.filter((r) => r.url.startsWith('/api/') || r.url === '/health' || r.url === '/ready');
    expect(routes.length).toBeGreaterThan(100);
    for (const r of routes) {
      const url = concrete(r.url);
      const res = await app.inject({ method: r.method as 'GET', url, ...(r.method === 'GET' ? {} : { payload: {} }) });
      expectSecurityHeaders(res.headers, `${r.method} ${r.url} → ${res.statusCode}`);
      if (res.statusCode >= 400) expectErrorShape(res, res.statusCode);
    }
  });

  it('on API answers of every kind: 200, 400, 401, 403, 404, 413, 415, 429, 503-free health, and HSTS in production', async () => {
    const tb = await browser('tb.antwerpen');
    const answers: [string, LightMyRequestResponse][] = [
      ['200', await tb.get('/api/v1/mergers')],
      ['400', await tb.request({ method: 'PUT', url: '/api/v1/me', payload: { surname: '' } })],
      ['401', await app.inject('/api/v1/mergers')],
      ['403', await app.inject({ method: 'POST', url: '/api/v1/session/logout' })],
      ['404', await app.inject('/api/v1/bestaat-niet')],
      ['413', await tb.request({ method: 'PUT', url: '/api/v1/me', payload: { surname: 'x'.repeat(1_100_000) } })],
      ['415', await tb.request({ method: 'PUT', url: '/api/v1/me', payload: 'surname=x', headers: { 'content-type': 'application/x-www-form-urlencoded' } })],
      ['docs', await app.inject('/api/docs/')],
      ['openapi', await app.inject('/api/v1/openapi.json')],
    ];
    for (const [what, res] of answers) {
      if (/^\d+$/.test(what)) expect(res.statusCode, what).toBe(Number(what));
      if (res.statusCode >= 400) expectErrorShape(res, res.statusCode);
      expectSecurityHeaders(res.headers, what);
    }
    let limited: LightMyRequestResponse | undefined;
    for (let i = 0; i < 10 && !limited; i++) {
      const res = await productionApp.inject({ url: '/api/v1/session', headers: { 'x-forwarded-proto': 'https', 'x-forwarded-for': '203.0.113.9' } });
      expectSecurityHeaders(res.headers, `production ${res.statusCode}`);
      expect(res.headers['strict-transport-security']).toMatch(/max-age=\d{7,}/);
      if (res.statusCode === 429) limited = res;
    }
    expectErrorShape(limited!, 429, 'rate_limited');
    // Outside production (plain HTTP in development and tests) no HSTS, which would pin a dev host to HTTPS.
    expect((await app.inject('/api/v1/session')).headers['strict-transport-security']).toBeUndefined();
  });

  it('on the vendor port: a served request, each refusal, a bad request, an unknown path and the OpenAPI document', async () => {
    const cert = await generateSelfSigned({ subject: 'CN=headers', days: 365, usage: 'client' });
    await vendor.restAccount('OCMW Antwerpen', 'sec-headers', ['ocmw-online-proces', 'signaletiek-raadplegen', 'signaletiek-bewerken', 'ocmw-online-admin', 'dossiers-integraties'], cert);
    const unknown = await generateSelfSigned({ subject: 'CN=unknown-headers', days: 365, usage: 'client' });
    const answers: [number, VendorAnswer][] = [
      [200, await vendor.call('GET', '/vendor/v1/help-requests', cert)],
      [401, await vendor.call('GET', '/vendor/v1/help-requests')],
      [403, await vendor.call('GET', '/vendor/v1/help-requests', unknown)],
      [400, await vendor.call('GET', '/vendor/v1/help-requests/geen-referentie', cert)],
      [404, await vendor.call('GET', '/vendor/v1/bestaat-niet', cert)],
      [200, await vendor.call('GET', '/vendor/v1/openapi.json')],
    ];
    for (const [status, res] of answers) {
      expect(res.status, JSON.stringify(res.json).slice(0, 200)).toBe(status);
      if (status >= 400) expectErrorShape(tlsAnswer(res), status);
      expectSecurityHeaders(res.headers, `vendor ${status}`, "'none'");
    }
  });
});

describe('session cookie flags', () => {
  function cookieOf(res: LightMyRequestResponse, name: string) {
    const raw = ([] as string[]).concat(res.headers['set-cookie'] ?? []).find((c) => c.startsWith(`${name}=`));
    expect(raw, `${name} is set`).toBeDefined();
    const attributes = raw!.split(';').slice(1).map((a) => a.trim().toLowerCase());
    return { raw: raw!, has: (a: string) => attributes.includes(a.toLowerCase()), attributes };
  }

  it('HttpOnly, SameSite=Lax, Path=/ and the session lifetime; not Secure over plain HTTP in development', async () => {
    const res = await client().login('tb.antwerpen');
    const cookie = cookieOf(res, 'ocmw_session');
    expect(cookie.has('HttpOnly')).toBe(true);
    expect(cookie.has('SameSite=Lax')).toBe(true);
    expect(cookie.has('Path=/')).toBe(true);
    expect(cookie.has('Max-Age=28800')).toBe(true);
    expect(cookie.has('Secure')).toBe(false);
    expect(cookie.attributes.some((a) => a.startsWith('domain='))).toBe(false);
  });

  it('the anonymous CSRF cookie is HttpOnly, SameSite=Strict, Path=/', async () => {
    const cookie = cookieOf(await app.inject('/api/v1/session'), 'ocmw_csrf');
    expect(cookie.has('HttpOnly')).toBe(true);
    expect(cookie.has('SameSite=Strict')).toBe(true);
    expect(cookie.has('Path=/')).toBe(true);
  });

  it('Secure with OCMW_SECURE_COOKIES=always, even over plain HTTP', async () => {
    const c = new TestClient(secureApp);
    const anonymous = await c.get('/api/v1/session');
    expect(cookieOf(anonymous, 'ocmw_csrf').has('Secure')).toBe(true);
    const res = await c.login('tb.antwerpen');
    const cookie = cookieOf(res, 'ocmw_session');
    expect(cookie.has('Secure')).toBe(true);
    expect(cookie.has('HttpOnly')).toBe(true);
  });

  it('Secure in the production configuration behind a TLS proxy (OCMW_TRUST_PROXY, X-Forwarded-Proto: https)', async () => {
    const c = new TestClient(productionApp);
    c.headers = { 'x-forwarded-proto': 'https', 'x-forwarded-for': '203.0.113.10' };
    const res = await c.login('tb.antwerpen');
    expect(res.statusCode, res.body).toBe(200);
    const cookie = cookieOf(res, 'ocmw_session');
    expect(cookie.has('Secure')).toBe(true);
    expect(cookie.has('HttpOnly')).toBe(true);
    expect(cookie.has('SameSite=Lax')).toBe(true);
  });
});

describe('CSRF on every state-changing route', () => {
  it('refuses every POST/PUT/PATCH/DELETE of the route table without the token and with a wrong one: 403 csrf, nothing changed', async () => {
    const unsafe = app.routeTable.filter((r) => ['POST', 'PUT', 'PATCH', 'DELETE'].includes(r.method));
    const cookieRoutes = unsafe.filter((r) => r.access !== 'institution' && r.access !== 'channel');
    expect(cookieRoutes.length).toBeGreaterThan(50);
    const { domainId, organisationId } = await antwerpen();
    const user = await one<{ id: string }>(sql`select id from users where username = 'user.antwerpen'`);
    const merger = await one<{ id: number }>(sql`select id from mergers where name = 'Antwerpen'`);
    const known: Record<string, string> = { domainId, organisationId, userId: user.id, item: 'access_reviewed', section: 'contact', kind: 'move_forms' };
    const urlOf = (pattern: string) =>
      pattern.replace(/:(\w+)/g, (_m, name: string) => known[name] ?? (name === 'id' && pattern.includes('/mergers/') ? String(merger.id) : '00000000-0000-4000-8000-000000000001'));

    const admin = await browser('admin');
    const tb = await browser('tb.antwerpen');
    const sessions = [admin, tb].map((b) => ({ cookie: b.cookies.get('ocmw_session')!, token: b.csrfToken }));
    const anonymousToken = (await app.inject('/api/v1/session')).json().csrfToken as string;
    const before = await databaseDigest();

    for (const r of cookieRoutes) {
      const url = urlOf(r.url);
      const attempts = [
        { who: 'anonymous without token', options: {} },
        { who: 'anonymous, token without its cookie', options: { token: anonymousToken } },
        ...sessions.flatMap((s, i) => [
          { who: `session ${i} without token`, options: { cookie: s.cookie } },
          { who: `session ${i} with a wrong token`, options: { cookie: s.cookie, token: randomBytes(32).toString('base64url') } },
          { who: `session ${i} with another session's token`, options: { cookie: s.cookie, token: sessions[(i + 1) % sessions.length]!.token } },
        ]),
        { who: 'a session with the anonymous token', options: { cookie: sessions[1]!.cookie, token: anonymousToken } },
      ];
      for (const { who, options } of attempts) {
        const res = await inject(app, r.method, url, { ...options, payload: {} });
        expect(res.statusCode, `${r.method} ${r.url} (${who}): ${res.body.slice(0, 200)}`).toBe(403);
        expectErrorShape(res, 403, 'csrf');
      }
    }
    expect(await databaseDigest()).toEqual(before);

    // The token is the only thing missing: the same session with its own token is served.
    const me = { surname: 'Janssens', firstName: 'Tom', title: null, language: 'nl', email: 'tb.antwerpen@demo.example' };
    expect((await inject(app, 'PUT', '/api/v1/me', { cookie: sessions[1]!.cookie, payload: me })).statusCode).toBe(403);
    expect((await inject(app, 'PUT', '/api/v1/me', { cookie: sessions[1]!.cookie, token: sessions[1]!.token, payload: me })).statusCode).toBe(200);
  });

  it('with the development identity provider on, only its own routes under /dev-idp go without the token (issue 21)', async () => {
    const devApp = await appWith({ OCMW_DEV_IDP: 'on' });
    try {
      const unsafe = devApp.routeTable.filter((r) => ['POST', 'PUT', 'PATCH', 'DELETE'].includes(r.method) && r.access !== 'institution' && r.access !== 'channel');
      const [own, others] = [unsafe.filter((r) => r.url.startsWith('/dev-idp/')), unsafe.filter((r) => !r.url.startsWith('/dev-idp/'))];
      expect(own.length).toBeGreaterThan(2);
      expect(others.length).toBe(app.routeTable.filter((r) => ['POST', 'PUT', 'PATCH', 'DELETE'].includes(r.method) && r.access !== 'institution' && r.access !== 'channel').length);
      for (const r of others) {
        const res = await inject(devApp, r.method, concrete(r.url), { payload: {} });
        expect(res.statusCode, `${r.method} ${r.url}`).toBe(403);
        expectErrorShape(res, 403, 'csrf');
      }
      // The provider's token endpoint is for OAuth clients: it checks the client itself (a wrong secret: invalid_client).
      const token = await devApp.inject({ method: 'POST', url: '/dev-idp/token', payload: 'grant_type=authorization_code&code=x', headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: `Basic ${Buffer.from('ocmw-portal-dev:wrong').toString('base64')}` } });
      expect(token.statusCode, token.body).toBe(401);
      expect(token.json()).toMatchObject({ error: 'invalid_client' });
    } finally {
      await devApp.close();
    }
  });

  it('machine routes (institution bearer token, FTP channel) never take the browser session as credential', async () => {
    const machine = app.routeTable.filter((r) => r.access === 'institution' || r.access === 'channel');
    expect(machine.length).toBeGreaterThan(1);
    const admin = await browser('admin');
    for (const r of machine) {
      const res = await admin.request({ method: r.method as 'GET', url: concrete(r.url), ...(r.method === 'GET' ? {} : { payload: {} }) });
      expect(res.statusCode, `${r.method} ${r.url}`).toBe(401);
      expectErrorShape(res, 401, 'unauthenticated');
    }
  });
});

describe('session fixation', () => {
  it('gives a new session id at login: a planted id never becomes a session', async () => {
    const planted = randomBytes(32).toString('base64url');
    const c = client();
    c.cookies.set('ocmw_session', planted);
    await c.get('/api/v1/session');
    expect((await c.login('tb.antwerpen')).statusCode).toBe(200);
    const issued = c.cookies.get('ocmw_session')!;
    expect(issued).not.toBe(planted);
    expect((await inject(app, 'GET', '/api/v1/mergers', { cookie: planted })).statusCode).toBe(401);
    expect((await inject(app, 'GET', '/api/v1/mergers', { cookie: issued })).statusCode).toBe(200);
  });

  it('gives a new session id when someone logs in again in the same browser, and ends the old session', async () => {
    const c = await browser('tb.antwerpen');
    const first = c.cookies.get('ocmw_session')!;
    expect((await c.login('tb.beveren')).statusCode).toBe(200);
    const second = c.cookies.get('ocmw_session')!;
    expect(second).not.toBe(first);
    expect((await inject(app, 'GET', '/api/v1/mergers', { cookie: first })).statusCode).toBe(401);
    expect((await c.get('/api/v1/session')).json().user.username).toBe('tb.beveren');
  });

  it('gives a new session id and CSRF token at each organisation choice and switch; each old id stops working', async () => {
    const c = client();
    const login = (await c.login('an.peeters')).json();
    const ids = [c.cookies.get('ocmw_session')!];
    const tokens = [c.csrfToken];
    for (const name of ['OCMW Borsbeek', 'OCMW Antwerpen', 'OCMW Borsbeek']) {
      const choice = login.choices.find((x: { organisation: { name: { nl: string } } }) => x.organisation.name.nl === name);
      const res = await c.post('/api/v1/session/context', { choiceId: choice.id });
      expect(res.statusCode).toBe(200);
      expect(res.json().context.organisation.name.nl).toBe(name);
      ids.push(c.cookies.get('ocmw_session')!);
      tokens.push(c.csrfToken);
    }
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(tokens).size).toBe(tokens.length);
    for (const old of ids.slice(0, -1)) expect((await inject(app, 'GET', '/api/v1/session', { cookie: old })).json().authenticated).toBe(false);
    expect((await inject(app, 'GET', '/api/v1/mergers', { cookie: ids.at(-1) })).statusCode).toBe(200);
  });
});

describe('logout and password change end sessions on the server', () => {
  it('logout: the replayed cookie gets 401, its CSRF token is worthless, and the browser is told to drop the cookie', async () => {
    const c = await browser('tb.antwerpen');
    const cookie = c.cookies.get('ocmw_session')!;
    const token = c.csrfToken;
    const out = await c.post('/api/v1/session/logout');
    expect(out.statusCode).toBe(204);
    expect(String(out.headers['set-cookie'])).toMatch(/ocmw_session=;.*Expires=Thu, 01 Jan 1970/);
    expectErrorShape(await inject(app, 'GET', '/api/v1/mergers', { cookie }), 401, 'unauthenticated');
    expect((await inject(app, 'POST', '/api/v1/session/logout', { cookie, token })).statusCode).toBe(403);
    const row = await one<{ n: number }>(sql`select count(*)::int as n from sessions where csrf_token = ${token}`);
    expect(row.n).toBe(0);
  });

  it('a password change ends the person’s other sessions', async () => {
    const username = `sec.pw${serial++}`;
    const htb = await browser('htb.antwerpen');
    const { domainId } = await antwerpen();
    const created = await htb.post(`/api/v1/access/domains/${domainId}/users`, newPerson(inszFromParts('900101', serial++), username));
    expect(created.statusCode, created.body).toBe(201);
    const laptop = await browser(username, undefined, 'Security-Wachtwoord-1');
    const phone = await browser(username, undefined, 'Security-Wachtwoord-1');
    const changed = await laptop.post('/api/v1/me/password', { currentPassword: 'Security-Wachtwoord-1', newPassword: 'Nieuw-Wachtwoord-9!', newPasswordConfirm: 'Nieuw-Wachtwoord-9!' });
    expect(changed.statusCode, changed.body).toBe(204);
    expect((await phone.get('/api/v1/me')).statusCode).toBe(401);
    expect((await laptop.get('/api/v1/me')).statusCode).toBe(200);
  });
});

const newPerson = (insz: string, username: string) => ({
  insz,
  type: 'USER',
  applications: ['ebox'],
  person: {
    username,
    usernameConfirm: username,
    password: 'Security-Wachtwoord-1',
    passwordConfirm: 'Security-Wachtwoord-1',
    surname: 'Veilig',
    firstName: 'Test',
    title: null,
    language: 'nl',
    email: `${username}@demo.example`,
  },
});

describe('stored secrets', () => {
  const ARGON2ID = /^\$argon2id\$v=19\$m=\d+,t=\d+,p=\d+\$[A-Za-z0-9+/]+\$[A-Za-z0-9+/]+$/;

  it('stores every password as argon2id, also for an account created and a password changed through the API', async () => {
    const htb = await browser('htb.antwerpen');
    const { domainId } = await antwerpen();
    const username = `sec.hash${serial++}`;
    const created = await htb.post(`/api/v1/access/domains/${domainId}/users`, newPerson(inszFromParts('900202', serial++), username));
    expect(created.statusCode, created.body).toBe(201);
    const before = await one<{ h: string }>(sql`select password_hash as h from users where username = ${username}`);
    expect(before.h).toMatch(ARGON2ID);
    expect(before.h).not.toContain('Security-Wachtwoord-1');
    const person = await browser(username, undefined, 'Security-Wachtwoord-1');
    expect((await person.post('/api/v1/me/password', { currentPassword: 'Security-Wachtwoord-1', newPassword: 'Ander-Wachtwoord-7!', newPasswordConfirm: 'Ander-Wachtwoord-7!' })).statusCode).toBe(204);
    const after = await one<{ h: string }>(sql`select password_hash as h from users where username = ${username}`);
    expect(after.h).toMatch(ARGON2ID);
    expect(after.h).not.toBe(before.h);
    const all = await queryRows<{ username: string; h: string }>(database.db, sql`select username, password_hash as h from users`);
    expect(all.length).toBeGreaterThan(10);
    expect(all.filter((u) => !ARGON2ID.test(u.h)).map((u) => u.username)).toEqual([]);
  });

  it('stores FTP account passwords as argon2id, and never the password shown once', async () => {
    const tb = await browser('tb.antwerpen');
    expect((await tb.request({ method: 'PUT', url: '/api/v1/chaman/sender', payload: { contactName: 'S', phoneCode: '+32', phoneNumber: '456986532', email: 's@demo.example', language: 'nl' } })).statusCode).toBe(200);
    const ca = await makeCa({ key: 'RSA-2048' });
    const cert = await makeCertificate({ key: 'EC-P-384', hash: 'SHA-384', issuer: ca, notBefore: new Date(Date.now() - 86_400_000), notAfter: new Date(Date.now() + 300 * 86_400_000) });
    const res = await tb.post('/api/v1/chaman/accounts/ftp', {
      kind: 'FTP',
      name: 'Veilig',
      permissions: ['mutaties-rijksregister'],
      certificateName: 'veilig',
      certificate: { fileName: 'veilig.cer', contentBase64: Buffer.from(cert.der).toString('base64') },
      username: 'veilig1',
    });
    expect(res.statusCode, res.body).toBe(201);
    const shown = JSON.stringify(res.json());
    const rows = await queryRows<{ username: string; h: string }>(database.db, sql`select username, password_hash as h from channel_accounts where password_hash is not null`);
    expect(rows.map((r) => r.username)).toContain('veilig1');
    for (const r of rows) {
      expect(r.h, r.username).toMatch(ARGON2ID);
      expect(shown).not.toContain(r.h);
    }
  });

  it('stores session ids and institution tokens only as hashes', async () => {
    const c = await browser('tb.antwerpen');
    const token = c.cookies.get('ocmw_session')!;
    expect((await one<{ n: number }>(sql`select count(*)::int as n from sessions where id_hash = ${token}`)).n).toBe(0);
    const rsz = await one<{ id: string }>(sql`select id from organisations where name_nl like 'Rijksdienst%'`);
    const { token: bearer } = await services.registry.createApiClient(rsz.id, 'security', ['mutations:write']);
    expect((await one<{ n: number }>(sql`select count(*)::int as n from api_clients where token_hash = ${bearer}`)).n).toBe(0);
  });
});

describe('login lockout', () => {
  it('holds the lockout against 50 parallel wrong attempts', async () => {
    const results = await Promise.all(Array.from({ length: 50 }, async () => (await client().login('tb.zwijndrecht', 'wrong-password')).statusCode));
    // At most 5 attempts get their password checked; every other one is refused as throttled
    // (per name and source: test/hardening.int.test.ts, finding 7).
    expect(results.filter((s) => s === 401).length).toBeLessThanOrEqual(5);
    expect(results.filter((s) => s === 429).length).toBeGreaterThanOrEqual(45);
    expect(results.every((s) => s === 401 || s === 429)).toBe(true);
    expect((await client().login('tb.zwijndrecht')).statusCode).toBe(429);
  });
});

describe('the vendor port (mutual TLS)', () => {
  const ALL = ['ocmw-online-proces', 'signaletiek-raadplegen', 'signaletiek-bewerken', 'ocmw-online-admin', 'dossiers-integraties'];

  it('refuses plain HTTP: no HTTP answer at all', async () => {
    const outcome = await new Promise<string>((resolve) => {
      const req = httpRequest({ host: '127.0.0.1', port: vendor.port, path: '/vendor/v1/help-requests', agent: false }, (res) => resolve(`status ${res.statusCode}`));
      req.on('error', (e) => resolve(`error ${(e as NodeJS.ErrnoException).code ?? e.message}`));
      req.setTimeout(5000, () => req.destroy(new Error('timeout')));
      req.end();
    });
    expect(outcome).toMatch(/^error (ECONNRESET|EPIPE|HPE_|socket hang up)/);
  });

  it('answers 401 without a certificate, 403 for one bound to no account, and 403 once the account is deleted or its certificate replaced', async () => {
    const bound = await generateSelfSigned({ subject: 'CN=bound', days: 365, usage: 'client' });
    const replaced = await generateSelfSigned({ subject: 'CN=replaced', days: 365, usage: 'client' });
    const stranger = await generateSelfSigned({ subject: 'CN=stranger', days: 365, usage: 'client' });
    const boundAccount = (await vendor.restAccount('OCMW Antwerpen', `sec-bound-${serial++}`, ALL, bound)).id;
    const replacedAccount = (await vendor.restAccount('OCMW Antwerpen', `sec-replaced-${serial++}`, ALL, replaced)).id;
    expect((await vendor.call('GET', '/vendor/v1/help-requests', bound)).status).toBe(200);
    expect((await vendor.call('GET', '/vendor/v1/help-requests', replaced)).status).toBe(200);

    const none = await vendor.call('GET', '/vendor/v1/help-requests');
    expectErrorShape(tlsAnswer(none), 401, 'unauthenticated');
    const unknown = await vendor.call('GET', '/vendor/v1/help-requests', stranger);
    expectErrorShape(tlsAnswer(unknown), 403, 'forbidden');

    // Revocation as the OCMW does it in ChaMan: delete the account, or upload a new certificate.
    const tb = await browser('tb.antwerpen');
    expect((await tb.request({ method: 'DELETE', url: `/api/v1/chaman/accounts/${boundAccount}` })).statusCode).toBe(204);
    const next = await makeCertificate({ key: 'EC-P-384', hash: 'SHA-384', selfSigned: true, notBefore: new Date(Date.now() - 86_400_000), notAfter: new Date(Date.now() + 300 * 86_400_000) });
    const swap = await tb.request({
      method: 'PUT',
      url: `/api/v1/chaman/accounts/${replacedAccount}/certificate`,
      payload: { certificateName: 'nieuw', certificate: { fileName: 'nieuw.cer', contentBase64: Buffer.from(next.der).toString('base64') } },
    });
    expect(swap.statusCode, swap.body).toBe(200);
    for (const [name, cert] of [['deleted account', bound], ['replaced certificate', replaced]] as const) {
      const res = await vendor.call('GET', '/vendor/v1/help-requests', cert);
      expect(res.status, name).toBe(403);
      expectErrorShape(tlsAnswer(res), 403, 'forbidden');
    }
  });

  it('limits the body to 256 KiB: 413 with the §12 shape', async () => {
    const cert = await generateSelfSigned({ subject: 'CN=big', days: 365, usage: 'client' });
    await vendor.restAccount('OCMW Antwerpen', `sec-big-${serial++}`, ALL, cert);
    const res = await vendor.call('PUT', '/vendor/v1/contact', cert, { streetNl: 'x'.repeat(300_000) });
    expectErrorShape(tlsAnswer(res), 413, 'payload_too_large');
  });
});

describe('uploads: size limits and content checks', () => {
  const base64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');
  const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

  async function validCertificate(selfSigned: boolean) {
    const ca = await makeCa({ key: 'RSA-2048' });
    return makeCertificate({ key: 'EC-P-384', hash: 'SHA-384', ...(selfSigned ? { selfSigned: true } : { issuer: ca }), notBefore: new Date(Date.now() - 86_400_000), notAfter: new Date(Date.now() + 300 * 86_400_000) });
  }

  it('certificate uploads (every ChaMan route that takes one): too large → 413/400, PNG, random bytes or a .pfx named .cer → 400 naming the field and the rule', async () => {
    const tb = await browser('tb.antwerpen');
    const vendor = await browser('vendor.cevi');
    await tb.request({ method: 'PUT', url: '/api/v1/chaman/sender', payload: { contactName: 'S', phoneCode: '+32', phoneNumber: '456986532', email: 's@demo.example', language: 'nl' } });
    const rest = await tb.post('/api/v1/chaman/accounts/rest', {
      management: 'internal',
      name: 'Upload',
      permissions: ['ocmw-online-proces'],
      certificateName: 'u',
      certificate: { fileName: 'u.cer', contentBase64: base64((await validCertificate(true)).der) },
    });
    expect(rest.statusCode, rest.body).toBe(201);
    const accountId = rest.json().account.id as string;
    const cevi = await one<{ id: string }>(sql`select id from organisations where name_nl = 'Cevi - Logins'`);
    const delegation = await tb.post('/api/v1/chaman/accounts/rest', { management: 'external', name: 'Gedelegeerd', permissions: ['ocmw-online-proces'], intermediaryOrganisationId: cevi.id });
    expect(delegation.statusCode, delegation.body).toBe(201);
    const delegationId = delegation.json().delegation.id as string;

    const uploads: { who: TestClient; method: string; url: string; body: (certificate: unknown) => unknown }[] = [
      { who: tb, method: 'POST', url: '/api/v1/chaman/accounts/rest', body: (certificate) => ({ management: 'internal', name: 'X', permissions: ['ocmw-online-proces'], certificateName: 'x', certificate }) },
      { who: tb, method: 'POST', url: '/api/v1/chaman/accounts/ftp', body: (certificate) => ({ kind: 'SFTP', name: 'X', permissions: ['mutaties-rijksregister'], certificateName: 'x', certificate, username: 'sftpx1' }) },
      { who: tb, method: 'POST', url: '/api/v1/chaman/accounts/soap', body: (certificate) => ({ name: 'X', certificateName: 'x', certificate }) },
      { who: tb, method: 'PUT', url: `/api/v1/chaman/accounts/${accountId}/certificate`, body: (certificate) => ({ certificateName: 'x', certificate }) },
      { who: vendor, method: 'POST', url: `/api/v1/chaman/delegations/${delegationId}/accept`, body: (certificate) => ({ certificateName: 'x', certificate }) },
    ];
    const pfx = makePfxLikeBytes();
    for (const u of uploads) {
      const send = (certificate: unknown) => u.who.request({ method: u.method as 'POST', url: u.url, payload: u.body(certificate) as never });
      const where = `${u.method} ${u.url}`;
      const huge = await send({ fileName: 'x.cer', contentBase64: 'A'.repeat(1_100_000) });
      expectErrorShape(huge, 413, 'payload_too_large');
      const long = expectErrorShape(await send({ fileName: 'x.cer', contentBase64: 'A'.repeat(100_000) }), 400, 'validation');
      expect(Object.keys(long.fields ?? {}), where).toEqual(['certificate.contentBase64']);
      for (const [what, bytes, rule] of [
        ['a PNG', PNG, 'cert.unreadable'],
        ['random bytes', randomBytes(2048), 'cert.unreadable'],
        ['a .pfx', pfx, 'cert.pfx'],
      ] as const) {
        const res = await send({ fileName: 'x.cer', contentBase64: base64(bytes) });
        const error = expectErrorShape(res, 400, 'validation');
        expect(Object.keys(error.fields ?? {}), `${where} ${what}`).toEqual(['certificate']);
        expect((res.json().error.violations as { rule: string }[]).map((v) => v.rule), `${where} ${what}`).toContain(rule);
      }
    }
  });

  it('the HTB file (.xlsx): too large → 413; a PNG, random bytes, a plain zip or a zip bomb → 400 naming the file; wrong type → 415', async () => {
    const admin = await browser('admin');
    const send = (payload: Buffer | string, type = XLSX) => admin.request({ method: 'POST', url: '/api/v1/admin/htb-import?dryRun=true', payload, headers: { 'content-type': type } });
    expect((await send(readFileSync('docs/examples/htb-import.xlsx'))).statusCode).toBe(200);
    expectErrorShape(await send(Buffer.concat([readFileSync('docs/examples/htb-import.xlsx'), randomBytes(2 * 1024 * 1024)])), 413, 'payload_too_large');
    for (const [what, bytes, pattern] of [
      ['a PNG', PNG, /geen Excel-bestand/],
      ['random bytes', randomBytes(4096), /geen Excel-bestand/],
      ['random bytes after a zip signature', Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), randomBytes(4096)]), /geen Excel-bestand/],
      ['a zip that is no workbook', zipBomb(1000), /geen Excel-bestand|geen rijen/],
      ['a zip bomb (100 MiB of spaces in ~100 KB)', zipBomb(100 * 1024 * 1024), /pakt uit tot meer dan 32 MB/],
    ] as const) {
      const t = Date.now();
      const res = await send(bytes);
      const error = expectErrorShape(res, 400, 'validation');
      expect(Object.keys(error.fields ?? {}), what).toEqual(['file']);
      expect(error.fields!.file, what).toMatch(pattern);
      expect(Date.now() - t, `${what} is refused quickly`).toBeLessThan(10_000);
    }
    expectErrorShape(await send('kbo;insz', 'text/plain'), 415, 'unsupported_media_type');
  });

  it('the merger list (text/csv): too large → 413; binary content, random bytes or a spreadsheet → 400 naming the file', async () => {
    const admin = await browser('admin');
    const send = (payload: Buffer | string) => admin.request({ method: 'POST', url: '/api/v1/admin/mergers/import?dryRun=true', payload, headers: { 'content-type': 'text/csv' } });
    expect((await send(readFileSync('data/mergers-2025.csv', 'utf8'))).statusCode).toBe(200);
    expectErrorShape(await send('x'.repeat(1024 * 1024 + 10)), 413, 'payload_too_large');
    // Binary with NUL bytes (a PNG) is refused before the CSV is read; the whole body is the field "file".
    const png = expectErrorShape(await send(PNG), 400, 'validation');
    expect(png.fields).toEqual({ file: expect.stringMatching(/\S/) });
    const noNul = (b: Buffer) => Buffer.from(b.map((x) => (x === 0 ? 1 : x)));
    for (const [what, bytes] of [
      ['random bytes', noNul(randomBytes(4096))],
      ['an .xlsx sent as CSV', noNul(readFileSync('docs/examples/htb-import.xlsx'))],
    ] as const) {
      const error = expectErrorShape(await send(bytes), 400, 'validation');
      expect(Object.keys(error.fields ?? {}), what).toEqual(['file']);
    }
  });

  it('e-Box attachments: over 5 MiB or over the body limit → 413; content that is not its type → 400 naming the field', async () => {
    const rsz = await one<{ id: string }>(sql`select id from organisations where name_nl like 'Rijksdienst%'`);
    const institution = client();
    institution.headers = { authorization: `Bearer ${(await services.registry.createApiClient(rsz.id, 'security-ebox', ['ebox:publish'])).token}` };
    const document = { recipientKbo: '0212235604', title: 'Veilig', category: 'Test', messageType: 'Test', documentDate: '2026-03-01', body: 'test' };
    const publish = (attachment: unknown) => institution.post('/api/v1/institution/ebox/documents', { ...document, attachment });
    const pdf = Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
    expect((await publish({ fileName: 'brief.pdf', mimeType: 'application/pdf', contentBase64: base64(pdf) })).statusCode).toBe(201);
    const overFive = expectErrorShape(await publish({ fileName: 'groot.pdf', mimeType: 'application/pdf', contentBase64: base64(Buffer.concat([pdf, Buffer.alloc(5.5 * 1024 * 1024)])) }), 413, 'payload_too_large');
    expect(Object.keys(overFive.fields ?? {})).toEqual(['attachment.contentBase64']);
    expectErrorShape(await publish({ fileName: 'groter.pdf', mimeType: 'application/pdf', contentBase64: 'A'.repeat(9 * 1024 * 1024) }), 413, 'payload_too_large');
    for (const [what, attachment, field] of [
      ['a PNG named .pdf', { fileName: 'brief.pdf', mimeType: 'application/pdf', contentBase64: base64(PNG) }, 'attachment.contentBase64'],
      ['random bytes named .xlsx', { fileName: 'lijst.xlsx', mimeType: XLSX, contentBase64: base64(randomBytes(4096)) }, 'attachment.contentBase64'],
      ['random bytes named .png', { fileName: 'foto.png', mimeType: 'image/png', contentBase64: base64(randomBytes(4096)) }, 'attachment.contentBase64'],
      ['binary named .csv', { fileName: 'lijst.csv', mimeType: 'text/csv', contentBase64: base64(PNG) }, 'attachment.contentBase64'],
      ['a PDF named .png', { fileName: 'brief.png', mimeType: 'application/pdf', contentBase64: base64(pdf) }, 'attachment.fileName'],
      ['a path in the name', { fileName: '../../etc/passwd.pdf', mimeType: 'application/pdf', contentBase64: base64(pdf) }, 'attachment.fileName'],
      ['not base64', { fileName: 'brief.pdf', mimeType: 'application/pdf', contentBase64: '%%%%' }, 'attachment.contentBase64'],
    ] as const) {
      const error = expectErrorShape(await publish(attachment), 400, 'validation');
      expect(Object.keys(error.fields ?? {}), what).toEqual([field]);
    }
  });

  it('any other JSON body over 1 MiB → 413 with the §12 shape, also anonymously', async () => {
    const citizen = client();
    await citizen.get('/api/v1/session');
    expectErrorShape(await citizen.post('/api/v1/public/help-requests', { message: 'x'.repeat(1_100_000) }), 413, 'payload_too_large');
  });
});
