/**
 * `npm run load`: load and soak test of the RUNNING portal on loopback, with autocannon, for a
 * bounded time (--duration, default 30 s). Two loads at once:
 *   1. citizens filing help requests: POST /api/v1/public/help-requests, each connection with its
 *      own anonymous CSRF cookie and token (GET /api/v1/session), bodies with postcodes that lead
 *      to exactly one OCMW, each with its own solved proof-of-work challenge (issue 17: fetched
 *      from GET /api/v1/public/help-requests/challenge and solved here, ahead and in the
 *      background; the app this script starts gets OCMW_POW_MAX_NUMBER=50 unless the
 *      environment sets it: the citizens' browsers solve the proofs, not the server's machine,
 *      and the server's check is one SHA-256 and one HMAC at any difficulty, so the script's
 *      CPU, which shares the server's cores, goes to sending, not solving);
 *   2. a software vendor reading its list: GET /vendor/v1/help-requests?pageSize=20 over mutual
 *      TLS with the demo vendor's client certificate (written by the demo seed).
 * Every --interval seconds it prints each load's throughput, p50/p99 latency, non-2xx and errors,
 * and the app process's RSS (/proc/PID/status, sampled every second). At the end no submission
 * may be lost: the number of 201 answers must equal the number of new rows in help_requests. The
 * submissions stop first and every one still in flight is waited for (the connections then send
 * GET /health until autocannon stops), so that the count is exact; every row of the run carries
 * its own surname tag, so other writers do not disturb it. Exit 1 on a lost or extra row, a
 * duplicate reference, a non-2xx answer or a request error; 2 on a usage error.
 *
 * By default it starts the app itself (`node --import tsx src/main.ts`) on a free port from
 * --port (3600) with a fresh demo database: PGlite in a temporary OCMW_DATA_DIR, or with
 * --backend postgresql a new database on --pg-url (BENCH_PG_URL, default
 * postgres://postgres@127.0.0.1:5432/postgres), dropped afterwards. The rows are counted in the
 * database itself: on the server directly; on PGlite after the app has stopped (it holds its data
 * directory, one PGlite per directory), by opening that directory.
 * With --url (and --vendor-url, --cert/--key/--ca) it loads an app that is already running; the
 * check then needs --database-url (the app's PostgreSQL database; a running PGlite app cannot be
 * counted from outside) or is skipped with --no-check; --pid gives the process whose RSS to sample.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os, { cpus, loadavg } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { createServerDatabase, freePort, httpGet, httpsGet, memoryOf, startPortal, type StartedProcess } from '../bench/process.js';
import { solveProof, type ProofChallengeData, type ProofSolutionData } from '../src/modules/help-requests/index.js';

const USAGE = `npm run load -- [--duration 30] [--interval 5] [--connections 10] [--rate N] [--only submissions|vendor]
                [--backend pglite|postgresql] [--pg-url URL] [--port 3600]
                [--url http://127.0.0.1:3000 --vendor-url https://127.0.0.1:3443 --cert F --key F --ca F
                 --database-url URL | --no-check] [--pid PID]`;

const { values: opt } = (() => {
  try {
    return parseArgs({
      options: {
        duration: { type: 'string', default: '30' },
        interval: { type: 'string', default: '5' },
        connections: { type: 'string', default: '10' },
        rate: { type: 'string' },
        only: { type: 'string' },
        backend: { type: 'string', default: 'pglite' },
        'pg-url': { type: 'string', default: process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres' },
        port: { type: 'string', default: '3600' },
        url: { type: 'string' },
        'vendor-url': { type: 'string' },
        cert: { type: 'string', default: 'data/demo-vendor/cevi-demo.crt' },
        key: { type: 'string', default: 'data/demo-vendor/cevi-demo.key' },
        ca: { type: 'string', default: 'data/tls/vendor-server.crt' },
        'database-url': { type: 'string' },
        'no-check': { type: 'boolean', default: false },
        pid: { type: 'string' },
        help: { type: 'boolean', default: false },
      },
    });
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    process.exit(2);
  }
})();
function usage(problem: string): never {
  console.error(`${problem}\n${USAGE}`);
  process.exit(2);
}
if (opt.help) {
  console.log(USAGE);
  process.exit(0);
}
const DURATION_S = Number(opt.duration);
const INTERVAL_S = Number(opt.interval);
const CONNECTIONS = Number(opt.connections);
/** Issue 20: the submissions sent per second, in all (autocannon's overallRate); without it, as fast as answered. */
const RATE = opt.rate === undefined ? undefined : Number(opt.rate);
if (!(DURATION_S > 0) || !(INTERVAL_S > 0) || !(CONNECTIONS >= 1)) usage('--duration, --interval and --connections must be positive numbers');
if (RATE !== undefined && !(RATE >= 1)) usage('--rate is a number of submissions per second, at least 1');
if (opt.only && opt.only !== 'submissions' && opt.only !== 'vendor') usage('--only is submissions or vendor');
if (opt.backend !== 'pglite' && opt.backend !== 'postgresql') usage('--backend is pglite or postgresql');
if (opt.url && !opt['database-url'] && !opt['no-check'] && opt.only !== 'vendor') usage('--url needs --database-url (to count the rows) or --no-check');
const SUBMIT = opt.only !== 'vendor';
const VENDOR = opt.only !== 'submissions';

