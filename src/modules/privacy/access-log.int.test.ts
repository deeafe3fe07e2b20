import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/db.js';
import { generateSelfSigned, type GeneratedCertificate } from '../../http/self-signed.js';
import { createTestContext, type TestContext } from '../../../test/test-app.js';
import { startVendorPort, type VendorPort } from '../../../test/vendor-port.js';
import type { Caller } from '../access/index.js';
import { formatInsz } from '../../shared/identifiers.js';

let ctx: TestContext;
let vendor: VendorPort;
let cert: GeneratedCertificate;
let antwerpen = '';
let gent = '';
let request = { id: '', reference: '' };
const INSZ = '85073003328';

interface Row {
  channel: string;
  action: string;
  object_kind: string;
  object_id: string | null;
  insz: string | null;
  actor_user_id: string | null;
  actor_role: string | null;
  actor_account: string | null;
  organisation_id: string;
}

/** The entries written since `since` (the buffer flushed first). */
async function entriesSince(since: number): Promise<Row[]> {
  await ctx.services.accessLog.flush();
  return queryRows<Row>(ctx.database.db, sql`select * from access_log where id > ${since} order by id`);
}
async function lastId(): Promise<number> {
  await ctx.services.accessLog.flush();
  const [r] = await queryRows<{ id: string | null }>(ctx.database.db, sql`select max(id)::text as id from access_log`);
  return Number(r?.id ?? 0);
}
async function orgId(name: string): Promise<string> {
  const [o] = await queryRows<{ id: string }>(ctx.database.db, sql`select id from organisations where name_nl = ${name}`);
  return o!.id;
}
/** A privacy officer's session context in an organisation, as the role choice gives it. */
const officerOf = (organisationId: string): Caller =>
  ({ userId: '00000000-0000-4000-8000-000000000000', language: 'nl', context: { role: 'USER', organisation: { id: organisationId }, domain: null, applications: ['privacy-officer'] } }) as unknown as Caller;

beforeAll(async () => {
  ctx = await createTestContext();
  vendor = await startVendorPort(ctx);
  cert = await generateSelfSigned({ subject: 'CN=privacy', days: 365, usage: 'client' });
  await vendor.restAccount('OCMW Antwerpen', 'vendor-privacy', ['ocmw-online-proces'], cert);
  antwerpen = await orgId('OCMW Antwerpen');
  gent = await orgId('OCMW Gent');
  const receipt = await ctx.services.helpRequests.submit({ language: 'nl', kinds: ['huisvesting'], postcode: '2000', surname: 'Maes', firstName: 'Tom', insz: INSZ, phone: '03 111 22 33', message: 'Ik zoek een woning.' });
  const [row] = await queryRows<{ id: string }>(ctx.database.db, sql`select id from help_requests where reference = ${receipt.reference}`);
  request = { id: row!.id, reference: receipt.reference };
});
afterAll(async () => {
  await vendor?.close();
  await ctx?.close();
});

