/**
 * Benchmark (issue 23): the SFTP file channel against plain HTTPS from the same process.
 * BENCH_FILE_SESSIONS (200) sessions at once, each for an OCMW (an SFTP account on the MW domain
 * of each demo OCMW that has one — 28 —, each given the same daily mutation file; sessions share
 * the accounts round-robin, so one account holds several sessions at once): download the OCMW's
 * daily file from /mutaties/, then upload a BENCH_FILE_MB (10) MiB batch file to /in/ (kept in the
 * database, acknowledged). Baseline in the same run: the same bytes over HTTPS (TLS, self-signed)
 * served by the same Fastify app — GET /api/v1/channel/mutation-files/:date and
 * PUT /api/v1/channel/in/:name, HTTP Basic with the same accounts. Every upload has distinct bytes
 * (a unique header before one shared random body), so no duplicate short-cuts the insert.
 * Figures: wall time of all sessions, each session's time (p50, p99), MiB/s uploaded. Clients run
 * in this process too (ssh2's client, aes128-gcm; node:https with keep-alive), the same for both.
 */
import https from 'node:https';
import { randomBytes, randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import ssh2, { type SFTPWrapper } from 'ssh2';
import { buildApp } from '../src/app.js';
import { queryRows } from '../src/db/db.js';
import { generateSelfSigned } from '../src/http/self-signed.js';
import { hashPassword } from '../src/modules/access/index.js';
import { channelsRepo } from '../src/modules/channels/index.js';
import { startSftpServer } from '../src/modules/file-channel/index.js';
import { mutationsRepo } from '../src/modules/mutations/index.js';
import { catalogue } from '../src/messages.js';
import { backendOf, benchConfig, fmt, loadAverage, openDemoBench, percentile, type BenchLog, type BenchSummaryRow } from './lib.js';

const { Client } = ssh2;
const SESSIONS = Number(process.env.BENCH_FILE_SESSIONS ?? 200);
const MIB = Number(process.env.BENCH_FILE_MB ?? 10);
const PASSWORD = 'Bench-Sftp-1!';
const CHUNK = 32 * 1024;
const IN_FLIGHT = 32;

interface Session {
  username: string;
  organisationId: string;
}

/** Writes header + body at their offsets with up to IN_FLIGHT writes outstanding (as sftp/fastPut do). */
async function pipelinedWrite(sftp: SFTPWrapper, handle: Buffer, parts: Buffer[]) {
  const chunks: [Buffer, number][] = [];
  let offset = 0;
  for (const part of parts) {
    for (let i = 0; i < part.length; i += CHUNK) {
      const piece = part.subarray(i, i + CHUNK);
      chunks.push([piece, offset]);
      offset += piece.length;
    }
  }
  let next = 0;
  const worker = async () => {
    while (next < chunks.length) {
      const [piece, at] = chunks[next++]!;
      await new Promise<void>((resolve, reject) => sftp.write(handle, piece, 0, piece.length, at, (err) => (err ? reject(err) : resolve())));
    }
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
}

const call = <T>(fn: (cb: (err: Error | null | undefined, value: T) => void) => void) =>
  new Promise<T>((resolve, reject) => fn((err, value) => (err ? reject(err) : resolve(value))));

async function sftpSession(port: number, s: Session, fileName: string, uploadName: string, parts: Buffer[]): Promise<number> {
  const t0 = performance.now();
  const conn = new Client();
  await new Promise<void>((resolve, reject) => {
    conn.on('ready', resolve).on('error', reject);
    conn.connect({ host: '127.0.0.1', port, username: s.username, password: PASSWORD, hostVerifier: () => true, algorithms: { cipher: ['aes128-gcm@openssh.com'] }, readyTimeout: 600_000 });
  });
  try {
    const sftp = await call<SFTPWrapper>((cb) => conn.sftp((err, w) => cb(err, w)));
    const daily = await call<Buffer>((cb) => sftp.readFile(`/mutaties/${fileName}`, (err, b) => cb(err, b)));
    if (daily.length === 0) throw new Error('empty daily file');
    const handle = await call<Buffer>((cb) => sftp.open(`/in/${uploadName}`, 'w', (err, h) => cb(err, h)));
    await pipelinedWrite(sftp, handle, parts);
    await call<void>((cb) => sftp.close(handle, (err) => cb(err, undefined)));
  } finally {
    conn.end();
  }
  return performance.now() - t0;
}

function httpsRequest(agent: https.Agent, port: number, ca: string, options: { method: string; path: string; auth: string; body?: Buffer[] }): Promise<{ status: number; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const length = options.body?.reduce((n, b) => n + b.length, 0);
    const req = https.request(
      {
        host: '127.0.0.1',
        port,
        method: options.method,
        path: options.path,
        ca,
        agent,
        servername: 'localhost',
        headers: { authorization: options.auth, ...(options.body ? { 'content-type': 'application/octet-stream', 'content-length': String(length) } : {}) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks) }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    for (const part of options.body ?? []) req.write(part);
    req.end();
  });
}

async function httpsSession(agent: https.Agent, port: number, ca: string, s: Session, date: string, uploadName: string, parts: Buffer[]): Promise<number> {
  const t0 = performance.now();
  const auth = `Basic ${Buffer.from(`${s.username}:${PASSWORD}`).toString('base64')}`;
  const daily = await httpsRequest(agent, port, ca, { method: 'GET', path: `/api/v1/channel/mutation-files/${date}`, auth });
  if (daily.status !== 200 || daily.body.length === 0) throw new Error(`daily file answered ${daily.status}: ${daily.body.toString().slice(0, 200)}`);
  const up = await httpsRequest(agent, port, ca, { method: 'PUT', path: `/api/v1/channel/in/${uploadName}`, auth, body: parts });
  if (up.status !== 201) throw new Error(`upload answered ${up.status}: ${up.body.toString().slice(0, 200)}`);
  return performance.now() - t0;
}

export async function runFileChannelBench(log: BenchLog = console.log): Promise<BenchSummaryRow[]> {
  const config = benchConfig({ OCMW_RATE_LIMIT_PER_MINUTE: '10000000', OCMW_SFTP_MAX_UPLOAD_MB: String(MIB + 1), OCMW_SFTP_PORT: '0' });
  const loadAtStart = loadAverage();
  const bench = await openDemoBench(config, { onDisk: true });
  const { database, services } = bench;
  const db = database.db;
  let close = async () => {};
  try {
    const t0 = performance.now();
    // SESSIONS OCMWs with an MW domain; each gets an SFTP account and Antwerpen's newest daily file.
    const ocmws = await queryRows<{ organisationId: string; domainId: string }>(
      db,
      sql`select d.organisation_id as "organisationId", d.id as "domainId" from domains d join organisations o on o.id = d.organisation_id
          where o.kind = 'ocmw' and d.code = 'MW' and o.access_ended_on is null order by o.kbo limit ${SESSIONS}`,
    );
    if (ocmws.length === 0) throw new Error('no OCMW with an MW domain');
    const [antwerpen] = await queryRows<{ id: string }>(db, sql`select id from organisations where name_nl = 'OCMW Antwerpen'`);
    const [batch] = await mutationsRepo.listBatches(db, antwerpen!.id);
    await db.execute(sql`insert into mutation_deliveries (mutation_id, organisation_id, batch_date)
      select md.mutation_id, o.id, md.batch_date from mutation_deliveries md cross join organisations o
      where md.organisation_id = ${antwerpen!.id} and md.batch_date = ${batch!.date}::date and o.kind = 'ocmw' and o.id <> md.organisation_id
      on conflict do nothing`);
    const passwordHash = await hashPassword(PASSWORD);
    const accounts: Session[] = [];
    for (const [i, o] of ocmws.entries()) {
      const username = `bench${String(i).padStart(5, '0')}`;
      await channelsRepo.insertAccount(db, { domainId: o.domainId, kind: 'SFTP', name: 'bench', permissions: ['mutaties-rijksregister'], username, passwordHash });
      accounts.push({ username, organisationId: o.organisationId });
    }
    // The demo has fewer OCMWs with a domain than sessions: an OCMW's account then holds several at once.
    const sessions = Array.from({ length: SESSIONS }, (_, i) => accounts[i % accounts.length]!);
    const [rsz] = await queryRows<{ kbo: string }>(db, sql`select kbo from organisations where kind = 'institution' order by kbo limit 1`);
    const fileName = (s: Session) => `mutaties-${s.organisationId.slice(0, 8)}-${batch!.date.replaceAll('-', '')}.jsonl`;
    const body = randomBytes(MIB * 1_048_576 - 64);
    const header = (tag: string) => Buffer.from(`${tag}-${randomUUID()}`.padEnd(64, '.'));
    const seedMs = performance.now() - t0;

    // The portal process: the app behind HTTPS (self-signed), and the SFTP server.
    const tls = await generateSelfSigned({ subject: 'CN=localhost', days: 30, dnsNames: ['localhost'], usage: 'server' });
    const app = await buildApp({ config, database, services, clock: bench.clock });
    await app.ready();
    const httpsServer = https.createServer({ cert: tls.certPem, key: tls.keyPem }, (req, res) => app.routing(req, res));
    await new Promise<void>((resolve) => httpsServer.listen(0, '127.0.0.1', resolve));
    const httpsPort = (httpsServer.address() as { port: number }).port;
    const sftp = await startSftpServer({ service: services.fileChannel, port: 0, host: '127.0.0.1', maxUploadBytes: config.sftp.maxUploadBytes, render: (m) => catalogue.render(m, 'nl'), log: { info() {}, warn() {}, error() {} } });
    const agent = new https.Agent({ keepAlive: true, maxSockets: SESSIONS });
    close = async () => {
      agent.destroy();
      await sftp.close();
      await new Promise<void>((resolve) => httpsServer.close(() => resolve()));
      await app.close();
    };

    const run = async (label: string, one: (s: Session, i: number) => Promise<number>) => {
      const before = (await queryRows<{ n: number }>(db, sql`select count(*)::int as n from channel_uploads`))[0]!.n;
      const start = performance.now();
      const times = await Promise.all(sessions.map((s, i) => one(s, i)));
      const wallMs = performance.now() - start;
      const after = (await queryRows<{ n: number }>(db, sql`select count(*)::int as n from channel_uploads`))[0]!.n;
      if (after - before !== SESSIONS) throw new Error(`${label}: ${after - before} uploads stored, expected ${SESSIONS}`);
      return { wallMs, p50: percentile(times, 50), p99: percentile(times, 99), mibPerS: (SESSIONS * MIB) / (wallMs / 1000) };
    };
    const viaSftp = await run('sftp', (s, i) => sftpSession(sftp.port, s, fileName(s), `${rsz!.kbo}_bench-sftp-${i}.bin`, [header('sftp'), body]));
    const viaHttps = await run('https', (s, i) => httpsSession(agent, httpsPort, tls.certPem, s, batch!.date, `${rsz!.kbo}_bench-https-${i}.bin`, [header('https'), body]));

    const ratio = viaSftp.wallMs / viaHttps.wallMs;
    const backend = backendOf(bench.kind);
    log(`\n## File channel: ${SESSIONS} sessions at once, daily file down + ${MIB} MiB batch up, SFTP vs HTTPS (${bench.kind})`);
    log(`Seed (demo, ${accounts.length} SFTP accounts on as many OCMWs, daily files): ${(seedMs / 1000).toFixed(1)} s. Load average at start: ${loadAtStart}.`);
    log('');
    log('| what | wall time, all sessions | per session p50 | per session p99 | uploaded MiB/s |');
    log('| --- | --- | --- | --- | --- |');
    const row = (what: string, r: typeof viaSftp) => `| ${what} | ${(r.wallMs / 1000).toFixed(2)} s | ${fmt(r.p50)} | ${fmt(r.p99)} | ${r.mibPerS.toFixed(1)} |`;
    log(row('SFTP (ssh2 server in the portal process; login with the channel password; upload spooled, then one insert)', viaSftp));
    log(row('baseline: HTTPS, same process (GET daily file, PUT batch; HTTP Basic with the same account)', viaHttps));
    log(`| ratio SFTP / HTTPS | ${ratio.toFixed(2)} × | | ${(viaSftp.p99 / viaHttps.p99).toFixed(2)} × | |`);
    return [
      { benchmark: 'file-channel', backend, figure: `wall time, ${SESSIONS} SFTP sessions (daily file down, ${MIB} MiB up)`, value: viaSftp.wallMs / 1000, unit: 's', baseline: viaHttps.wallMs / 1000, baselineLabel: 'the same bytes over HTTPS, same process' },
      { benchmark: 'file-channel', backend, figure: `p99 per SFTP session, ${SESSIONS} at once`, value: viaSftp.p99, unit: 'ms', baseline: viaHttps.p99, baselineLabel: 'p99 per HTTPS session' },
    ];
  } finally {
    await close();
    await bench.close();
  }
}
