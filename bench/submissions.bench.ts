/**
 * Benchmark (issue #6, point 3): 1,000 citizens file a help request at the same moment, through
 * the real portal app over HTTP (anonymous CSRF double-submit, the proof of work's check and
 * replay record (issue 17), validation, competent OCMW, the year's reference counter, history,
 * notification and acknowledgement mails in the dev outbox).
 * None may be lost and the references must be unique. Baseline in the same run: the same 1,000
 * rows as plain INSERTs with a sequence-generated reference, all at once through the same
 * database handle (the pool on a server, the one PGlite connection otherwise).
 * The same rows: each citizen's statement inserts the spent proof, the request, its history event,
 * the acknowledgement and (where the OCMW has an address for it) the notification, as the service
 * does. The POSTs come from a client in a worker thread (bench/burst-worker.mjs).
 */
import { Agent, request as httpRequest } from 'node:http';
import { Worker } from 'node:worker_threads';
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import { buildApp } from '../src/app.js';
import { queryRows } from '../src/db/db.js';
import { solveProof, type ProofChallengeData } from '../src/modules/help-requests/index.js';
import { backendOf, benchConfig, fmt, loadAverage, machine, openDemoBench, percentile, type BenchLog, type BenchSummaryRow } from './lib.js';

const CITIZENS = Number(process.env.BENCH_SUBMISSIONS ?? 1_000);
/** Postcodes of one municipality each, so the form needs no municipality choice. */
const POSTCODES = ['2000', '9000', '3000', '8000', '1000', '4000', '6000', '5000'];

interface Reply {
  status: number;
  body: string;
  setCookie: string[];
  ms: number;
}

