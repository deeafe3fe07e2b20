/**
 * Issue 24: a citizen's request for the privacy officer (application `privacy-officer`, own OCMW):
 * the export holds every kind for a seeded person, the erasure refuses what must be kept (409 with
 * the reason) and erases the rest with the reason in the officer's register (never in the audit log),
 * another OCMW's officer gets 404.
 */
import { inflateRawSync } from 'node:zlib';
import pg from 'pg';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestClient, type TestContext } from '../../../test/test-app.js';
import { queryRows } from '../../db/db.js';
import { formatInsz, inszFromParts } from '../../shared/identifiers.js';
import type { Caller } from '../access/index.js';

const TODAY = '2026-03-10';
const PERSON = inszFromParts('820412', 331);
const EMAIL = 'jan.subject@example.org';
let ctx: TestContext;
let officer: TestClient;
let otherOfficer: TestClient;
let withoutApp: TestClient;
let antwerpen: string;

const PASSWORD = 'Vlinder-Kaasschaaf-19';
let serial = 0;

/** A new member of the OCMW's MW domain, added by its HTB; logs in when asked. */
async function member(htbUsername: string, kbo: string, applications: string[], insz = inszFromParts('790101', 600 + ++serial)) {
  const htb = ctx.client();
  const session = await htb.loginAs(htbUsername);
  const [domain] = await queryRows<{ id: string }>(ctx.database.db, sql`select d.id from domains d join organisations o on o.id = d.organisation_id where o.kbo = ${kbo} and d.code = 'MW'`);
  const caller: Caller = { userId: session.user.id, language: 'nl', context: session.context };
  const username = `privacy.${++serial}`;
  await ctx.services.management.addMember(
    caller,
    domain!.id,
    {
      insz,
      type: 'USER',
      applications: applications as never,
      localEmail: null,
      person: { username, usernameConfirm: username, password: PASSWORD, passwordConfirm: PASSWORD, surname: 'Privacy', firstName: 'Test', title: null, language: 'nl', email: `${username}@demo.example` },
    },
    { dryRun: false },
  );
  const client = ctx.client();
  client.today = TODAY;
  await client.login(username, PASSWORD);
  return client;
}

/** The entries of a ZIP (the central directory, then each local entry inflated): read by hand, independent of the library that wrote it. */
function unzip(zip: Buffer): Map<string, Buffer> {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = zip.readUInt16LE(end + 10);
  let p = zip.readUInt32LE(end + 16);
  const out = new Map<string, Buffer>();
  for (let i = 0; i < count; i++) {
    const [packed, nameLength, extra, comment, offset] = [zip.readUInt32LE(p + 20), zip.readUInt16LE(p + 28), zip.readUInt16LE(p + 30), zip.readUInt16LE(p + 32), zip.readUInt32LE(p + 42)];
    const name = zip.subarray(p + 46, p + 46 + nameLength).toString('utf8');
    const start = offset + 30 + zip.readUInt16LE(offset + 26) + zip.readUInt16LE(offset + 28);
    out.set(name, inflateRawSync(zip.subarray(start, start + packed)));
    p += 46 + nameLength + extra + comment;
  }
  return out;
}

const overview = (client: TestClient) => client.post('/api/v1/privacy/subject-requests/overview', { insz: PERSON });