describe('the access log records each read once, per channel (issue 24)', () => {
  it('portal: a help request opened by a social worker leaves one entry with who, what and the INSZ', async () => {
    const agent = ctx.client();
    const session = await agent.loginAs('user.antwerpen', 'Antwerpen');
    const since = await lastId();
    expect((await agent.get(`/api/v1/help-requests/${request.id}`)).statusCode).toBe(200);
    const rows = await entriesSince(since);
    expect(rows).toEqual([
      expect.objectContaining({ channel: 'portal', action: 'help-request.read', object_kind: 'help-request', object_id: request.id, insz: INSZ, actor_user_id: session.context ? expect.any(String) : null, actor_role: 'USER', organisation_id: antwerpen }),
    ]);
  });

  it('portal: a list records one entry per person shown, and a refused read records nothing', async () => {
    const agent = ctx.client();
    await agent.loginAs('user.antwerpen', 'Antwerpen');
    const since = await lastId();
    const list = await agent.get('/api/v1/help-requests?pageSize=5');
    expect(list.statusCode).toBe(200);
    const shown = list.json().items.map((i: { id: string }) => i.id);
    expect((await entriesSince(since)).map((r) => [r.action, r.object_id])).toEqual(shown.map((id: string) => ['help-request.list', id]));
    const tb = ctx.client();
    await tb.loginAs('tb.antwerpen', 'Antwerpen');
    const before = await lastId();
    expect((await tb.get(`/api/v1/help-requests/${request.id}`)).statusCode).toBe(403);
    expect(await entriesSince(before)).toEqual([]);
  });

  it('vendor API over mutual TLS: a detail read leaves one entry under the REST account', async () => {
    const since = await lastId();
    const one = await vendor.call('GET', `/vendor/v1/help-requests/${request.reference}`, cert);
    expect(one.status).toBe(200);
    expect(await entriesSince(since)).toEqual([
      expect.objectContaining({ channel: 'vendor-api', action: 'help-request.read', object_id: request.id, insz: INSZ, actor_user_id: null, actor_account: 'vendor-privacy', organisation_id: antwerpen }),
    ]);
  });

  it('a change whose answer shows the request (marked read, decided) is a read too: one entry each, portal and vendor API', async () => {
    const agent = ctx.client();
    await agent.loginAs('user.antwerpen', 'Antwerpen');
    let since = await lastId();
    expect((await agent.post(`/api/v1/help-requests/${request.id}/read`, {})).statusCode).toBe(200);
    expect((await entriesSince(since)).map((r) => [r.channel, r.action, r.insz])).toEqual([['portal', 'help-request.mark-read', INSZ]]);
    since = await lastId();
    expect((await vendor.call('POST', `/vendor/v1/help-requests/${request.reference}/read`, cert)).status).toBe(200);
    expect((await entriesSince(since)).map((r) => [r.channel, r.action, r.insz])).toEqual([['vendor-api', 'help-request.mark-read', INSZ]]);
  });

  it('Toegangsbeheer: a person looked up by INSZ leaves one entry', async () => {
    const tb = ctx.client();
    const session = await tb.loginAs('tb.antwerpen', 'Antwerpen');
    const since = await lastId();
    const res = await tb.post(`/api/v1/access/domains/${session.context.domain.id}/persons/lookup`, { insz: formatInsz(INSZ) });
    expect(res.statusCode).toBe(200);
    expect((await entriesSince(since)).map((r) => [r.action, r.insz, r.actor_role])).toEqual([['person.lookup', INSZ, 'TB']]);
  });

  it('the portal takes an INSZ only in a POST body: a GET with insz in its URL is 400 naming the field and reads nothing', async () => {
    const tb = ctx.client();
    const session = await tb.loginAs('tb.antwerpen', 'Antwerpen');
    const agent = ctx.client();
    await agent.loginAs('user.antwerpen', 'Antwerpen');
    const [known] = await queryRows<{ insz: string }>(ctx.database.db, sql`select insz from dossiers where organisation_id = ${antwerpen} order by opened_on limit 1`);
    const since = await lastId();
    for (const [client, url] of [
      [tb, `/api/v1/access/domains/${session.context.domain.id}/persons?insz=${INSZ}`],
      [tb, `/api/v1/access/domains/${session.context.domain.id}/users?insz=${INSZ}`],
      [tb, `/api/v1/access/domains/${session.context.domain.id}/users/export?format=csv&insz=${INSZ}`],
      [agent, `/api/v1/dossiers?insz=${known!.insz}`],
      [agent, `/api/v1/dossiers?status=running&insz=${known!.insz}`],
    ] as const) {
      const res = await client.get(url);
      expect(res.statusCode, url).toBe(400);
      expect(Object.keys(res.json().error.fields), url).toEqual(['insz']);
      // For a developer, the answer names the POST; at the field, the person at the screen is told to reload.
      expect(res.json().error.message, url).toContain('POST /api/v1/');
      expect(res.json().error.fields.insz, url).toBe('Deze pagina is verouderd. Herlaad de pagina en zoek opnieuw.');
    }
    expect(await entriesSince(since)).toEqual([]);
    // The POST search finds the person's dossier: the search itself is a read of the person, and
    // the list records each row as it always did, with the INSZ.
    const found = await agent.post('/api/v1/dossiers/search', { insz: formatInsz(known!.insz) });
    expect(found.statusCode).toBe(200);
    const rows = found.json().items as { id: string; insz: string }[];
    expect(rows.map((d) => d.insz)).toEqual([known!.insz]);
    expect((await entriesSince(since)).map((r) => [r.action, r.object_id, r.insz, r.actor_role])).toEqual([
      ['dossier.search', null, known!.insz, 'USER'],
      ['dossier.list', rows[0]!.id, known!.insz, 'USER'],
    ]);
    // The same search again within the window, and one that finds nobody: each recorded (a search
    // is recorded every time; only the list's row, a summary shown again, is a repeat).
    const nobody = '85073003328';
    const again = await lastId();
    expect((await agent.post('/api/v1/dossiers/search', { insz: formatInsz(known!.insz) })).statusCode).toBe(200);
    const empty = await agent.post('/api/v1/dossiers/search', { insz: nobody });
    expect(empty.statusCode).toBe(200);
    expect(empty.json().items).toEqual([]);
    expect((await entriesSince(again)).map((r) => [r.action, r.insz])).toEqual([
      ['dossier.search', known!.insz],
      ['dossier.search', nobody],
    ]);
    // The GET without an INSZ still lists by status and kind.
    expect((await agent.get('/api/v1/dossiers?status=running&pageSize=1')).statusCode).toBe(200);
  });

  it('portal: a dossier and an e-Box document opened leave one entry each', async () => {
    const agent = ctx.client();
    await agent.loginAs('user.antwerpen', 'Antwerpen');
    // One the worker may open of each, as their lists show them.
    const dossier = (await agent.get('/api/v1/dossiers?pageSize=1')).json().items[0] as { id: string; insz: string } | undefined;
    const document = (await agent.get('/api/v1/ebox/documents?pageSize=1')).json().items[0] as { id: string } | undefined;
    expect(dossier && document).toBeTruthy();
    const since = await lastId();
    expect((await agent.get(`/api/v1/dossiers/${dossier!.id}`)).statusCode).toBe(200);
    expect((await agent.get(`/api/v1/ebox/documents/${document!.id}`)).statusCode).toBe(200);
    expect((await entriesSince(since)).map((r) => [r.action, r.object_id, r.insz])).toEqual([
      ['dossier.read', dossier!.id, dossier!.insz],
      ['ebox-document.read', document!.id, null],
    ]);
  });

  it('Toegangsbeheer: a users export leaves one entry per person in the file', async () => {
    const tb = ctx.client();
    const session = await tb.loginAs('tb.antwerpen', 'Antwerpen');
    const since = await lastId();
    const csv = await tb.get(`/api/v1/access/domains/${session.context.domain.id}/users/export?format=csv`);
    expect(csv.statusCode).toBe(200);
    const lines = csv.body.trim().split('\n').length - 1;
    const rows = await entriesSince(since);
    expect(rows).toHaveLength(lines);
    expect(new Set(rows.map((r) => r.action))).toEqual(new Set(['users.export']));
    expect(new Set(rows.map((r) => r.object_id)).size).toBe(lines);
  });

  it('SFTP: a mutation file read leaves one entry per person in it, under the channel account', async () => {
    await ctx.services.mutations.ingest([{ type: 'MURN', insz: INSZ, occurredAt: '2025-01-02T10:00:00+01:00', payload: { nis: '11002' } }], 'test');
    const session = { accountId: '00000000-0000-4000-8000-000000000001', organisationId: antwerpen, permissions: ['mutaties-rijksregister'], username: 'sftp-antwerpen', credential: 'c' };
    const files = await ctx.services.fileChannel.listFolder(session, 'mutaties');
    expect(files.length).toBeGreaterThan(0);
    const since = await lastId();
    const content = await ctx.services.fileChannel.readFile(session, 'mutaties', files[0]!.name);
    const lines = content!.toString().trim().split('\n').map((l) => JSON.parse(l) as { id: number; insz: string });
    expect((await entriesSince(since)).map((r) => [r.channel, r.action, r.object_id, r.insz, r.actor_account])).toEqual(
      lines.map((l) => ['sftp', 'mutation.read', String(l.id), l.insz, 'sftp-antwerpen']),
    );
  });
});

