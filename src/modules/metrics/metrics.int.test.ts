import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { queryRows } from '../../db/db.js';
import { startJobs } from '../../jobs/runner.js';
import { createTestContext, type TestContext } from '../../../test/test-app.js';

const TOKEN = 'metrics-token-0123456789';
const auth = { authorization: `Bearer ${TOKEN}` };

/** The value of one series (`name{labels} value`); undefined when absent. */
function series(text: string, name: string, labels = ''): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(labels ? `${name}{${labels}}` : `${name} `));
  return line === undefined ? undefined : Number(line.slice(line.lastIndexOf(' ') + 1));
}

describe('GET /metrics (Prometheus, OCMW_METRICS_TOKEN)', () => {
  let ctx: TestContext;
  let without: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext({ env: { OCMW_METRICS_TOKEN: TOKEN } });
    without = await createTestContext();
  });
  afterAll(async () => {
    await ctx?.close();
    await without?.close();
  });

  const scrape = async (headers: Record<string, string> = {}) => {
    const res = await ctx.app.inject({ url: '/metrics', headers: { ...auth, ...headers } });
    expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    return res.body;
  };

  it('does not exist without the token configured: 404 in the error shape', async () => {
    const res = await without.app.inject({ url: '/metrics', headers: auth });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ error: { code: 'not_found' } });
  });

  it.each([[{}], [{ authorization: 'Bearer wrong-token-0123456789' }], [{ authorization: `Basic ${TOKEN}` }], [{ authorization: 'Bearer ' }]])(
    'answers 401 without the right Bearer token (%j)',
    async (headers) => {
      const res = await ctx.app.inject({ url: '/metrics', headers });
      expect(res.statusCode).toBe(401);
      expect(res.json()).toMatchObject({ error: { code: 'unauthenticated' } });
    },
  );

  it('measures latency per route pattern, never the raw URL', async () => {
    await ctx.app.inject('/health');
    await ctx.app.inject('/api/v1/registry/organisations/00000000-0000-4000-8000-000000000001?insz=85073003328');
    await ctx.app.inject('/bestaat-niet.php');
    const text = await scrape();
    expect(series(text, 'ocmw_http_request_duration_seconds_count', 'method="GET",route="/health",status="200"')).toBeGreaterThanOrEqual(1);
    expect(text).toContain('route="unmatched",status="404"');
    expect(text).not.toContain('85073003328');
    expect(text).not.toContain('00000000-0000-4000-8000-000000000001');
    expect(text).not.toContain('bestaat-niet');
    // Every metric of the portal is prefixed ocmw_.
    const names = text.split('\n').filter((l) => l.startsWith('# TYPE ')).map((l) => l.split(' ')[2]!);
    expect(names.filter((n) => !n.startsWith('ocmw_'))).toEqual([]);
  });

  it('counts mails by status and the age of the oldest unsent one', async () => {
    await ctx.database.db.execute(
      sql`insert into mails (kind, to_address, subject, body_text, status, created_at) values ('test', 'metrics@example.invalid', 's', 'b', 'queued', now() - interval '2 hours')`,
    );
    const counts = await queryRows<{ status: string; n: number }>(ctx.database.db, sql`select status, count(*)::int as n from mails group by status`);
    const text = await scrape();
    for (const { status, n } of counts) expect(series(text, 'ocmw_mails', `status="${status}"`), status).toBe(n);
    expect(series(text, 'ocmw_mail_oldest_unsent_seconds')).toBeGreaterThanOrEqual(7200);
  });

  it('counts help requests past their decision date on the business date, and cut-overs by status', async () => {
    const [{ open }] = (await queryRows<{ open: number }>(ctx.database.db, sql`select count(*)::int as open from help_requests where decided_at is null`)) as [{ open: number }];
    expect(open).toBeGreaterThan(0);
    expect(series(await scrape({ 'x-ocmw-today': '2000-01-01' }), 'ocmw_help_requests_past_decision_date')).toBe(0);
    expect(series(await scrape({ 'x-ocmw-today': '2099-01-01' }), 'ocmw_help_requests_past_decision_date')).toBe(open);
    // Issue 19: OCMWs with unread requests that nobody can read (the demo's OCMW Antwerpen has readers).
    const unreadable = (await ctx.services.helpRequests.unreadableOcmws()).items.length;
    expect(series(await scrape(), 'ocmw_help_requests_unreadable_ocmws')).toBe(unreadable);
    await ctx.services.helpRequests.submit({ language: 'nl', kinds: ['leefloon'], postcode: '9120', surname: 'Metriek', firstName: 'Test', phone: '03 123 45 67', message: 'Issue 19' });
    expect(series(await scrape(), 'ocmw_help_requests_unreadable_ocmws')).toBe((await ctx.services.helpRequests.unreadableOcmws()).items.length);
    expect((await ctx.services.helpRequests.unreadableOcmws()).items.length).toBeGreaterThan(0);

    const [{ n }] = (await queryRows<{ n: number }>(ctx.database.db, sql`select count(*)::int as n from mergers where status = 'planned'`)) as [{ n: number }];
    await ctx.database.db.execute(sql`update mergers set scheduled = true where id = (select min(id) from mergers where status = 'planned')`);
    const text = await scrape();
    expect(series(text, 'ocmw_cutovers', 'status="scheduled"')).toBe(1);
    expect(series(text, 'ocmw_cutovers', 'status="planned"')).toBe(n - 1);
  });

  it('counts active certificates expiring within 30 days', async () => {
    const before = series(await scrape(), 'ocmw_certificates_expiring_30d')!;
    const changed = await queryRows<{ id: string }>(
      ctx.database.db,
      sql`update certificates set not_after = now() + interval '10 days' where id = (select id from certificates where is_active and not_after > now() + interval '30 days' limit 1) returning id`,
    );
    expect(changed).toHaveLength(1);
    expect(series(await scrape(), 'ocmw_certificates_expiring_30d')).toBe(before + 1);
  });

  it('shows each job queue with its depth and last success (pg-boss)', async () => {
    const silent = { info: () => {}, error: () => {} };
    const jobs = await startJobs(ctx.database, ctx.services, silent, { pollingSeconds: 0.5 });
    try {
      const started = Date.now() / 1000;
      await jobs.runNow('housekeeping', '2026-03-01');
      await vi.waitFor(async () => expect(series(await scrape(), 'ocmw_job_last_success_timestamp_seconds', 'queue="housekeeping"')).toBeGreaterThanOrEqual(Math.floor(started)), {
        timeout: 30_000,
        interval: 300,
      });
      const text = await scrape();
      expect(series(text, 'ocmw_job_queue_depth', 'queue="certificate-expiry"')).toBe(0);
      expect(series(text, 'ocmw_job_last_success_timestamp_seconds', 'queue="certificate-expiry"')).toBeUndefined();
    } finally {
      await jobs.stop();
    }
  }, 60_000);
});
