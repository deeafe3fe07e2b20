/**
 * N6 with real processes: two instances of `node --import tsx src/main.ts` on ONE PostgreSQL
 * database, each on its own HTTP and vendor port, like two nodes behind a load balancer.
 *  1. Both start at the same moment on an empty database: one migrates and loads the demo, the
 *     other waits for it (advisory locks), and both come up.
 *  2. A session opened on A works on B, and a logout on B ends it on A (sessions in the database).
 *  3. With the schedules every minute (OCMW_JOBS_EVERY_MINUTE, test mode) both run the daily
 *     jobs; then every job of the day is also queued four times at once, so both processes pick
 *     the same day's jobs together. What the database holds afterwards shows each ran once: one
 *     mail per OCMW per day, one claim row each, one merger run, and in the jobs' outputs one run
 *     that did the work among the many that found it done.
 * PostgreSQL only (the suite's second pass, TEST_DATABASE_URL): PGlite is one process by design.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import pg from 'pg';
import { PgBoss } from 'pg-boss';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { openDatabase, queryRows, type Database } from '../src/db/db.js';
import { MIGRATIONS_FOLDER } from '../src/db/migrate.js';
import { addDays, createClock } from '../src/domain/clock.js';
import { JOBS } from '../src/jobs/runner.js';
import type { Caller } from '../src/modules/access/index.js';
import { DEMO_PASSWORD, PRE_MERGER_DATE } from '../src/seed/demo.js';
import { createServices } from '../src/services.js';
import { makeCa, makeCertificate, trustedTestCaFile } from './certificates.js';
import { withDatabase } from './global-setup.js';

const ADMIN_URL = process.env.TEST_DATABASE_URL;
/** The business date of both instances: a Wednesday, two working days after a Monday. */
const TODAY = '2026-06-03';
const NIGHT = addDays(TODAY, -1);
/** The daily jobs (housekeeping, every quarter of an hour, has no day to run once). */
const QUEUES = Object.values(JOBS).filter((j) => j !== JOBS.housekeeping).map((j) => j.name);
const DAY_MS = 86_400_000;

interface Instance {
  name: string;
  child: ChildProcess;
  port: number;
  vendorPort: number;
  output: string[];
  exited: Promise<number | null>;
}

/** Free ports in the range this test may use (3500–3599): listen, close, hand out. */
async function freePorts(count: number): Promise<number[]> {
  const found: number[] = [];
  for (let port = 3500 + Math.floor(Math.random() * 50); port < 3600 && found.length < count; port++) {
    const free = await new Promise<boolean>((resolve) => {
      const server = net.createServer();
      server.once('error', () => resolve(false));
      server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
    });
    if (free) found.push(port);
  }
  if (found.length < count) throw new Error('not enough free ports in 3500–3599');
  return found;
}

/** The parts of the session answers this test reads. */
interface Reply {
  csrfToken?: string;
  user?: { username: string } | null;
  context?: unknown;
  choices?: { id: string }[];
}

/** One browser: a cookie jar and the CSRF token, talking to whichever instance it is sent to. */
class Browser {
  cookies = new Map<string, string>();
  csrf = '';