describe('SFTP /ebox/: a document naming a person (issue 24 review)', () => {
  it('an attachment fetched over SFTP carries the INSZ its document names', async () => {
    const [rsz] = await queryRows<{ id: string }>(ctx.database.db, sql`select id from organisations where name_nl like 'Rijksdienst%'`);
    const published = await ctx.services.mailbox.publishAs({ organisationId: rsz!.id, name: 'test' }, {
      recipientKbo: '0212235604', title: 'Afrekening', category: 'Afrekeningen', messageType: 'Afrekening', rsz: false, documentDate: '2026-01-05', body: `Voor ${INSZ}.`, channelDelivery: true,
      attachment: { fileName: 'afrekening.pdf', mimeType: 'application/pdf', contentBase64: Buffer.from('%PDF-1.7\n').toString('base64') },
    });
    const session = { accountId: '00000000-0000-4000-8000-000000000001', organisationId: antwerpen, permissions: ['mediprima-afrekening'], username: 'sftp-antwerpen', credential: 'c' };
    const file = (await ctx.services.fileChannel.listFolder(session, 'ebox')).find((f) => f.name.includes(published.id.slice(0, 8)) || f.name.includes('afrekening'));
    expect(file).toBeTruthy();
    const since = await lastId();
    expect(await ctx.services.fileChannel.readFile(session, 'ebox', file!.name)).toBeTruthy();
    expect((await entriesSince(since)).map((r) => [r.channel, r.action, r.object_id, r.insz])).toEqual([['sftp', 'ebox-document.download', published.id, INSZ]]);
  });
});