beforeAll(async () => {
  ctx = await createTestContext();
  const [org] = await queryRows<{ id: string }>(ctx.database.db, sql`select id from organisations where kbo = '0212235604'`);
  antwerpen = org!.id;
  officer = await member('htb.antwerpen', '0212235604', ['privacy-officer']);
  otherOfficer = await member('htb.beveren', await kboOf('OCMW Beveren'), ['privacy-officer']);
  withoutApp = await member('htb.antwerpen', '0212235604', ['ebox']);

  // The person, in every kind of data the OCMW holds in the portal.
  await member('htb.antwerpen', '0212235604', ['ebox'], PERSON);
  for (const message of ['eerste vraag', 'tweede vraag']) {
    await ctx.clock.runWithToday(TODAY, () =>
      ctx.services.helpRequests.submit({ language: 'nl', kinds: ['leefloon'], postcode: '2000', surname: 'Subject', firstName: 'Jan', insz: PERSON, email: EMAIL, message }),
    );
  }
  await ctx.database.db.execute(sql`insert into mails (kind, organisation_id, to_address, subject, body_text, status) values ('test', ${antwerpen}, ${EMAIL}, 'Uw aanvraag', 'tekst', 'sent')`);
  const [dossier] = await queryRows<{ id: string }>(ctx.database.db, sql`insert into dossiers (organisation_id, insz, opened_on) values (${antwerpen}, ${PERSON}, '2025-01-01') returning id`);
  await ctx.database.db.execute(sql`insert into dossier_forms (dossier_id, organisation_id, insz, kind, subtype, start_date) values (${dossier!.id}, ${antwerpen}, ${PERSON}, 'integration', 'leefloon', '2025-01-01')`);
  const [mutation] = await queryRows<{ id: number }>(ctx.database.db, sql`insert into mutations (type, code, insz, occurred_at, payload, source) values ('MURN', 'MURN', ${PERSON}, now(), '{"adres":"Kerkstraat 1"}', 'test') returning id`);
  await ctx.database.db.execute(sql`insert into mutation_deliveries (mutation_id, organisation_id, batch_date) values (${mutation!.id}, ${antwerpen}, ${TODAY})`);
  const [rsz] = await queryRows<{ id: string }>(ctx.database.db, sql`select id from organisations where name_nl like 'Rijksdienst%'`);
  await ctx.services.mailbox.publishAs({ organisationId: rsz!.id, name: 'test' }, {
    recipientKbo: '0212235604', title: `Attest ${formatInsz(PERSON)}`, category: 'Attesten', messageType: 'Attest', rsz: false, documentDate: TODAY, body: 'Zie bijlage.',
    attachment: { fileName: 'attest.pdf', mimeType: 'application/pdf', contentBase64: Buffer.from('%PDF-1.7\n').toString('base64') },
  });
  // Not the person's: a document whose longer number merely contains the 11 digits.
  await ctx.services.mailbox.publishAs({ organisationId: rsz!.id, name: 'test' }, {
    recipientKbo: '0212235604', title: `Dossier 9${PERSON}7`, category: 'Attesten', messageType: 'Attest', rsz: false, documentDate: TODAY, body: `Ref. 1${PERSON}`,
  });
  await ctx.database.db.execute(sql`insert into access_log (business_date, organisation_id, actor_account, channel, action, object_kind, insz) values (${TODAY}, ${antwerpen}, 'rest:software', 'vendor-api', 'help-request.read', 'help-request', ${PERSON})`);
});
afterAll(async () => ctx?.close());

async function kboOf(name: string): Promise<string> {
  const [row] = await queryRows<{ kbo: string }>(ctx.database.db, sql`select kbo from organisations where name_nl = ${name}`);
  return row!.kbo;
}

