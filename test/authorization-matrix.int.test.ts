/**
 * The authorization matrix (issue #3, N4): every API route of BOTH ports × every kind of actor,
 * with the expected allow/deny. The routes come from Fastify's own route tables (an onRoute hook
 * in src/app.ts and in src/http/vendor-app.ts), so a route added to either app without an entry
 * here makes this test fail. Routes outside the API (static files of the SPA, the API docs) must
 * be public GETs and nothing else.
 */
import { API_SCOPES } from '../src/modules/registry/index.js';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WEB_DIST } from '../src/app.js';
import { queryRows } from '../src/db/db.js';
import { generateSelfSigned, type GeneratedCertificate } from '../src/http/self-signed.js';
import { inszFromParts } from '../src/shared/identifiers.js';
import { makeCa, makeCertificate } from './certificates.js';
import type { Caller } from '../src/modules/access/index.js';
import { createTestContext, type TestClient, type TestContext } from './test-app.js';
import { startVendorPort, type VendorPort } from './vendor-port.js';

const ACTORS = ['anonymous', 'htb', 'coHtb', 'tb', 'coTb', 'userWithApp', 'userWithoutApp', 'blocked', 'otherOrg', 'admin', 'vendor', 'institution'] as const;
type ActorKind = (typeof ACTORS)[number];

/** People with a portal session (the institution is a machine with a bearer token, no session). */
const LOGGED_IN: ActorKind[] = ACTORS.filter((a) => a !== 'anonymous' && a !== 'institution');
const WITH_CONTEXT: ActorKind[] = LOGGED_IN.filter((a) => a !== 'blocked');
const MANAGERS: ActorKind[] = ['htb', 'coHtb', 'tb', 'coTb'];
const HTBS: ActorKind[] = ['htb', 'coHtb'];
/** ChaMan users (R3.1): the (co-)TB, users with the application — also of another OCMW and of a vendor, each in its own domain. */
const CHAMAN_OWN: ActorKind[] = ['tb', 'coTb', 'otherOrg', 'vendor'];
const CHAMAN_HERE: ActorKind[] = ['tb', 'coTb'];
/** OCMW-configuratie (R4.1): the (co-)TB of Maatschappelijk Welzijn and users with the application, each for its own OCMW. */
const CONFIG_OWN: ActorKind[] = ['tb', 'coTb', 'otherOrg'];
/** An INSZ to search for (a search creates nothing, so it needs no new person). */
const SEARCHED = '85073003328';
const person = { surname: 'M', firstName: 'T', email: 'm@demo.example', phone: '+32 3 123 45 67' };
/** OCMW Online (R6.8): users with the "OCMW Online" or "Sociale Agent" application, for their own OCMW. */
const ONLINE: ActorKind[] = ['userWithApp'];

/** A new running form of OCMW Antwerpen, registered as user.antwerpen would. */
async function freshForm(): Promise<{ id: string; dossierId: string }> {
  const session = await ctx.client().loginAs('user.antwerpen');
  const caller = { userId: session.user.id, username: 'user.antwerpen', language: 'nl' as const, context: session.context };
  return ctx.services.dossiers.registerForm(caller, { insz: inszFromParts('770707', serial++), kind: 'integration', subtype: 'leefloon', startDate: '2026-01-01' });
}

async function antwerpenMerger(): Promise<number> {
  const [row] = await queryRows<{ id: number }>(ctx.database.db, sql`select id from mergers where name = 'Antwerpen'`);
  return row!.id;
}

/** A merger of two OCMWs outside the 2025 mergers, in 2031 (scenario 3: the first keeps KBO and NIS). */
let mergerSerial = 0;
async function futureMergerBody() {
  const pair = await queryRows<{ id: string; nis: string }>(
    ctx.database.db,
    sql`select a.organisation_id as id, a.nis from ocmw_areas a
        where not exists (select 1 from merger_sources s where s.organisation_id = a.organisation_id)
          and not exists (select 1 from mergers m where m.target_organisation_id = a.organisation_id)
        order by a.nis offset ${mergerSerial * 2} limit 2`,
  );
  const n = ++mergerSerial;
  return {
    code: `matrix-${n}-2031`,
    name: `Matrix ${n}`,
    effectiveDate: '2031-01-01',
    sources: pair.map((p) => ({ organisationId: p.id, nis: p.nis })),
    targetOrganisationId: pair[0]!.id,
    targetNis: pair[0]!.nis,
  };
}

/** A future merger whose target has an HTB (so its cut-over may run). */
async function futureMerger(): Promise<number> {
  const body = await futureMergerBody();
  const { id } = await ctx.services.mergers.definitions.create(body, { userId: null });
  const [someone] = await queryRows<{ id: string }>(ctx.database.db, sql`select id from users where username = 'htb.antwerpen'`);
  await ctx.database.db.execute(sql`insert into organisation_managers (organisation_id, user_id, role) values (${body.targetOrganisationId}, ${someone!.id}, 'HTB') on conflict do nothing`);
  return id;
}

/** A new help request of OCMW Antwerpen (filed today), for the routes that act on one. */
async function freshHelpRequest(): Promise<string> {
  const receipt = await ctx.services.helpRequests.submit({ language: 'nl', kinds: ['leefloon'], postcode: '2000', surname: 'M', firstName: 'T', phone: '03 123 45 67', message: 'matrix' });
  const [row] = await queryRows<{ id: string }>(ctx.database.db, sql`select id from help_requests where reference = ${receipt.reference}`);
  return row!.id;
}

interface Helpers {
  domainId: string;
  organisationId: string;
  /** A fresh user (type USER) in the domain, for requests that change or remove a user. */
  freshUser(): Promise<{ userId: string; insz: string }>;
  /** A fresh co-HTB of the organisation. */
  freshCoHtb(): Promise<{ userId: string }>;
  newInsz(): string;
  /** A fresh REST account of the Antwerpen domain (internal, with a certificate). */
  freshRestAccount(): Promise<string>;
  /** The domain's one FTP account (made once; a password reset leaves it in place). */
  ftpAccount(): Promise<string>;
  /** A fresh pending delegation of the Antwerpen domain to Cevi. */
  freshDelegation(): Promise<string>;
  certificate(selfSigned?: boolean): Promise<{ fileName: string; contentBase64: string }>;
}

interface Req {
  url: string;
  payload?: unknown;
  headers?: Record<string, string>;
}

interface Entry {
  allow: ActorKind[] | 'public' | 'declared-only';
  request?: (h: Helpers) => Promise<Req> | Req;
  /** Statuses that mean "allowed" (default 200, 201, 204). */
  ok?: number[];
  why?: string;
  /** Public reference data that every organisation may see. */
  shared?: boolean;
}

let serial = 500;
const newPerson = (insz: string, username: string) => ({
  insz,
  type: 'USER' as const,
  applications: ['ebox'] as 'ebox'[],
  person: {
    username,
    usernameConfirm: username,
    password: 'Vlinder-Kaasschaaf-19',
    passwordConfirm: 'Vlinder-Kaasschaaf-19',
    surname: 'Matrix',
    firstName: 'Test',
    title: null,
    language: 'nl' as const,
    email: `${username}@demo.example`,
  },
});