describe("the privacy officer's search (issue 24)", () => {
  it('finds the reads of an INSZ in its own organisation, and records its own search once', async () => {
    const dpo = ctx.client();
    await dpo.loginAs('dpo.antwerpen', 'Antwerpen');
    await ctx.services.accessLog.flush();
    const res = await dpo.post('/api/v1/privacy/access-log/search', { insz: INSZ, pageSize: 2 });
    expect(res.statusCode).toBe(200);
    const page = res.json();
    expect(page.items).toHaveLength(2);
    expect(page.items.every((i: { insz: string; organisation: string }) => i.insz === INSZ && i.organisation === '0212235604')).toBe(true);
    expect(page.nextCursor).toMatch(/^\d+$/);
    const next = (await dpo.post('/api/v1/privacy/access-log/search', { insz: INSZ, pageSize: 2, cursor: page.nextCursor })).json();
    expect(next.items[0].id).toBeLessThan(page.items[1].id);
    const own = (await entriesSince(page.items[0].id)).filter((r) => r.action === 'access-log.search');
    expect(own.map((r) => r.insz)).toEqual([INSZ, INSZ]);
  });

  it("another OCMW's officer sees none of it; a TB without the application gets 403", async () => {
    await ctx.services.accessLog.flush();
    const mine = await ctx.services.privacy.search(officerOf(antwerpen), { insz: INSZ });
    expect(mine.items.length).toBeGreaterThan(0);
    const theirs = await ctx.services.privacy.search(officerOf(gent), { insz: INSZ });
    expect(theirs.items).toEqual([]);
    const all = await ctx.services.privacy.search(officerOf(gent), { pageSize: 200 });
    expect(all.items.filter((i) => i.organisation === '0212235604')).toEqual([]);
    const tb = ctx.client();
    await tb.loginAs('tb.antwerpen', 'Antwerpen');
    const refused = await tb.get('/api/v1/privacy/access-log');
    expect(refused.statusCode).toBe(403);
    expect((await tb.post('/api/v1/privacy/access-log/search', { insz: INSZ })).statusCode).toBe(403);
    expect((await tb.post('/api/v1/privacy/access-log/export', { format: 'csv' })).statusCode).toBe(403);
  });

  it('refuses a wrong INSZ, a reversed period and a forged cursor with 400 naming the field', async () => {
    const dpo = ctx.client();
    await dpo.loginAs('dpo.antwerpen', 'Antwerpen');
    const bad = await dpo.post('/api/v1/privacy/access-log/search', { insz: '85073003329' });
    expect(bad.statusCode).toBe(400);
    expect(Object.keys(bad.json().error.fields)).toContain('insz');
    const reversed = await dpo.get('/api/v1/privacy/access-log?from=2025-02-01&to=2025-01-01');
    expect(reversed.statusCode).toBe(400);
    expect(Object.keys(reversed.json().error.fields)).toContain('from');
    const cursor = await dpo.get('/api/v1/privacy/access-log?cursor=abc');
    expect(cursor.statusCode).toBe(400);
    expect(Object.keys(cursor.json().error.fields)).toContain('cursor');
  });

  it('refuses the INSZ in a URL with 400 naming the field, and records nothing', async () => {
    const dpo = ctx.client();
    await dpo.loginAs('dpo.antwerpen', 'Antwerpen');
    const since = await lastId();
    const res = await dpo.get(`/api/v1/privacy/access-log?insz=${INSZ}`);
    expect(res.statusCode).toBe(400);
    expect(Object.keys(res.json().error.fields)).toEqual(['insz']);
    expect((await dpo.get(`/api/v1/privacy/access-log/export?format=csv&insz=${INSZ}`)).statusCode).toBe(404);
    expect(await entriesSince(since)).toEqual([]);
    // Without an INSZ, the GET search by period still answers (the officer's own search is one entry, no INSZ).
    expect((await dpo.get('/api/v1/privacy/access-log?from=2020-01-01')).statusCode).toBe(200);
    expect((await entriesSince(since)).map((r) => [r.action, r.insz])).toEqual([['access-log.search', null]]);
  });

  it('exports CSV and XLSX, formula-safe', async () => {
    ctx.services.accessLog.record({ organisationId: antwerpen, actor: { account: '=HYPERLINK("http://evil")' }, channel: 'vendor-api', action: 'help-request.read', objectKind: 'help-request', objectId: '=1+1', insz: INSZ });
    const dpo = ctx.client();
    await dpo.loginAs('dpo.antwerpen', 'Antwerpen');
    await ctx.services.accessLog.flush();
    const csv = await dpo.post('/api/v1/privacy/access-log/export', { format: 'csv', insz: INSZ, lang: 'en' });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body).toContain('Who');
    expect(csv.body).toContain(`'=HYPERLINK`);
    expect(csv.body).not.toMatch(/(^|;)=HYPERLINK/m);
    const xlsx = await dpo.request({ method: 'POST', url: '/api/v1/privacy/access-log/export', payload: { format: 'xlsx', insz: INSZ } });
    expect(xlsx.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const cells = wb.worksheets[0]!.getSheetValues().flat().filter((v) => typeof v === 'object' && v !== null && 'formula' in v);
    expect(cells).toEqual([]);
  });

  it("writes the channels and actions in the reader's language, not as codes", async () => {
    const dpo = ctx.client();
    await dpo.loginAs('dpo.antwerpen', 'Antwerpen');
    await ctx.services.accessLog.flush();
    const rowsOf = async (lang: string) => {
      const csv = await dpo.post('/api/v1/privacy/access-log/export', { format: 'csv', insz: INSZ, lang });
      expect(csv.statusCode).toBe(200);
      return csv.body.trim().split('\n').slice(1).map((l) => l.split(';'));
    };
    const fr = await rowsOf('fr');
    const vendorRead = fr.find((cells) => cells.includes('API fournisseur de logiciels'));
    expect(vendorRead).toEqual(expect.arrayContaining(["Demande d'aide ouverte"]));
    expect(fr.flat()).not.toContain('vendor-api');
    expect(fr.flat()).not.toContain('help-request.read');
    const nl = await rowsOf('nl');
    expect(nl.flat()).toContain('API softwareleverancier');
    expect(nl.flat()).toContain('Hulpaanvraag geopend');
  });
});