/** The part of autocannon this script uses (autocannon ships no types). */
interface AutocannonClient {
  on(event: 'request' | 'timeout', listener: () => void): void;
  on(event: 'headers', listener: () => void): void;
  on(event: 'body', listener: (chunk: Buffer) => void): void;
  on(event: 'response', listener: (status: number, bytes: number, ms: number) => void): void;
  on(event: 'connError', listener: (error: Error) => void): void;
  setHeadersAndBody(headers: Record<string, string>, body: string): void;
  setBody(body: string): void;
  setRequests(requests: Record<string, unknown>[]): void;
}
interface AutocannonInstance {
  stop(): void;
}
type Autocannon = (options: Record<string, unknown>, done: (error: Error | null) => void) => AutocannonInstance;
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

/** One load's counts, per interval and in all. */
class Tally {
  latencies: number[] = [];
  ok = 0;
  non2xx = 0;
  errors = 0;
  statuses = new Map<number, number>();
  add(status: number, ms: number) {
    this.latencies.push(ms);
    if (status >= 200 && status < 300) this.ok++;
    else this.non2xx++;
    this.statuses.set(status, (this.statuses.get(status) ?? 0) + 1);
  }
  get answered() {
    return this.latencies.length;
  }
}
const pct = (values: number[], p: number) => {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
};
/**
 * CPU seconds so far (user + system) of a process (/proc/PID/stat, clock ticks of 1/100 s), with
 * its reaped children's when `children`. Undefined when it cannot be read (not Linux, gone).
 */
function cpuOf(processId: number, children = false): number | undefined {
  try {
    const stat = readFileSync(`/proc/${processId}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(f[11]) + Number(f[12]) + (children ? Number(f[13]) + Number(f[14]) : 0);
    return ticks / 100;
  } catch {
    return undefined;
  }
}

/** CPU seconds of every PostgreSQL process on the machine (live backends, and the server's reaped ones). */
function postgresCpu(): number {
  let total = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/comm`, 'utf8').trim() !== 'postgres') continue;
    } catch {
      continue;
    }
    total += cpuOf(Number(entry), true) ?? 0;
  }
  return total;
}

/** The machine's busy and total CPU time so far (/proc/stat, all cores, clock ticks). */
function machineCpu(): { busy: number; all: number } | undefined {
  try {
    const [cpu] = readFileSync('/proc/stat', 'utf8').split('\n');
    const n = cpu!.split(/\s+/).slice(1).map(Number);
    const idle = n[3]! + (n[4] ?? 0);
    const all = n.reduce((a, b) => a + b, 0);
    return { busy: all - idle, all };
  } catch {
    return undefined;
  }
}