export async function runSubmissionsBench(log: BenchLog = console.log): Promise<BenchSummaryRow[]> {
  // The proof of work is solved by each citizen's browser while typing, before the burst: a low
  // difficulty keeps the bench's own CPU for the server; the server's check costs the same at any.
  // All citizens come from one address here: the per-source limit of the form (issue 17) is lifted.
  const config = benchConfig({
    OCMW_RATE_LIMIT_PER_MINUTE: '1000000',
    OCMW_LOGIN_RATE_LIMIT_PER_MINUTE: '1000000',
    OCMW_CITIZEN_SUBMISSIONS_PER_HOUR: '1000000',
    OCMW_POW_MAX_NUMBER: '1000',
  });
  const loadAtStart = loadAverage();
  const bench = await openDemoBench(config, { onDisk: true });
  const { database, services, clock } = bench;
  const db = database.db;
  const app = await buildApp({ config, database, services, clock });
  const agent = new Agent({ keepAlive: true, maxSockets: Infinity });
  try {
    await app.listen({ port: 0, host: '127.0.0.1' });
    const port = (app.server.address() as { port: number }).port;
    const send = (method: string, path: string, headers: Record<string, string>, body?: string) =>
      new Promise<Reply>((resolve) => {
        const t = performance.now();
        const req = httpRequest({ host: '127.0.0.1', port, path, method, agent, headers: { ...headers, ...(body ? { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) } : {}) } }, (res) => {
          let data = '';
          res.setEncoding('utf8');
          res.on('data', (c: string) => (data += c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: data, setCookie: res.headers['set-cookie'] ?? [], ms: performance.now() - t }));
        });
        // A connection error counts as an answer without status (a lost submission), not a crash.
        req.on('error', (error) => resolve({ status: 0, body: String(error), setCookie: [], ms: performance.now() - t }));
        req.end(body);
      });

    // The postcodes whose form leads to exactly one OCMW today.
    const postcodes: { postcode: string; organisationId: string; nis: string }[] = [];
    for (const postcode of POSTCODES) {
      const found = await services.helpRequests.lookup({ postcode });
      if (found.ocmw && found.municipalities.length === 1) postcodes.push({ postcode, organisationId: found.ocmw.id, nis: found.municipalities[0]!.nis });
    }
    if (postcodes.length === 0) throw new Error('no postcode leads to one OCMW');
    const tag = `Bench${process.pid}`;
    const form = (i: number) => {
      const p = postcodes[i % postcodes.length]!;
      return {
        place: p,
        body: {
          language: i % 3 === 1 ? 'fr' : 'nl',
          kinds: i % 2 ? ['leefloon', 'energie'] : ['huisvesting'],
          postcode: p.postcode,
          surname: tag,
          firstName: `Burger ${i}`,
          email: `burger.${i}@bench.example`,
          phone: '0470 12 34 56',
          message: 'Ik kan mijn huur en mijn energiefactuur niet meer betalen. Kan iemand mij helpen?',
        },
      };
    };

    // Each citizen opens the form first: GET /session gives the anonymous CSRF cookie and token,
    // GET …/challenge the proof of work, which the browser solves while the citizen types.
    let s = performance.now();
    const citizens: { cookie: string; token: string; proof: ReturnType<typeof solveProof> }[] = [];
    const json = { accept: 'application/json', 'accept-language': 'nl' };
    for (let from = 0; from < CITIZENS; from += 100) {
      const batch = await Promise.all(
        Array.from({ length: Math.min(100, CITIZENS - from) }, () => Promise.all([send('GET', '/api/v1/session', json), send('GET', '/api/v1/public/help-requests/challenge', json)])),
      );
      for (const [r, c] of batch) {
        const cookie = r.setCookie.map((v) => v.split(';')[0]!).find((v) => v.startsWith('ocmw_csrf='));
        const token = (JSON.parse(r.body) as { csrfToken?: string }).csrfToken;
        if (r.status !== 200 || !cookie || !token) throw new Error(`GET /session answered ${r.status}: ${r.body.slice(0, 200)}`);
        if (c.status !== 200) throw new Error(`GET /public/help-requests/challenge answered ${c.status}: ${c.body.slice(0, 200)}`);
        citizens.push({ cookie, token, proof: solveProof(JSON.parse(c.body) as ProofChallengeData) });
      }
    }
    const sessionsMs = performance.now() - s;

    const countMails = sql`select count(*)::int as n from mails where kind in ('online-acknowledgement', 'online-notification')`;
    const [mailsBefore] = await queryRows<{ n: number }>(db, countMails);
    const [{ since }] = (await queryRows<{ since: string }>(db, sql`select now()::text as since`)) as [{ since: string }];
    // All at once: 1,000 POSTs in flight together, from a client in its own thread (the citizens'
    // browsers are not the server: their sending and reading must not take the server's event loop).
    // Each has its own connection, opened before the burst.
    const client = new Worker(new URL('./burst-worker.mjs', import.meta.url), {
      workerData: {
        port,
        requests: citizens.map((c, i) => ({ method: 'POST', path: '/api/v1/public/help-requests', headers: { ...json, cookie: c.cookie, 'x-csrf-token': c.token }, body: JSON.stringify({ ...form(i).body, proof: c.proof }) })),
      },
    });
    const burst = await new Promise<{ replies: Omit<Reply, 'setCookie'>[]; ms: number }>((resolve, reject) => {
      client.on('error', reject);
      client.on('message', (m: { ready?: boolean; replies?: Omit<Reply, 'setCookie'>[]; ms?: number }) => {
        if (m.ready) client.postMessage('go');
        else resolve({ replies: m.replies!, ms: m.ms! });
      });
    });
    await client.terminate();
    const { replies, ms: serviceMs } = burst;
    const created = replies.filter((r) => r.status === 201);
    const statuses = new Map<number, number>();
    for (const r of replies) statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
    const answered = created.map((r) => (JSON.parse(r.body) as { reference: string }).reference);
    const [stored] = await queryRows<{ rows: number; distinct: number; matching: number }>(
      db,
      sql`select count(*)::int as rows, count(distinct reference)::int as distinct,
                 (count(*) filter (where reference = any(${`{${answered.join(',')}}`}::text[])))::int as matching
          from help_requests where surname = ${tag}`,
    );
    const [mailsAfter] = await queryRows<{ n: number }>(db, countMails);
    // The OCMWs that got a notification per request (R6.4): the baseline records the same mails.
    const notified = new Set(
      (await queryRows<{ id: string }>(db, sql`select distinct organisation_id as id from mails where kind = 'online-notification' and created_at >= ${since}::timestamptz and organisation_id is not null`)).map((r) => r.id),
    );

    // The baseline: the same rows as plain statements, one per citizen, all at once: the spent
    // proof, the request (a sequence for the reference), its history event, the acknowledgement
    // and, where the OCMW has a notification address, the notification.
    await queryRows(db, sql`create sequence bench_submission_seq`);
    const baseTag = `${tag}Baseline`;
    const today = clock.today();
    s = performance.now();
    const inserts = await Promise.all(
      citizens.map(async (_c, i) => {
        const { place, body } = form(i);
        const t = performance.now();
        const rows = await queryRows<{ reference: string }>(
          db,
          sql`with spent as (
                insert into citizen_proofs_spent (signature, expires_at) values (${`${baseTag}-${i}`}, now() + interval '1 hour')
              ), filed as (
                insert into help_requests (reference, organisation_id, filed_at, received_on, language, kinds, postcode, nis, surname, first_name, email, phone, message)
                values ('BL-' || lpad(nextval('bench_submission_seq')::text, 7, '0'), ${place.organisationId}::uuid, now(), ${today}::date, ${body.language},
                        ${`{${body.kinds.join(',')}}`}::text[], ${body.postcode}, ${place.nis}, ${baseTag}, ${body.firstName}, ${body.email}, ${body.phone}, ${body.message})
                returning id, reference, organisation_id, filed_at
              ), events as (
                insert into help_request_events (request_id, kind, at, to_organisation_id) select id, 'filed', filed_at, organisation_id from filed
              ), mailed as (
                insert into mails (kind, organisation_id, to_address, subject, body_text, status)
                select 'online-acknowledgement', null, ${body.email}, 'Uw hulpvraag ' || reference, ${body.message}, 'outbox' from filed
                union all
                select 'online-notification', organisation_id, 'ocmw@bench.example', 'Nieuwe hulpvraag ' || reference, ${body.message}, 'outbox' from filed where ${notified.has(place.organisationId)}
              )
              select reference from filed`,
        );
        return { reference: rows[0]?.reference, ms: performance.now() - t };
      }),
    );
    const baselineMs = performance.now() - s;
    const [baseStored] = await queryRows<{ rows: number; distinct: number }>(
      db,
      sql`select count(*)::int as rows, count(distinct reference)::int as distinct from help_requests where surname = ${baseTag}`,
    );

    const lost = CITIZENS - stored!.rows;
    const duplicates = stored!.rows - stored!.distinct + (answered.length - new Set(answered).size);
    const ok = created.length === CITIZENS && lost === 0 && duplicates === 0 && stored!.matching === CITIZENS;
    const latencies = created.map((r) => r.ms);
    const baseLatencies = inserts.map((r) => r.ms);
    log(`\n## OCMW Online: ${CITIZENS.toLocaleString('en')} concurrent citizen submissions over HTTP (${bench.kind})`);
    log(
      `portal app on a local port, ${postcodes.length} postcodes (${postcodes.map((p) => p.postcode).join(', ')}), each citizen with its own CSRF cookie and solved challenge (${CITIZENS} GET /session and GET …/challenge, OCMW_POW_MAX_NUMBER ${config.citizen.proof.maxNumber}, solved, in ${(sessionsMs / 1000).toFixed(1)} s, not counted); ${mailsAfter!.n - mailsBefore!.n} mails recorded (acknowledgements and notifications, dev outbox); demo seed ${(bench.demoMs / 1000).toFixed(1)} s; ${machine()}, load average ${loadAtStart} at start\n`,
    );
    log('| what | 201 / inserted | rows stored | lost | duplicate references | wall time | throughput | p50 | p99 | none lost, unique |');
    log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
    log(
      `| POST /api/v1/public/help-requests × ${CITIZENS} at once | ${created.length}${created.length < CITIZENS ? ` (${[...statuses].map(([k, v]) => `${v}× ${k}`).join(', ')})` : ''} | ${stored!.rows} | ${lost} | ${duplicates} | ${(serviceMs / 1000).toFixed(2)} s | ${Math.round((CITIZENS / serviceMs) * 1000)}/s | ${fmt(percentile(latencies, 50))} | ${fmt(percentile(latencies, 99))} | ${ok ? 'PASS' : 'MISS'} |`,
    );
    log(
      `| baseline: the same rows, one plain statement per citizen × ${CITIZENS} at once (proof, request, event, mails; sequence reference) | ${inserts.filter((r) => r.reference).length} | ${baseStored!.rows} | ${CITIZENS - baseStored!.rows} | ${baseStored!.rows - baseStored!.distinct} | ${(baselineMs / 1000).toFixed(2)} s | ${Math.round((CITIZENS / baselineMs) * 1000)}/s | ${fmt(percentile(baseLatencies, 50))} | ${fmt(percentile(baseLatencies, 99))} | |`,
    );
    log(`| ratio | | | | | ${(serviceMs / baselineMs).toFixed(1)}× | | | | |`);
    const backend = backendOf(bench.kind);
    return [
      {
        benchmark: 'submissions',
        backend,
        figure: `wall time of ${CITIZENS.toLocaleString('en')} concurrent POST /api/v1/public/help-requests (${created.length} × 201, ${lost} lost, ${duplicates} duplicate references)`,
        value: serviceMs / 1000,
        unit: 's',
        baseline: baselineMs / 1000,
        baselineLabel: `the same rows as ${CITIZENS.toLocaleString('en')} plain statements at once`,
        target: 'none lost, references unique',
        met: ok,
      },
      {
        benchmark: 'submissions',
        backend,
        figure: `p99 latency of those ${CITIZENS.toLocaleString('en')} submissions`,
        value: percentile(latencies, 99),
        unit: 'ms',
        baseline: percentile(baseLatencies, 99),
        baselineLabel: 'p99 of the plain INSERTs',
      },
    ];
  } finally {
    agent.destroy();
    await app.close();
    await bench.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await runSubmissionsBench();
}
