import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/db.js';
import { brusselsDate } from '../../domain/clock.js';
import { inszFromParts } from '../../shared/identifiers.js';
import type { Caller } from '../access/index.js';
import { createMailboxService } from './mailbox.service.js';
import { renderFields } from '../../cli/render-error.js';
import type { AppError } from '../../shared/errors.js';
import * as mailboxRepo from './mailbox.repo.js';
import { createTestContext, type TestClient, type TestContext } from '../../../test/test-app.js';

let ctx: TestContext;
let token: string;
const org: Record<'antwerpen' | 'borsbeek' | 'beveren' | 'rsz', { id: string; kbo: string }> = {} as never;
const users = {} as Record<'reader' | 'rsz' | 'privileged' | 'rszOnly' | 'without' | 'tb' | 'borsbeek', TestClient>;
let serial = 100;

const PASSWORD = 'Matrix-Wachtwoord-1';
/** A well-formed KBO (mod 97) of no organisation in the portal. */
const UNKNOWN_KBO = '0876.543.270';
const pdf = (text = 'maandafrekening') => Buffer.from(`%PDF-1.7\n% ${text}\n%%EOF\n`);

async function orgByName(name: string) {
  const [r] = await queryRows<{ id: string; kbo: string }>(ctx.database.db, sql`select id, kbo from organisations where name_nl = ${name}`);
  return r!;
}

/** A new USER in the Maatschappelijk Welzijn domain of the organisation, with the applications, logged in. */
async function userWith(htb: string, orgName: string, applications: string[]): Promise<TestClient> {
  const session = await ctx.client().loginAs(htb);
  const caller: Caller = { userId: session.user.id, language: 'nl', context: session.context };
  const [domain] = await queryRows<{ id: string }>(
    ctx.database.db,
    sql`select d.id from domains d join organisations o on o.id = d.organisation_id where o.name_nl = ${orgName} and d.code = 'MW'`,
  );
  const username = `ebox.u${serial++}`;
  await ctx.services.management.addMember(
    caller,
    domain!.id,
    {
      insz: inszFromParts('790303', serial++),
      type: 'USER',
      applications: applications as 'ebox'[],
      localEmail: null,
      person: { username, usernameConfirm: username, password: PASSWORD, passwordConfirm: PASSWORD, surname: 'Box', firstName: 'E', title: null, language: 'nl', email: `${username}@demo.example` },
    },
    { dryRun: false },
  );
  const client = ctx.client();
  const res = await client.login(username, PASSWORD);
  if (res.statusCode !== 200) throw new Error(`login ${username}: ${res.body}`);
  return client;
}

async function loggedIn(username: string, orgName?: string) {
  const c = ctx.client();
  await c.loginAs(username, orgName);
  return c;
}

function document(overrides: Record<string, unknown> = {}) {
  return {
    recipientKbo: org.antwerpen.kbo,
    title: 'Voorlopige maandafrekening maart',
    category: 'Afrekeningen',
    messageType: 'NovaPrima',
    documentDate: '2026-03-01',
    body: 'In bijlage de voorlopige maandafrekening.',
    ...overrides,
  };
}

async function publish(body: unknown, options: { today?: string; authorization?: string | null } = {}) {
  const headers: Record<string, string> = {};
  if (options.authorization !== null) headers.authorization = options.authorization ?? `Bearer ${token}`;
  if (options.today) headers['x-ocmw-today'] = options.today;
  return ctx.app.inject({ method: 'POST', url: '/api/v1/institution/ebox/documents', payload: body as object, headers });
}

async function published(body: unknown, today?: string): Promise<string> {
  const res = await publish(body, { today });
  if (res.statusCode !== 201) throw new Error(`publish: ${res.statusCode} ${res.body}`);
  return res.json().id;
}

const ids = (res: { json(): { items: { id: string }[] } }) => res.json().items.map((d) => d.id);

async function countDocuments(): Promise<number> {
  const [r] = await queryRows<{ n: number }>(ctx.database.db, sql`select count(*)::int as n from ebox_documents`);
  return r!.n;
}

