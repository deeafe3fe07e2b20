import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { FileChannelStats } from '../file-channel/index.js';
import { AppError } from '../../shared/errors.js';
import { translate } from '../../shared/messages.js';
import type { MetricsService } from './metrics.service.js';

const digest = (s: string) => createHash('sha256').update(s).digest();

/** True when the Authorization header is `Bearer <token>` (compared in constant time). */
export function bearerMatches(header: string | undefined, token: string): boolean {
  const given = typeof header === 'string' && header.startsWith('Bearer ') ? header.slice(7).trim() : '';
  return given !== '' && timingSafeEqual(digest(given), digest(token));
}

/**
 * `GET /metrics` (Prometheus text format) behind `OCMW_METRICS_TOKEN`; without the token the
 * route does not exist (404). Not encapsulated: the latency histogram sees every route.
 */
async function metricsPlugin(app: FastifyInstance, opts: { token: string; metrics: MetricsService; fileChannel?: FileChannelStats }) {
  // Issue 20: loaded only when the route exists (OCMW_METRICS_TOKEN set).
  const { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } = await import('prom-client');
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'ocmw_process_' });
  const httpDuration = new Histogram({
    name: 'ocmw_http_request_duration_seconds',
    help: 'HTTP request latency by route pattern (never the raw URL), method and status',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const gauge = (name: string, help: string, labelNames: string[] = []) => new Gauge({ name, help, labelNames, registers: [registry] });
  const mails = gauge('ocmw_mails', 'Mails by delivery status', ['status']);
  const oldestUnsent = gauge('ocmw_mail_oldest_unsent_seconds', 'Age of the oldest mail not yet sent (queued or sending); 0 when none');
  const certificates = gauge('ocmw_certificates_expiring_30d', 'Active channel certificates that expire within 30 days (or have expired)');
  const overdue = gauge('ocmw_help_requests_past_decision_date', 'Help requests not decided 30 days after receipt (R6.11), on the business date');
  const unreadable = gauge('ocmw_help_requests_unreadable_ocmws', 'OCMWs with unread help requests and nobody who can read them (no active user with OCMW Online or Sociale Agent), on the business date');
  const cutovers = gauge('ocmw_cutovers', 'Mergers by cut-over status (planned, scheduled, applied)', ['status']);
  const queueDepth = gauge('ocmw_job_queue_depth', 'Jobs waiting in a pg-boss queue', ['queue']);
  const purged = gauge('ocmw_retention_purged', 'Rows the last retention purge removed or pseudonymised, per kind of data (issue 24)', ['kind']);
  const lastPurge = gauge('ocmw_retention_last_purge_timestamp_seconds', 'When the last retention purge finished (Unix time; absent before the first)');
  const lastSuccess = gauge('ocmw_job_last_success_timestamp_seconds', 'When a queue last completed a job (Unix time)', ['queue']);
  // Issue 23: the SFTP file channel, counted in this process since it started.
  const files = opts.fileChannel;
  if (files) {
    const counter = (name: string, help: string, labelNames: string[], read: () => [Record<string, string>, number][]) =>
      new Counter({
        name,
        help,
        labelNames,
        registers: [registry],
        collect() {
          this.reset();
          for (const [labels, value] of read()) this.inc(labels, value);
        },
      });
    counter('ocmw_file_channel_logins_total', 'SFTP logins by result (accepted, refused)', ['result'], () => [[{ result: 'accepted' }, files.logins.accepted], [{ result: 'refused' }, files.logins.refused]]);
    counter('ocmw_file_channel_downloads_total', 'Files downloaded over the file channel', [], () => [[{}, files.downloads]]);
    counter('ocmw_file_channel_uploads_total', 'Batch files uploaded by result (accepted, duplicate, refused)', ['result'], () => Object.entries(files.uploads).map(([result, n]) => [{ result }, n]));
    counter('ocmw_file_channel_bytes_total', 'Bytes over the file channel by direction (sent, received)', ['direction'], () => Object.entries(files.bytes).map(([direction, n]) => [{ direction }, n]));
  }

  app.addHook('onResponse', async (request, reply) => {
    if (request.url === '/metrics') return;
    const route = request.routeOptions.url ?? 'unmatched';
    httpDuration.observe({ method: request.method, route, status: String(reply.statusCode) }, reply.elapsedTime / 1000);
  });

  app.get('/metrics', { config: { access: 'public' }, schema: { hide: true } }, async (request, reply) => {
    if (!bearerMatches(request.headers.authorization, opts.token)) {
      reply.header('www-authenticate', 'Bearer realm="metrics"');
      throw new AppError('unauthenticated', translate('auth.required', request.language));
    }
    const state = await opts.metrics.read();
    for (const g of [mails, cutovers, queueDepth, lastSuccess, purged, lastPurge]) g.reset();
    if (state.retention) {
      for (const k of state.retention.counts) purged.set({ kind: k.kind }, k.count);
      lastPurge.set(state.retention.finishedAt);
    }
    for (const m of state.mailsByStatus) mails.set({ status: m.status }, m.count);
    for (const c of state.cutoversByStatus) cutovers.set({ status: c.status }, c.count);
    for (const q of state.jobQueue) {
      queueDepth.set({ queue: q.queue }, q.waiting);
      if (q.lastSuccess !== null) lastSuccess.set({ queue: q.queue }, q.lastSuccess);
    }
    oldestUnsent.set(state.oldestUnsentSeconds);
    certificates.set(state.certificatesExpiring);
    overdue.set(state.helpRequestsOverdue);
    unreadable.set(state.unreadableOcmws);
    return reply.type(registry.contentType).send(await registry.metrics());
  });
}

export const metricsRoutes = fp(metricsPlugin, { name: 'ocmw-metrics' });
