/**
 * Issue 24: the retention purge on the business clock — per kind a row dated on the cut-off stays
 * and one dated the day before goes; the dry run changes nothing; a rerun removes nothing; the
 * daily job runs once per business date across two instances; counts in /metrics and one audit
 * entry per run; settings validated with clear errors.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/test-app.js';
import { queryRows } from '../../db/db.js';
import { addDays } from '../../domain/clock.js';
import { inszFromParts } from '../../shared/identifiers.js';
import { RETENTION_KIND_CODES, RETENTION_KINDS, type RetentionKindCode } from './retention-rules.js';
import { createRetentionService } from './retention.service.js';

const TODAY = '2040-06-15';
const TOKEN = 'retention-metrics-token-0123456789';
let ctx: TestContext;
let ids: { org: string; rsz: string; user: string; account: string };
let serial = 0;

const one = async <T>(q: ReturnType<typeof sql>) => (await queryRows<T>(ctx.database.db, q))[0]!;
/** An instant on a Brussels date (11:00 or 12:00 there). */
const at = (date: string) => `${date}T10:00:00Z`;

/** Per kind: a row whose retention counts from `date`, and whether it is still there (unchanged). */
const FIXTURES: Record<RetentionKindCode, { insert: (date: string) => Promise<string>; present: (id: string) => Promise<boolean> }> = {
  'help-requests': {
    insert: async (date) =>
      (
        await one<{ id: string }>(sql`insert into help_requests (reference, organisation_id, filed_at, received_on, language, kinds, postcode, nis, surname, first_name, insz, email, message, decided_at)
          values (${`RT-${++serial}`}, ${ids.org}, ${at(addDays(date, -20))}, ${addDays(date, -20)}, 'nl', '{leefloon}', '2000', '11002', 'Retentie', 'Test', ${inszFromParts('750101', 700 + serial)}, 'r@example.org', 'vrije tekst', ${at(date)}) returning id`)
      ).id,
    present: async (id) => (await one<{ insz: string | null }>(sql`select insz from help_requests where id = ${id}`)).insz !== null,
  },
  mails: {
    insert: async (date) =>
      (await one<{ id: string }>(sql`insert into mails (kind, to_address, subject, body_text, status, created_at) values ('retention-test', 'r@example.org', 's', 'b', 'sent', ${at(date)}) returning id`)).id,
    present: (id) => exists(sql`select 1 from mails where id = ${id}`),
  },
  sessions: {
    insert: async (date) => {
      const hash = `rt-${++serial}`;
      await ctx.database.db.execute(sql`insert into sessions (id_hash, user_id, csrf_token, expires_at) values (${hash}, ${ids.user}, 'x', ${at(date)})`);
      await ctx.database.db.execute(sql`insert into oidc_transactions (state_hash, browser_hash, provider_id, nonce, code_verifier, expires_at) values (${hash}, 'b', 'p', 'n', 'v', ${at(date)})`);
      return hash;
    },
    present: async (hash) => (await exists(sql`select 1 from sessions where id_hash = ${hash}`)) && exists(sql`select 1 from oidc_transactions where state_hash = ${hash}`),
  },
  'ebox-documents': {
    insert: async (date) =>
      (
        await one<{ id: string }>(sql`insert into ebox_documents (organisation_id, sender_name, title, category, message_type, document_date, body, received_at)
          values (${ids.org}, 'RSZ', 'Retentie', 'Test', 'Test', ${date}, 'b', ${at(date)}) returning id`)
      ).id,
    present: (id) => exists(sql`select 1 from ebox_documents where id = ${id}`),
  },
  mutations: {
    insert: async (date) => {
      const { id } = await one<{ id: number }>(sql`insert into mutations (type, code, insz, occurred_at, payload, source, received_at)
        values ('MURN', 'MURN', ${inszFromParts('750101', 800 + ++serial)}, ${at(date)}, '{}', 'test', ${at(date)}) returning id`);
      await ctx.database.db.execute(sql`insert into mutation_deliveries (mutation_id, organisation_id, batch_date) values (${id}, ${ids.org}, ${date})`);
      return String(id);
    },
    present: (id) => exists(sql`select 1 from mutations m join mutation_deliveries d on d.mutation_id = m.id where m.id = ${Number(id)}`),
  },
  'channel-uploads': {
    insert: async (date) =>
      (
        await one<{ id: string }>(sql`insert into channel_uploads (reference, organisation_id, account_id, institution_id, file_name, size, sha256, content, received_at)
          values (${`RT-UP-${++serial}`}, ${ids.org}, ${ids.account}, ${ids.rsz}, 'f.xml', 1, ${`sha-${serial}`}, '\\x00'::bytea, ${at(date)}) returning id`)
      ).id,
    present: (id) => exists(sql`select 1 from channel_uploads where id = ${id}`),
  },
  'dossier-forms': {
    insert: async (date) => {
      const insz = inszFromParts('750101', 900 + ++serial);
      const { id: dossier } = await one<{ id: string }>(sql`insert into dossiers (organisation_id, insz, opened_on, closed_on) values (${ids.org}, ${insz}, '2020-01-01', ${date}) returning id`);
      return (
        await one<{ id: string }>(sql`insert into dossier_forms (dossier_id, organisation_id, insz, kind, subtype, start_date, end_date, status)
          values (${dossier}, ${ids.org}, ${insz}, 'integration', 'leefloon', '2020-01-01', ${date}, 'stopped') returning id`)
      ).id;
    },
    present: (id) => exists(sql`select 1 from dossier_forms where id = ${id}`),
  },
  'access-log': {
    insert: async (date) =>
      String(
        (
          // Written long ago by the database's clock (`at`): the purge function never removes an entry written less than 3,650 days ago.
          await one<{ id: number }>(sql`insert into access_log (at, business_date, organisation_id, actor_user_id, channel, action, object_kind, insz)
            values ('2000-01-01T10:00:00Z', ${date}, ${ids.org}, ${ids.user}, 'portal', 'help-request.read', 'help-request', ${inszFromParts('750101', 950)}) returning id`)
        ).id,
      ),
    present: (id) => exists(sql`select 1 from access_log where id = ${Number(id)}`),
  },
  'login-throttles': {
    insert: async (date) => {
      const key = `rt-${++serial}`;
      await ctx.database.db.execute(sql`insert into login_throttles (key, failed_attempts, last_attempt_at) values (${key}, 3, ${at(date)})`);
      return key;
    },
    present: (key) => exists(sql`select 1 from login_throttles where key = ${key}`),
  },
};