beforeAll(async () => {
  ctx = await createTestContext();
  org.antwerpen = await orgByName('OCMW Antwerpen');
  org.borsbeek = await orgByName('OCMW Borsbeek');
  org.beveren = await orgByName('OCMW Beveren');
  const [rsz] = await queryRows<{ id: string; kbo: string }>(ctx.database.db, sql`select id, kbo from organisations where name_nl like 'Rijksdienst%'`);
  org.rsz = rsz!;
  token = (await ctx.services.registry.createApiClient(org.rsz.id, 'RSZ e-Box', ['ebox:publish', 'ebox:publish-rsz'])).token;
  users.reader = await loggedIn('user.antwerpen');
  users.rsz = await userWith('htb.antwerpen', 'OCMW Antwerpen', ['ebox', 'ebox-rsz']);
  users.privileged = await userWith('htb.antwerpen', 'OCMW Antwerpen', ['ebox', 'ebox-privileged']);
  users.rszOnly = await userWith('htb.antwerpen', 'OCMW Antwerpen', ['ebox-rsz', 'ebox-privileged']);
  users.without = await userWith('htb.antwerpen', 'OCMW Antwerpen', ['chaman']);
  users.tb = await loggedIn('tb.antwerpen');
  users.borsbeek = await loggedIn('an.peeters', 'Borsbeek');
  expect(await ctx.services.registry.findOrganisationByKbo('0876543270')).toBeUndefined();
});
afterAll(async () => ctx?.close());

