import { readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import pg from 'pg';
import { inject } from 'vitest';
import { buildApp } from '../src/app.js';
import { trustedTestCaFile } from './certificates.js';
import { loadConfig, type Config } from '../src/config.js';
import { openDatabase, type Database } from '../src/db/db.js';
import { createClock, type Clock } from '../src/domain/clock.js';
import { solveProof } from '../src/modules/help-requests/index.js';
import { DEMO_PASSWORD } from '../src/seed/demo.js';
import { createServices, type Services } from '../src/services.js';
import { withDatabase } from './global-setup.js';

export interface TestContext {
  app: FastifyInstance;
  database: Database;
  services: Services;
  clock: Clock;
  config: Config;
  /** A client with its own cookie jar, like one browser. */
  client(): TestClient;
  close(): Promise<void>;
}

export interface TestOptions {
  /** Fixed business date (OCMW_TODAY). */
  today?: string;
  /** Wall clock (for lockouts and session expiry). */
  now?: () => Date;
  env?: Record<string, string>;
  /** Adds routes before the app is sealed (tests of the platform itself). */
  beforeReady?: (app: FastifyInstance) => void | Promise<void>;
  /** Where the app's JSON log goes (set LOG_LEVEL in env too: the default is silent). */
  logStream?: NodeJS.WritableStream;
}

/** Opens a private copy of the migrated, seeded template database (PGlite or the PostgreSQL server). */
export async function openTestDatabase(): Promise<{ database: Database; drop: () => Promise<void> }> {
  const pgTemplate = inject('pgTemplate');
  const url = process.env.TEST_DATABASE_URL;
  if (pgTemplate && url) {
    const name = `ocmw_t_${process.pid}_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    // CREATE DATABASE … TEMPLATE fails while another clone of the template is being made.
    for (let attempt = 0; ; attempt++) {
      try {
        await admin.query(`create database ${name} template ${pgTemplate}`);
        break;
      } catch (error) {
        if ((error as { code?: string }).code !== '55006' || attempt > 50) throw error;
        await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
      }
    }
    const database = await openDatabase({ url: withDatabase(url, name), poolSize: 5 });
    return {
      database,
      drop: async () => {
        await admin.query(`drop database if exists ${name} with (force)`);
        await admin.end();
      },
    };
  }
  const dump = readFileSync(inject('pgliteTemplate'));
  const database = await openDatabase({ loadDataDir: new Blob([dump]) });
  return { database, drop: async () => {} };
}

/** A full app (real database, real services, app.inject) for one test file. */
export async function createTestContext(options: TestOptions = {}): Promise<TestContext> {
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    OCMW_RATE_LIMIT_PER_MINUTE: '100000',
    OCMW_LOGIN_RATE_LIMIT_PER_MINUTE: '100000',
    // R3.9′: the test CAs (test/certificates.ts) are trusted, like an operator's bundle.
    OCMW_TRUSTED_CA_FILE: await trustedTestCaFile(),
    OCMW_CITIZEN_SUBMISSIONS_PER_HOUR: '100000',
    OCMW_CITIZEN_MAILS_PER_ADDRESS_PER_DAY: '100000',
    OCMW_INSZ_LOOKUPS_PER_HOUR: '100000',
    // Issue 17: the citizen form's proof of work, cheap in tests (TestClient.proven solves it).
    OCMW_POW_MAX_NUMBER: '1000',
    ...(options.today ? { OCMW_TODAY: options.today } : {}),
    ...options.env,
  });
  const clock = createClock({ fixedToday: config.fixedToday, now: options.now });
  const { database, drop } = await openTestDatabase();
  const services = createServices({ db: database.db, clock, config });
  const app = await buildApp({ config, database, services, clock, logStream: options.logStream });
  try {
    await options.beforeReady?.(app);
    await app.ready();
  } catch (error) {
    await app.close().catch(() => {});
    await database.close();
    await drop();
    throw error;
  }
  return {
    app,
    database,
    services,
    clock,
    config,
    client: () => new TestClient(app),
    close: async () => {
      await app.close();
      await database.close();
      await drop();
    },
  };
}

/** One browser: keeps cookies, sends the CSRF token and the language like the web UI does. */
export class TestClient {
  cookies = new Map<string, string>();
  csrfToken = '';
  language = 'nl';
  today?: string;
  /** Sent with every request (e.g. an institution's Authorization: Bearer …). */
  headers: Record<string, string> = {};

  constructor(private readonly app: FastifyInstance) {}

  async request(options: InjectOptions & { url: string }): Promise<LightMyRequestResponse> {
    const headers: Record<string, string> = {
      'accept-language': this.language,
      ...(this.today ? { 'x-ocmw-today': this.today } : {}),
      ...(this.csrfToken ? { 'x-csrf-token': this.csrfToken } : {}),
      ...this.headers,
      ...(options.headers as Record<string, string> | undefined),
    };
    if (this.cookies.size) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const response = await this.app.inject({ ...options, headers });
    for (const c of response.cookies as { name: string; value: string; maxAge?: number; expires?: Date }[]) {
      const expired = c.value === '' || (c.expires && c.expires.getTime() < Date.now()) || c.maxAge === 0;
      if (expired) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
    const body = response.headers['content-type']?.toString().includes('json') ? safeJson(response.body) : undefined;
    if (body && typeof body === 'object' && 'csrfToken' in body && typeof body.csrfToken === 'string') {
      this.csrfToken = body.csrfToken;
    }
    return response;
  }

  get(url: string, headers?: Record<string, string>) {
    return this.request({ method: 'GET', url, headers });
  }

  post(url: string, payload?: unknown, headers?: Record<string, string>) {
    return this.request({ method: 'POST', url, payload: payload as InjectOptions['payload'], headers });
  }

  /** Issue 17: the citizen form's body with a freshly fetched and solved challenge, as the browser sends it. */
  async proven<T extends object>(body: T): Promise<T & { proof: unknown }> {
    const challenge = await this.get('/api/v1/public/help-requests/challenge');
    if (challenge.statusCode !== 200) throw new Error(`challenge: ${challenge.statusCode} ${challenge.body}`);
    return { ...body, proof: solveProof(challenge.json()) };
  }

  /** GET /session then log in; returns the login response. */
  async login(username: string, password = DEMO_PASSWORD) {
    if (!this.csrfToken) await this.get('/api/v1/session');
    return this.post('/api/v1/session/login', { username, password });
  }

  /** Logs in and chooses the role whose organisation name (NL) contains orgName (and role when given). */
  async loginAs(username: string, orgName?: string, role?: string) {
    const res = await this.login(username);
    if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
    const session = res.json();
    if (session.context && !orgName) return session;
    const choice = session.choices.find(
      (c: { organisation: { name: { nl: string } } | null; role: string }) =>
        (!orgName || c.organisation?.name.nl.includes(orgName)) && (!role || c.role === role),
    );
    if (!choice) throw new Error(`no choice ${orgName}/${role} for ${username}`);
    const chosen = await this.post('/api/v1/session/context', { choiceId: choice.id });
    if (chosen.statusCode !== 200) throw new Error(`choice failed: ${chosen.body}`);
    return chosen.json();
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
