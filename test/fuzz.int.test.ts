/**
 * Fuzzing from the OpenAPI documents (issue #9): for every operation of /api/v1 and /vendor/v1,
 * requests that the operation's schemas certainly refuse (test/fuzz), sent as an actor allowed on
 * the route. Every one must get a 4xx with the SPEC §12 error body, never a 5xx, and change
 * nothing in the database (a checksum of every table after each operation).
 *
 * Bounded here (fixed seed, FUZZ_RUNS cases per operation); `npm run fuzz` runs many more with a
 * random seed, printed for reproduction: FUZZ_SEED=<seed> FUZZ_RUNS=<n> npx vitest run test/fuzz.int.test.ts
 */
import { API_SCOPES } from '../src/modules/registry/index.js';
import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../src/db/db.js';
import { generateSelfSigned, type GeneratedCertificate } from '../src/http/self-signed.js';
import type { Caller } from '../src/modules/access/index.js';
import { makeCa, makeCertificate } from './certificates.js';
import { changedTables, tableChecksums, type Checksums } from './fuzz/db-checksum.js';
import { hasInput, invalidRequestArb, operationsOf, type FuzzRequest, type OpenApiDocument, type Operation } from './fuzz/operations.js';
import { createTestContext, type TestClient, type TestContext } from './test-app.js';
import { startVendorPort, type VendorPort } from './vendor-port.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 8);
const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : process.env.FUZZ_RANDOM_SEED ? Math.floor(Math.random() * 2 ** 31) : 20_260_309;
/** Per operation: the long run takes minutes. */
const TIMEOUT = Math.max(240_000, RUNS * 140 * 400);

type Actor = 'anonymous' | 'user' | 'htb' | 'tb' | 'admin' | 'vendorUser' | 'peeters' | 'dpo' | 'institution' | 'channel';

/**
 * Which actor may call a route with the access rule "context" (the other rules name their actor):
 * the first matching rule wins; see test/authorization-matrix.int.test.ts for who may call what.
 */