async function exists(q: ReturnType<typeof sql>): Promise<boolean> {
  return (await queryRows(ctx.database.db, q)).length > 0;
}

// Computed here, not with the rule's cutoffDate: the test must fail when the rule moves the boundary.
const cutoffOf = (kind: RetentionKindCode) => addDays(TODAY, -RETENTION_KINDS[kind].defaultDays);
const rows: Record<string, { kept: string; gone: string }> = {};

beforeAll(async () => {
  ctx = await createTestContext({ env: { OCMW_METRICS_TOKEN: TOKEN } });
  const org = await one<{ id: string; domain: string }>(sql`select o.id, d.id as domain from organisations o join domains d on d.organisation_id = o.id and d.code = 'MW' where o.kbo = '0212235604'`);
  const rsz = await one<{ id: string }>(sql`select id from organisations where name_nl like 'Rijksdienst%'`);
  const user = await one<{ id: string }>(sql`select id from users where username = 'user.antwerpen'`);
  const account = await one<{ id: string }>(sql`insert into channel_accounts (domain_id, kind, name, permissions) values (${org.domain}, 'REST', 'retention', '{}') returning id`);
  ids = { org: org.id, rsz: rsz.id, user: user.id, account: account.id };
  for (const kind of RETENTION_KIND_CODES) {
    const f = FIXTURES[kind];
    rows[kind] = { kept: await f.insert(cutoffOf(kind)), gone: await f.insert(addDays(cutoffOf(kind), -1)) };
  }
});
afterAll(async () => ctx?.close());