/** The slope of RSS (MiB per minute, one sample a second) after the first quarter of the run, by least squares. */
function rssTrend(samples: number[]): number | undefined {
  const ys = samples.slice(Math.floor(samples.length / 4));
  if (ys.length < 5) return undefined;
  const n = ys.length;
  const meanX = (n - 1) / 2;
  const meanY = ys.reduce((a, b) => a + b, 0) / n;
  let num = 0;
  let den = 0;
  ys.forEach((y, x) => {
    num += (x - meanX) * (y - meanY);
    den += (x - meanX) ** 2;
  });
  return (num / den) * 60;
}
const ms = (v: number) => (Number.isFinite(v) ? `${Math.round(v)} ms` : '—');
const mib = (v: number | undefined) => (v !== undefined && Number.isFinite(v) ? `${Math.round(v)} MiB` : '—');

// ── the app: ours (a fresh demo database) or one that runs already ──
let app: StartedProcess | undefined;
let tmp: string | undefined;
let serverDb: { url: string; drop: () => Promise<void> } | undefined;
let appUrl: URL;
let vendorUrl: URL;
let tlsFiles = { cert: opt.cert!, key: opt.key!, ca: opt.ca! };
let databaseUrl = opt['database-url'];
let pid = opt.pid ? Number(opt.pid) : undefined;
let described: string;

async function cleanUp() {
  await app?.stop();
  await serverDb?.drop().catch((error: unknown) => console.error(`could not drop ${serverDb?.url}: ${String(error)}`));
  if (tmp) rmSync(tmp, { recursive: true, force: true });
}

