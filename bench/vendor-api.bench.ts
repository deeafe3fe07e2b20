/**
 * Benchmark (issue #6, point 2): the vendor API's list (R6.9) under load. autocannon, 50
 * connections for 10 s, each presenting the client certificate of OCMW Antwerpen's REST account,
 * on `GET /vendor/v1/help-requests?pageSize=20` (about 1,000 requests at Antwerpen). Baseline in
 * the same run: a bare Fastify HTTPS server with the same TLS options and server certificate and
 * one route answering the same JSON page, with the same autocannon settings. Both keep their 50
 * connections alive for the whole run (autocannon's default): the TLS handshakes of each
 * measured run are counted and printed, so that neither side pays more of them.
 * Targets: at least 50 % of the baseline's req/s, and p99 < 50 ms. BENCH_DATABASE_URL runs it on
 * a PostgreSQL server (node-postgres pool of 10) instead of PGlite (one connection).
 */
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import Fastify from 'fastify';
import { queryRows } from '../src/db/db.js';
import { buildVendorApp } from '../src/http/vendor-app.js';
import { generateSelfSigned } from '../src/http/self-signed.js';
import { channelsRepo, checkCertificate } from '../src/modules/channels/index.js';
import { createHelpRequestsService, helpRequestsRepo, VENDOR_LIST_CACHE_MS } from '../src/modules/help-requests/index.js';
import { registryRepo } from '../src/modules/registry/index.js';
import { httpsGet } from './process.js';
import { backendOf, benchConfig, fmt, loadAverage, machine, openDemoBench, type BenchLog, type BenchSummaryRow } from './lib.js';

const CONNECTIONS = 50;
const DURATION_S = Number(process.env.BENCH_VENDOR_SECONDS ?? 10);
const REQUESTS = 1_000;
const SUBMITTED = 25;
const PATH = '/vendor/v1/help-requests?pageSize=20';
const ANTWERPEN_KBO = '0212235604';

/** The part of autocannon's result this benchmark reads (autocannon ships no types). */
interface AutocannonResult {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number; average: number; max: number };
  errors: number;
  timeouts: number;
  non2xx: number;
  '2xx': number;
  '3xx': number;
  '4xx': number;
  '5xx': number;
}
type Autocannon = (options: Record<string, unknown>) => Promise<AutocannonResult>;
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

const get = (port: number, path: string, tls: { ca: string; cert: string; key: string }) => httpsGet(`https://127.0.0.1:${port}${path}`, tls);

