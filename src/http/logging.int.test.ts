import { PassThrough } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.js';
import { loadConfig } from '../config.js';
import type { Database } from '../db/db.js';
import { createClock } from '../domain/clock.js';
import { DEMO_PASSWORD } from '../seed/demo.js';
import { createServices } from '../services.js';
import { TestClient, openTestDatabase } from '../../test/test-app.js';

/** Logs (issue 16), read from the real JSON log stream of the app. */
describe('the log: no personal data or secrets; security events with the request id', () => {
  let database: Database;
  let drop: () => Promise<void>;
  let app: FastifyInstance;
  const lines: string[] = [];
  const logged = () => lines.join('\n');
  const events = () => lines.map((l) => JSON.parse(l) as Record<string, unknown>).filter((l) => l.security);

  beforeAll(async () => {
    ({ database, drop } = await openTestDatabase());
    const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'info', OCMW_RATE_LIMIT_PER_MINUTE: '100000', OCMW_LOGIN_RATE_LIMIT_PER_MINUTE: '100000' });
    const clock = createClock({});
    const stream = new PassThrough();
    stream.on('data', (chunk: Buffer) => lines.push(...chunk.toString().split('\n').filter(Boolean)));
    app = await buildApp({ config, database, services: createServices({ db: database.db, clock, config }), clock, logStream: stream });
    await app.ready();
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
    await drop?.();
  });

  it('writes no INSZ, e-mail address, password, token or session id, query strings included', async () => {
    const c = new TestClient(app);
    const login = await c.login('tb.antwerpen');
    expect(login.statusCode).toBe(200);
    const session = c.cookies.get('ocmw_session')!;
    await c.get('/api/v1/access/users?insz=85073003328&email=jan.peeters%40ocmw.be');
    await c.get('/api/v1/people/85.07.30-033.28?search=Peeters');
    await c.post('/api/v1/me/password', { currentPassword: DEMO_PASSWORD, newPassword: 'Geheim-Wachtwoord-2026!', newPasswordConfirm: 'x' });
    await app.inject({ method: 'POST', url: '/api/v1/institution/mutations', headers: { authorization: 'Bearer institutie-token-geheim-123' }, payload: [] });
    const text = logged();
    expect(lines.length).toBeGreaterThan(5);
    for (const secret of ['85073003328', '85.07.30-033.28', 'jan.peeters', 'Peeters', DEMO_PASSWORD, 'Geheim-Wachtwoord-2026!', 'institutie-token-geheim-123', session, c.csrfToken]) {
      expect(text, secret).not.toContain(secret);
    }
    expect(text).toContain('insz=[redacted]');
  });

  it('masks the INSZ on the vendor port too (its deprecated GET …/dossiers/forms?insz=)', async () => {
    const { buildVendorApp } = await import('./vendor-app.js');
    const { generateSelfSigned } = await import('./self-signed.js');
    const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'info' });
    const clock = createClock({});
    const server = await generateSelfSigned({ subject: 'CN=localhost', days: 1, dnsNames: ['localhost'], usage: 'server' });
    const vendorLines: string[] = [];
    const stream = new PassThrough();
    stream.on('data', (chunk: Buffer) => vendorLines.push(...chunk.toString().split('\n').filter(Boolean)));
    const vendor = await buildVendorApp({ config, services: createServices({ db: database.db, clock, config }), clock, tls: { cert: server.certPem, key: server.keyPem }, logStream: stream });
    try {
      const answer = await vendor.inject({ method: 'GET', url: '/vendor/v1/dossiers/forms?insz=85073003328&page=1' });
      expect(answer.statusCode).toBe(401);
      const text = vendorLines.join('\n');
      expect(text).toContain('insz=[redacted]');
      expect(text).not.toContain('85073003328');
    } finally {
      await vendor.close();
    }
  });

  it('logs login success, failure and lockout, role switch and token use as security events with the request id', async () => {
    lines.length = 0;
    const c = new TestClient(app);
    await c.get('/api/v1/session');
    for (let i = 0; i < 5; i++) await c.post('/api/v1/session/login', { username: 'cotb.antwerpen', password: 'fout-wachtwoord' }, { 'x-request-id': `fout-${i}` });
    await c.post('/api/v1/session/login', { username: 'cotb.antwerpen', password: 'fout-wachtwoord' }, { 'x-request-id': 'vergrendeld' });
    await c.post('/api/v1/session/login', { username: 'an.peeters', password: DEMO_PASSWORD }, { 'x-request-id': 'gelukt.1' });
    const choice = (await c.get('/api/v1/session')).json().choices[0].id as string;
    await c.post('/api/v1/session/context', { choiceId: choice }, { 'x-request-id': 'wissel' });
    await app.inject({ method: 'POST', url: '/api/v1/institution/mutations', headers: { authorization: 'Bearer onbekend', 'x-request-id': 'token' }, payload: [] });
    const byId = Object.fromEntries(events().map((e) => [e.reqId, e.security]));
    expect(byId).toMatchObject({ 'fout-0': 'login.failure', 'fout-4': 'login.failure', vergrendeld: 'login.lockout', 'gelukt.1': 'login.success', wissel: 'role.switch', token: 'token.refused' });
    expect(events().find((e) => e.reqId === 'gelukt.1')).toMatchObject({ username: 'an.peeters', userId: expect.any(String) });
  });

  it('keeps a plain client x-request-id as the log id and replaces any other', async () => {
    lines.length = 0;
    for (const id of ['goed-id_1.2', 'a'.repeat(65), 'met spatie', '<script>']) {
      const res = await app.inject({ url: '/health', headers: { 'x-request-id': id } });
      const ok = id === 'goed-id_1.2';
      expect(res.headers['x-request-id'] === id, id).toBe(ok);
      expect(logged().includes(id), id).toBe(ok);
    }
  });
});