  async request(instance: Instance, method: string, url: string, body?: unknown): Promise<{ status: number; json: Reply }> {
    const headers: Record<string, string> = { 'accept-language': 'nl' };
    if (this.cookies.size) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    if (method !== 'GET') headers['x-csrf-token'] = this.csrf;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(`http://127.0.0.1:${instance.port}${url}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const at = pair!.indexOf('=');
      const [name, value] = [pair!.slice(0, at).trim(), pair!.slice(at + 1).trim()];
      if (value === '' || /max-age=0|expires=thu, 01 jan 1970/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    const text = await response.text();
    const json = (text && response.headers.get('content-type')?.includes('json') ? JSON.parse(text) : {}) as Reply;
    if (typeof json.csrfToken === 'string') this.csrf = json.csrfToken;
    return { status: response.status, json };
  }

  /** Logs in on that instance and chooses the first role when there is a choice. */
  async login(instance: Instance, username: string) {
    await this.request(instance, 'GET', '/api/v1/session');
    const login = await this.request(instance, 'POST', '/api/v1/session/login', { username, password: DEMO_PASSWORD });
    expect(login.status, JSON.stringify(login.json)).toBe(200);
    if (login.json.context) return login.json;
    const chosen = await this.request(instance, 'POST', '/api/v1/session/context', { choiceId: login.json.choices?.[0]?.id });
    expect(chosen.status, JSON.stringify(chosen.json)).toBe(200);
    return chosen.json;
  }
}

describe.skipIf(!ADMIN_URL)('several instances on one PostgreSQL database (N6, real processes; PostgreSQL server only, skipped on PGlite)', () => {
  const dbName = `ocmw_t_${process.pid}_mi_${randomBytes(3).toString('hex')}`;
  let dir = '';
  let admin: pg.Client;
  let url: string;
  let database: Database | undefined;
  let boss: PgBoss | undefined;
  let ports: number[];
  const instances: Instance[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'ocmw-multi-'));
    admin = new pg.Client({ connectionString: ADMIN_URL });
    await admin.connect();
    await admin.query(`create database ${dbName}`);
    url = withDatabase(ADMIN_URL!, dbName);
    ports = await freePorts(4);
  });

  afterAll(async () => {
    // Always: every process is stopped (SIGKILL when it does not end), the database dropped.
    await Promise.all(instances.map((i) => stop(i)));
    await boss?.stop({ graceful: false }).catch(() => {});
    await database?.close();
    await admin?.query(`drop database if exists ${dbName} with (force)`).catch(() => {});
    await admin?.end().catch(() => {});
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  function start(name: string, port: number, vendorPort: number, env: Record<string, string>): Instance {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      env: {
        PATH: process.env.PATH ?? '',
        DATABASE_URL: url,
        HOST: '127.0.0.1',
        PORT: String(port),
        OCMW_VENDOR_PORT: String(vendorPort),
        // Two instances on one machine: each its own SFTP port (the default 2222 is taken by the first).
        OCMW_SFTP_PORT: '0',
        OCMW_DATA_DIR: path.join(dir, name, 'db'),
        OCMW_TODAY: TODAY,
        // The demo as before the mergers of 2025 (issue 19: explicitly; the jobs below are counted on it).
        OCMW_DEMO_UNTIL: PRE_MERGER_DATE,
        OCMW_TEST_MODE: '1',
        OCMW_RATE_LIMIT_PER_MINUTE: '100000',
        OCMW_LOGIN_RATE_LIMIT_PER_MINUTE: '100000',
        OCMW_CITIZEN_SUBMISSIONS_PER_HOUR: '100000',
        OCMW_CITIZEN_MAILS_PER_ADDRESS_PER_DAY: '100000',
        LOG_LEVEL: 'warn',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const output: string[] = [];
    child.stdout!.on('data', (c: Buffer) => output.push(c.toString()));
    child.stderr!.on('data', (c: Buffer) => output.push(c.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    const instance = { name, child, port, vendorPort, output, exited };
    instances.push(instance);
    return instance;
  }

  async function ready(instance: Instance): Promise<void> {
    const deadline = Date.now() + 40_000;
    let gone = false;
    void instance.exited.then(() => (gone = true));
    while (Date.now() < deadline) {
      if (gone) throw new Error(`instance ${instance.name} exited while starting:\n${instance.output.join('')}`);
      const status = await fetch(`http://127.0.0.1:${instance.port}/ready`).then((r) => r.status, () => 0);
      if (status === 200) return;
      await new Promise((r) => setTimeout(r, 250));
    }
    throw new Error(`instance ${instance.name} not ready within 40 s:\n${instance.output.join('')}`);
  }

  /** SIGTERM (graceful: jobs, HTTP, pool), SIGKILL after 8 s; resolves with the exit code. */
  async function stop(instance: Instance): Promise<number | null> {
    if (instance.child.exitCode === null && instance.child.signalCode === null) instance.child.kill('SIGTERM');
    const timer = setTimeout(() => instance.child.kill('SIGKILL'), 8_000);
    const code = await instance.exited;
    clearTimeout(timer);
    instances.splice(instances.indexOf(instance), 1);
    return code;
  }

