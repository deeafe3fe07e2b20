import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/db.js';
import { generateSelfSigned, type GeneratedCertificate } from '../../http/self-signed.js';
import { createTestContext, type TestContext } from '../../../test/test-app.js';
import { startVendorPort, type VendorPort } from '../../../test/vendor-port.js';
import type { Caller } from '../access/index.js';

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
    const res = await tb.get(`/api/v1/access/domains/${session.context.domain.id}/persons?insz=${INSZ}`);
    expect(res.statusCode).toBe(200);
    expect((await entriesSince(since)).map((r) => [r.action, r.insz, r.actor_role])).toEqual([['person.lookup', INSZ, 'TB']]);
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

describe("the privacy officer's search (issue 24)", () => {
  it('finds the reads of an INSZ in its own organisation, and records its own search once', async () => {
    const dpo = ctx.client();
    await dpo.loginAs('dpo.antwerpen', 'Antwerpen');
    await ctx.services.accessLog.flush();
    const res = await dpo.get(`/api/v1/privacy/access-log?insz=${INSZ}&pageSize=2`);
    expect(res.statusCode).toBe(200);
    const page = res.json();
    expect(page.items).toHaveLength(2);
    expect(page.items.every((i: { insz: string; organisation: string }) => i.insz === INSZ && i.organisation === '0212235604')).toBe(true);
    expect(page.nextCursor).toMatch(/^\d+$/);
    const next = (await dpo.get(`/api/v1/privacy/access-log?insz=${INSZ}&pageSize=2&cursor=${page.nextCursor}`)).json();
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
    expect((await tb.get('/api/v1/privacy/access-log/export?format=csv')).statusCode).toBe(403);
  });

  it('refuses a wrong INSZ, a reversed period and a forged cursor with 400 naming the field', async () => {
    const dpo = ctx.client();
    await dpo.loginAs('dpo.antwerpen', 'Antwerpen');
    const bad = await dpo.get('/api/v1/privacy/access-log?insz=85073003329');
    expect(bad.statusCode).toBe(400);
    expect(Object.keys(bad.json().error.fields)).toContain('insz');
    const reversed = await dpo.get('/api/v1/privacy/access-log?from=2025-02-01&to=2025-01-01');
    expect(reversed.statusCode).toBe(400);
    expect(Object.keys(reversed.json().error.fields)).toContain('from');
    const cursor = await dpo.get('/api/v1/privacy/access-log?cursor=abc');
    expect(cursor.statusCode).toBe(400);
    expect(Object.keys(cursor.json().error.fields)).toContain('cursor');
  });

  it('exports CSV and XLSX, formula-safe', async () => {
    ctx.services.accessLog.record({ organisationId: antwerpen, actor: { account: '=HYPERLINK("http://evil")' }, channel: 'vendor-api', action: 'help-request.read', objectKind: 'help-request', objectId: '=1+1', insz: INSZ });
    const dpo = ctx.client();
    await dpo.loginAs('dpo.antwerpen', 'Antwerpen');
    await ctx.services.accessLog.flush();
    const csv = await dpo.get(`/api/v1/privacy/access-log/export?format=csv&insz=${INSZ}&lang=en`);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body).toContain('Who');
    expect(csv.body).toContain(`'=HYPERLINK`);
    expect(csv.body).not.toMatch(/(^|;)=HYPERLINK/m);
    const xlsx = await dpo.request({ method: 'GET', url: `/api/v1/privacy/access-log/export?format=xlsx&insz=${INSZ}` });
    expect(xlsx.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const cells = wb.worksheets[0]!.getSheetValues().flat().filter((v) => typeof v === 'object' && v !== null && 'formula' in v);
    expect(cells).toEqual([]);
  });
});