describe('the retention purge (issue 24), on the business date', () => {
  it('counts in the dry run what would go, per kind with its cut-off, and changes nothing', async () => {
    const plan = await ctx.clock.runWithToday(TODAY, () => ctx.services.retention.plan());
    expect(plan.dryRun).toBe(true);
    for (const kind of RETENTION_KIND_CODES) {
      const line = plan.kinds.find((k) => k.kind === kind)!;
      expect(line.cutoff, kind).toBe(cutoffOf(kind));
      expect(line.count, kind).toBeGreaterThanOrEqual(1);
      expect(await FIXTURES[kind].present(rows[kind]!.gone), `${kind}: the dry run changed it`).toBe(true);
    }
    expect(await exists(sql`select 1 from retention_purge_runs`)).toBe(false);
  });

  it('keeps a row dated on the cut-off and removes (or pseudonymises) the one the day before, in batches; counts match the dry run', async () => {
    const plan = await ctx.clock.runWithToday(TODAY, () => ctx.services.retention.plan());
    // Small batches, so every kind takes several statements.
    const small = createRetentionService({ db: ctx.database.db, clock: ctx.clock, audit: ctx.services.audit, batchSize: 3 });
    const result = await ctx.clock.runWithToday(TODAY, () => small.purge('cli', 'test'));
    for (const kind of RETENTION_KIND_CODES) {
      expect(await FIXTURES[kind].present(rows[kind]!.kept), `${kind}: the row on the cut-off must stay`).toBe(true);
      expect(await FIXTURES[kind].present(rows[kind]!.gone), `${kind}: the row before the cut-off must go`).toBe(false);
      expect(result.kinds.find((k) => k.kind === kind)!.count, kind).toBe(plan.kinds.find((k) => k.kind === kind)!.count);
    }
    // A pseudonymised request keeps what the counts need, and nothing of the person.
    const request = await one<Record<string, unknown>>(sql`select reference, organisation_id as org, received_on::text as "receivedOn", kinds, nis, surname, first_name as "firstName", insz, email, message, pseudonymised_at is not null as done from help_requests where id = ${rows['help-requests']!.gone}`);
    expect(request).toMatchObject({ org: ids.org, nis: '11002', kinds: ['leefloon'], surname: '', firstName: '', insz: null, email: null, message: '', done: true });
    // The closed dossier went with its last form.
    expect(await exists(sql`select 1 from dossiers d where not exists (select 1 from dossier_forms f where f.dossier_id = d.id) and d.closed_on < ${cutoffOf('dossier-forms')}::date`)).toBe(false);
  });

  it('removes nothing on a rerun (idempotent), and writes one audit entry per run with the counts', async () => {
    const again = await ctx.clock.runWithToday(TODAY, () => ctx.services.retention.purge('cli', 'test'));
    expect(again.kinds.map((k) => [k.kind, k.count])).toEqual(RETENTION_KIND_CODES.map((k) => [k, 0]));
    const audit = await queryRows<{ after: { date: string; trigger: string; kinds: { kind: string; count: number }[] } }>(ctx.database.db, sql`select "after" from audit_log where action = 'privacy.retention-purge' order by id`);
    expect(audit).toHaveLength(2);
    expect(audit[0]!.after.date).toBe(TODAY);
    expect(audit[0]!.after.kinds.find((k) => k.kind === 'mails')!.count).toBeGreaterThanOrEqual(1);
    // No national number in the audit log or in the run's counts.
    expect(JSON.stringify(audit)).not.toMatch(/\d{11}/);
  });

  it('reports the last run per kind in /metrics', async () => {
    const res = await ctx.app.inject({ url: '/metrics', headers: { authorization: `Bearer ${TOKEN}` } });
    expect(res.statusCode).toBe(200);
    expect(res.body).toMatch(/ocmw_retention_purged\{kind="mails"\} 0/);
    expect(res.body).toMatch(/ocmw_retention_last_purge_timestamp_seconds \d/);
  });

  it('runs the daily job once per business date across two instances', async () => {
    const day = addDays(TODAY, 1);
    await ctx.clock.runWithToday(day, () => FIXTURES.mails.insert(addDays(day, -91)));
    const other = createRetentionService({ db: ctx.database.db, clock: ctx.clock, audit: ctx.services.audit });
    const [a, b] = await ctx.clock.runWithToday(day, () => Promise.all([ctx.services.retention.purge('job'), other.purge('job')]));
    expect([a.skipped ?? false, b.skipped ?? false].sort()).toEqual([false, true]);
    const ran = a.skipped ? b : a;
    // The new mail, and the one kept yesterday on its cut-off: a day later it has expired too.
    expect(ran.kinds.find((k) => k.kind === 'mails')!.count).toBe(2);
    expect(await FIXTURES.mails.present(rows.mails!.kept)).toBe(false);
    expect((await ctx.clock.runWithToday(day, () => ctx.services.retention.purge('job'))).skipped).toBe(true);
    const runs = await queryRows<{ n: number }>(ctx.database.db, sql`select count(*)::int as n from retention_purge_runs where business_date = ${day} and trigger = 'job'`);
    expect(runs[0]!.n).toBe(1);
  });
});