  it('starts two instances at once on an empty database: migrated and seeded once, sessions shared', async () => {
    const a = start('a', ports[0]!, ports[1]!, { OCMW_JOBS: 'off' });
    const b = start('b', ports[2]!, ports[3]!, { OCMW_JOBS: 'off' });
    await Promise.all([ready(a), ready(b)]);

    database = await openDatabase({ url, poolSize: 2 });
    const db = database.db;
    const [once] = await queryRows<{ migrations: number; users: number; antwerpen: number; mergers: number }>(
      db,
      sql`select (select count(*)::int from drizzle.__drizzle_migrations) as migrations,
                 (select count(*)::int from users where username = 'user.antwerpen') as users,
                 (select count(*)::int from organisations where kbo = '0212235604') as antwerpen,
                 (select count(*)::int from mergers) as mergers`,
    );
    expect(once).toEqual({ migrations: readMigrationFiles({ migrationsFolder: MIGRATIONS_FOLDER }).length, users: 1, antwerpen: 1, mergers: 13 });
    // The one that loaded the demo says so on its start banner; the other found it loaded.
    expect([a, b].filter((i) => i.output.join('').includes('demo data loaded'))).toHaveLength(1);

    // A session opened on A is the same session on B; logging out on B ends it on A.
    const browser = new Browser();
    const session = await browser.login(a, 'user.antwerpen');
    expect(session.user?.username).toBe('user.antwerpen');
    expect((await browser.request(a, 'GET', '/api/v1/ebox/summary')).status).toBe(200);
    const onB = await browser.request(b, 'GET', '/api/v1/session');
    expect(onB.json.user?.username).toBe('user.antwerpen');
    expect(onB.json.context).toEqual(session.context);
    expect((await browser.request(b, 'GET', '/api/v1/ebox/summary')).status).toBe(200);
    const stale = new Map(browser.cookies);
    expect((await browser.request(b, 'POST', '/api/v1/session/logout')).status).toBe(204);
    browser.cookies = stale;
    expect((await browser.request(a, 'GET', '/api/v1/ebox/summary')).status).toBe(401);
    expect((await browser.request(a, 'GET', '/api/v1/session')).json.user ?? null).toBeNull();

    expect(await Promise.all([stop(a), stop(b)])).toEqual([0, 0]);
  }, 60_000);