describe("a citizen's request (issue 24, GDPR art. 15/17)", () => {
  it('exports one ZIP with every kind the OCMW holds on the person, a README and the e-Box attachment', async () => {
    const res = await officer.post('/api/v1/privacy/subject-requests/export', { insz: formatInsz(PERSON) });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/zip');
    expect(res.headers['cache-control']).toBe('no-store');
    const files = unzip(res.rawPayload);
    const data = JSON.parse(files.get('gegevens.json')!.toString('utf8'));
    expect(data.counts).toEqual({ helpRequests: 2, dossierForms: 1, eboxDocuments: 1, mutations: 1, mails: 2, userAccount: 1, accessLog: 1 });
    // The mails: the two acknowledgements the citizen got (they name the references). Not the OCMW's
    // own mail that merely went to the same address: it may name other citizens' requests.
    expect(data.data.mails.map((m: { kind: string }) => m.kind)).toEqual(['online-acknowledgement', 'online-acknowledgement']);
    expect(data.data.helpRequests.map((r: { message: string }) => r.message)).toEqual(['eerste vraag', 'tweede vraag']);
    expect(data.data.userAccount.memberships).toEqual([expect.objectContaining({ domain: 'MW', type: 'USER', applications: ['ebox'] })]);
    expect(data.data.mutations[0].payload).toEqual({ adres: 'Kerkstraat 1' });
    const attachment = data.data.eboxDocuments[0].attachmentFile;
    expect(files.get(attachment)!.toString()).toBe('%PDF-1.7\n');
    expect(files.get('LEESMIJ.txt')!.toString()).toContain('hulpaanvragen: 2');
    expect(JSON.stringify(data)).not.toContain('passwordHash');
  });

  it("answers another OCMW's officer 404 while the person's data is there, and a user without the application 403", async () => {
    expect((await overview(otherOfficer)).statusCode).toBe(404);
    expect((await otherOfficer.post('/api/v1/privacy/subject-requests/export', { insz: PERSON })).statusCode).toBe(404);
    expect((await otherOfficer.post('/api/v1/privacy/subject-requests/erasure', { insz: PERSON, kinds: ['mails'], reason: 'x', confirm: true })).statusCode).toBe(404);
    expect((await overview(withoutApp)).statusCode).toBe(403);
    await ctx.services.accessLog.flush();
    const elsewhere = await queryRows<{ n: number }>(ctx.database.db, sql`select count(*)::int as n from access_log where insz = ${PERSON} and organisation_id <> ${antwerpen}`);
    expect(elsewhere[0]!.n).toBe(0);
  });

  it('records the export: in the audit log without the national number, in the access log with it', async () => {
    const audit = await queryRows<{ after: unknown }>(ctx.database.db, sql`select "after" from audit_log where action = 'privacy.subject-export'`);
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit)).not.toContain(PERSON);
    await ctx.services.accessLog.flush();
    const log = await queryRows<{ channel: string }>(ctx.database.db, sql`select channel from access_log where action = 'subject-request.subject-export' and insz = ${PERSON} and organisation_id = ${antwerpen}`);
    expect(log).toEqual([{ channel: 'portal' }]);
  });

  it('tells per kind what may be erased, and why not', async () => {
    const res = await overview(officer);
    expect(res.statusCode).toBe(200);
    const kinds = Object.fromEntries(res.json().kinds.map((k: { kind: string; erasable: boolean }) => [k.kind, k.erasable]));
    expect(kinds).toEqual({ helpRequests: false, dossierForms: false, eboxDocuments: false, mutations: false, mails: true, userAccount: false, accessLog: false });
    // The look-up is a read of the person's data: logged in the access log (of this OCMW only).
    await ctx.services.accessLog.flush();
    const log = await queryRows<{ n: number }>(ctx.database.db, sql`select count(*)::int as n from access_log where action = 'subject-request.overview' and insz = ${PERSON} and organisation_id = ${antwerpen}`);
    expect(log[0]!.n).toBe(1);
  });

  it('refuses with 409 and the reason what must be kept: undecided requests, running forms, the access log; nothing is erased then', async () => {
    const erase = (kinds: string[]) => officer.post('/api/v1/privacy/subject-requests/erasure', { insz: PERSON, kinds, reason: 'Verzoek van 1 maart 2026', confirm: true });
    const open = await erase(['mails', 'helpRequests']);
    expect(open.statusCode).toBe(409);
    expect(open.json().error.message).toContain('nog niet beslist');
    expect((await erase(['dossierForms'])).json().error.message).toContain('bewaartermijn');
    expect((await erase(['accessLog'])).statusCode).toBe(409);
    expect((await erase(['userAccount'])).json().error.message).toContain('Toegangsbeheer');
    // All or nothing: the mails asked together with the refused requests are still there.
    expect((await overview(officer)).json().kinds.find((k: { kind: string }) => k.kind === 'mails').count).toBe(2);
    expect((await officer.post('/api/v1/privacy/subject-requests/erasure', { insz: PERSON, kinds: ['mails'], reason: 'x', confirm: false })).statusCode).toBe(400);
  });

  it('keeps a request decided within its retention period (appeals, complaints, recovery)', async () => {
    await ctx.database.db.execute(sql`update help_requests set decided_at = now() where insz = ${PERSON}`);
    const recent = await officer.post('/api/v1/privacy/subject-requests/erasure', { insz: PERSON, kinds: ['helpRequests'], reason: 'Verzoek', confirm: true });
    expect(recent.statusCode).toBe(409);
    expect(recent.json().error.message).toContain('bewaartermijn voor beroep');
  });

  it('erases decided requests (pseudonymised) and the acknowledgements, queued and sending ones too; the reason goes to the register, not the audit log', async () => {
    // Decided six years ago: past the five years of the help requests' retention.
    await ctx.database.db.execute(sql`update help_requests set decided_at = now() - interval '6 years' where insz = ${PERSON}`);
    // One acknowledgement still waits for delivery, the other is being sent: neither may go out after the erasure.
    await ctx.database.db.execute(sql`update mails set status = case when created_at = (select min(created_at) from mails where kind = 'online-acknowledgement' and lower(to_address) = lower(${EMAIL})) then 'queued' else 'sending' end
                                       where kind = 'online-acknowledgement' and lower(to_address) = lower(${EMAIL})`);
    const res = await officer.post('/api/v1/privacy/subject-requests/erasure', { insz: PERSON, kinds: ['helpRequests', 'mails'], reason: 'Verzoek van 1 maart 2026', confirm: true });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().erased).toEqual({ helpRequests: 2, mails: 2 });
    const acknowledgements = await queryRows<{ n: number }>(ctx.database.db, sql`select count(*)::int as n from mails where kind = 'online-acknowledgement' and lower(to_address) = lower(${EMAIL})`);
    expect(acknowledgements[0]!.n).toBe(0);
    // The OCMW's own mail to the same address is not the citizen's to erase.
    const kept = await queryRows<{ n: number }>(ctx.database.db, sql`select count(*)::int as n from mails where kind = 'test' and lower(to_address) = lower(${EMAIL})`);
    expect(kept[0]!.n).toBe(1);
    const left = await queryRows<{ n: number }>(ctx.database.db, sql`select count(*)::int as n from help_requests where organisation_id = ${antwerpen} and (insz = ${PERSON} or email = ${EMAIL})`);
    expect(left[0]!.n).toBe(0);
    // The audit log (the organisation's managers read it) says that an erasure happened: no reason, no INSZ, no references.
    const [audit] = await queryRows<{ after: Record<string, unknown> }>(ctx.database.db, sql`select "after" from audit_log where action = 'privacy.subject-erasure'`);
    expect(audit!.after).toEqual({ erased: { helpRequests: 2, mails: 2 } });
    // The register, which only the privacy officer reads, keeps the reason with the INSZ.
    const register = await officer.get('/api/v1/privacy/subject-requests?pageSize=5');
    expect(register.statusCode, register.body).toBe(200);
    expect(register.json().items[0]).toMatchObject({ kind: 'erasure', insz: PERSON, reason: 'Verzoek van 1 maart 2026', counts: { helpRequests: 2, mails: 2 } });
    expect(register.json().items.map((e: { kind: string }) => e.kind)).toContain('export');
  });

  it("shows the register only to the organisation's privacy officer: another OCMW's officer sees none of it, others get 403", async () => {
    const theirs = await otherOfficer.get('/api/v1/privacy/subject-requests');
    expect(theirs.statusCode).toBe(200);
    expect(theirs.json()).toMatchObject({ items: [], total: 0 });
    expect((await withoutApp.get('/api/v1/privacy/subject-requests')).statusCode).toBe(403);
    const htb = ctx.client();
    await htb.loginAs('htb.antwerpen');
    expect((await htb.get('/api/v1/privacy/subject-requests')).statusCode).toBe(403);
  });

  it('erases dossier forms once they are past their retention (ten years after their end), with their closed dossier', async () => {
    const person = inszFromParts('600101', 77);
    const [dossier] = await queryRows<{ id: string }>(ctx.database.db, sql`insert into dossiers (organisation_id, insz, opened_on, closed_on) values (${antwerpen}, ${person}, '2010-01-01', '2015-06-30') returning id`);
    await ctx.database.db.execute(sql`insert into dossier_forms (dossier_id, organisation_id, insz, kind, subtype, start_date, end_date, status) values (${dossier!.id}, ${antwerpen}, ${person}, 'integration', 'leefloon', '2010-01-01', '2015-06-30', 'stopped')`);
    const verdict = (await officer.post('/api/v1/privacy/subject-requests/overview', { insz: person })).json().kinds.find((k: { kind: string }) => k.kind === 'dossierForms');
    expect(verdict).toMatchObject({ count: 1, erasable: true });
    const res = await officer.post('/api/v1/privacy/subject-requests/erasure', { insz: person, kinds: ['dossierForms'], reason: 'Verzoek', confirm: true });
    expect(res.json()).toEqual({ insz: person, erased: { dossierForms: 1 } });
    const left = await queryRows(ctx.database.db, sql`select 1 from dossiers where id = ${dossier!.id}`);
    expect(left).toEqual([]);
  });

  it('refuses an INSZ that is not one, naming the field', async () => {
    const res = await officer.post('/api/v1/privacy/subject-requests/overview', { insz: '12345678901' });
    expect(res.statusCode).toBe(400);
    expect(Object.keys(res.json().error.fields)).toEqual(['insz']);
  });
});