describe('the reads the review found unrecorded (issue 24)', () => {
  it('portal and vendor API: a help-request list row carries the INSZ (found by a search on it), and the answer does not show it; the same row shown again within 15 minutes is not recorded again', async () => {
    // A request nobody has listed yet: earlier tests listed `request` (a repeat within the window records nothing).
    const receipt = await ctx.services.helpRequests.submit({ language: 'nl', kinds: ['leefloon'], postcode: '2000', surname: 'Maes', firstName: 'Tom', insz: INSZ, phone: '03 111 22 33', message: 'Nog een vraag.' });
    const [fresh] = await queryRows<{ id: string }>(ctx.database.db, sql`select id from help_requests where reference = ${receipt.reference}`);
    const request = { id: fresh!.id, reference: receipt.reference };
    const agent = ctx.client();
    await agent.loginAs('user.antwerpen', 'Antwerpen');
    let since = await lastId();
    const list = await agent.get(`/api/v1/help-requests?reference=${request.reference}`);
    expect(list.statusCode).toBe(200);
    expect(list.body).not.toContain(INSZ);
    expect((await entriesSince(since)).map((r) => [r.channel, r.action, r.object_id, r.insz])).toEqual([['portal', 'help-request.list', request.id, INSZ]]);
    since = await lastId();
    const page = await vendor.call('GET', '/vendor/v1/help-requests?pageSize=100', cert);
    expect(page.status).toBe(200);
    expect(JSON.stringify(page.json)).not.toContain(INSZ);
    const mine = (await entriesSince(since)).filter((r) => r.object_id === request.id);
    expect(mine.map((r) => [r.channel, r.action, r.insz])).toEqual([['vendor-api', 'help-request.list', INSZ]]);
    // Issue 20: polled again (a vendor every few seconds), the same rows shown to the same reader are one entry per 15 minutes.
    since = await lastId();
    expect((await agent.get(`/api/v1/help-requests?reference=${request.reference}`)).statusCode).toBe(200);
    expect((await vendor.call('GET', '/vendor/v1/help-requests?pageSize=100', cert)).status).toBe(200);
    expect(await entriesSince(since)).toEqual([]);
    // Opening it is recorded every time.
    expect((await agent.get(`/api/v1/help-requests/${request.id}`)).statusCode).toBe(200);
    expect((await entriesSince(since)).map((r) => [r.action, r.object_id])).toEqual([['help-request.read', request.id]]);
  });

  it('portal: the e-Box list records each document shown, and a document naming a person carries their INSZ, in the list and opened', async () => {
    const [rsz] = await queryRows<{ id: string }>(ctx.database.db, sql`select id from organisations where name_nl like 'Rijksdienst%'`);
    const published = await ctx.services.mailbox.publishAs({ organisationId: rsz!.id, name: 'test' }, {
      recipientKbo: '0212235604', title: `Beslissing ${formatInsz(INSZ)}`, category: 'Attesten', messageType: 'Attest', rsz: false, documentDate: '2026-01-05', body: 'Zie beslissing.',
    });
    const agent = ctx.client();
    await agent.loginAs('user.antwerpen', 'Antwerpen');
    let since = await lastId();
    const list = await agent.get('/api/v1/ebox/documents?pageSize=100');
    expect(list.statusCode).toBe(200);
    const shown = list.json().items.map((d: { id: string }) => d.id) as string[];
    expect(shown).toContain(published.id);
    const rows = await entriesSince(since);
    // Each document shown once; those this reader was shown within the last 15 minutes (earlier tests) are repeats and not recorded again.
    expect(rows.map((r) => r.object_id).every((id) => id !== null && shown.includes(id))).toBe(true);
    expect(new Set(rows.map((r) => r.object_id)).size).toBe(rows.length);
    expect(rows.map((r) => r.object_id)).toContain(published.id);
    expect(new Set(rows.map((r) => r.action))).toEqual(new Set(['ebox-document.list']));
    expect(rows.find((r) => r.object_id === published.id)!.insz).toBe(INSZ);
    since = await lastId();
    expect((await agent.get(`/api/v1/ebox/documents/${published.id}`)).statusCode).toBe(200);
    expect((await entriesSince(since)).map((r) => [r.action, r.object_id, r.insz])).toEqual([['ebox-document.read', published.id, INSZ]]);
  });

  it("the platform administrator's mail log: one entry per mail of an OCMW, the acknowledgement under the request's OCMW with the citizen's INSZ", async () => {
    const filed = await ctx.services.helpRequests.submit({ language: 'nl', kinds: ['huisvesting'], postcode: '2000', surname: 'Maes', firstName: 'Tom', insz: INSZ, email: 'tom.maes@example.org', phone: '03 111 22 33', message: 'Tweede vraag.' });
    const [ack] = await queryRows<{ id: string }>(ctx.database.db, sql`select id from mails where kind = 'online-acknowledgement' and subject like ${`%${filed.reference}%`}`);
    const admin = ctx.client();
    await admin.loginAs('admin');
    const since = await lastId();
    const list = await admin.get('/api/v1/admin/mails?pageSize=100');
    expect(list.statusCode).toBe(200);
    const shown = new Set(list.json().items.map((m: { id: string }) => m.id));
    expect(shown.has(ack!.id)).toBe(true);
    const rows = await entriesSince(since);
    expect(rows.every((r) => r.action === 'mail.list' && shown.has(r.object_id!))).toBe(true);
    expect(new Set(rows.map((r) => r.object_id)).size).toBe(rows.length);
    expect(rows.filter((r) => r.object_id === ack!.id).map((r) => [r.organisation_id, r.insz, r.channel])).toEqual([[antwerpen, INSZ, 'portal']]);
    // Another OCMW's officer sees none of it.
    const theirs = await ctx.services.privacy.search(officerOf(gent), { pageSize: 200 });
    expect(theirs.items.filter((i) => i.objectId === ack!.id)).toEqual([]);
  });

  it('Toegangsbeheer: the managers list records one entry per manager shown, with their INSZ', async () => {
    const htb = ctx.client();
    await htb.loginAs('htb.antwerpen', 'Antwerpen');
    const since = await lastId();
    const res = await htb.get('/api/v1/access/managers');
    expect(res.statusCode).toBe(200);
    const shown = res.json() as { userId: string }[];
    expect(shown.length).toBeGreaterThan(0);
    expect(JSON.stringify(res.json())).not.toMatch(/"insz"/);
    const [known] = await queryRows<{ insz: string }>(ctx.database.db, sql`select insz from users where id = ${shown[0]!.userId}`);
    const rows = await entriesSince(since);
    expect(rows.map((r) => [r.action, r.object_id])).toEqual(shown.map((m) => ['manager.list', m.userId]));
    expect(rows[0]!.insz).toBe(known!.insz);
  });

  it("the file channel over HTTPS: a mutation file is recorded under file-https, and an institution's fetch of an OCMW's file in that OCMW's log", async () => {
    const { makeCa, makeCertificate } = await import('../../../test/certificates.js');
    const ca = await makeCa({ key: 'RSA-2048' });
    const now = Date.now();
    const c = await makeCertificate({ key: 'EC-P-384', hash: 'SHA-384', issuer: ca, notBefore: new Date(now - 86_400_000), notAfter: new Date(now + 300 * 86_400_000) });
    const tb = ctx.client();
    const session = await tb.loginAs('tb.antwerpen', 'Antwerpen');
    const caller = { userId: session.user.id, language: 'nl' as const, context: session.context } as unknown as Caller;
    await ctx.services.channels.saveSender(caller, { contactName: 'ICT', phoneCode: '+32', phoneNumber: '456986532', email: 'ict@demo.example', language: 'nl' });
    const ftp = await ctx.services.channels.createFtpAccount(caller, { kind: 'FTP', name: 'Privacy', permissions: ['mutaties-rijksregister'], certificateName: 'f', certificate: { fileName: 'ftp.cer', contentBase64: Buffer.from(c.der).toString('base64') }, username: 'antwpriv1' });
    const basic = { authorization: `Basic ${Buffer.from(`antwpriv1:${ftp.password!}`).toString('base64')}` };
    await ctx.services.mutations.ingest([{ type: 'MURN', insz: INSZ, occurredAt: '2025-01-03T10:00:00+01:00', payload: { nis: '11002' } }], 'test');
    const files = (await ctx.app.inject({ url: '/api/v1/channel/mutation-files', headers: basic })).json() as { date: string }[];
    expect(files.length).toBeGreaterThan(0);
    let since = await lastId();
    const file = await ctx.app.inject({ url: `/api/v1/channel/mutation-files/${files[0]!.date}`, headers: basic });
    expect(file.statusCode).toBe(200);
    const lines = file.body.trim().split('\n').map((l) => JSON.parse(l) as { id: number; insz: string });
    expect((await entriesSince(since)).map((r) => [r.channel, r.action, r.object_id, r.insz, r.actor_account])).toEqual(
      lines.map((l) => ['file-https', 'mutation.download', String(l.id), l.insz, 'antwpriv1']),
    );

    const [rsz] = await queryRows<{ id: string; kbo: string }>(ctx.database.db, sql`select id, kbo from organisations where name_nl like 'Rijksdienst%'`);
    const put = await ctx.app.inject({ method: 'PUT', url: `/api/v1/channel/in/${rsz!.kbo}_privacy.xml`, payload: Buffer.from('<batch/>'), headers: { ...basic, 'content-type': 'application/octet-stream' } });
    expect(put.statusCode, put.body).toBe(201);
    const { token } = await ctx.services.registry.createApiClient(rsz!.id, 'RSZ privacy', ['channel:read']);
    const bearer = { authorization: `Bearer ${token}` };
    since = await lastId();
    const listed = await ctx.app.inject({ url: '/api/v1/institution/channel/files?pageSize=100', headers: bearer });
    expect(listed.statusCode).toBe(200);
    expect(listed.body).not.toContain('senderId');
    const items = listed.json().items as { id: string; fileName: string }[];
    const mine = items.find((i) => i.fileName === `${rsz!.kbo}_privacy.xml`)!;
    const listRows = await entriesSince(since);
    expect(listRows.map((r) => [r.channel, r.action, r.object_id])).toEqual(items.map((i) => ['institution-api', 'channel-upload.list', i.id]));
    expect(listRows.find((r) => r.object_id === mine.id)!.organisation_id).toBe(antwerpen);
    since = await lastId();
    expect((await ctx.app.inject({ url: `/api/v1/institution/channel/files/${mine.id}`, headers: bearer })).statusCode).toBe(200);
    expect((await entriesSince(since)).map((r) => [r.channel, r.action, r.object_id, r.organisation_id])).toEqual([['institution-api', 'channel-upload.download', mine.id, antwerpen]]);
  });

});