describe('retention settings', () => {
  it('refuses an unknown kind and a period below the legal minimum, naming the field', async () => {
    await expect(ctx.services.retention.set('audit-log', '30', 'test')).rejects.toMatchObject({ code: 'validation', fieldMessages: { kind: { key: 'retention.kind_unknown' } } });
    await expect(ctx.services.retention.set('access-log', '365', 'test')).rejects.toMatchObject({ code: 'validation', fieldMessages: { days: { key: 'retention.days_below_minimum' } } });
  });

  it('changes a kind (audited) and puts it back on its default', async () => {
    expect(await ctx.services.retention.set('mails', '30', 'cli:test')).toMatchObject({ kind: 'mails', days: 30, isDefault: false });
    const plan = await ctx.clock.runWithToday(TODAY, () => ctx.services.retention.plan());
    expect(plan.kinds.find((k) => k.kind === 'mails')!.cutoff).toBe(addDays(TODAY, -30));
    expect(await ctx.services.retention.reset('mails', 'cli:test')).toMatchObject({ days: 90, isDefault: true });
    const actions = await queryRows<{ action: string }>(ctx.database.db, sql`select action from audit_log where action like 'privacy.retention-%' and action <> 'privacy.retention-purge' order by id`);
    expect(actions.map((a) => a.action)).toEqual(['privacy.retention-set', 'privacy.retention-reset']);
  });

  it('shows the settings to the platform administrator, with reasons in the reader’s language, and to nobody without the role', async () => {
    const admin = ctx.client();
    await admin.loginAs('admin');
    const res = await admin.request({ method: 'GET', url: '/api/v1/privacy/retention', headers: { 'accept-language': 'fr' } });
    expect(res.statusCode).toBe(200);
    const access = res.json().kinds.find((k: { kind: string }) => k.kind === 'access-log');
    expect(access).toMatchObject({ days: 3653, minDays: 3653, action: 'delete' });
    const user = ctx.client();
    await user.loginAs('user.antwerpen');
    expect((await user.request({ method: 'GET', url: '/api/v1/privacy/retention' })).statusCode).toBe(403);
  });

  it('leaves no forwarding reason behind when a request and its events fall in different batches', async () => {
    const day = addDays(TODAY, 1);
    const cutoff = addDays(day, -RETENTION_KINDS['help-requests'].defaultDays);
    const requests = [];
    for (let i = 0; i < 6; i++) requests.push(await FIXTURES['help-requests'].insert(addDays(cutoff, -1)));
    // The first request was forwarded three times, each with a reason about the person.
    for (let i = 0; i < 3; i++) {
      await ctx.database.db.execute(sql`insert into help_request_events (request_id, kind, at, reason) values (${requests[0]!}, 'forwarded', ${at(addDays(cutoff, -2))}, 'reden over de persoon')`);
    }
    const small = createRetentionService({ db: ctx.database.db, clock: ctx.clock, audit: ctx.services.audit, batchSize: 2 });
    await ctx.clock.runWithToday(day, () => small.purge('cli', 'test'));
    expect(await exists(sql`select 1 from help_request_events where request_id = any(${`{${requests.join(',')}}`}::uuid[]) and reason is not null`)).toBe(false);
    expect(await exists(sql`select 1 from help_requests where id = any(${`{${requests.join(',')}}`}::uuid[]) and pseudonymised_at is null`)).toBe(false);
  });

  it('the register of citizens\' requests is append-only: the portal\'s own UPDATE, DELETE and TRUNCATE are refused; only its purge function deletes, never an entry younger than 3,650 days (migration 0031)', async () => {
    const entry = (at: string, businessDate: string) =>
      one<{ id: number }>(sql`insert into subject_requests (organisation_id, kind, insz, reason, officer_user_id, at, business_date)
        values (${ids.org}, 'erasure', ${inszFromParts('750101', 960)}, 'verzoek van de burger', ${ids.user}, ${at}, ${businessDate}) returning id`);
    const { id: fresh } = await entry(new Date().toISOString(), TODAY);
    const appendOnly = { cause: expect.objectContaining({ message: expect.stringMatching(/append-only/) }) };
    await expect(queryRows(ctx.database.db, sql`update subject_requests set reason = 'x' where id = ${fresh}`)).rejects.toMatchObject(appendOnly);
    await expect(queryRows(ctx.database.db, sql`delete from subject_requests where id = ${fresh}`)).rejects.toMatchObject(appendOnly);
    await expect(queryRows(ctx.database.db, sql`truncate subject_requests`)).rejects.toMatchObject(appendOnly);
    // Whatever cut-off it is given, the function leaves an entry written less than 3,650 days ago.
    const young = await one<{ n: number }>(sql`select count(*)::int as n from subject_requests where at >= now() - interval '3650 days'`);
    const [{ n }] = (await queryRows<{ n: number }>(ctx.database.db, sql`select subject_requests_purge('9999-12-31'::date, 2147483647) as n`)) as [{ n: number }];
    expect(n).toBe(0);
    expect(await exists(sql`select 1 from subject_requests where id = ${fresh}`)).toBe(true);
    expect((await one<{ n: number }>(sql`select count(*)::int as n from subject_requests`)).n).toBe(young.n);

    // The retention purge removes an entry old enough (before the cut-off, written long ago), through the function.
    const day = addDays(TODAY, 2);
    const cutoff = addDays(day, -RETENTION_KINDS['access-log'].defaultDays);
    const { id: old } = await entry('2000-01-01T10:00:00Z', addDays(cutoff, -1));
    const { id: onCutoff } = await entry('2000-01-01T10:00:00Z', cutoff);
    const result = await ctx.clock.runWithToday(day, () => ctx.services.retention.purge('cli', 'test'));
    expect(result.kinds.find((k) => k.kind === 'access-log')!.count).toBe(1);
    expect(await exists(sql`select 1 from subject_requests where id = ${old}`)).toBe(false);
    expect(await exists(sql`select 1 from subject_requests where id = ${onCutoff}`)).toBe(true);
    expect(await exists(sql`select 1 from subject_requests where id = ${fresh}`)).toBe(true);
  });

  it('the access log purge function removes no entry written less than 3,650 days ago, whatever cut-off it is given (a taken-over portal role cannot empty the log)', async () => {
    const { id } = await one<{ id: number }>(sql`insert into access_log (business_date, organisation_id, actor_user_id, channel, action, object_kind)
      values (${TODAY}, ${ids.org}, ${ids.user}, 'portal', 'help-request.read', 'help-request') returning id`);
    const [{ n }] = (await queryRows<{ n: number }>(ctx.database.db, sql`select access_log_purge('9999-12-31'::date, 2147483647) as n`)) as [{ n: number }];
    expect(n).toBe(0);
    expect(await exists(sql`select 1 from access_log where id = ${id}`)).toBe(true);
  });
});