try {
  if (opt.url) {
    appUrl = new URL(opt.url);
    vendorUrl = new URL(opt['vendor-url'] ?? `https://${appUrl.hostname}:3443`);
    described = `the app at ${appUrl.origin}${pid ? ` (pid ${pid})` : ' (no --pid: RSS not sampled)'}`;
  } else {
    tmp = mkdtempSync(path.join(os.tmpdir(), 'ocmw-load-'));
    if (opt.backend === 'postgresql') {
      serverDb = await createServerDatabase(opt['pg-url']!, 'ocmw_load');
      databaseUrl = serverDb.url;
    }
    const port = await freePort(Number(opt.port));
    const vendorPort = await freePort(Number(opt.port), [port]);
    console.log(`Starting the portal on 127.0.0.1:${port} (vendor port ${vendorPort}) with a fresh demo database on ${opt.backend === 'postgresql' ? new URL(databaseUrl!).host : 'PGlite'} …`);
    app = await startPortal({
      port,
      vendorPort,
      env: { OCMW_DATA_DIR: path.join(tmp, 'db'), DATABASE_URL: databaseUrl ?? '', OCMW_POW_MAX_NUMBER: process.env.OCMW_POW_MAX_NUMBER ?? '50' },
    });
    pid = app.pid;
    appUrl = new URL(`http://127.0.0.1:${port}`);
    vendorUrl = new URL(`https://127.0.0.1:${vendorPort}`);
    tlsFiles = { cert: path.join(tmp, 'demo-vendor', 'cevi-demo.crt'), key: path.join(tmp, 'demo-vendor', 'cevi-demo.key'), ca: path.join(tmp, 'tls', 'vendor-server.crt') };
    described = `the portal started here (pid ${pid}, ${opt.backend}, fresh demo database, ready in ${(app.readyMs / 1000).toFixed(1)} s)`;
  }
  const port = Number(appUrl.port || 80);
  if (appUrl.protocol !== 'http:' || !['127.0.0.1', 'localhost', '[::1]'].includes(appUrl.hostname)) usage('--url is a plain http:// URL on loopback');

  // ── citizens: postcodes that lead to one OCMW, and one CSRF identity per connection ──
  const postcodes: string[] = [];
  const citizens: { cookie: string; token: string }[] = [];
  if (SUBMIT) {
    for (const postcode of ['2000', '9000', '3000', '8000', '1000', '4000', '6000', '5000']) {
      const r = await httpGet(port, `/api/v1/public/ocmw-lookup?postcode=${postcode}`, { accept: 'application/json' });
      const found = r.status === 200 ? (JSON.parse(r.body) as { ocmw?: unknown; municipalities: unknown[] }) : undefined;
      if (found?.ocmw && found.municipalities.length === 1) postcodes.push(postcode);
    }
    if (postcodes.length === 0) throw new Error(`no postcode leads to one OCMW at ${appUrl.origin}`);
    for (let i = 0; i < CONNECTIONS; i++) {
      const r = await httpGet(port, '/api/v1/session', { accept: 'application/json', 'accept-language': 'nl' });
      const cookie = r.setCookie.map((c) => c.split(';')[0]!).find((c) => c.startsWith('ocmw_csrf='));
      const token = r.status === 200 ? (JSON.parse(r.body) as { csrfToken?: string }).csrfToken : undefined;
      if (!cookie || !token) throw new Error(`GET /api/v1/session answered ${r.status} without a CSRF cookie and token: ${r.body.slice(0, 200)}`);
      citizens.push({ cookie, token });
    }
  }
  // Issue 17: one solved challenge per submission (a solution is accepted once).
  const proofs: ProofSolutionData[] = [];
  let proofsMissing = 0;
  const fetchProofs = async (count: number) => {
    const answers = await Promise.all(Array.from({ length: count }, () => httpGet(port, '/api/v1/public/help-requests/challenge', { accept: 'application/json' })));
    for (const r of answers) {
      if (r.status !== 200) throw new Error(`GET /api/v1/public/help-requests/challenge answered ${r.status}: ${r.body.slice(0, 200)}`);
      const solved = solveProof(JSON.parse(r.body) as ProofChallengeData);
      if (solved) proofs.push(solved);
    }
  };
  // Solved ahead: two seconds' worth at the target rate, or 20 per connection.
  const proofsAhead = Math.max(200, CONNECTIONS * 20, (RATE ?? 0) * 2);
  if (SUBMIT) await fetchProofs(proofsAhead);
  let tls = { cert: '', key: '', ca: '' };
  const vendorPath = '/vendor/v1/help-requests?pageSize=20';
  if (VENDOR) {
    tls = { cert: readFileSync(tlsFiles.cert, 'utf8'), key: readFileSync(tlsFiles.key, 'utf8'), ca: readFileSync(tlsFiles.ca, 'utf8') };
    const probe = await httpsGet(`${vendorUrl.origin}${vendorPath}`, tls);
    if (probe.status !== 200) throw new Error(`the vendor list answered ${probe.status} to the demo certificate: ${probe.body.slice(0, 200)}`);
  }

  // ── the loads ──
  const tag = `Load${Date.now().toString(36)}`;
  const submit = { interval: new Tally(), total: new Tally(), pending: 0, references: [] as string[] };
  const vendor = { interval: new Tally(), total: new Tally() };
  const rss: number[] = [];
  let intervalRss: number[] = [];
  const sample = () => {
    const m = pid ? memoryOf(pid) : undefined;
    if (m) {
      rss.push(m.rssMiB);
      intervalRss.push(m.rssMiB);
    }
  };
  sample();
  const rssAtStart = rss[0];
  // Where the machine's CPU goes during the run: the app, this generator (autocannon, the proofs), PostgreSQL.
  const cpuAtStart = { app: pid ? cpuOf(pid) : undefined, generator: process.cpuUsage(), postgres: postgresCpu(), machine: machineCpu() };

  console.log(
    `\nLoad on ${described}: ${DURATION_S} s, ${[SUBMIT && `${CONNECTIONS} citizen connections (POST /api/v1/public/help-requests, postcodes ${postcodes.join(', ')}${RATE ? `, ${RATE} a second in all` : ', as fast as answered'})`, VENDOR && `${CONNECTIONS} vendor connections (GET ${vendorPath}, mutual TLS)`].filter(Boolean).join(' and ')}; a line every ${INTERVAL_S} s\n`,
  );
  console.log('| t | submissions/s | p50 | p99 | non-2xx | errors | vendor list/s | p50 | p99 | non-2xx | errors | app RSS (max) |');
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
  const t0 = performance.now();
  let lastLine = t0;
  const line = () => {
    const now = performance.now();
    const secs = (now - lastLine) / 1000;
    lastLine = now;
    const s = submit.interval;
    const v = vendor.interval;
    const rate = (t: Tally) => (t.answered / secs).toFixed(0);
    console.log(
      `| ${((now - t0) / 1000).toFixed(0)} s | ${SUBMIT ? rate(s) : '—'} | ${ms(pct(s.latencies, 50))} | ${ms(pct(s.latencies, 99))} | ${s.non2xx} | ${s.errors} | ${VENDOR ? rate(v) : '—'} | ${ms(pct(v.latencies, 50))} | ${ms(pct(v.latencies, 99))} | ${v.non2xx} | ${v.errors} | ${mib(intervalRss.length ? Math.max(...intervalRss) : undefined)} |`,
    );
    submit.interval = new Tally();
    vendor.interval = new Tally();
    intervalRss = [];
  };
  const sampler = setInterval(sample, 1_000);
  const ticker = setInterval(line, INTERVAL_S * 1_000);
  let running = true;
  // Keeps solved challenges ahead of the submissions while they run.
  const refilling = (async () => {
    while (SUBMIT && running) {
      if (proofs.length < proofsAhead / 2) await fetchProofs(Math.max(CONNECTIONS * 5, Math.ceil(proofsAhead / 4)));
      else await new Promise((r) => setTimeout(r, 10));
    }
  })();

  const finished: Promise<void>[] = [];
  const run = (options: Record<string, unknown>) => {
    let instance!: AutocannonInstance;
    finished.push(
      new Promise<void>((resolve, reject) => {
        // Stopped by this script (below); the duration only bounds a run that would hang.
        instance = autocannon({ connections: CONNECTIONS, duration: DURATION_S + 120, ...options }, (error) => (error ? reject(error) : resolve()));
      }),
    );
    return instance;
  };

  const submitClients: AutocannonClient[] = [];
  let submitting = SUBMIT;
  const submissions = SUBMIT
    ? run({
        url: `${appUrl.origin}/api/v1/public/help-requests`,
        method: 'POST',
        ...(RATE ? { overallRate: RATE } : {}),
        idReplacement: true,
        setupClient: (client: AutocannonClient) => {
          const i = submitClients.push(client) - 1;
          const citizen = citizens[i % citizens.length]!;
          const body = () => {
            const proof = proofs.shift();
            if (!proof) proofsMissing++;
            return JSON.stringify({
              language: i % 3 === 1 ? 'fr' : 'nl',
              kinds: i % 2 ? ['leefloon', 'energie'] : ['huisvesting'],
              postcode: postcodes[i % postcodes.length],
              surname: tag,
              firstName: 'Burger [<id>]',
              // A citizen's own address per submission, as 1,000 citizens a second would have.
              email: 'burger.[<id>]@load.example',
              phone: '0470 12 34 56',
              message: 'Ik kan mijn huur en mijn energiefactuur niet meer betalen. Kan iemand mij helpen?',
              proof: proof ?? null,
            });
          };
          client.setHeadersAndBody(
            { accept: 'application/json', 'accept-language': 'nl', 'content-type': 'application/json', cookie: citizen.cookie, 'x-csrf-token': citizen.token },
            body(),
          );
          // With one request in flight per connection, the answer after a submission is its answer.
          let pending = false;
          let chunks: Buffer[] = [];
          client.on('request', () => {
            pending = submitting;
            if (pending) submit.pending++;
          });
          client.on('headers', () => (chunks = []));
          client.on('body', (chunk) => pending && chunks.push(Buffer.from(chunk)));
          client.on('response', (status, _bytes, time) => {
            if (!pending) return;
            // The next submission of this connection carries the next solution (before autocannon sends it).
            if (submitting) client.setBody(body());
            pending = false;
            submit.pending--;
            submit.interval.add(status, time);
            submit.total.add(status, time);
            if (status === 201) {
              const reference = (JSON.parse(Buffer.concat(chunks).toString('utf8')) as { reference?: string }).reference;
              if (reference) submit.references.push(reference);
            }
          });
          const unanswered = () => {
            if (!pending) return;
            if (submitting) client.setBody(body());
            pending = false;
            submit.pending--;
            submit.interval.errors++;
            submit.total.errors++;
          };
          client.on('timeout', unanswered);
          client.on('connError', unanswered);
        },
      })
    : undefined;
  const vendorList = VENDOR
    ? run({
        url: `${vendorUrl.origin}${vendorPath}`,
        headers: { accept: 'application/json' },
        tlsOptions: { ...tls, servername: 'localhost' },
        setupClient: (client: AutocannonClient) => {
          client.on('response', (status, _bytes, time) => {
            if (!running) return;
            vendor.interval.add(status, time);
            vendor.total.add(status, time);
          });
          const failed = () => {
            if (!running) return;
            vendor.interval.errors++;
            vendor.total.errors++;
          };
          client.on('timeout', failed);
          client.on('connError', failed);
        },
      })
    : undefined;

  await new Promise((r) => setTimeout(r, DURATION_S * 1_000));
  // The end: the vendor load stops; the citizens' connections switch to GET /health and every
  // submission still in flight is waited for (at most 60 s).
  running = false;
  vendorList?.stop();
  submitting = false;
  for (const client of submitClients) client.setRequests([{ method: 'GET', path: '/health', headers: { accept: 'application/json' } }]);
  const drainStart = performance.now();
  while (submit.pending > 0 && performance.now() - drainStart < 60_000) await new Promise((r) => setTimeout(r, 20));
  const stillPending = submit.pending;
  submissions?.stop();
  await Promise.all(finished);
  await refilling;
  clearInterval(ticker);
  clearInterval(sampler);
  sample();
  line();
  const elapsed = (performance.now() - t0) / 1000;
  const appCpu = pid && cpuAtStart.app !== undefined ? (cpuOf(pid) ?? cpuAtStart.app) - cpuAtStart.app : undefined;
  const generatorUsage = process.cpuUsage(cpuAtStart.generator);
  const generatorCpu = (generatorUsage.user + generatorUsage.system) / 1e6;
  const postgresRunCpu = opt.backend === 'postgresql' || opt['database-url'] ? postgresCpu() - cpuAtStart.postgres : undefined;
  const machineEnd = machineCpu();
  const machineBusy = machineEnd && cpuAtStart.machine ? (machineEnd.busy - cpuAtStart.machine.busy) / (machineEnd.all - cpuAtStart.machine.all) : undefined;

  // ── totals ──
  const statusList = (t: Tally) => [...t.statuses].sort(([a], [b]) => a - b).map(([k, v]) => `${v}× ${k}`).join(', ') || 'none';
  console.log(`\nIn all (${elapsed.toFixed(1)} s, the last interval includes waiting for the submissions in flight):`);
  if (SUBMIT) {
    const s = submit.total;
    if (RATE) {
      const reached = s.answered / DURATION_S;
      console.log(`  target rate: ${RATE} submissions/s; reached ${reached.toFixed(1)}/s (${Math.round((reached / RATE) * 100)} %)`);
    }
    console.log(
      `  submissions: ${s.answered} answered (${statusList(s)}), ${(s.answered / DURATION_S).toFixed(1)}/s, p50 ${ms(pct(s.latencies, 50))}, p99 ${ms(pct(s.latencies, 99))}, ${s.errors} errors (timeouts, connection errors)${stillPending ? `, ${stillPending} still unanswered after 60 s` : ''}`,
    );
  }
  if (VENDOR) {
    const v = vendor.total;
    console.log(`  vendor list: ${v.answered} answered (${statusList(v)}), ${(v.answered / DURATION_S).toFixed(1)}/s, p50 ${ms(pct(v.latencies, 50))}, p99 ${ms(pct(v.latencies, 99))}, ${v.errors} errors`);
  }
  {
    const per = SUBMIT && submit.total.answered > 0 ? (seconds: number) => ` (${((seconds / submit.total.answered) * 1000).toFixed(2)} ms a submission)` : () => '';
    const parts = [
      appCpu !== undefined && `app ${appCpu.toFixed(1)} s${per(appCpu)}`,
      `this load generator (autocannon, solving the proofs) ${generatorCpu.toFixed(1)} s`,
      postgresRunCpu !== undefined && `PostgreSQL, all its processes on the machine ${postgresRunCpu.toFixed(1)} s${per(postgresRunCpu)}`,
      machineBusy !== undefined && `machine busy ${Math.round(machineBusy * 100)} % of ${cpus().length} cores (${loadavg()[0]!.toFixed(1)} load average at the end)`,
    ].filter(Boolean);
    console.log(`  CPU during the run: ${parts.join('; ')}`);
  }
  if (rss.length) {
    console.log(`  app RSS: ${mib(rssAtStart)} at the start, ${mib(Math.max(...rss))} at most, ${mib(rss.at(-1))} at the end (${rss.length} samples, one a second)`);
    const trend = rssTrend(rss);
    if (trend !== undefined) console.log(`  app RSS trend after the first quarter (warm-up): ${trend >= 0 ? '+' : ''}${trend.toFixed(1)} MiB/min (least squares; flat memory is ≈ 0)`);
  }

  // ── none lost: 201 answers = new rows with this run's tag ──
  let problems: string[] = [];
  const answered201 = submit.total.statuses.get(201) ?? 0;
  if (SUBMIT && !opt['no-check']) {
    const query = `select count(*)::int as rows, count(distinct reference)::int as "distinct",
                          (count(*) filter (where reference = any($2::text[])))::int as matching
                   from help_requests where surname = $1`;
    let counted: { rows: number; distinct: number; matching: number };
    let where: string;
    if (databaseUrl) {
      const pg = (await import('pg')).default;
      const client = new pg.Client({ connectionString: databaseUrl });
      await client.connect();
      try {
        counted = (await client.query<typeof counted>(query, [tag, submit.references])).rows[0]!;
      } finally {
        await client.end();
      }
      where = `in the PostgreSQL database ${new URL(databaseUrl).pathname.slice(1)}`;
    } else {
      // PGlite: the app holds its data directory; stop it, then open the directory here.
      await app!.stop();
      const { openDatabase } = await import('../src/db/db.js');
      const database = await openDatabase({ dataDir: path.join(tmp!, 'db') });
      try {
        counted = (await database.pglite!.query<typeof counted>(query, [tag, submit.references])).rows[0]!;
      } finally {
        await database.close();
      }
      where = 'in the PGlite data directory, opened after the app stopped';
    }
    const duplicates = submit.references.length - new Set(submit.references).size + counted.rows - counted.distinct;
    console.log(
      `\nNone lost? ${answered201} answers 201; ${counted.rows} new rows in help_requests with this run's surname ${tag} (counted ${where}); ${counted.matching} of them carry a reference that was answered; ${duplicates} duplicate references.`,
    );
    if (counted.rows !== answered201) problems.push(`${answered201} answers 201 but ${counted.rows} new rows`);
    if (counted.matching !== submit.references.length) problems.push(`${submit.references.length - counted.matching} answered references not stored`);
    if (duplicates) problems.push(`${duplicates} duplicate references`);
  } else if (SUBMIT) {
    console.log('\nNone lost? Not checked (--no-check).');
  }
  if (proofsMissing) problems.push(`${proofsMissing} submissions sent without a solved challenge (the script solved too slowly: lower OCMW_POW_MAX_NUMBER of the app)`);
  if (submit.total.non2xx || submit.total.errors || stillPending) problems.push(`submissions: ${submit.total.non2xx} non-2xx, ${submit.total.errors + stillPending} errors`);
  if (vendor.total.non2xx || vendor.total.errors) problems.push(`vendor list: ${vendor.total.non2xx} non-2xx, ${vendor.total.errors} errors`);
  if (SUBMIT && answered201 === 0) problems.push('no submission was accepted');
  problems = [...new Set(problems)];
  console.log(problems.length ? `\nFAIL: ${problems.join('; ')}` : '\nPASS: no request lost, no error, no non-2xx answer');
  process.exitCode = problems.length ? 1 : 0;
} catch (error) {
  console.error(`\nload: ${(error as Error).stack ?? String(error)}${app ? `\n--- app output ---\n${app.output().slice(-3000)}` : ''}`);
  process.exitCode = 1;
} finally {
  await cleanUp();
}