// Two connections at once: only on the PostgreSQL server (PGlite has one connection, so nothing runs alongside).
describe.skipIf(!process.env.TEST_DATABASE_URL)('the erasure with a concurrent writer (review, issue 24; PostgreSQL server only)', () => {
  it('an acknowledgement queued while the erasure runs is erased with it, or waits until after: never left behind', async () => {
    const person = inszFromParts('600202', 88);
    const email = 'race.subject@example.org';
    await ctx.clock.runWithToday(TODAY, () =>
      ctx.services.helpRequests.submit({ language: 'nl', kinds: ['leefloon'], postcode: '2000', surname: 'Race', firstName: 'Ria', insz: person, email, message: 'vraag' }),
    );
    const [request] = await queryRows<{ reference: string }>(ctx.database.db, sql`select reference from help_requests where insz = ${person}`);
    // A second connection queues another acknowledgement of the person's request, as a submission
    // does (under the per-address lock, in its own transaction), and has not committed yet.
    const other = new pg.Client({ connectionString: ctx.database.url });
    await other.connect();
    try {
      await other.query('begin');
      await other.query('select pg_advisory_xact_lock(hashtext($1))', [`online-acknowledgement:${email}`]);
      await other.query(`insert into mails (kind, to_address, subject, body_text, status) values ('online-acknowledgement', $1, $2, 'tekst', 'queued')`, [email, `Ontvangstbevestiging ${request!.reference}`]);
      let finished = false;
      const erasure = officer.post('/api/v1/privacy/subject-requests/erasure', { insz: person, kinds: ['mails'], reason: 'Verzoek', confirm: true }).then((res) => {
        finished = true;
        return res;
      });
      await new Promise((resolve) => setTimeout(resolve, 750));
      // The erasure waits for the queued mail's transaction: it does not read and delete around it.
      expect(finished).toBe(false);
      await other.query('commit');
      const res = await erasure;
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().erased).toEqual({ mails: 2 });
      expect(await queryRows(ctx.database.db, sql`select id from mails where lower(to_address) = ${email}`)).toEqual([]);
    } finally {
      await other.query('rollback').catch(() => undefined);
      await other.end();
    }
  });
});