  it('runs each daily job once per day across both instances, however often both are asked', async () => {
    expect(database, 'the first test prepares the database').toBeDefined();
    const db = database!.db;
    const clock = createClock({ fixedToday: TODAY });
    const services = createServices({ db, clock, config: loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', OCMW_TRUSTED_CA_FILE: await trustedTestCaFile() }) });

    // Work for each job, on the business day (the instances are stopped meanwhile).
    const receipt = await clock.runWithToday(addDays(TODAY, -2), () =>
      services.helpRequests.submit({ language: 'nl', kinds: ['energie'], postcode: '2000', surname: 'Twee', firstName: 'Instanties', phone: '03 123 45 67', message: 'N6' }),
    );
    const [rsz] = await queryRows<{ id: string }>(db, sql`select id from organisations where name_nl like 'Rijksdienst%'`);
    await clock.runWithToday(NIGHT, () =>
      services.mailbox.publishAs({ organisationId: rsz!.id, name: 'test' }, { recipientKbo: '0212235604', title: 'Nachtpost N6', category: 'Test', messageType: 'Test', rsz: false, documentDate: NIGHT, body: 'x' }),
    );
    const tb = await services.auth.login('tb.antwerpen', DEMO_PASSWORD);
    const actor = await services.auth.resolve(tb.token);
    expect(actor?.context?.organisation?.name.nl).toContain('Antwerpen');
    const caller: Caller = { userId: actor!.userId, language: 'nl', context: actor!.context };
    await services.channels.saveSender(caller, { contactName: 'ICT', phoneCode: '+32', phoneNumber: '456986532', email: 'ict@antwerpen.demo.example', language: 'nl' });
    const ca = await makeCa({ key: 'RSA-2048' });
    const noon = new Date(`${TODAY}T12:00:00Z`).getTime();
    const certificate = await makeCertificate({ key: 'EC-P-384', hash: 'SHA-384', issuer: ca, notBefore: new Date(noon - DAY_MS), notAfter: new Date(noon + 25 * DAY_MS) });
    await services.channels.createRestAccount(caller, {
      management: 'internal',
      name: 'n6-binnen-30',
      permissions: ['ocmw-online-proces'],
      certificateName: 'n6-binnen-30',
      certificate: { fileName: 'n6.cer', contentBase64: Buffer.from(certificate.der).toString('base64') },
    });
    const [lokeren] = await queryRows<{ id: number; status: string }>(db, sql`select id, status from mergers where code = 'lokeren-2025'`);
    expect(lokeren!.status).toBe('planned');
    await services.mergers.cutover.setScheduled(lokeren!.id, true, { userId: null, username: 'test' });

    // Both instances start together with the schedules every minute: the first tick runs each job.
    const every = { OCMW_JOBS: 'on', OCMW_JOBS_EVERY_MINUTE: '1' };
    const a = start('a', ports[0]!, ports[1]!, every);
    const b = start('b', ports[2]!, ports[3]!, every);
    await Promise.all([ready(a), ready(b)]);

    // /ready answers once the portal's port listens; the job runner starts after it, and on a new
    // database pg-boss creates its schema then: until it has, no job has run (a busy machine
    // showed that moment as "relation pgboss.job does not exist").
    const jobStates = () =>
      queryRows<{ name: string; state: string; n: number }>(db, sql`select name, state::text, count(*)::int as n from pgboss.job where name in ${sql.raw(`(${QUEUES.map((q) => `'${q}'`).join(', ')})`)} group by 1, 2`).catch(
        (error: unknown) => {
          if ((error as { cause?: { code?: string } }).cause?.code === '42P01') return [];
          throw error;
        },
      );
    const completed = async () => {
      const rows = await jobStates();
      return Object.fromEntries(QUEUES.map((q) => [q, rows.filter((r) => r.name === q && r.state === 'completed').reduce((s, r) => s + r.n, 0)]));
    };
    await waitFor(async () => Object.values(await completed()).every((n) => n >= 1), 40_000, async () => JSON.stringify(await jobStates()));

    const outcome = async () => {
      const [row] = await queryRows<Record<string, unknown>>(
        db,
        sql`select
          (select coalesce(max(n), 0) from (select count(*)::int n from mails where kind = 'online-reminder' group by organisation_id) x) as "maxRemindersPerOcmw",
          (select count(*)::int from mails where kind = 'online-reminder') as "reminderMails",
          (select count(*)::int from help_request_reminders where day = ${TODAY}::date and mail_id is not null) as "reminderClaims",
          (select count(*)::int from mails m join organisations o on o.id = m.organisation_id
             where m.kind = 'online-reminder' and o.kbo = '0212235604' and m.body_text like ${`%${receipt.reference}%`}) as "antwerpenReminder",
          (select coalesce(max(n), 0) from (select count(*)::int n from mails where kind = 'ebox-notification' group by organisation_id) x) as "maxEboxPerOcmw",
          (select count(*)::int from mails where kind = 'ebox-notification') as "eboxMails",
          (select count(*)::int from ebox_notifications where night = ${NIGHT}::date and mail_id is not null) as "eboxClaims",
          (select count(*)::int from mails where kind = 'ebox-notification' and to_address = 'ocmw.antwerpen@demo.example') as "antwerpenEbox",
          (select count(*)::int from mails where kind = 'certificate-expiry') as "expiryMails",
          (select count(distinct mail_id)::int from certificate_expiry_notices where sent_on = ${TODAY}::date) as "expiryClaims",
          (select count(*)::int from mails where kind = 'certificate-expiry' and subject like '%n6-binnen-30%') as "ourExpiryMail",
          (select count(*)::int from merger_runs where merger_id = ${lokeren!.id}) as "mergerRuns",
          (select count(*)::int from merger_runs where merger_id = ${lokeren!.id} and kind = 'run' and actor = 'scheduler' and changes > 0 and finished_at is not null) as "schedulerRuns",
          (select status from mergers where id = ${lokeren!.id}) as "mergerStatus"`,
      );
      return row!;
    };
    const once = {
      maxRemindersPerOcmw: 1,
      antwerpenReminder: 1,
      maxEboxPerOcmw: 1,
      antwerpenEbox: 1,
      ourExpiryMail: 1,
      mergerRuns: 1,
      schedulerRuns: 1,
      mergerStatus: 'applied',
    };
    const first = await outcome();
    expect(first).toMatchObject(once);
    // Every mail has its claim row, and no claim has two mails.
    expect(first.reminderMails).toBe(first.reminderClaims);
    expect(first.eboxMails).toBe(first.eboxClaims);
    expect(first.expiryMails).toBe(first.expiryClaims);

    // Both instances asked at once: each of today's jobs queued four times without pg-boss's
    // per-day singleton, as if every instance's scheduler had fired twice. Both workers take them.
    boss = new PgBoss({ connectionString: url, max: 1, supervise: false, schedule: false, migrate: false });
    await boss.start();
    const data: Record<string, { date?: string }> = {
      [JOBS.certificateExpiry.name]: { date: TODAY },
      [JOBS.onlineReminders.name]: { date: TODAY },
      [JOBS.eboxNotifications.name]: { date: NIGHT },
      [JOBS.mergerCutover.name]: { date: TODAY },
    };
    // A worker that finds a job asks again at once, so one instance may take a whole round: queue
    // rounds until both instances have run jobs (with a 2 s poll, the second one or two).
    const instancesThatRan = async () =>
      (
        await queryRows<{ n: number }>(
          db,
          sql`select count(distinct output->>'instance')::int as n from pgboss.job where name in ${sql.raw(`(${QUEUES.map((q) => `'${q}'`).join(', ')})`)} and state = 'completed'`,
        )
      )[0]!.n;
    const ids: string[] = [];
    for (let round = 1; round <= 6; round++) {
      const queued = (await Promise.all(QUEUES.flatMap((q) => [1, 2, 3, 4].map(() => boss!.send(q, data[q]!))))).filter((id): id is string => Boolean(id));
      expect(queued).toHaveLength(QUEUES.length * 4);
      ids.push(...queued);
      const finished = async () =>
        (await queryRows<{ n: number }>(db, sql`select count(*)::int as n from pgboss.job where id = any(${`{${queued.join(',')}}`}::uuid[]) and state = 'completed'`))[0]!.n;
      await waitFor(async () => (await finished()) === queued.length, 30_000, async () => JSON.stringify(await jobStates()));
      if ((await instancesThatRan()) === 2) break;
    }

    expect(await outcome()).toEqual(first);
    const failures = (await jobStates()).filter((r) => r.state === 'failed' || r.state === 'retry');
    expect(failures, instances.map((i) => i.output.join('')).join('\n')).toEqual([]);

    // Each job's output (pg-boss keeps it) names the instance that ran it and what it did: both
    // instances ran jobs, and of all those runs, the work of the day was done by one.
    const outputs = await queryRows<{ name: string; output: { instance: string; mails?: number; runs?: { mergerId: number }[] } }>(
      db,
      sql`select name, output from pgboss.job where name in ${sql.raw(`(${QUEUES.map((q) => `'${q}'`).join(', ')})`)} and state = 'completed'`,
    );
    expect(outputs.length).toBeGreaterThanOrEqual(QUEUES.length + ids.length);
    expect(new Set(outputs.map((o) => o.output.instance)).size).toBe(2);
    const mailsBy = (queue: string) => outputs.filter((o) => o.name === queue).reduce((sum, o) => sum + (o.output.mails ?? 0), 0);
    expect(mailsBy(JOBS.onlineReminders.name)).toBe(first.reminderMails);
    expect(mailsBy(JOBS.eboxNotifications.name)).toBe(first.eboxMails);
    expect(mailsBy(JOBS.certificateExpiry.name)).toBe(first.expiryMails);
    expect(outputs.flatMap((o) => o.output.runs ?? []).map((r) => r.mergerId)).toEqual([lokeren!.id]);
    expect(await Promise.all([stop(a), stop(b)])).toEqual([0, 0]);
  }, 90_000);
});

async function waitFor(check: () => Promise<boolean>, timeoutMs: number, explain: () => Promise<string>): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`not within ${timeoutMs / 1000} s: ${await explain()}`);
}