/** Every API route: "METHOD url" → who may call it. */
const MATRIX: Record<string, Entry> = {
  'GET /health': { allow: 'public', request: () => ({ url: '/health' }) },
  'GET /ready': { allow: 'public', request: () => ({ url: '/ready' }) },
  'GET /api/v1/openapi.json': { allow: 'public', request: () => ({ url: '/api/v1/openapi.json' }) },
  'GET /api/v1/session': { allow: 'public', request: () => ({ url: '/api/v1/session' }) },
  'POST /api/v1/session/login': { allow: 'declared-only', why: 'public by nature; covered by auth.int.test.ts' },
  'POST /api/v1/session/setup-password': { allow: 'declared-only', why: 'public by nature (the one-time link of ocmw admin create); covered by first-start.int.test.ts' },
  'POST /api/v1/session/context': { allow: 'declared-only', why: 'any session; covered by auth.int.test.ts' },
  'POST /api/v1/session/logout': { allow: 'declared-only', why: 'any session; covered by auth.int.test.ts' },
  // Issue 21: browser navigations of an anonymous person (they answer redirects, never data).
  'GET /api/v1/session/oidc/:providerId/login': { allow: 'declared-only', why: 'public by nature (starts a sign-in at an identity provider); covered by test/oidc.int.test.ts' },
  'GET /api/v1/session/oidc/:providerId/callback': { allow: 'declared-only', why: 'public by nature (the identity provider’s answer, checked: state, browser, nonce, ID token); covered by test/oidc.int.test.ts' },
  'GET /api/v1/postcodes/:postcode/municipalities': { allow: 'public', request: () => ({ url: '/api/v1/postcodes/9120/municipalities' }) },
  // The merger list is public reference data (names and KBO numbers are public in the KBO).
  'POST /api/v1/admin/htb-import': {
    allow: ['admin'],
    request: () => ({
      url: '/api/v1/admin/htb-import?dryRun=true',
      payload: readFileSync('docs/examples/htb-import.xlsx'),
      headers: { 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
    }),
  },
  'GET /api/v1/admin/mails': { allow: ['admin'], request: () => ({ url: '/api/v1/admin/mails' }) },
  // Issue 19: the OCMWs that received help requests nobody can read.
  'GET /api/v1/admin/help-requests/unreadable': { allow: ['admin'], request: () => ({ url: '/api/v1/admin/help-requests/unreadable' }) },
  // The id names no failed mail: an administrator gets 404 (the resend itself: notifications.int.test.ts).
  'POST /api/v1/admin/mails/:id/resend': { allow: ['admin'], ok: [404], request: () => ({ url: '/api/v1/admin/mails/00000000-0000-4000-8000-000000000001/resend' }) },
  'GET /api/v1/mergers': { allow: WITH_CONTEXT, shared: true, request: () => ({ url: '/api/v1/mergers' }) },
  'GET /api/v1/organisations': { allow: ['admin'], request: () => ({ url: '/api/v1/organisations' }) },
  'GET /api/v1/organisations/:organisationId': {
    allow: ['htb', 'coHtb', 'tb', 'coTb', 'userWithApp', 'userWithoutApp', 'admin'],
    request: (h) => ({ url: `/api/v1/organisations/${h.organisationId}` }),
  },
  'GET /api/v1/applications': { allow: WITH_CONTEXT, request: () => ({ url: '/api/v1/applications' }) },
  'GET /api/v1/access/domains': { allow: WITH_CONTEXT, request: () => ({ url: '/api/v1/access/domains' }) },
  'GET /api/v1/access/domains/:domainId': { allow: MANAGERS, request: (h) => ({ url: `/api/v1/access/domains/${h.domainId}` }) },
  'PATCH /api/v1/access/domains/:domainId': {
    allow: ['htb', 'coHtb', 'tb'],
    request: (h) => ({ url: `/api/v1/access/domains/${h.domainId}`, payload: { contactEmail: 'matrix@demo.example' } }),
  },
  'POST /api/v1/access/domains/:domainId/persons/lookup': {
    allow: MANAGERS,
    request: (h) => ({ url: `/api/v1/access/domains/${h.domainId}/persons/lookup`, payload: { insz: h.newInsz() } }),
  },
  // Issue 24: the look-up of before, with the INSZ in its URL: only ever a 400 naming the field (after the session check).
  'GET /api/v1/access/domains/:domainId/persons': {
    allow: WITH_CONTEXT,
    ok: [400],
    request: (h) => ({ url: `/api/v1/access/domains/${h.domainId}/persons?insz=${SEARCHED}` }),
  },
  'GET /api/v1/access/domains/:domainId/users': { allow: MANAGERS, request: (h) => ({ url: `/api/v1/access/domains/${h.domainId}/users` }) },
  'GET /api/v1/access/domains/:domainId/users/export': {
    allow: MANAGERS,
    request: (h) => ({ url: `/api/v1/access/domains/${h.domainId}/users/export?format=csv` }),
  },
  'POST /api/v1/access/domains/:domainId/users/search': { allow: MANAGERS, request: (h) => ({ url: `/api/v1/access/domains/${h.domainId}/users/search`, payload: { insz: SEARCHED } }) },
  'POST /api/v1/access/domains/:domainId/users/export': {
    allow: MANAGERS,
    request: (h) => ({ url: `/api/v1/access/domains/${h.domainId}/users/export`, payload: { insz: SEARCHED, format: 'csv' } }),
  },
  'POST /api/v1/access/domains/:domainId/users/validate': {
    allow: MANAGERS,
    request: (h) => ({ url: `/api/v1/access/domains/${h.domainId}/users/validate`, payload: newPerson(h.newInsz(), `matrix.v${serial++}`) }),
  },
  'POST /api/v1/access/domains/:domainId/users': {
    allow: MANAGERS,
    request: (h) => ({ url: `/api/v1/access/domains/${h.domainId}/users`, payload: newPerson(h.newInsz(), `matrix.n${serial++}`) }),
  },
  'POST /api/v1/access/domains/:domainId/users/bulk': {
    allow: MANAGERS,
    request: async (h) => ({ url: `/api/v1/access/domains/${h.domainId}/users/bulk`, payload: { action: 'block', userIds: [(await h.freshUser()).userId] } }),
  },
  'GET /api/v1/access/domains/:domainId/users/:userId': {
    allow: MANAGERS,
    request: async (h) => ({ url: `/api/v1/access/domains/${h.domainId}/users/${(await h.freshUser()).userId}` }),
  },
  'PATCH /api/v1/access/domains/:domainId/users/:userId': {
    allow: MANAGERS,
    request: async (h) => ({ url: `/api/v1/access/domains/${h.domainId}/users/${(await h.freshUser()).userId}`, payload: { localEmail: 'lokaal@demo.example' } }),
  },
  'DELETE /api/v1/access/domains/:domainId/users/:userId': {
    allow: ['htb', 'coHtb', 'tb'],
    request: async (h) => ({ url: `/api/v1/access/domains/${h.domainId}/users/${(await h.freshUser()).userId}` }),
  },
  'POST /api/v1/access/domains/:domainId/tb/validate': {
    allow: HTBS,
    request: async (h) => ({ url: `/api/v1/access/domains/${h.domainId}/tb/validate`, payload: { insz: (await h.freshUser()).insz } }),
  },
  'PUT /api/v1/access/domains/:domainId/tb': {
    // Re-appointing the current TB passes authorization and then fails on the rule "same person".
    allow: HTBS,
    ok: [400],
    request: async (h) => {
      const [tb] = await queryRows<{ insz: string }>(ctx.database.db, sql`select insz from users where username = 'tb.antwerpen'`);
      return { url: `/api/v1/access/domains/${h.domainId}/tb`, payload: { insz: tb!.insz } };
    },
  },
  // Organisation-scoped routes answer with the caller's own organisation: the TB of another
  // OCMW is allowed and sees only its own (checked below and in isolation.int.test.ts).
  'GET /api/v1/access/managers': { allow: [...MANAGERS, 'otherOrg'], request: () => ({ url: '/api/v1/access/managers' }) },
  'POST /api/v1/access/managers/validate': {
    allow: HTBS,
    request: async (h) => ({ url: '/api/v1/access/managers/validate', payload: { insz: (await h.freshUser()).insz } }),
  },
  'POST /api/v1/access/managers': {
    allow: HTBS,
    request: async (h) => ({ url: '/api/v1/access/managers', payload: { insz: (await h.freshUser()).insz } }),
  },
  'DELETE /api/v1/access/managers/:userId': {
    allow: HTBS,
    request: async (h) => ({ url: `/api/v1/access/managers/${(await h.freshCoHtb()).userId}` }),
  },
  'GET /api/v1/access/audit': { allow: ['htb', 'coHtb', 'tb', 'otherOrg'], request: () => ({ url: '/api/v1/access/audit' }) },
  'GET /api/v1/access/audit/export': { allow: ['htb', 'coHtb', 'tb', 'otherOrg'], request: () => ({ url: '/api/v1/access/audit/export?format=csv' }) },
  'GET /api/v1/chaman': { allow: CHAMAN_OWN, request: () => ({ url: '/api/v1/chaman' }) },
  'PUT /api/v1/chaman/sender': {
    allow: CHAMAN_OWN,
    request: () => ({ url: '/api/v1/chaman/sender', payload: { contactName: 'M', phoneCode: '+32', phoneNumber: '456986532', email: 'm@demo.example', language: 'nl' } }),
  },
  'GET /api/v1/chaman/intermediaries': { allow: CHAMAN_OWN, request: () => ({ url: '/api/v1/chaman/intermediaries' }) },
  'POST /api/v1/chaman/accounts/ftp': {
    // One FTP account per domain: after the first, an allowed caller meets that rule (400).
    allow: CHAMAN_OWN,
    ok: [201, 400],
    request: async (h) => ({
      url: '/api/v1/chaman/accounts/ftp',
      payload: { kind: 'FTP', name: 'M', permissions: ['mutaties-rijksregister'], certificateName: 'm', certificate: await h.certificate(), username: `m${serial++}` },
    }),
  },
  'POST /api/v1/chaman/accounts/soap': {
    allow: CHAMAN_OWN,
    ok: [201, 400],
    request: async (h) => ({ url: '/api/v1/chaman/accounts/soap', payload: { name: 'S', certificateName: 's', certificate: await h.certificate() } }),
  },
  'POST /api/v1/chaman/accounts/rest': {
    allow: CHAMAN_OWN,
    request: async (h) => ({ url: '/api/v1/chaman/accounts/rest', payload: { management: 'internal', name: 'R', permissions: ['ocmw-online-proces'], certificateName: 'r', certificate: await h.certificate(true) } }),
  },
  'PATCH /api/v1/chaman/accounts/:accountId': {
    allow: CHAMAN_HERE,
    request: async (h) => ({ url: `/api/v1/chaman/accounts/${await h.freshRestAccount()}`, payload: { name: 'Hernoemd' } }),
  },
  'PUT /api/v1/chaman/accounts/:accountId/certificate': {
    allow: CHAMAN_HERE,
    request: async (h) => ({ url: `/api/v1/chaman/accounts/${await h.freshRestAccount()}/certificate`, payload: { certificateName: 'n', certificate: await h.certificate(true) } }),
  },
  'POST /api/v1/chaman/accounts/:accountId/password': {
    allow: CHAMAN_HERE,
    request: async (h) => ({ url: `/api/v1/chaman/accounts/${await h.ftpAccount()}/password`, payload: {} }),
  },
  'DELETE /api/v1/chaman/accounts/:accountId': {
    allow: CHAMAN_HERE,
    request: async (h) => ({ url: `/api/v1/chaman/accounts/${await h.freshRestAccount()}` }),
  },
  'POST /api/v1/chaman/delegations/:delegationId/cancel': {
    allow: CHAMAN_HERE,
    request: async (h) => ({ url: `/api/v1/chaman/delegations/${await h.freshDelegation()}/cancel` }),
  },
  'POST /api/v1/chaman/delegations/:delegationId/accept': {
    allow: ['vendor'],
    request: async (h) => ({ url: `/api/v1/chaman/delegations/${await h.freshDelegation()}/accept`, payload: { certificateName: 'v', certificate: await h.certificate(true) } }),
  },
  'POST /api/v1/chaman/delegations/:delegationId/refuse': {
    allow: ['vendor'],
    request: async (h) => ({ url: `/api/v1/chaman/delegations/${await h.freshDelegation()}/refuse`, payload: { reason: 'nee' } }),
  },
  'GET /api/v1/configuration': { allow: CONFIG_OWN, request: () => ({ url: '/api/v1/configuration' }) },
  'GET /api/v1/configuration/mutations/catalogue': { allow: CONFIG_OWN, request: () => ({ url: '/api/v1/configuration/mutations/catalogue' }) },
  'PUT /api/v1/configuration/mutations': { allow: CONFIG_OWN, request: () => ({ url: '/api/v1/configuration/mutations', payload: { selected: ['MURG'] } }) },
  'GET /api/v1/configuration/mutations/history': { allow: CONFIG_OWN, request: () => ({ url: '/api/v1/configuration/mutations/history' }) },
  'PUT /api/v1/configuration/technical': {
    allow: CONFIG_OWN,
    request: () => ({ url: '/api/v1/configuration/technical', payload: { networkProvider: 'Win', softwareVendors: ['Civadis'], programmes: [], technicalContact: person, testContact: person } }),
  },
  'PUT /api/v1/configuration/contact': {
    allow: CONFIG_OWN,
    request: () => ({
      url: '/api/v1/configuration/contact',
      payload: { streetNl: 'S', streetFr: 'S', streetDe: 'S', cityNl: 'C', cityFr: 'C', cityDe: 'C', number: '1', postcode: '2000', receptionPhone: '03 338 30 00' },
    }),
  },
  'PUT /api/v1/configuration/online': { allow: CONFIG_OWN, request: () => ({ url: '/api/v1/configuration/online', payload: { notificationsEnabled: false, remindersEnabled: false } }) },
  'GET /api/v1/configuration/:section/history': { allow: CONFIG_OWN, request: () => ({ url: '/api/v1/configuration/contact/history' }) },
  'POST /api/v1/institution/mutations': {
    allow: ['institution'],
    request: () => ({ url: '/api/v1/institution/mutations', payload: { mutations: [{ type: 'MURN', insz: '85073003328', occurredAt: '2026-03-03T10:00:00+01:00', payload: {} }] } }),
  },
  // Channel routes authenticate with an FTP channel's credentials, never with a session: every
  // session actor is refused (their allowed case is tested in mutations.int.test.ts).
  'GET /api/v1/channel/mutation-files': { allow: [], request: () => ({ url: '/api/v1/channel/mutation-files' }) },
  'GET /api/v1/channel/mutation-files/:date': { allow: [], request: () => ({ url: '/api/v1/channel/mutation-files/2026-03-12' }) },
  'GET /api/v1/mutations': { allow: CONFIG_OWN, request: () => ({ url: '/api/v1/mutations' }) },
  // Issue 23: the file channel. The HTTPS upload twin of /in/ takes channel credentials only (its
  // allowed case is in src/modules/file-channel/sftp.int.test.ts and the benchmark); institutions
  // read the files addressed to them with channel:read (no such file here: 404 for the allowed one).
  'PUT /api/v1/channel/in/:name': { allow: [], request: () => ({ url: '/api/v1/channel/in/0206731645_x.xml', payload: Buffer.from('x'), headers: { 'content-type': 'application/octet-stream' } }) },
  'GET /api/v1/institution/channel/files': { allow: ['institution'], request: () => ({ url: '/api/v1/institution/channel/files' }) },
  'GET /api/v1/institution/channel/files/:id': { allow: ['institution'], ok: [404], request: () => ({ url: '/api/v1/institution/channel/files/00000000-0000-4000-8000-000000000001' }) },
  // The SFTP server's host key fingerprint is what every client is shown at its first connection: any session reads it.
  'GET /api/v1/chaman/sftp': { allow: LOGGED_IN, shared: true, request: () => ({ url: '/api/v1/chaman/sftp' }) },
  // e-Box (R10.1): institutions publish with their machine credential; "e-Box van de instelling"
  // reads (userWithApp). No actor here holds "e-Box Bevoorrechte gebruiker", so hide and restore
  // are refused to all; their allowed cases, RSZ documents and another OCMW's 404 are in
  // src/modules/mailbox/mailbox.int.test.ts.
  ...((): Record<string, Entry> => {
    const EBOX: ActorKind[] = ['userWithApp'];
    const document = { recipientKbo: '0212235604', title: 'Matrix', category: 'Matrix', messageType: 'Matrix', documentDate: '2026-03-01', body: 'matrix' };
    /** A new document in OCMW Antwerpen's e-Box, published by the RSZ. */
    const freshEboxDocument = async (withAttachment = false) => {
      const [rsz] = await queryRows<{ id: string }>(ctx.database.db, sql`select id from organisations where name_nl like 'Rijksdienst%'`);
      const attachment = { fileName: 'matrix.pdf', mimeType: 'application/pdf' as const, contentBase64: Buffer.from('%PDF-1.7\n').toString('base64') };
      return (await ctx.services.mailbox.publishAs({ organisationId: rsz!.id, name: 'matrix' }, { ...document, rsz: false, ...(withAttachment ? { attachment } : {}) })).id;
    };
    return {
      'POST /api/v1/institution/ebox/documents': { allow: ['institution'], request: () => ({ url: '/api/v1/institution/ebox/documents', payload: document }) },
      'GET /api/v1/ebox/documents': { allow: EBOX, request: () => ({ url: '/api/v1/ebox/documents' }) },
      'GET /api/v1/ebox/summary': { allow: EBOX, request: () => ({ url: '/api/v1/ebox/summary' }) },
      'GET /api/v1/ebox/documents/:id': { allow: EBOX, request: async () => ({ url: `/api/v1/ebox/documents/${await freshEboxDocument()}` }) },
      'GET /api/v1/ebox/documents/:id/attachment': { allow: EBOX, request: async () => ({ url: `/api/v1/ebox/documents/${await freshEboxDocument(true)}/attachment` }) },
      'POST /api/v1/ebox/documents/:id/hide': { allow: [], why: 'no actor holds e-Box Bevoorrechte gebruiker', request: async () => ({ url: `/api/v1/ebox/documents/${await freshEboxDocument()}/hide` }) },
      'POST /api/v1/ebox/documents/:id/restore': { allow: [], why: 'no actor holds e-Box Bevoorrechte gebruiker', request: async () => ({ url: `/api/v1/ebox/documents/${await freshEboxDocument()}/restore` }) },
    };
  })(),
  'POST /api/v1/admin/organisations/:organisationId/end-access': {
    allow: ['admin'],
    request: async () => {
      const [org] = await queryRows<{ id: string }>(ctx.database.db, sql`select id from organisations where name_nl = 'OCMW Zwijndrecht'`);
      // R8.3′: Zwijndrecht's 2024 Uniek verslag is open, so the administrator gives the override's reason.
      return { url: `/api/v1/admin/organisations/${org!.id}/end-access`, payload: { confirm: true, overrideReason: 'authorization matrix' } };
    },
  },
  'GET /api/v1/admin/organisations/:organisationId/open-work': {
    allow: ['admin'],
    request: async () => {
      const [org] = await queryRows<{ id: string }>(ctx.database.db, sql`select id from organisations where name_nl = 'OCMW Melle'`);
      return { url: `/api/v1/admin/organisations/${org!.id}/open-work` };
    },
  },
  // R10.2′: the administrator reopens a Uniek verslag window (Melle's 2024 report, until the end of this year).
  'GET /api/v1/admin/subsidy-reports/reopenings': { allow: ['admin'], request: () => ({ url: '/api/v1/admin/subsidy-reports/reopenings' }) },
  'POST /api/v1/admin/subsidy-reports/reopenings': {
    allow: ['admin'],
    request: async () => {
      const [org] = await queryRows<{ id: string }>(ctx.database.db, sql`select id from organisations where name_nl = 'OCMW Melle'`);
      return { url: '/api/v1/admin/subsidy-reports/reopenings', payload: { organisationId: org!.id, year: 2024, until: `${ctx.clock.today().slice(0, 4)}-12-31`, reason: 'authorization matrix' } };
    },
  },
  // R12.1: the helpdesk contacts, for everyone.
  'GET /api/v1/help': { allow: 'public', request: () => ({ url: '/api/v1/help' }) },
  'POST /api/v1/admin/organisations/:organisationId/restore-access': {
    allow: ['admin'],
    request: async () => {
      const [org] = await queryRows<{ id: string }>(ctx.database.db, sql`select id from organisations where name_nl = 'OCMW Melle'`);
      return { url: `/api/v1/admin/organisations/${org!.id}/restore-access`, payload: { confirm: true } };
    },
  },
  // ── the merger engine (R7): administrators; each OCMW reads its own checklist, its managers tick it ──
  'POST /api/v1/admin/mergers': { allow: ['admin'], request: async () => ({ url: '/api/v1/admin/mergers', payload: await futureMergerBody() }) },
  'PUT /api/v1/admin/mergers/:id': {
    allow: ['admin'],
    request: async () => {
      const body = await futureMergerBody();
      const { id } = await ctx.services.mergers.definitions.create(body, { userId: null });
      return { url: `/api/v1/admin/mergers/${id}`, payload: { ...body, name: `${body.name} (gewijzigd)` } };
    },
  },
  'DELETE /api/v1/admin/mergers/:id': {
    allow: ['admin'],
    request: async () => ({ url: `/api/v1/admin/mergers/${(await ctx.services.mergers.definitions.create(await futureMergerBody(), { userId: null })).id}` }),
  },
  'POST /api/v1/admin/mergers/import': {
    allow: ['admin'],
    request: () => ({ url: '/api/v1/admin/mergers/import?dryRun=true', payload: readFileSync('data/mergers-2025.csv', 'utf8'), headers: { 'content-type': 'text/csv' } }),
  },
  'GET /api/v1/admin/mergers/progress': { allow: ['admin'], request: () => ({ url: '/api/v1/admin/mergers/progress' }) },
  'GET /api/v1/admin/mergers/:id/checklist': { allow: ['admin'], request: async () => ({ url: `/api/v1/admin/mergers/${await antwerpenMerger()}/checklist` }) },
  'PUT /api/v1/admin/mergers/:id/checklist/:organisationId/:item': {
    allow: ['admin'],
    request: async () => ({ url: `/api/v1/admin/mergers/${await antwerpenMerger()}/checklist/${helpers.organisationId}/access_reviewed` }),
  },
  'DELETE /api/v1/admin/mergers/:id/checklist/:organisationId/:item': {
    allow: ['admin'],
    request: async () => ({ url: `/api/v1/admin/mergers/${await antwerpenMerger()}/checklist/${helpers.organisationId}/access_reviewed` }),
  },
  'GET /api/v1/mergers/mine/checklists': { allow: WITH_CONTEXT, request: () => ({ url: '/api/v1/mergers/mine/checklists' }) },
  // Managers of Antwerpen tick their own list; tb.beveren's OCMW is not in that merger (404), users and the admin have no such role.
  'PUT /api/v1/mergers/mine/checklists/:id/:item': { allow: MANAGERS, request: async () => ({ url: `/api/v1/mergers/mine/checklists/${await antwerpenMerger()}/access_reviewed` }) },
  'DELETE /api/v1/mergers/mine/checklists/:id/:item': { allow: MANAGERS, request: async () => ({ url: `/api/v1/mergers/mine/checklists/${await antwerpenMerger()}/access_reviewed` }) },
  'GET /api/v1/admin/mergers/:id/plan': { allow: ['admin'], request: async () => ({ url: `/api/v1/admin/mergers/${await antwerpenMerger()}/plan` }) },
  'GET /api/v1/admin/mergers/:id/plan/:kind': { allow: ['admin'], request: async () => ({ url: `/api/v1/admin/mergers/${await antwerpenMerger()}/plan/move_forms` }) },
  // A dry run of a date without mergers: the allowed call writes nothing.
  'POST /api/v1/admin/mergers/wave': { allow: ['admin'], request: () => ({ url: '/api/v1/admin/mergers/wave', payload: { date: '2031-01-01', dryRun: true } }) },
  'POST /api/v1/admin/mergers/:id/run': { allow: ['admin'], request: async () => ({ url: `/api/v1/admin/mergers/${await futureMerger()}/run`, payload: { confirm: true } }) },
  'POST /api/v1/admin/mergers/:id/undo': {
    allow: ['admin'],
    request: async () => {
      const id = await futureMerger();
      await ctx.services.mergers.cutover.run(id, { userId: null, username: 'matrix' });
      return { url: `/api/v1/admin/mergers/${id}/undo`, payload: { confirm: true } };
    },
  },
  'PUT /api/v1/admin/mergers/:id/schedule': { allow: ['admin'], request: async () => ({ url: `/api/v1/admin/mergers/${await futureMerger()}/schedule`, payload: { scheduled: true } }) },
  'GET /api/v1/admin/mergers/:id/runs': { allow: ['admin'], request: async () => ({ url: `/api/v1/admin/mergers/${await antwerpenMerger()}/runs` }) },
  'GET /api/v1/admin/mergers/:id/runs/:runId/journal': {
    allow: ['admin'],
    request: async () => {
      const id = await futureMerger();
      const run = await ctx.services.mergers.cutover.run(id, { userId: null, username: 'matrix' });
      return { url: `/api/v1/admin/mergers/${id}/runs/${run!.runId}/journal` };
    },
  },
  'GET /api/v1/public/ocmw-lookup': { allow: 'public', shared: true, request: () => ({ url: '/api/v1/public/ocmw-lookup?postcode=2000' }) },
  'GET /api/v1/public/help-requests/challenge': { allow: 'public', shared: true, request: () => ({ url: '/api/v1/public/help-requests/challenge' }) },
  'POST /api/v1/public/help-requests': { allow: 'declared-only', why: 'public by nature (a citizen, with the anonymous CSRF token and a solved challenge); covered by help-requests.int.test.ts and hardening.int.test.ts' },
  'GET /api/v1/help-requests': { allow: ONLINE, request: () => ({ url: '/api/v1/help-requests' }) },
  'GET /api/v1/help-requests/forward-targets': { allow: ONLINE, request: () => ({ url: '/api/v1/help-requests/forward-targets?q=Gent' }) },
  'GET /api/v1/dossiers': { allow: ONLINE, request: () => ({ url: '/api/v1/dossiers' }) },
  'POST /api/v1/dossiers/search': { allow: ONLINE, request: () => ({ url: '/api/v1/dossiers/search', payload: { insz: SEARCHED } }) },
  'GET /api/v1/dossiers/settings': { allow: [...ONLINE, ...CONFIG_OWN], request: () => ({ url: '/api/v1/dossiers/settings' }) },
  'PUT /api/v1/dossiers/settings': { allow: CONFIG_OWN, request: () => ({ url: '/api/v1/dossiers/settings', payload: { handledByVendor: false } }) },
  'GET /api/v1/dossiers/:id': { allow: ONLINE, request: async () => ({ url: `/api/v1/dossiers/${(await freshForm()).dossierId}` }) },
  'POST /api/v1/dossiers/forms': {
    allow: ONLINE,
    request: () => ({ url: '/api/v1/dossiers/forms', payload: { insz: inszFromParts('770707', serial++), kind: 'a036', subtype: 'medische-kosten', startDate: '2026-01-01' } }),
  },
  'POST /api/v1/dossiers/forms/:formId/stop': { allow: ONLINE, request: async () => ({ url: `/api/v1/dossiers/forms/${(await freshForm()).id}/stop`, payload: { endDate: '2026-06-30' } }) },
  'GET /api/v1/help-requests/mail-failures': { allow: [...ONLINE, ...CONFIG_OWN], request: () => ({ url: '/api/v1/help-requests/mail-failures' }) },
  'GET /api/v1/help-requests/:id': { allow: ONLINE, request: async () => ({ url: `/api/v1/help-requests/${await freshHelpRequest()}` }) },
  'POST /api/v1/help-requests/:id/read': { allow: ONLINE, request: async () => ({ url: `/api/v1/help-requests/${await freshHelpRequest()}/read` }) },
  'POST /api/v1/help-requests/:id/decided': { allow: ONLINE, request: async () => ({ url: `/api/v1/help-requests/${await freshHelpRequest()}/decided` }) },
  'POST /api/v1/help-requests/:id/forward': {
    allow: ONLINE,
    request: async () => {
      const [gent] = await queryRows<{ id: string }>(ctx.database.db, sql`select id from organisations where name_nl = 'OCMW Gent'`);
      return { url: `/api/v1/help-requests/${await freshHelpRequest()}/forward`, payload: { organisationId: gent!.id, reason: 'matrix' } };
    },
  },
  // Uniek verslag (R10.2): only a user holding the application "Uniek verslag" in its own OCMW.
  // No actor of this matrix holds it in Antwerpen, so every actor is refused (401/403) before any
  // lookup; the id below names no report. The allowed cases (an.peeters in OCMW Borsbeek, a user
  // given the application in Antwerpen, 404 for another OCMW's report) are in
  // src/modules/subsidy-report/subsidy-report.int.test.ts.
  'GET /api/v1/privacy/access-log': { allow: [], why: 'no actor holds the privacy-officer application; the officer is covered by src/modules/privacy/access-log.int.test.ts', request: () => ({ url: '/api/v1/privacy/access-log' }) },
  'POST /api/v1/privacy/access-log/search': { allow: [], why: 'no actor holds the privacy-officer application; the officer is covered by src/modules/privacy/access-log.int.test.ts', request: (h) => ({ url: '/api/v1/privacy/access-log/search', payload: { insz: h.newInsz() } }) },
  'POST /api/v1/privacy/access-log/export': { allow: [], why: 'no actor holds the privacy-officer application; the officer is covered by src/modules/privacy/access-log.int.test.ts', request: () => ({ url: '/api/v1/privacy/access-log/export', payload: { format: 'csv' } }) },
  'GET /api/v1/subsidy-reports': { allow: [], why: 'no actor holds Uniek verslag in Antwerpen', request: () => ({ url: '/api/v1/subsidy-reports' }) },
  'POST /api/v1/subsidy-reports': { allow: [], why: 'no actor holds Uniek verslag in Antwerpen', request: () => ({ url: '/api/v1/subsidy-reports', payload: { year: 2024 } }) },
  'GET /api/v1/subsidy-reports/:id': { allow: [], why: 'no actor holds Uniek verslag in Antwerpen', request: () => ({ url: '/api/v1/subsidy-reports/00000000-0000-4000-8000-00000000a001' }) },
  'PUT /api/v1/subsidy-reports/:id': { allow: [], why: 'no actor holds Uniek verslag in Antwerpen', request: () => ({ url: '/api/v1/subsidy-reports/00000000-0000-4000-8000-00000000a001', payload: { lines: [] } }) },
  'POST /api/v1/subsidy-reports/:id/submit': { allow: [], why: 'no actor holds Uniek verslag in Antwerpen', request: () => ({ url: '/api/v1/subsidy-reports/00000000-0000-4000-8000-00000000a001/submit' }) },
  'GET /api/v1/subsidy-reports/:id/export': { allow: [], why: 'no actor holds Uniek verslag in Antwerpen', request: () => ({ url: '/api/v1/subsidy-reports/00000000-0000-4000-8000-00000000a001/export?format=pdf' }) },
  // Issue 24: retention settings (the platform administrator and privacy officers read them) and a
  // citizen's request (privacy officers of their own OCMW). No actor here holds "privacy-officer":
  // its allowed cases and another OCMW's 404 are in src/modules/privacy/subject-request.int.test.ts.
  'GET /api/v1/privacy/retention': { allow: ['admin'], shared: true, request: () => ({ url: '/api/v1/privacy/retention' }) },
  'GET /api/v1/privacy/subject-requests': { allow: [], why: "no actor holds privacy-officer; the officer's register and another OCMW's officer are covered by src/modules/privacy/subject-request.int.test.ts", request: () => ({ url: '/api/v1/privacy/subject-requests' }) },
  'POST /api/v1/privacy/subject-requests/overview': { allow: [], why: 'no actor holds privacy-officer', request: (h) => ({ url: '/api/v1/privacy/subject-requests/overview', payload: { insz: h.newInsz() } }) },
  'POST /api/v1/privacy/subject-requests/export': { allow: [], why: 'no actor holds privacy-officer', request: (h) => ({ url: '/api/v1/privacy/subject-requests/export', payload: { insz: h.newInsz() } }) },
  'POST /api/v1/privacy/subject-requests/erasure': {
    allow: [],
    why: 'no actor holds privacy-officer',
    request: (h) => ({ url: '/api/v1/privacy/subject-requests/erasure', payload: { insz: h.newInsz(), kinds: ['mails'], reason: 'matrix', confirm: true } }),
  },
  'GET /api/v1/me': { allow: LOGGED_IN, request: () => ({ url: '/api/v1/me' }) },
  'PUT /api/v1/me': {
    allow: LOGGED_IN,
    request: () => ({ url: '/api/v1/me', payload: { surname: 'Matrix', firstName: 'Test', title: null, language: 'nl', email: 'me@demo.example' } }),
  },
  'POST /api/v1/me/password': {
    // A wrong current password passes authorization and fails on the rule.
    allow: LOGGED_IN,
    ok: [400],
    request: () => ({ url: '/api/v1/me/password', payload: { currentPassword: 'wrong-password', newPassword: 'Nieuw-Wachtwoord-9', newPasswordConfirm: 'Nieuw-Wachtwoord-9' } }),
  },
};

// ── the vendor port (R6.9): the client certificate's REST account, its permissions and its OCMW ──

/** Who calls the vendor port: no or a refused certificate, an account of OCMW Antwerpen with one permission, or OCMW Gent's with all. */
const VENDOR_ACTORS = ['noCertificate', 'unknown', 'expired', 'replaced', 'deletedAccount', 'process', 'readContact', 'editContact', 'onlineAdmin', 'dossiers', 'otherOcmw'] as const;
type VendorActor = (typeof VENDOR_ACTORS)[number];
const VENDOR_PERMISSIONS = {
  process: 'ocmw-online-proces',
  readContact: 'signaletiek-raadplegen',
  editContact: 'signaletiek-bewerken',
  onlineAdmin: 'ocmw-online-admin',
  dossiers: 'dossiers-integraties',
} as const;
type VendorPermissionActor = keyof typeof VENDOR_PERMISSIONS;

interface VendorEntry {
  /** public, or the one Antwerpen account (by its single permission) allowed; OCMW Gent's account holds every permission. */
  allow: 'public' | VendorPermissionActor;
  /** Acts on one item of OCMW Antwerpen: OCMW Gent gets 404, never the item. */
  item?: boolean;
  request: () => Promise<{ url: string; payload?: unknown }> | { url: string; payload?: unknown };
}

/** The references of the help requests made for the vendor matrix (all of OCMW Antwerpen, never forwarded). */
const antwerpenReferences: string[] = [];

/** A new help request of OCMW Antwerpen; its reference. */
async function freshReference(): Promise<string> {
  const { reference } = await ctx.services.helpRequests.submit({ language: 'nl', kinds: ['leefloon'], postcode: '2000', surname: 'M', firstName: 'T', phone: '03 123 45 67', message: 'vendor matrix' });
  antwerpenReferences.push(reference);
  return reference;
}

const contact = { streetNl: 'Lange Gasthuisstraat', streetFr: 'Lange Gasthuisstraat', streetDe: 'Lange Gasthuisstraat', cityNl: 'Stad', cityFr: 'Ville', cityDe: 'Stadt', number: '39', postcode: '9000', receptionPhone: '03 338 30 00' };

/** Every route of the vendor port: "METHOD url" → who may call it. */
const VENDOR_MATRIX: Record<string, VendorEntry> = {
  'GET /vendor/v1/openapi.json': { allow: 'public', request: () => ({ url: '/vendor/v1/openapi.json' }) },
  'GET /vendor/v1/help-requests': { allow: 'process', request: () => ({ url: '/vendor/v1/help-requests' }) },
  'GET /vendor/v1/help-requests/:reference': { allow: 'process', item: true, request: async () => ({ url: `/vendor/v1/help-requests/${await freshReference()}` }) },
  'POST /vendor/v1/help-requests/:reference/read': { allow: 'process', item: true, request: async () => ({ url: `/vendor/v1/help-requests/${await freshReference()}/read` }) },
  'GET /vendor/v1/contact': { allow: 'readContact', request: () => ({ url: '/vendor/v1/contact' }) },
  'PUT /vendor/v1/contact': { allow: 'editContact', request: () => ({ url: '/vendor/v1/contact', payload: contact }) },
  'GET /vendor/v1/settings': { allow: 'onlineAdmin', request: () => ({ url: '/vendor/v1/settings' }) },
  'PUT /vendor/v1/settings': { allow: 'onlineAdmin', request: () => ({ url: '/vendor/v1/settings', payload: { notificationsEnabled: false, remindersEnabled: false } }) },
  'GET /vendor/v1/dossiers/forms': { allow: 'dossiers', request: () => ({ url: '/vendor/v1/dossiers/forms' }) },
  'POST /vendor/v1/dossiers/forms/search': { allow: 'dossiers', request: () => ({ url: '/vendor/v1/dossiers/forms/search', payload: { insz: SEARCHED } }) },
  'POST /vendor/v1/dossiers/forms': {
    allow: 'dossiers',
    request: () => ({ url: '/vendor/v1/dossiers/forms', payload: { insz: inszFromParts('830303', serial++), kind: 'integration', subtype: 'leefloon', startDate: '2026-01-01' } }),
  },
  'POST /vendor/v1/dossiers/forms/:formId/stop': { allow: 'dossiers', item: true, request: async () => ({ url: `/vendor/v1/dossiers/forms/${(await freshForm()).id}/stop`, payload: { endDate: '2026-06-30' } }) },
  'GET /vendor/v1/dossiers/settings': { allow: 'dossiers', request: () => ({ url: '/vendor/v1/dossiers/settings' }) },
};

let ctx: TestContext;
const clients = new Map<ActorKind, TestClient>();
let helpers: Helpers;
let vendorPort: VendorPort;
const vendorCerts = new Map<VendorActor, GeneratedCertificate>();

beforeAll(async () => {
  ctx = await createTestContext();
  const htb = ctx.client();
  const htbSession = await htb.loginAs('htb.antwerpen');
  const [domain] = await queryRows<{ id: string; organisationId: string }>(
    ctx.database.db,
    sql`select d.id, d.organisation_id as "organisationId" from domains d join organisations o on o.id = d.organisation_id
        where o.kbo = '0212235604' and d.code = 'MW'`,
  );
  const htbCaller: Caller = { userId: htbSession.user.id, language: 'nl', context: htbSession.context };
  const newInsz = () => inszFromParts('880202', serial++);
  const ca = await makeCa({ key: 'RSA-2048' });
  const [cevi] = await queryRows<{ id: string }>(ctx.database.db, sql`select id from organisations where name_nl = 'Cevi - Logins'`);
  const freshUser = async (applications: string[] = []) => {
    const insz = newInsz();
    const body = newPerson(insz, `matrix.f${serial++}`);
    const r = await ctx.services.management.addMember(htbCaller, domain!.id, { ...body, applications: applications as 'ebox'[], localEmail: null }, { dryRun: false });
    return { userId: r.userId!, insz, username: body.person.username };
  };
  helpers = {
    domainId: domain!.id,
    organisationId: domain!.organisationId,
    freshUser,
    freshCoHtb: async () => {
      const u = await freshUser();
      await ctx.services.management.addCoHtb(htbCaller, { insz: u.insz }, { dryRun: false });
      return { userId: u.userId };
    },
    newInsz,
    certificate: async (selfSigned = false) => {
      const now = Date.now();
      const c = await makeCertificate({
        key: 'EC-P-384',
        hash: 'SHA-384',
        ...(selfSigned ? { selfSigned: true } : { issuer: ca }),
        notBefore: new Date(now - 86_400_000),
        notAfter: new Date(now + 300 * 86_400_000),
      });
      return { fileName: 'm.cer', contentBase64: Buffer.from(c.der).toString('base64') };
    },
    freshRestAccount: async () => {
      const r = await ctx.services.channels.createRestAccount(tbCaller, {
        management: 'internal',
        name: `R${serial++}`,
        permissions: ['ocmw-online-proces'],
        certificateName: 'r',
        certificate: await helpers.certificate(true),
      });
      return r.account!.id;
    },
    ftpAccount: async () => {
      // The FTP route of this matrix may have made the domain's FTP account already.
      const [existing] = await queryRows<{ id: string }>(
        ctx.database.db,
        sql`select id from channel_accounts where domain_id = ${domain!.id} and kind = 'FTP' and deleted_at is null`,
      );
      if (existing) return existing.id;
      const [created] = await queryRows<{ id: string }>(
        ctx.database.db,
        sql`insert into channel_accounts (domain_id, kind, name, permissions, username, password_hash)
            values (${domain!.id}, 'FTP', 'Matrix FTP', '{}', 'matrixftp', 'not-a-hash') returning id`,
      );
      return created!.id;
    },
    freshDelegation: async () => {
      const r = await ctx.services.channels.createRestAccount(tbCaller, {
        management: 'external',
        name: `D${serial++}`,
        permissions: ['ocmw-online-proces'],
        intermediaryOrganisationId: cevi!.id,
      });
      return r.delegation!.id;
    },
  };
  const tbSession = await ctx.client().loginAs('tb.antwerpen');
  const tbCaller: Caller = { userId: tbSession.user.id, language: 'nl', context: tbSession.context };
  await ctx.services.channels.saveSender(tbCaller, { contactName: 'M', phoneCode: '+32', phoneNumber: '456986532', email: 'm@demo.example', language: 'nl' });

  const login = async (kind: ActorKind, username: string, org?: string, password?: string) => {
    const c = ctx.client();
    if (password) {
      await c.login(username, password);
    } else {
      await c.loginAs(username, org);
    }
    clients.set(kind, c);
  };
  clients.set('anonymous', ctx.client());
  clients.set('htb', htb);
  await login('coHtb', 'cohtb.antwerpen');
  await login('tb', 'tb.antwerpen');
  await login('coTb', 'cotb.antwerpen');
  await login('userWithApp', 'user.antwerpen');
  await login('otherOrg', 'tb.beveren');
  await login('admin', 'admin');
  await login('vendor', 'vendor.cevi');
  const [rsz] = await queryRows<{ id: string }>(ctx.database.db, sql`select id from organisations where name_nl like 'Rijksdienst%'`);
  const machine = ctx.client();
  machine.headers = { authorization: `Bearer ${(await ctx.services.registry.createApiClient(rsz!.id, 'matrix', [...API_SCOPES])).token}` };
  clients.set('institution', machine);
  const plain = await freshUser([]);
  await login('userWithoutApp', plain.username, undefined, 'Vlinder-Kaasschaaf-19');
  const blocked = await freshUser(['ebox']);
  await login('blocked', blocked.username, undefined, 'Vlinder-Kaasschaaf-19');
  await ctx.services.management.updateMember(htbCaller, domain!.id, blocked.userId, { status: 'blocked' });

  vendorPort = await startVendorPort(ctx);
  const certificate = (name: string, expired = false) =>
    generateSelfSigned({ subject: `CN=matrix-${name}`, days: 30, usage: 'client', ...(expired ? { notBefore: new Date(Date.now() - 90 * 86_400_000) } : {}) });
  const everything = Object.values(VENDOR_PERMISSIONS);
  for (const actor of VENDOR_ACTORS) {
    if (actor === 'noCertificate') continue;
    const cert = await certificate(actor, actor === 'expired');
    vendorCerts.set(actor, cert);
    if (actor === 'unknown') continue;
    if (actor in VENDOR_PERMISSIONS) await vendorPort.restAccount('OCMW Antwerpen', `matrix-${actor}`, [VENDOR_PERMISSIONS[actor as VendorPermissionActor]], cert);
    else if (actor === 'otherOcmw') await vendorPort.restAccount('OCMW Gent', 'matrix-gent', everything, cert);
    else await vendorPort.restAccount('OCMW Antwerpen', `matrix-${actor}`, everything, cert, { active: actor !== 'replaced', deleted: actor === 'deletedAccount' });
  }
});
afterAll(async () => {
  await vendorPort?.close();
  await ctx?.close();
});

describe('authorization matrix', () => {
  it('has an entry for every API route in the route table, and no stale entries', () => {
    const routes = ctx.app.routeTable
      .filter((r) => r.url.startsWith('/api/v1') || r.url === '/health' || r.url === '/ready')
      .map((r) => `${r.method} ${r.url}`);
    expect(routes.filter((r) => !(r in MATRIX))).toEqual([]);
    expect(Object.keys(MATRIX).filter((k) => !routes.includes(k))).toEqual([]);
  });

  it('has only public GETs outside the API: the API docs and the files of the SPA build', () => {
    const outside = ctx.app.routeTable.filter((r) => !(`${r.method} ${r.url}` in MATRIX));
    for (const r of outside) {
      const where = `${r.method} ${r.url}`;
      expect(r.method, where).toBe('GET');
      expect(r.access, where).toBe('public');
      const isDocs = r.url === '/api/docs' || r.url.startsWith('/api/docs/');
      const isBuiltFile = !r.url.startsWith('/api/') && existsSync(path.join(WEB_DIST, r.url === '/' ? 'index.html' : r.url));
      expect(isDocs || isBuiltFile, `${where} is neither the API docs nor a file of the SPA build`).toBe(true);
    }
  });

  it('declares public only the routes the matrix calls public', () => {
    for (const r of ctx.app.routeTable) {
      const entry = MATRIX[`${r.method} ${r.url}`];
      if (entry?.allow === 'public') expect(r.access, `${r.method} ${r.url}`).toBe('public');
      if (entry && Array.isArray(entry.allow)) expect(r.access, `${r.method} ${r.url}`).not.toBe('public');
    }
  });

  const cases = Object.entries(MATRIX).flatMap(([route, entry]) =>
    entry.request ? ACTORS.map((actor) => [route, actor, entry] as const) : [],
  );

  it.each(cases)('%s as %s', async (route, actor, entry) => {
    const method = route.split(' ')[0]!;
    const allowed = entry.allow === 'public' || (Array.isArray(entry.allow) && entry.allow.includes(actor));
    const { url, payload, headers } = await entry.request!(helpers);
    const res = await clients.get(actor)!.request({ method: method as 'GET', url, payload: payload as never, headers });
    const okStatuses = entry.ok ?? [200, 201, 204];
    if (actor === 'otherOrg' && allowed && !entry.shared) {
      // Whatever another organisation may call, it never gets this organisation's data.
      expect(res.body).not.toContain(helpers.organisationId);
      expect(res.body).not.toContain('antwerpen');
    }
    if (allowed) {
      expect(okStatuses, `${route} as ${actor}: ${res.statusCode} ${res.body.slice(0, 200)}`).toContain(res.statusCode);
    } else {
      expect([401, 403, 404], `${route} as ${actor}: ${res.statusCode} ${res.body.slice(0, 200)}`).toContain(res.statusCode);
    }
  });
});

describe('vendor port authorization matrix (mutual TLS)', () => {
  it('has an entry for every route in the vendor port route table, and no stale entries', () => {
    const routes = vendorPort.app.routeTable.map((r) => `${r.method} ${r.url}`);
    expect(routes.filter((r) => !(r in VENDOR_MATRIX))).toEqual([]);
    expect(Object.keys(VENDOR_MATRIX).filter((k) => !routes.includes(k))).toEqual([]);
    for (const r of vendorPort.app.routeTable) expect(r.access, `${r.method} ${r.url}`).toBe(VENDOR_MATRIX[`${r.method} ${r.url}`]!.allow === 'public' ? 'public' : 'certificate');
  });

  const cases = Object.entries(VENDOR_MATRIX).flatMap(([route, entry]) => VENDOR_ACTORS.map((actor) => [route, actor, entry] as const));

  it.each(cases)('%s as %s', async (route, actor, entry) => {
    const method = route.split(' ')[0]!;
    const { url, payload } = await entry.request();
    const res = await vendorPort.call(method, url, vendorCerts.get(actor), payload);
    const where = `${route} as ${actor}: ${res.status} ${JSON.stringify(res.json).slice(0, 200)}`;
    if (entry.allow === 'public') {
      expect(res.status, where).toBe(200);
      return;
    }
    if (actor === 'noCertificate') expect(res.status, where).toBe(401);
    else if (actor === 'otherOcmw') {
      // Every permission, but of OCMW Gent: Antwerpen's items do not exist for it; lists are its own
      // (they may hold requests filed in Antwerpen and forwarded to Gent, never the ones made here).
      if (entry.item) expect(res.status, where).toBe(404);
      else {
        expect([200, 201], where).toContain(res.status);
        const body = JSON.stringify(res.json);
        expect(body, where).not.toContain(helpers.organisationId);
        for (const reference of antwerpenReferences) expect(body, where).not.toContain(reference);
      }
    } else if (actor === entry.allow) expect([200, 201], where).toContain(res.status);
    else expect(res.status, where).toBe(403);
  });
});
