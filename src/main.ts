import { performance } from 'node:perf_hooks';
import { buildApp } from './app.js';
import { buildVendorApp, vendorServerTls } from './http/vendor-app.js';
import { bootstrap, type Runtime } from './bootstrap.js';
import { startJobs } from './jobs/runner.js';
import { loadConfig } from './config.js';
import { nodeVersionWarning } from './shared/runtime.js';
import { startSftpServer } from './modules/file-channel/index.js';
import { catalogue } from './messages.js';

async function demoLoginLines(): Promise<string[]> {
  const { DEMO_LOGINS, DEMO_PASSWORD } = await import('./seed/demo.js');
  const { DEMO_SFTP } = await import('./seed/demo-file-channel.js');
  return [
    `Demo logins (password for all: ${DEMO_PASSWORD}):`,
    ...DEMO_LOGINS.map((l) => `  ${l.username.padEnd(18)} ${l.description}`),
    `Demo SFTP account of OCMW Antwerpen: ${DEMO_SFTP.username} / ${DEMO_SFTP.password}`,
    '',
  ];
}

/** The start's phases as the start-up line shows them: `database 412 ms, migrations 3 ms, …`. */
function startPhases(p: Runtime['phases'], serverMs: number): string {
  const shown: [string, number | undefined][] = [['database', p.database], ['migrations', p.migrations], ['reference data', p.referenceData], ['demo data', p.demo], ['servers and jobs', serverMs]];
  return shown.filter(([, ms]) => ms !== undefined).map(([name, ms]) => `${name} ${ms} ms`).join(', ');
}

/** config → db → migrate → seed → buildApp → listen. */
async function main(): Promise<void> {
  const started = performance.now();
  const oldNode = nodeVersionWarning();
  if (oldNode) process.stderr.write(`${oldNode}\n`);
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    process.exit(2);
  }
  const runtime = await bootstrap(config);
  const bootstrapped = performance.now();
  const app = await buildApp(runtime);
  await app.listen({ port: config.port, host: config.host });
  const vendorApp = config.vendor.enabled ? await buildVendorApp({ ...runtime, tls: await vendorServerTls(config) }) : undefined;
  await vendorApp?.listen({ port: config.vendor.port, host: config.host });
  // Issue 23: the SFTP file channel, in this process (status texts in the portal's default language).
  const sftp =
    config.sftp.port === null
      ? undefined
      : await startSftpServer({
          service: runtime.services.fileChannel,
          port: config.sftp.port,
          host: config.host,
          maxUploadBytes: config.sftp.maxUploadBytes,
          render: (m) => catalogue.render(m, 'nl'),
          log: app.log,
        });
  const jobs = config.jobs ? await startJobs(runtime.database, runtime.services, app.log, { everyMinute: config.jobsEveryMinute }) : undefined;

  const serverMs = Math.round(performance.now() - bootstrapped);
  const shownHost = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const lines = [
    '',
    `OCMW Portal is ready on http://${shownHost}:${port}  (API docs: /api/docs)`,
    `  database: ${runtime.database.kind === 'pglite' ? `embedded PostgreSQL (PGlite) in ${config.dataDir}` : 'PostgreSQL server (DATABASE_URL)'}`,
    `  business date: ${runtime.clock.today()}${runtime.clock.today() !== runtime.clock.realToday() ? ` (real date ${runtime.clock.realToday()})` : ''}`,
    vendorApp
      ? `  vendor API (mutual TLS): https://${shownHost}:${(vendorApp.server.address() as { port: number }).port}/vendor/v1  (OpenAPI: /vendor/v1/openapi.json)`
      : '  vendor API: off',
    sftp ? `  SFTP file channel: sftp://${shownHost}:${sftp.port}  (host key ${sftp.fingerprint})` : '  SFTP file channel: off',
    `  mail: ${config.mail.smtpUrl ? 'SMTP' : 'dev outbox (no SMTP_URL): see /api/v1/admin/mails'}; jobs: ${config.jobs ? `on (pg-boss)${config.jobsEveryMinute ? ', every minute (test mode)' : ''}` : 'off'}`,
    `  started in ${Math.round(performance.now() - started)} ms${runtime.seeded ? ', demo data loaded' : ''} (${startPhases(runtime.phases, serverMs)})`,
    '',
    // Only when this start loaded the demo data: a real installation never shows these.
    ...(runtime.seeded ? await demoLoginLines() : []),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    await jobs?.stop().catch(() => {});
    await app.close();
    await vendorApp?.close();
    await sftp?.close();
    // Issue 24: the access log's last buffered reads, before the database closes.
    await runtime.services.accessLog.close().catch((error: unknown) => app.log.error({ err: error }, 'access log: last write failed'));
    await runtime.services.notifications.close();
    await runtime.database.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  process.stderr.write(`OCMW Portal failed to start: ${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