const CONTEXT_ACTORS: [methods: string[] | '*', path: RegExp, actor: Actor][] = [
  ['*', /^\/api\/v1\/access\//, 'htb'],
  ['*', /^\/api\/v1\/chaman\/delegations\/\{delegationId\}\/(accept|refuse)$/, 'vendorUser'],
  ['*', /^\/api\/v1\/(chaman|configuration|mutations)(\/|$)/, 'tb'],
  [['PUT'], /^\/api\/v1\/dossiers\/settings$/, 'tb'],
  ['*', /^\/api\/v1\/(help-requests|dossiers|ebox)(\/|$)/, 'user'],
  ['*', /^\/api\/v1\/subsidy-reports(\/|$)/, 'peeters'],
  // Issue 24: the data protection officer of OCMW Antwerpen (application privacy-officer, demo account dpo.antwerpen).
  ['*', /^\/api\/v1\/privacy\//, 'dpo'],
  [['PUT', 'DELETE'], /^\/api\/v1\/mergers\/mine\/checklists\//, 'htb'],
  ['*', /^\/api\/v1\/(mergers|applications|organisations)(\/|$)/, 'user'],
];

const ACCESS_ACTORS: Record<string, Actor> = { public: 'anonymous', session: 'user', admin: 'admin', institution: 'institution', channel: 'channel' };

let ctx: TestContext;
let vendor: VendorPort;
let vendorCert: GeneratedCertificate;
const clients = {} as Record<Actor, TestClient>;
let apiDoc: OpenApiDocument;
let vendorDoc: OpenApiDocument;

async function orgId(name: string): Promise<string> {
  const [r] = await queryRows<{ id: string }>(ctx.database.db, sql`select id from organisations where name_nl = ${name}`);
  return r!.id;
}

interface Answer {
  status: number;
  contentType: string;
  body: string;
}

function vendorCall(req: FuzzRequest): Promise<Answer> {
  return vendor.raw({ method: req.method, path: req.url, headers: req.headers, payload: req.payload, cert: vendorCert, freshConnection: true });
}

async function portalCall(actor: Actor, req: FuzzRequest): Promise<Answer> {
  const res = await clients[actor].request({ method: req.method as 'GET', url: req.url, payload: req.payload, headers: req.headers });
  return { status: res.statusCode, contentType: String(res.headers['content-type'] ?? ''), body: res.body };
}

/** What is wrong with the answer to a request the route must refuse, or undefined. */
function problemWith(answer: Answer): string | undefined {
  const { status } = answer;
  if (status < 400 || status > 499) return `status ${status}`;
  // A refusal of the actor would hide what the route does with the input: the actor table is wrong.
  if (status === 401 || status === 403) return `status ${status}: the actor is not allowed on this route`;
  if (!answer.contentType.includes('application/json')) return `status ${status} with content type "${answer.contentType}"`;
  let body: unknown;
  try {
    body = JSON.parse(answer.body);
  } catch {
    return `status ${status} with a body that is not JSON`;
  }
  const parsed = ErrorShape.safeParse(body);
  if (!parsed.success) return `status ${status}: not the SPEC §12 error shape`;
  if (parsed.data.error.code === 'validation' && !Object.keys(parsed.data.error.fields ?? {}).length) return 'a validation error without field-level messages';
  return undefined;
}

// SPEC §12: {"error":{"code":str,"message":str,"fields":{name:message}?}} (violations: an extension).
const { z } = await import('zod');
const ErrorShape = z.strictObject({
  error: z.strictObject({
    code: z.string().min(1),
    message: z.string().min(1),
    fields: z.record(z.string(), z.string().min(1)).optional(),
    violations: z.array(z.strictObject({ rule: z.string(), message: z.string() })).optional(),
  }),
});

function routeKey(op: Operation): string {
  return `${op.method} ${op.path.replace(/\{(\w+)\}/g, ':$1')}`;
}

function actorFor(op: Operation): Actor | undefined {
  const route = ctx.app.routeTable.find((r) => `${r.method} ${r.url}` === routeKey(op));
  if (!route) return undefined;
  if (route.access !== 'context') return ACCESS_ACTORS[route.access];
  return CONTEXT_ACTORS.find(([methods, path]) => (methods === '*' || methods.includes(op.method)) && path.test(op.path))?.[2];
}

/** A seed per operation, so adding a route does not change the cases of the others. */
function seedOf(op: Operation): number {
  let h = SEED | 0;
  for (const ch of `${op.method} ${op.path}`) h = (Math.imul(h, 31) + ch.charCodeAt(0)) | 0;
  return h;
}

interface Finding {
  route: string;
  request: string;
  problem: string;
}

/** Sends RUNS refused requests for each operation; returns the findings and the operations covered. */
async function fuzz(ops: Operation[], send: (op: Operation, req: FuzzRequest) => Promise<Answer>, maxUrlString: number) {
  const findings: Finding[] = [];
  let before: Checksums = await tableChecksums(ctx.database.db);
  for (const op of ops) {
    const arb = invalidRequestArb(op, { maxStringLength: maxUrlString });
    if (!arb) continue;
    const requests = fc.sample(arb, { seed: seedOf(op), numRuns: RUNS });
    let reported = 0;
    for (const req of requests) {
      const answer = await send(op, req).catch((error: Error): Answer => ({ status: 0, contentType: '', body: `${error.message}` }));
      if (process.env.FUZZ_VERBOSE) {
        console.log(`${answer.status} ${answer.body.slice(0, 120)} ← ${req.method} ${req.url.slice(0, 120)} [${req.mutations.join('; ').slice(0, 200)}]`);
      }
      const problem = problemWith(answer);
      if (problem && reported++ < 3) {
        findings.push({ route: `${op.method} ${op.path}`, request: `${req.method} ${req.url.slice(0, 200)} [${req.mutations.join('; ')}]`, problem: `${problem} ${answer.body.slice(0, 300)}` });
      }
    }
    const after = await tableChecksums(ctx.database.db);
    const changed = changedTables(before, after);
    if (changed.length) findings.push({ route: `${op.method} ${op.path}`, request: '(all cases of the route)', problem: `changed tables: ${changed.join(', ')}` });
    before = after;
  }
  return findings;
}

beforeAll(async () => {
  ctx = await createTestContext();
  const anonymous = ctx.client();
  await anonymous.get('/api/v1/session');
  clients.anonymous = anonymous;
  const login = async (actor: Actor, username: string, org?: string) => {
    const c = ctx.client();
    const session = await c.loginAs(username, org);
    clients[actor] = c;
    return session as { user: { id: string }; context: Caller['context'] };
  };
  await login('user', 'user.antwerpen');
  await login('htb', 'htb.antwerpen');
  await login('dpo', 'dpo.antwerpen');
  const tb = await login('tb', 'tb.antwerpen');
  await login('admin', 'admin');
  await login('vendorUser', 'vendor.cevi');
  await login('peeters', 'an.peeters', 'Borsbeek');

  // An institution (RSZ) with a machine credential, and an FTP channel with "Mutaties RijksRegister".
  const institution = ctx.client();
  institution.headers = { authorization: `Bearer ${(await ctx.services.registry.createApiClient(await orgId('Rijksdienst voor Sociale Zekerheid (RSZ)'), 'fuzz', [...API_SCOPES])).token}` };
  clients.institution = institution;
  const tbCaller: Caller = { userId: tb.user.id, language: 'nl', context: tb.context };
  await ctx.services.channels.saveSender(tbCaller, { contactName: 'ICT', phoneCode: '+32', phoneNumber: '456986532', email: 'ict@demo.example', language: 'nl' });
  const ca = await makeCa({ key: 'RSA-2048' });
  const now = Date.now();
  const ftpCert = await makeCertificate({ key: 'EC-P-384', hash: 'SHA-384', issuer: ca, notBefore: new Date(now - 86_400_000), notAfter: new Date(now + 300 * 86_400_000) });
  const ftp = await ctx.services.channels.createFtpAccount(tbCaller, {
    kind: 'FTP',
    name: 'Fuzz',
    permissions: ['mutaties-rijksregister'],
    certificateName: 'fuzz',
    certificate: { fileName: 'fuzz.cer', contentBase64: Buffer.from(ftpCert.der).toString('base64') },
    username: 'fuzzmut1',
  });
  const channel = ctx.client();
  channel.headers = { authorization: `Basic ${Buffer.from(`fuzzmut1:${ftp.password!}`).toString('base64')}` };
  clients.channel = channel;

  // The vendor port, over real mutual TLS, with a REST account of OCMW Antwerpen holding all four permissions.
  vendor = await startVendorPort(ctx);
  vendorCert = await generateSelfSigned({ subject: 'CN=fuzz', days: 365, usage: 'client' });
  await vendor.restAccount('OCMW Antwerpen', 'fuzz-vendor', ['ocmw-online-proces', 'signaletiek-raadplegen', 'signaletiek-bewerken', 'ocmw-online-admin'], vendorCert);

  apiDoc = (await ctx.app.inject('/api/v1/openapi.json')).json();
  const vendorDocAnswer = await vendorCall({ method: 'GET', url: '/vendor/v1/openapi.json', headers: {}, mutations: [] });
  vendorDoc = JSON.parse(vendorDocAnswer.body);
  console.log(`fuzz: seed ${SEED}, ${RUNS} cases per operation (reproduce: FUZZ_SEED=${SEED} FUZZ_RUNS=${RUNS} npx vitest run test/fuzz.int.test.ts)`);
});
afterAll(async () => {
  await vendor?.close();
  await ctx?.close();
});

describe('fuzzing from the OpenAPI documents', () => {
  it('has a generated case for every operation with input, and an allowed actor for each', () => {
    const uncovered: string[] = [];
    const noInput: string[] = [];
    for (const op of [...operationsOf(apiDoc), ...operationsOf(vendorDoc)]) {
      if (!hasInput(op)) {
        noInput.push(`${op.method} ${op.path}`);
        continue;
      }
      if (!invalidRequestArb(op, { maxStringLength: 4000 })) uncovered.push(`${op.method} ${op.path}: no generated case`);
      if (!op.path.startsWith('/vendor/') && !actorFor(op)) uncovered.push(`${op.method} ${op.path}: no actor`);
    }
    expect(operationsOf(apiDoc).length).toBeGreaterThan(90);
    expect(operationsOf(vendorDoc).length).toBeGreaterThan(5);
    expect(uncovered).toEqual([]);
    // "No input to fuzz": derived from the documents (no path, query or body parameters), listed for the record.
    expect(noInput.every((r) => r.startsWith('GET ') || r.startsWith('POST '))).toBe(true);
  });

  it(
    'refuses every fuzzed request to /api/v1 with a 4xx in the SPEC §12 shape, and changes nothing',
    async () => {
      const ops = operationsOf(apiDoc).filter(hasInput);
      const findings = await fuzz(ops, (op, req) => portalCall(actorFor(op)!, req), 100_000);
      expect(findings).toEqual([]);
    },
    TIMEOUT,
  );

  it(
    'refuses every fuzzed request to /vendor/v1 (mutual TLS) with a 4xx in the SPEC §12 shape, and changes nothing',
    async () => {
      const ops = operationsOf(vendorDoc).filter(hasInput);
      // A real socket: Node refuses request lines beyond its 16 KiB header limit before the app sees them.
      const findings = await fuzz(ops, (_op, req) => vendorCall(req), 4000);
      expect(findings).toEqual([]);
    },
    TIMEOUT,
  );
});