describe('publishing (R10.1): institutions with a machine credential', () => {
  it('accepts a document only with a valid bearer token, and stores the attachment with its checksum', async () => {
    const content = pdf();
    const body = document({ attachment: { fileName: 'Maandafrekening maart.pdf', mimeType: 'application/pdf', contentBase64: content.toString('base64') } });
    expect((await publish(body, { authorization: null })).statusCode).toBe(401);
    expect((await publish(body, { authorization: 'Bearer ocmw_wrong' })).statusCode).toBe(401);
    // A portal session is no machine credential.
    expect((await users.reader.post('/api/v1/institution/ebox/documents', body)).statusCode).toBe(401);
    const res = await publish(body);
    expect(res.statusCode).toBe(201);
    const sha256 = createHash('sha256').update(content).digest('hex');
    expect(res.json()).toMatchObject({
      recipient: { kbo: org.antwerpen.kbo, name: 'OCMW Antwerpen' },
      attachment: { name: 'Maandafrekening maart.pdf', mime: 'application/pdf', size: content.length, sha256 },
    });
    const [audit] = await queryRows<{ actorRole: string; organisationId: string }>(
      ctx.database.db,
      sql`select actor_role as "actorRole", organisation_id as "organisationId" from audit_log where action = 'ebox.document.publish' and "after"->>'id' = ${res.json().id}`,
    );
    expect(audit).toEqual({ actorRole: 'institution:RSZ e-Box', organisationId: org.antwerpen.id });
  });

  it('publishes through the CLI path (sender by KBO) with the same checks', async () => {
    const r = await ctx.services.mailbox.publishFile({ ...document({ title: 'Via de CLI' }), senderKbo: org.rsz.kbo }, 'cli:test.json');
    expect(r.recipient.kbo).toBe(org.antwerpen.kbo);
    await expect(ctx.services.mailbox.publishFile({ ...document(), senderKbo: UNKNOWN_KBO }, 'cli')).rejects.toMatchObject({ code: 'validation', fields: { senderKbo: expect.any(String) } });
    // Keys inside; the CLI's edge writes them for people, in its --lang (issue 18).
    const empty = await ctx.services.mailbox.publishFile({ ...document({ title: '' }), senderKbo: org.rsz.kbo }, 'cli').catch((e: unknown) => e);
    expect(empty).toMatchObject({ code: 'validation' });
    expect(renderFields(empty as AppError, 'nl')).toEqual({ title: 'Dit veld is verplicht.' });
    expect(renderFields(empty as AppError, 'fr').title).toMatch(/obligatoire/);
    await expect(ctx.services.mailbox.publishFile({ ...document(), recipientKbo: '123', senderKbo: org.rsz.kbo }, 'cli')).rejects.toMatchObject({ code: 'validation', fields: { recipientKbo: expect.any(String) } });
  });

  it('refuses bad input with a field error and stores nothing', async () => {
    const before = await countDocuments();
    const attachment = (a: Record<string, unknown>) => ({ fileName: 'brief.pdf', mimeType: 'application/pdf', contentBase64: pdf().toString('base64'), ...a });
    const cases: [Record<string, unknown>, string][] = [
      [document({ title: undefined }), 'title'],
      [document({ title: 'x'.repeat(201) }), 'title'],
      [document({ category: 'x'.repeat(61) }), 'category'],
      [document({ messageType: '   ' }), 'messageType'],
      [document({ body: '' }), 'body'],
      [document({ body: 'x'.repeat(100_001) }), 'body'],
      [document({ documentDate: '2026-02-30' }), 'documentDate'],
      [document({ recipientKbo: '0212.235.605' }), 'recipientKbo'],
      // A well-formed KBO that is no organisation of the portal.
      [document({ recipientKbo: UNKNOWN_KBO }), 'recipientKbo'],
      [document({ rsz: 'ja' }), 'rsz'],
      [document({ unexpected: 1 }), 'unexpected'],
      [document({ attachment: attachment({ fileName: '../../etc/passwd.pdf' }) }), 'attachment.fileName'],
      [document({ attachment: attachment({ fileName: 'brief.exe' }) }), 'attachment.fileName'],
      [document({ attachment: attachment({ mimeType: 'application/x-msdownload' }) }), 'attachment.mimeType'],
      [document({ attachment: attachment({ contentBase64: 'not base64!' }) }), 'attachment.contentBase64'],
      [document({ attachment: attachment({ contentBase64: '' }) }), 'attachment.contentBase64'],
    ];
    for (const [body, field] of cases) {
      const res = await publish(body);
      expect(res.statusCode, `${field}: ${res.body}`).toBe(400);
      expect(res.json().error.code).toBe('validation');
      expect(Object.keys(res.json().error.fields), field).toContain(field);
    }
    const unknown = await publish(document({ recipientKbo: UNKNOWN_KBO }), {});
    expect(unknown.json().error.fields.recipientKbo).toBe('Er is geen organisatie met dit ondernemingsnummer.');
    expect(await countDocuments()).toBe(before);
  });

  it('refuses content that does not match the declared type (magic bytes, UTF-8)', async () => {
    const before = await countDocuments();
    const cases: [string, string, Buffer][] = [
      ['brief.pdf', 'application/pdf', Buffer.from('<html><script>alert(1)</script></html>')],
      ['foto.png', 'image/png', pdf()],
      ['foto.jpg', 'image/jpeg', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])],
      ['lijst.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', pdf()],
      ['lijst.csv', 'text/csv', Buffer.from([0x4b, 0xe9, 0x3b, 0xff, 0xfe])],
      ['data.xml', 'application/xml', Buffer.from('geen xml')],
    ];
    for (const [fileName, mimeType, content] of cases) {
      const res = await publish(document({ attachment: { fileName, mimeType, contentBase64: content.toString('base64') } }));
      expect(res.statusCode, `${mimeType}: ${res.body}`).toBe(400);
      expect(res.json().error.fields['attachment.contentBase64'], mimeType).toMatch(/bijlage/);
    }
    expect(await countDocuments()).toBe(before);
    const xlsx = readFileSync('docs/examples/htb-import.xlsx');
    const ok = await publish(document({ attachment: { fileName: 'Knipperlichten.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', contentBase64: xlsx.toString('base64') } }));
    expect(ok.statusCode, ok.body).toBe(201);
  });

  it('refuses an attachment over 5 MiB with 413 and accepts one of exactly 5 MiB', async () => {
    const before = await countDocuments();
    const big = Buffer.alloc(5 * 1024 * 1024 + 1, 0x20);
    pdf().copy(big);
    const tooLarge = await publish(document({ attachment: { fileName: 'groot.pdf', mimeType: 'application/pdf', contentBase64: big.toString('base64') } }));
    expect(tooLarge.statusCode).toBe(413);
    expect(tooLarge.json().error).toMatchObject({ code: 'payload_too_large', fields: { 'attachment.contentBase64': 'De bijlage is groter dan 5 MiB.' } });
    expect(await countDocuments()).toBe(before);
    const exact = await publish(document({ attachment: { fileName: 'precies.pdf', mimeType: 'application/pdf', contentBase64: big.subarray(0, 5 * 1024 * 1024).toString('base64') } }));
    expect(exact.statusCode, exact.body).toBe(201);
    expect(exact.json().attachment.size).toBe(5 * 1024 * 1024);
    // A request larger than any valid publication is cut off before it is parsed.
    const huge = await publish(document({ body: 'x'.repeat(9 * 1024 * 1024) }));
    expect(huge.statusCode).toBe(413);
  });
});