export async function runVendorApiBench(log: BenchLog = console.log): Promise<BenchSummaryRow[]> {
  const config = benchConfig();
  const loadAtStart = loadAverage();
  const bench = await openDemoBench(config, { onDisk: true });
  const { database, services, clock } = bench;
  const db = database.db;
  let closeServers = async () => {};
  try {
    const t0 = performance.now();
    const [antwerpen] = await queryRows<{ id: string }>(db, sql`select id from organisations where kbo = ${ANTWERPEN_KBO}`);
    const [domain] = await registryRepo.listDomainsOf(db, antwerpen!.id);

    // The REST account of OCMW Antwerpen with all four permissions and a generated client certificate.
    const server = await generateSelfSigned({ subject: 'CN=localhost', days: 30, dnsNames: ['localhost'], usage: 'server' });
    const client = await generateSelfSigned({ subject: 'CN=bench-vendor, O=Bench', days: 365, usage: 'client' });
    const account = await channelsRepo.insertAccount(db, {
      domainId: domain!.id,
      kind: 'REST',
      name: 'bench-vendor',
      permissions: ['ocmw-online-proces', 'signaletiek-raadplegen', 'signaletiek-bewerken', 'ocmw-online-admin'],
      management: 'internal',
    });
    // Checked and stored as ChaMan does on an upload (R3.9, R3.10).
    const report = checkCertificate({ name: 'bench-vendor.cer', bytes: client.der }, { for: 'rest', now: new Date() });
    if (!report.readable || !report.accepted) throw new Error(`client certificate refused: ${JSON.stringify(report.violations)}`);
    await channelsRepo.insertCertificate(db, {
      accountId: account.id,
      name: 'bench-vendor.cer',
      fingerprint: report.fingerprintHex,
      der: client.der,
      subject: report.subject,
      issuer: report.issuer,
      keyType: report.key,
      signature: report.signature,
      selfSigned: report.selfSigned,
      notBefore: new Date(report.notBefore),
      notAfter: new Date(report.notAfter),
      isActive: true,
    });

    // About 1,000 requests at Antwerpen: a few filed through the service (reference, event, mails),
    // the rest inserted set-based over the last 90 days (references continue the year's counter).
    for (let i = 0; i < SUBMITTED; i++) {
      await services.helpRequests.submit({
        language: i % 3 === 1 ? 'fr' : 'nl',
        kinds: i % 2 ? ['leefloon', 'energie'] : ['huisvesting'],
        postcode: '2000',
        surname: 'Bench',
        firstName: `Burger ${i}`,
        email: `burger.${i}@bench.example`,
        message: 'Ik heb hulp nodig bij het betalen van mijn energiefactuur.',
      });
    }
    const today = clock.today();
    const year = Number(today.slice(0, 4));
    const [have] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from help_requests where organisation_id = ${antwerpen!.id}::uuid`);
    const rest = REQUESTS - have!.n;
    // The references continue the receipt year's sequence (the demo seed used its first numbers).
    const first = await helpRequestsRepo.reserveSequences(db, year, rest);
    await queryRows(
      db,
      sql`insert into help_requests (reference, organisation_id, filed_at, received_on, language, kinds, postcode, nis, surname, first_name, email, message, read_at, read_by)
          select 'OO-' || ${year} || '-' || lpad((${first - 1} + g)::text, 7, '0') || '-0', ${antwerpen!.id}::uuid,
                 (${today}::date - g % 90) + time '09:30', ${today}::date - g % 90, case when g % 4 = 1 then 'fr' else 'nl' end,
                 (array['{leefloon}', '{energie,schuldhulp}', '{huisvesting}', '{medische-kosten}'])[1 + g % 4]::text[], '2000', '11002',
                 (array['Peeters', 'Janssens', 'Maes', 'Dubois', 'Yilmaz', 'Nowak'])[1 + g % 6], (array['Sarah', 'Karim', 'Lotte', 'Emre', 'Anna'])[1 + g % 5],
                 'burger.' || g || '@bench.example', 'Ik heb hulp nodig.',
                 case when g % 3 <> 0 then (${today}::date - g % 90) + time '15:00' end, case when g % 3 <> 0 then 'bench' end
          from generate_series(1, ${rest}) g`,
    );
    await queryRows(db, sql`analyze`);
    const seedMs = performance.now() - t0;

    // The vendor port, and the bare baseline with the same TLS options and server certificate.
    const vendorApp = await buildVendorApp({ config, services, clock, tls: { cert: server.certPem, key: server.keyPem } });
    // The same port with the list's page cache off (VENDOR_LIST_CACHE_MS = 0): every request reads
    // the database, as when each poll asks for something new.
    const uncachedHelpRequests = createHelpRequestsService({ db, clock, registry: services.registry, notifications: services.notifications, audit: services.audit, vendorListCacheMs: 0 });
    const uncachedApp = await buildVendorApp({ config, services: { ...services, helpRequests: uncachedHelpRequests }, clock, tls: { cert: server.certPem, key: server.keyPem } });
    closeServers = async () => {
      await vendorApp.close();
      await uncachedApp.close();
    };
    await vendorApp.listen({ port: 0, host: '127.0.0.1' });
    await uncachedApp.listen({ port: 0, host: '127.0.0.1' });
    const vendorPort = (vendorApp.server.address() as { port: number }).port;
    const uncachedPort = (uncachedApp.server.address() as { port: number }).port;
    const tls = { ca: server.certPem, cert: client.certPem, key: client.keyPem };
    const sample = await get(vendorPort, PATH, tls);
    const page = JSON.parse(sample.body) as { items: unknown[]; total: number };
    if (sample.status !== 200 || page.items.length !== 20) throw new Error(`vendor list answered ${sample.status}: ${sample.body.slice(0, 300)}`);
    const bare = Fastify({ logger: false, https: { cert: server.certPem, key: server.keyPem, requestCert: true, rejectUnauthorized: false, minVersion: 'TLSv1.2' } });
    const staticPage = JSON.parse(sample.body) as unknown;
    bare.get('/vendor/v1/help-requests', async () => staticPage);
    closeServers = async () => {
      await vendorApp.close();
      await uncachedApp.close();
      await bare.close();
    };
    await bare.listen({ port: 0, host: '127.0.0.1' });
    const barePort = (bare.server.address() as { port: number }).port;
    const bareSample = await get(barePort, PATH, tls);

    // Issue 20, with the page cache off: a keyset page deep in the list (the cursor of the 40th
    // row), and a poll mix of 9 in 10 asking If-None-Match with the first page's ETag (304).
    const deep = JSON.parse((await get(uncachedPort, '/vendor/v1/help-requests?pageSize=40', tls)).body) as { nextCursor: string };
    const CURSOR_PATH = `/vendor/v1/help-requests?pageSize=20&cursor=${deep.nextCursor}`;
    const cursorSample = await get(uncachedPort, CURSOR_PATH, tls);
    if (cursorSample.status !== 200 || (JSON.parse(cursorSample.body) as { items: unknown[] }).items.length !== 20) throw new Error(`cursor page answered ${cursorSample.status}: ${cursorSample.body.slice(0, 300)}`);
    const etag = String(sample.headers.etag ?? '');
    if (!etag) throw new Error('the vendor list answered without an ETag');
    const POLL_MIX = [...Array.from({ length: 9 }, () => ({ method: 'GET', path: PATH, headers: { accept: 'application/json', 'if-none-match': etag } })), { method: 'GET', path: PATH, headers: { accept: 'application/json' } }];

    // autocannon in a worker thread, so that the load generator does not share the servers' event loop.
    const load = (port: number, duration: number, options: { path?: string; requests?: Record<string, unknown>[] } = {}) =>
      autocannon({
        url: `https://127.0.0.1:${port}${options.path ?? PATH}`,
        connections: CONNECTIONS,
        duration,
        workers: 1,
        headers: { accept: 'application/json' },
        ...(options.requests ? { requests: options.requests } : {}),
        tlsOptions: { cert: client.certPem, key: client.keyPem, ca: server.certPem, servername: 'localhost' },
      });
    // Full TLS handshakes per measured run (a resumed session counts too): 50 on each side when
    // every connection stays open.
    const handshakes = { vendor: 0, uncached: 0, bare: 0 };
    vendorApp.server.on('secureConnection', () => handshakes.vendor++);
    uncachedApp.server.on('secureConnection', () => handshakes.uncached++);
    bare.server.on('secureConnection', () => handshakes.bare++);
    await load(barePort, 2); // warm-up (JIT, TLS)
    await load(vendorPort, 2);
    await load(uncachedPort, 2);
    handshakes.bare = 0;
    const base = await load(barePort, DURATION_S);
    handshakes.vendor = 0;
    const vendor = await load(vendorPort, DURATION_S);
    handshakes.uncached = 0;
    const uncached = await load(uncachedPort, DURATION_S);
    const keyset = await load(uncachedPort, DURATION_S, { path: CURSOR_PATH });
    const polls = await load(uncachedPort, DURATION_S, { requests: POLL_MIX });

    const ratio = vendor.requests.average / base.requests.average;
    const uncachedRatio = uncached.requests.average / base.requests.average;
    const row = (name: string, r: AutocannonResult) =>
      `| ${name} | ${Math.round(r.requests.average).toLocaleString('en')} | ${r.requests.total.toLocaleString('en')} | ${fmt(r.latency.p50)} | ${fmt(r.latency.p99)} | ${r.errors} | ${r.timeouts} | ${r.non2xx} |`;
    log(`\n## Vendor API: GET ${PATH} over mutual TLS, ${CONNECTIONS} connections, ${DURATION_S} s (${bench.kind})`);
    log(
      `${page.total.toLocaleString('en')} requests visible to OCMW Antwerpen (${SUBMITTED} filed through the service), page of 20 = ${sample.body.length.toLocaleString('en')} bytes (baseline ${bareSample.body.length.toLocaleString('en')} bytes); seeded in ${(seedMs / 1000).toFixed(1)} s after the demo seed (${(bench.demoMs / 1000).toFixed(1)} s); autocannon in a worker thread, keep-alive: ${handshakes.vendor} TLS handshakes on the vendor port (${handshakes.uncached} without page cache), ${handshakes.bare} on the baseline; ${machine()}, load average ${loadAtStart} at start, ${loadAverage()} at end\n`,
    );
    log('| what | req/s | requests | p50 | p99 | errors | timeouts | non-2xx |');
    log('| --- | --- | --- | --- | --- | --- | --- | --- |');
    log(row(`vendor API as served (certificate → REST account cached ≤ 5 s; page reused ≤ ${VENDOR_LIST_CACHE_MS} ms, dropped at any change)`, vendor));
    log(row('vendor API, page cache off: every request reads the database (visible OCMWs, page and total in one statement)', uncached));
    log(row('vendor API, page cache off, keyset page: pageSize=20&cursor= after the 40th row (no total)', keyset));
    log(row("vendor API, page cache off, poll mix: 9 in 10 with If-None-Match of the first page's ETag (304, counted as non-2xx here)", polls));
    log(row('baseline: bare Fastify HTTPS route, same TLS options, static JSON', base));
    const verdict = (r: number, p99: number) => `${(r * 100).toFixed(1)} % (target ≥ 50 %: ${r >= 0.5 ? 'PASS' : 'MISS'}) | | | p99 ${fmt(p99)} (target < 50 ms: ${p99 < 50 ? 'PASS' : 'MISS'})`;
    log(`| ratio, as served | ${verdict(ratio, vendor.latency.p99)} | | | |`);
    log(`| ratio, page cache off | ${verdict(uncachedRatio, uncached.latency.p99)} | | | |`);
    const pollRatio = polls.requests.average / base.requests.average;
    log(`| ratio, keyset page, page cache off | ${verdict(keyset.requests.average / base.requests.average, keyset.latency.p99)} | | | |`);
    log(`| ratio, 304 poll mix, page cache off | ${(pollRatio * 100).toFixed(1)} % (target ≥ 25 %: ${pollRatio >= 0.25 ? 'PASS' : 'MISS'}); ${polls['3xx'].toLocaleString('en')} × 304, ${polls['2xx'].toLocaleString('en')} × 200 | | | p99 ${fmt(polls.latency.p99)} | | | |`);
    const backend = backendOf(bench.kind);
    // A figure counts only when every request was answered 200.
    const clean = (r: AutocannonResult) => r.errors === 0 && r.timeouts === 0 && r.non2xx === 0;
    // The poll mix: every request answered 200 or 304.
    const cleanPolls = polls.errors === 0 && polls.timeouts === 0 && polls['4xx'] === 0 && polls['5xx'] === 0 && polls['3xx'] > 0;
    const bareLabel = 'bare Fastify HTTPS route, same TLS, static JSON';
    return [
      { benchmark: 'vendor-api', backend, figure: `req/s as served: ${CONNECTIONS} connections polling GET ${PATH} over mutual TLS for ${DURATION_S} s (the page reused ≤ ${VENDOR_LIST_CACHE_MS} ms)`, value: vendor.requests.average, unit: 'req/s', baseline: base.requests.average, baselineLabel: bareLabel, target: '≥ 50 % of baseline', met: clean(vendor) && ratio >= 0.5 },
      { benchmark: 'vendor-api', backend, figure: 'p99 latency, same load', value: vendor.latency.p99, unit: 'ms', baseline: base.latency.p99, baselineLabel: bareLabel, target: '< 50 ms', met: clean(vendor) && vendor.latency.p99 < 50 },
      { benchmark: 'vendor-api', backend, figure: 'req/s with the page cache off (every request reads the database)', value: uncached.requests.average, unit: 'req/s', baseline: base.requests.average, baselineLabel: bareLabel, target: '≥ 50 % of baseline', met: clean(uncached) && uncachedRatio >= 0.5 },
      { benchmark: 'vendor-api', backend, figure: 'p99 latency with the page cache off', value: uncached.latency.p99, unit: 'ms', baseline: base.latency.p99, baselineLabel: bareLabel, target: '< 50 ms', met: clean(uncached) && uncached.latency.p99 < 50 },
      { benchmark: 'vendor-api', backend, figure: 'p99 latency, keyset page (cursor after the 40th row), page cache off', value: keyset.latency.p99, unit: 'ms', baseline: base.latency.p99, baselineLabel: bareLabel, target: '< 50 ms', met: clean(keyset) && keyset.latency.p99 < 50 },
      { benchmark: 'vendor-api', backend, figure: 'req/s, poll mix 9 in 10 If-None-Match (304), page cache off', value: polls.requests.average, unit: 'req/s', baseline: base.requests.average, baselineLabel: bareLabel, target: '≥ 25 % of baseline', met: cleanPolls && pollRatio >= 0.25 },
    ];
  } finally {
    await closeServers();
    await bench.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await runVendorApiBench();
}