describe('reading (R10.1): "e-Box van de instelling"', () => {
  it('lists without the content, opens with it, and marks read by the user who opened it', async () => {
    const content = Buffer.from('kbo;naam\n0212235604;Antwerpen\n');
    const id = await published(
      document({ title: 'Lijst knipperlichten', category: 'Knipperlichten', messageType: 'Knipperlicht', attachment: { fileName: 'knipperlichten.csv', mimeType: 'text/csv', contentBase64: content.toString('base64') } }),
    );
    const list = await users.reader.get('/api/v1/ebox/documents?pageSize=100');
    expect(list.statusCode).toBe(200);
    const item = list.json().items.find((d: { id: string }) => d.id === id);
    expect(item).toMatchObject({ title: 'Lijst knipperlichten', read: false, visible: true, isRsz: false, sender: { kbo: org.rsz.kbo }, attachment: { name: 'knipperlichten.csv', size: content.length } });
    expect(item).not.toHaveProperty('body');
    expect(list.body).not.toContain('0212235604;Antwerpen');
    const unreadBefore = list.json().unreadCount;
    expect(unreadBefore).toBeGreaterThan(0);

    const opened = await users.reader.get(`/api/v1/ebox/documents/${id}`);
    expect(opened.statusCode).toBe(200);
    expect(opened.json()).toMatchObject({ id, body: 'In bijlage de voorlopige maandafrekening.', read: true, readBy: 'user.antwerpen' });
    const firstRead = opened.json().readAt;
    // A second opening (by someone else) keeps the first reader.
    expect((await users.rsz.get(`/api/v1/ebox/documents/${id}`)).json()).toMatchObject({ readBy: 'user.antwerpen', readAt: firstRead });
    const after = (await users.reader.get('/api/v1/ebox/documents?read=false&pageSize=100')).json();
    expect(after.items.map((d: { id: string }) => d.id)).not.toContain(id);
    expect(after.unreadCount).toBe(unreadBefore - 1);
    expect(ids(await users.reader.get('/api/v1/ebox/documents?read=true&pageSize=100'))).toContain(id);
  });

  it('serves the attachment with its type, a safe file name, nosniff and its checksum', async () => {
    const content = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
    const id = await published(document({ attachment: { fileName: 'Schermafdruk (März).png', mimeType: 'image/png', contentBase64: content.toString('base64') } }));
    const res = await users.reader.get(`/api/v1/ebox/documents/${id}/attachment`);
    expect(res.statusCode).toBe(200);
    expect(res.rawPayload.equals(content)).toBe(true);
    expect(res.headers['content-type']).toBe('image/png');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="Schermafdruk (Marz).png"; filename*=UTF-8''Schermafdruk%20%28M%C3%A4rz%29.png`);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-checksum-sha256']).toBe(createHash('sha256').update(content).digest('hex'));
    // Downloading the attachment is not opening the main content.
    expect((await users.reader.get(`/api/v1/ebox/documents?read=false&pageSize=100`)).json().items.map((d: { id: string }) => d.id)).toContain(id);
    const none = await published(document());
    expect((await users.reader.get(`/api/v1/ebox/documents/${none}/attachment`)).statusCode).toBe(404);
  });

  it('filters on received before/after, sender, message type and category, and pages by at most 100', async () => {
    const first = await published(document({ messageType: 'Geblokkeerd formulier', category: 'Formulieren' }));
    const second = await published(document({ messageType: 'Geblokkeerd formulier', category: 'Formulieren' }));
    const all = (await users.reader.get('/api/v1/ebox/documents?messageType=geblokkeerd%20formulier&pageSize=100')).json();
    expect(all.items.map((d: { id: string }) => d.id)).toEqual([second, first]);
    const firstAt = all.items[1].receivedAt;
    expect(ids(await users.reader.get(`/api/v1/ebox/documents?messageType=Geblokkeerd%20formulier&receivedAfter=${encodeURIComponent(firstAt)}`))).toEqual([second]);
    expect(ids(await users.reader.get(`/api/v1/ebox/documents?messageType=Geblokkeerd%20formulier&receivedBefore=${encodeURIComponent(all.items[0].receivedAt)}`))).toEqual([first]);
    expect(ids(await users.reader.get('/api/v1/ebox/documents?category=Formulieren&sender=sociale%20zekerheid&pageSize=100'))).toEqual([second, first]);
    expect(ids(await users.reader.get(`/api/v1/ebox/documents?category=Formulieren&sender=${org.rsz.kbo}`))).toEqual([second, first]);
    expect(ids(await users.reader.get('/api/v1/ebox/documents?category=Formulieren&sender=Smals'))).toEqual([]);
    const paged = (await users.reader.get('/api/v1/ebox/documents?category=Formulieren&pageSize=1&page=2')).json();
    expect(paged).toMatchObject({ total: 2, page: 2, pageSize: 1 });
    expect(paged.items.map((d: { id: string }) => d.id)).toEqual([first]);
    expect((await users.reader.get('/api/v1/ebox/documents')).json().pageSize).toBe(25);
    for (const bad of ['pageSize=101', 'pageSize=0', 'page=0', 'read=ja', 'receivedAfter=gisteren', 'unknown=1']) {
      const res = await users.reader.get(`/api/v1/ebox/documents?${bad}`);
      expect(res.statusCode, bad).toBe(400);
      expect(Object.keys(res.json().error.fields).some((k) => k.endsWith(bad.split('=')[0]!)), `${bad}: ${res.body}`).toBe(true);
    }
  });

  it('refuses users without "e-Box van de instelling" (403), whatever else they have', async () => {
    const id = await published(document());
    for (const who of ['without', 'tb', 'rszOnly'] as const) {
      for (const url of ['/api/v1/ebox/documents', `/api/v1/ebox/documents/${id}`, `/api/v1/ebox/documents/${id}/attachment`, '/api/v1/ebox/summary']) {
        const res = await users[who].get(url);
        expect(res.statusCode, `${who} ${url}`).toBe(403);
      }
      expect((await users[who].post(`/api/v1/ebox/documents/${id}/hide`)).statusCode, who).toBe(403);
    }
    expect((await users.without.get('/api/v1/ebox/documents')).json().error.message).toContain('e-Box van de instelling');
    // The refused attempts did not open it.
    expect((await users.reader.get(`/api/v1/ebox/documents/${id}`)).json().readBy).toBe('user.antwerpen');
  });
});

describe("the sender in the reader's language", () => {
  const RSZ = { nl: 'Rijksdienst voor Sociale Zekerheid (RSZ)', fr: 'Office national de sécurité sociale (ONSS)', de: 'Landesamt für soziale Sicherheit (LSS)' };
  const senderOf = async (client: TestClient, language: string, id: string) => {
    client.language = language;
    try {
      const list = (await client.get('/api/v1/ebox/documents?category=Afzender&pageSize=100')).json();
      const detail = (await client.get(`/api/v1/ebox/documents/${id}`)).json();
      return { list: list.items.find((d: { id: string }) => d.id === id)?.sender.name, detail: detail.sender.name };
    } finally {
      client.language = 'nl';
    }
  };

  it('names the sending institution in NL, FR and DE, and in Dutch for EN (as the rest of the portal)', async () => {
    const id = await published(document({ category: 'Afzender' }));
    const [stored] = await queryRows<{ senderName: string }>(ctx.database.db, sql`select sender_name as "senderName" from ebox_documents where id = ${id}`);
    expect(stored!.senderName).toBe(RSZ.nl);
    for (const [language, name] of [['nl', RSZ.nl], ['fr', RSZ.fr], ['de', RSZ.de], ['en', RSZ.nl]] as const) {
      expect(await senderOf(users.reader, language, id), language).toEqual({ list: name, detail: name });
    }
    // The privileged user's hide/restore answers name it the same way.
    users.privileged.language = 'fr';
    expect((await users.privileged.post(`/api/v1/ebox/documents/${id}/hide`)).json().sender).toEqual({ name: RSZ.fr, kbo: org.rsz.kbo });
    expect((await users.privileged.post(`/api/v1/ebox/documents/${id}/restore`)).json().sender.name).toBe(RSZ.fr);
    users.privileged.language = 'nl';
  });

  it('filters on the name in any language', async () => {
    const id = await published(document({ category: 'Afzender' }));
    for (const sender of ['ONSS', 'Landesamt', 'Rijksdienst']) {
      expect(ids(await users.reader.get(`/api/v1/ebox/documents?category=Afzender&sender=${sender}&pageSize=100`)), sender).toContain(id);
    }
  });

  it('falls back to the Dutch name when a language has none, and to the stored name without a sender organisation', async () => {
    const id = await published(document({ category: 'Afzender' }));
    await ctx.database.db.execute(sql`update organisations set name_de = '' where id = ${org.rsz.id}`);
    try {
      expect(await senderOf(users.reader, 'de', id)).toEqual({ list: RSZ.nl, detail: RSZ.nl });
    } finally {
      await ctx.database.db.execute(sql`update organisations set name_de = ${RSZ.de} where id = ${org.rsz.id}`);
    }
    const { id: orphan } = await mailboxRepo.insertDocument(ctx.database.db, {
      organisationId: org.antwerpen.id,
      senderOrganisationId: null,
      senderName: 'Vroegere instelling',
      title: 'Zonder afzender',
      category: 'Afzender',
      messageType: 'Bericht',
      documentDate: '2026-03-01',
      body: 'Oud bericht.',
      attachmentName: null,
      attachmentMime: null,
      attachmentBase64: null,
      attachmentSha256: null,
      attachmentSize: null,
    });
    for (const language of ['nl', 'fr', 'de', 'en']) {
      expect(await senderOf(users.reader, language, orphan), language).toEqual({ list: 'Vroegere instelling', detail: 'Vroegere instelling' });
    }
  });
});

describe('RSZ documents need "Documenten RSZ in e-Box"', () => {
  it('are neither listed, counted, opened nor downloaded without it', async () => {
    const id = await published(document({ rsz: true, title: 'RSZ-aangifte', attachment: { fileName: 'aangifte.pdf', mimeType: 'application/pdf', contentBase64: pdf().toString('base64') } }));
    const readerUnread = (await users.reader.get('/api/v1/ebox/documents')).json().unreadCount;
    const rszUnread = (await users.rsz.get('/api/v1/ebox/documents')).json().unreadCount;
    expect(ids(await users.reader.get('/api/v1/ebox/documents?pageSize=100'))).not.toContain(id);
    expect((await users.reader.get(`/api/v1/ebox/documents/${id}`)).statusCode).toBe(404);
    expect((await users.reader.get(`/api/v1/ebox/documents/${id}/attachment`)).statusCode).toBe(404);
    expect(rszUnread).toBeGreaterThan(readerUnread);
    expect((await users.reader.get('/api/v1/ebox/summary')).json().unread).toBe(readerUnread);

    expect(ids(await users.rsz.get('/api/v1/ebox/documents?pageSize=100'))).toContain(id);
    expect((await users.rsz.get(`/api/v1/ebox/documents/${id}/attachment`)).statusCode).toBe(200);
    const opened = await users.rsz.get(`/api/v1/ebox/documents/${id}`);
    expect(opened.json()).toMatchObject({ isRsz: true, read: true });
    // A privileged user without the RSZ application cannot delete what they cannot see.
    expect((await users.privileged.post(`/api/v1/ebox/documents/${id}/hide`)).statusCode).toBe(404);
  });
});

describe('deleting and restoring: "e-Box Bevoorrechte gebruiker"', () => {
  it('hides a document from everyone else, shows it under visible=false, and puts it back; both audited', async () => {
    const id = await published(document({ title: 'Te verwijderen' }));
    expect((await users.reader.post(`/api/v1/ebox/documents/${id}/hide`)).statusCode).toBe(403);
    const hidden = await users.privileged.post(`/api/v1/ebox/documents/${id}/hide`);
    expect(hidden.statusCode).toBe(200);
    expect(hidden.json()).toMatchObject({ id, visible: false });

    expect(ids(await users.reader.get('/api/v1/ebox/documents?pageSize=100'))).not.toContain(id);
    expect((await users.reader.get(`/api/v1/ebox/documents/${id}`)).statusCode).toBe(404);
    expect((await users.reader.get('/api/v1/ebox/documents?visible=false')).statusCode).toBe(403);
    expect(ids(await users.privileged.get('/api/v1/ebox/documents?pageSize=100'))).not.toContain(id);
    expect(ids(await users.privileged.get('/api/v1/ebox/documents?visible=false&pageSize=100'))).toContain(id);
    const detail = (await users.privileged.get(`/api/v1/ebox/documents/${id}`)).json();
    expect(detail).toMatchObject({ visible: false, hiddenBy: expect.stringMatching(/^ebox\.u/) });
    // Hiding twice changes nothing.
    expect((await users.privileged.post(`/api/v1/ebox/documents/${id}/hide`)).json().visible).toBe(false);

    expect((await users.reader.post(`/api/v1/ebox/documents/${id}/restore`)).statusCode).toBe(403);
    const restored = await users.privileged.post(`/api/v1/ebox/documents/${id}/restore`);
    expect(restored.json()).toMatchObject({ id, visible: true });
    expect(ids(await users.reader.get('/api/v1/ebox/documents?pageSize=100'))).toContain(id);
    expect((await users.reader.get(`/api/v1/ebox/documents/${id}`)).json()).toMatchObject({ visible: true, hiddenAt: null, hiddenBy: null });

    const audit = await queryRows<{ action: string }>(
      ctx.database.db,
      sql`select action from audit_log where "after"->>'id' = ${id} and action like 'ebox.document.%' order by id`,
    );
    expect(audit.map((a) => a.action)).toEqual(['ebox.document.publish', 'ebox.document.hide', 'ebox.document.restore']);
  });
});

describe('isolation (N4): another organisation never sees them', () => {
  it('answers 404 to a user with e-Box in another OCMW, and never lists them', async () => {
    const id = await published(document({ title: 'Alleen voor Antwerpen', attachment: { fileName: 'a.pdf', mimeType: 'application/pdf', contentBase64: pdf().toString('base64') } }));
    const list = await users.borsbeek.get('/api/v1/ebox/documents?pageSize=100');
    expect(list.statusCode).toBe(200);
    expect(ids(list)).not.toContain(id);
    expect(list.body).not.toContain('Alleen voor Antwerpen');
    expect((await users.borsbeek.get(`/api/v1/ebox/documents/${id}`)).statusCode).toBe(404);
    expect((await users.borsbeek.get(`/api/v1/ebox/documents/${id}/attachment`)).statusCode).toBe(404);
    // Still unread: the attempt did not open it.
    expect((await users.reader.get('/api/v1/ebox/documents?read=false&pageSize=100')).body).toContain(id);
  });
});

describe('a disappearing OCMW keeps its e-Box (R8.2)', () => {
  it('receives documents after the merger, and its home page warns it to keep checking', async () => {
    // Borsbeek merged into Antwerpen on 2025-01-01. The demo seed left unread documents of its own.
    users.borsbeek.today = '2026-03-01';
    const unreadBefore = (await users.borsbeek.get('/api/v1/ebox/summary')).json().unread;
    const id = await published(document({ recipientKbo: org.borsbeek.kbo, title: 'Interim-maandafrekening (late regularisatie)' }), '2026-03-01');
    users.borsbeek.today = '2026-03-01';
    const list = (await users.borsbeek.get('/api/v1/ebox/documents')).json();
    expect(list.items.map((d: { id: string }) => d.id)).toContain(id);
    expect(brusselsDate(new Date(list.items.find((d: { id: string }) => d.id === id).receivedAt))).toBe('2026-03-01');
    expect((await users.borsbeek.get(`/api/v1/ebox/documents/${id}`)).json()).toMatchObject({ read: true, readBy: 'an.peeters' });
    expect((await users.borsbeek.get('/api/v1/ebox/summary')).json()).toEqual({ unread: unreadBefore, disappearing: { mergedInto: 'OCMW Antwerpen', effectiveDate: '2025-01-01' } });
    users.borsbeek.language = 'fr';
    expect((await users.borsbeek.get('/api/v1/ebox/summary')).json().disappearing.mergedInto).toBe('CPAS Anvers');
    users.borsbeek.language = 'nl';
    users.borsbeek.today = '2024-12-31';
    expect((await users.borsbeek.get('/api/v1/ebox/summary')).json().disappearing).toBeNull();
    users.borsbeek.today = undefined;
    // The merged OCMW has no warning, and does not see Borsbeek's e-Box.
    expect((await users.reader.get('/api/v1/ebox/summary')).json().disappearing).toBeNull();
    expect(ids(await users.reader.get('/api/v1/ebox/documents?pageSize=100'))).not.toContain(id);
  });
});

describe('the nightly notification mail (R10.1, N6)', () => {
  const mailsTo = async (to: string) =>
    queryRows<{ subject: string; bodyText: string }>(ctx.database.db, sql`select subject, body_text as "bodyText" from mails where kind = 'ebox-notification' and to_address = ${to} order by created_at`);

  it('mails each organisation once per night for documents still unread, never twice, also with two instances', async () => {
    const beveren = await userWith('htb.beveren', 'OCMW Beveren', ['ebox', 'ebox-privileged']);
    const to = 'ocmw.beveren@demo.example';
    const send = (night: string) => published(document({ recipientKbo: org.beveren.kbo }), night);
    const [read, hidden] = [await send('2026-05-04'), await send('2026-05-04')];
    await send('2026-05-04');
    beveren.today = '2026-05-04';
    expect((await beveren.get(`/api/v1/ebox/documents/${read}`)).statusCode).toBe(200);
    expect((await beveren.post(`/api/v1/ebox/documents/${hidden}/hide`)).statusCode).toBe(200);

    // Two instances of the service (as two workers would run the job) at once: one mail.
    const other = createMailboxService({ db: ctx.database.db, clock: ctx.clock, registry: ctx.services.registry, notifications: ctx.services.notifications, audit: ctx.services.audit });
    const [a, b] = await ctx.clock.runWithToday('2026-05-05', () =>
      Promise.all([ctx.services.mailbox.runNightlyNotifications('2026-05-04'), other.runNightlyNotifications('2026-05-04')]),
    );
    const beverenMails = [...a.mails, ...b.mails].filter((m) => m.organisationId === org.beveren.id);
    expect(beverenMails).toEqual([{ organisationId: org.beveren.id, to, documents: 1 }]);
    expect(await ctx.clock.runWithToday('2026-05-05', () => ctx.services.mailbox.runNightlyNotifications('2026-05-04'))).toMatchObject({ night: '2026-05-04' });
    const sent = await mailsTo(to);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.subject).toBe('e-Box: 1 ongelezen document(en) voor OCMW Beveren');
    expect(sent[0]!.bodyText).not.toContain('maandafrekening');

    // The next night: only what arrived since; what was announced is not announced again.
    await send('2026-05-05');
    const next = await ctx.clock.runWithToday('2026-05-06', () => ctx.services.mailbox.runNightlyNotifications());
    expect(next.night).toBe('2026-05-05');
    expect(next.mails.filter((m) => m.organisationId === org.beveren.id)).toEqual([{ organisationId: org.beveren.id, to, documents: 1 }]);

    // Read before the night: no mail.
    const early = await send('2026-05-06');
    beveren.today = '2026-05-06';
    await beveren.get(`/api/v1/ebox/documents/${early}`);
    const quiet = await ctx.clock.runWithToday('2026-05-07', () => ctx.services.mailbox.runNightlyNotifications('2026-05-06'));
    expect(quiet.mails.filter((m) => m.organisationId === org.beveren.id)).toEqual([]);
    expect(await mailsTo(to)).toHaveLength(2);

    const [row] = await queryRows<{ n: number; withMail: number }>(
      ctx.database.db,
      sql`select count(*)::int as n, count(mail_id)::int as "withMail" from ebox_notifications where organisation_id = ${org.beveren.id}::uuid`,
    );
    expect(row).toEqual({ n: 2, withMail: 2 });
  });

  it('writes to each OCMW in its correspondence language(s): NL in Flanders, NL and FR in Brussels, DE in the German-speaking area (issue 18)', async () => {
    const to = 'ocmw.beveren@demo.example';
    const night = async (day: string, nis: string | null) => {
      // Beveren is made to serve a municipality of another language area from that day on.
      if (nis) await ctx.database.db.execute(sql`update ocmw_areas set valid_to = ${day}::date where organisation_id = ${org.beveren.id}::uuid and valid_to is null and valid_from < ${day}::date`);
      if (nis) await ctx.database.db.execute(sql`insert into ocmw_areas (organisation_id, nis, valid_from) values (${org.beveren.id}::uuid, ${nis}, ${day}::date)`);
      await published(document({ recipientKbo: org.beveren.kbo }), day);
      const next = `2026-07-${String(Number(day.slice(8)) + 1).padStart(2, '0')}`;
      await ctx.clock.runWithToday(next, () => ctx.services.mailbox.runNightlyNotifications(day));
      return (await mailsTo(to)).at(-1)!;
    };
    const dutch = await night('2026-07-01', null);
    expect(dutch.subject).toBe('e-Box: 1 ongelezen document(en) voor OCMW Beveren');
    expect(dutch.bodyText).toContain('Meld u aan op het OCMW-portaal');

    const brussels = await night('2026-07-03', '21004');
    expect(brussels.subject).toBe('e-Box: 1 ongelezen document(en) voor OCMW Beveren / e-Box : 1 document(s) non lu(s) pour CPAS Beveren');
    const [nl, fr] = brussels.bodyText.split('\n\n— — —\n\n');
    expect(nl).toContain('Meld u aan op het OCMW-portaal');
    expect(fr).toContain('Connectez-vous au portail CPAS');

    const eupen = await night('2026-07-05', '63023');
    expect(eupen.subject).toMatch(/^e-Box: 1 ungelesene\(s\) Dokument\(e\) für /);
    expect(eupen.bodyText).toContain('Melden Sie sich im ÖSHZ-Portal an');
    expect(eupen.bodyText).not.toContain('Meld u aan');
  });

  it('refuses a night that has not begun', async () => {
    await expect(ctx.clock.runWithToday('2026-05-07', () => ctx.services.mailbox.runNightlyNotifications('2026-05-08'))).rejects.toMatchObject({ code: 'validation', fields: { night: expect.any(String) } });
  });
});
