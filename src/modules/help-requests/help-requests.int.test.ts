import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/db.js';
import { addDays } from '../../domain/clock.js';
import { isValidHelpReference } from '../../domain/help-reference.js';
import { isReminderDue } from '../../domain/reminder-schedule.js';
import { createTestContext, type TestClient, type TestContext } from '../../../test/test-app.js';
import type { VendorClient } from './help-requests.service.js';
import * as helpRequestsRepo from './help-requests.repo.js';

let ctx: TestContext;
let citizen: TestClient;
let agent: TestClient;

async function orgId(name: string) {
  const [r] = await queryRows<{ id: string }>(ctx.database.db, sql`select id from organisations where name_nl = ${name}`);
  if (!r) throw new Error(`no organisation ${name}`);
  return r.id;
}

const vendor = async (name: string, permissions = ['ocmw-online-proces']): Promise<VendorClient> => ({
  accountId: '00000000-0000-4000-8000-000000000000',
  accountName: `test-${name}`,
  organisationId: await orgId(name),
  permissions,
});

const request = (over: Record<string, unknown> = {}) => ({
  language: 'nl',
  kinds: ['leefloon', 'energie'],
  postcode: '2000',
  surname: 'Claes',
  firstName: 'Mira',
  insz: '85.07.30-033.28',
  email: 'mira.claes@burger.example',
  message: 'Ik kan mijn energiefactuur niet meer betalen.',
  ...over,
});

async function file(day: string, over: Record<string, unknown> = {}) {
  citizen.today = day;
  const res = await citizen.post('/api/v1/public/help-requests', await citizen.proven(request(over)));
  citizen.today = undefined;
  return res;
}

beforeAll(async () => {
  ctx = await createTestContext();
  citizen = ctx.client();
  await citizen.get('/api/v1/session');
  agent = ctx.client();
  await agent.loginAs('user.antwerpen');
});
afterAll(async () => ctx?.close());

describe('the citizen form (R6.1–R6.3, R6.10)', () => {
  it('files a request to the competent OCMW, with a reference, the receipt date and the OCMW contact data', async () => {
    // Saturday 16 May 2026: received on Monday 18 May (Ascension was on Thursday 14 May).
    const res = await file('2026-05-16', { language: 'fr' });
    expect(res.statusCode).toBe(201);
    const receipt = res.json();
    expect(isValidHelpReference(receipt.reference)).toBe(true);
    expect(receipt.reference).toMatch(/^OO-2026-\d{7}-\d$/);
    expect(receipt.receivedOn).toBe('2026-05-18');
    expect(receipt.ocmw.name).toBe('CPAS Anvers');
    expect(receipt.ocmw.contact).toMatchObject({ street: 'Maison sociale, rue de l’Église', city: 'Anvers', postcode: '2000' });
    expect(receipt.acknowledgementTo).toBe('mira.claes@burger.example');
    // The acknowledgement (FR, with the reference and contact data) and the OCMW's notification (reference only).
    const mails = await queryRows<{ kind: string; toAddress: string; subject: string; bodyText: string }>(
      ctx.database.db,
      sql`select kind, to_address as "toAddress", subject, body_text as "bodyText" from mails where body_text like ${`%${receipt.reference}%`} order by kind`,
    );
    expect(mails.map((m) => m.kind)).toEqual(['online-acknowledgement', 'online-notification']);
    expect(mails[0]!.subject).toContain('Votre demande');
    expect(mails[0]!.bodyText).toContain('18/05/2026');
    expect(mails[0]!.bodyText).toContain('Anvers');
    expect(mails[1]!.toAddress).toBe('ocmw.antwerpen@demo.example');
    expect(mails[1]!.bodyText).not.toContain('Claes');
    expect(mails[1]!.bodyText).not.toContain('85073003328');
  });

  it('files on a holiday to the next working day', async () => {
    expect((await file('2026-05-14')).json().receivedOn).toBe('2026-05-15');
    expect((await file('2026-12-25')).json().receivedOn).toBe('2026-12-28');
    expect((await file('2026-05-13')).json().receivedOn).toBe('2026-05-13');
  });

  it.each([
    [{ kinds: [] }, 'kinds'],
    [{ postcode: '12' }, 'postcode'],
    [{ postcode: '0999' }, 'postcode'],
    [{ insz: '85.07.30-033.29' }, 'insz'],
    [{ email: '', phone: '' }, 'email'],
    [{ email: 'not-an-address' }, 'email'],
    [{ message: '' }, 'message'],
    [{ surname: ' ' }, 'surname'],
    [{ nis: '46003' }, 'nis'],
    [{ language: 'es' }, 'language'],
  ])('refuses %j naming the field %s, and stores nothing', async (over, field) => {
    const [before] = await queryRows<{ n: number }>(ctx.database.db, sql`select count(*)::int as n from help_requests`);
    const res = await file('2026-06-02', over);
    expect(res.statusCode).toBe(400);
    expect(Object.keys(res.json().error.fields ?? {})).toContain(field);
    const [after] = await queryRows<{ n: number }>(ctx.database.db, sql`select count(*)::int as n from help_requests`);
    expect(after!.n).toBe(before!.n);
  });

  it('asks for the municipality when a postcode covers several, and follows mergers (R6.2)', async () => {
    const lookup = async (postcode: string, day: string, nis?: string) => {
      citizen.today = day;
      const res = await citizen.get(`/api/v1/public/ocmw-lookup?postcode=${postcode}${nis ? `&nis=${nis}` : ''}`);
      citizen.today = undefined;
      expect(res.statusCode).toBe(200);
      return res.json();
    };
    // The postcode list is the 2025 one: before 2025, 9120 leads to the three predecessors, so
    // the citizen chooses; from 1 January 2025 it is Beveren-Kruibeke-Zwijndrecht.
    const before = await lookup('9120', '2024-12-31');
    expect(before.municipalities.map((m: { name: string }) => m.name)).toEqual(['Beveren', 'Kruibeke', 'Zwijndrecht']);
    expect(before.ocmw).toBeNull();
    expect((await lookup('9120', '2024-12-31', '46003')).ocmw.name).toBe('OCMW Beveren');
    expect((await lookup('9120', '2025-01-02')).ocmw.name).toBe('OCMW Beveren-Kruibeke-Zwijndrecht');
    // Borsbeek (scenario 3) belongs to Antwerpen from the effective date.
    expect((await lookup('2150', '2024-06-03', '11007')).ocmw.name).toBe('OCMW Borsbeek');
    expect((await lookup('2150', '2025-06-03')).ocmw.name).toBe('OCMW Antwerpen');
    // Hoeselt (scenario 2) goes to Bilzen, which keeps its KBO and bears the new name from 2025-01-01 (R1.6).
    expect((await lookup('3730', '2025-06-03')).ocmw.name).toBe('OCMW Bilzen-Hoeselt');
    const multi = await queryRows<{ postcode: string }>(
      ctx.database.db,
      sql`select postcode from postal_codes group by postcode having count(distinct nis) > 1 order by postcode limit 1`,
    );
    const ambiguous = await lookup(multi[0]!.postcode, '2026-06-02');
    expect(ambiguous.municipalities.length).toBeGreaterThan(1);
    expect(ambiguous.ocmw).toBeNull();
    const chosen = await lookup(multi[0]!.postcode, '2026-06-02', ambiguous.municipalities[0].nis);
    expect(chosen.ocmw).not.toBeNull();
    const missing = await file('2026-06-02', { postcode: multi[0]!.postcode });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.fields).toHaveProperty('nis');
  });

  it('gives unique references to 200 concurrent submissions', async () => {
    const results = await Promise.all(Array.from({ length: 200 }, () => file('2026-07-01', { email: '' , phone: '03 123 45 67' })));
    expect(results.every((r) => r.statusCode === 201)).toBe(true);
    const refs = results.map((r) => r.json().reference);
    expect(new Set(refs).size).toBe(200);
  });

  it('files concurrent submissions in batches: a solution used twice at once counts once, a refused form costs the others nothing, each filed one has its event and acknowledgement (issue 20)', async () => {
    const proven = await citizen.proven(request({ email: '', phone: '03 123 45 67' }));
    const twice = await Promise.all([0, 1].map(() => citizen.post('/api/v1/public/help-requests', proven)));
    expect(twice.map((r) => r.statusCode).sort()).toEqual([201, 400]);
    expect(twice.find((r) => r.statusCode === 400)!.json().error.fields).toHaveProperty('proof');

    const email = `batch.${Date.now()}@burger.example`;
    const forms = await Promise.all(Array.from({ length: 8 }, (_, i) => citizen.proven(request({ email, postcode: i === 3 ? '9999' : '2000' }))));
    const results = await Promise.all(forms.map((f) => citizen.post('/api/v1/public/help-requests', f)));
    expect(results.map((r) => r.statusCode)).toEqual([201, 201, 201, 400, 201, 201, 201, 201]);
    expect(results[3]!.json().error.fields).toHaveProperty('postcode');
    const filed = results.filter((r) => r.statusCode === 201).map((r) => r.json());
    expect(new Set(filed.map((r) => r.reference)).size).toBe(7);
    expect(filed.filter((r) => r.acknowledgementTo === email)).toHaveLength(7);
    const [acks] = await queryRows<{ n: number }>(ctx.database.db, sql`select count(*)::int as n from mails where kind = 'online-acknowledgement' and to_address = ${email}`);
    expect(acks!.n).toBe(7);
    const [events] = await queryRows<{ n: number }>(
      ctx.database.db,
      sql`select count(*)::int as n from help_request_events e join help_requests r on r.id = e.request_id where e.kind = 'filed' and r.reference = any(${`{${filed.map((r) => r.reference).join(',')}}`}::text[])`,
    );
    expect(events!.n).toBe(7);
  });

  it('numbers a new receipt year from its own sequence, after the references of that year already stored (issue 20)', async () => {
    const db = ctx.database.db;
    // A request of 2031 loaded before the year's sequence exists (an import, an earlier release's counter).
    const [org] = await queryRows<{ id: string }>(db, sql`select id from organisations where name_nl = 'OCMW Antwerpen'`);
    await db.execute(
      sql`insert into help_requests (reference, organisation_id, filed_at, received_on, language, kinds, postcode, nis, surname, first_name, message)
          values ('OO-2031-0000041-0', ${org!.id}::uuid, '2031-01-02T10:00:00Z', '2031-01-02', 'nl', '{leefloon}', '2000', '11002', 'Oud', 'Geladen', 'x')`,
    );
    // Many sessions ask for the year's first numbers at once: one sequence is made, none waits.
    const numbers = await Promise.all(Array.from({ length: 20 }, () => helpRequestsRepo.nextSequence(db, 2031)));
    expect([...numbers].sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => 42 + i));
    const filed = (await file('2031-03-03')).json().reference as string;
    expect(filed).toMatch(/^OO-2031-0000062-\d$/);
    expect(isValidHelpReference(filed)).toBe(true);
    // A bulk load takes a block of numbers; the next submission continues after it.
    expect(await helpRequestsRepo.reserveSequences(db, 2031, 100)).toBe(63);
    expect((await file('2031-03-03')).json().reference).toMatch(/^OO-2031-0000163-\d$/);
  });
});

describe('the OCMW side (R6.6, R6.8, R6.11)', () => {
  it('lists, searches, opens and marks read; deadline and lateness follow the business date', async () => {
    const reference = (await file('2026-03-02')).json().reference;
    agent.today = '2026-04-10';
    const list = await agent.get(`/api/v1/help-requests?reference=${reference}`);
    expect(list.statusCode).toBe(200);
    const [item] = list.json().items;
    expect(item).toMatchObject({ reference, receivedOn: '2026-03-02', deadline: '2026-04-01', isLate: true, status: 'unread', municipality: 'Antwerpen' });
    const late = await agent.get('/api/v1/help-requests?status=late&pageSize=100');
    expect(late.json().items.map((i: { reference: string }) => i.reference)).toContain(reference);
    const read = await agent.post(`/api/v1/help-requests/${item.id}/read`);
    expect(read.statusCode).toBe(200);
    expect(read.json()).toMatchObject({ status: 'read', insz: '85073003328', email: 'mira.claes@burger.example' });
    expect(read.json().history.map((h: { kind: string }) => h.kind)).toEqual(['filed', 'read']);
    await agent.post(`/api/v1/help-requests/${item.id}/read`);
    expect((await agent.get(`/api/v1/help-requests/${item.id}`)).json().history).toHaveLength(2);
    const decided = await agent.post(`/api/v1/help-requests/${item.id}/decided`);
    expect(decided.json()).toMatchObject({ status: 'decided', isLate: false });
    agent.today = undefined;
  });

  it('keeps requests from people without the applications, and from other OCMWs', async () => {
    const tb = ctx.client();
    await tb.loginAs('tb.borsbeek');
    expect((await tb.get('/api/v1/help-requests')).statusCode).toBe(403);
    const reference = (await file('2026-03-03')).json().reference;
    const other = await vendor('OCMW Beveren-Kruibeke-Zwijndrecht');
    await expect(ctx.clock.runWithToday('2026-03-03', () => ctx.services.helpRequests.vendorGet(other, reference))).rejects.toMatchObject({ code: 'not_found' });
  });

  it('forwards within 5 days with a reason; the reference and receipt date stay and the history shows each hop', async () => {
    const reference = (await file('2026-09-07')).json().reference;
    agent.today = '2026-09-09';
    const [item] = (await agent.get(`/api/v1/help-requests?reference=${reference}`)).json().items;
    const targets = (await agent.get('/api/v1/help-requests/forward-targets?q=Gent')).json();
    const gent = targets.find((t: { name: string }) => t.name === 'OCMW Gent');
    expect(gent).toBeDefined();
    expect(targets.map((t: { name: string }) => t.name)).not.toContain('OCMW Antwerpen');
    const noReason = await agent.post(`/api/v1/help-requests/${item.id}/forward`, { organisationId: gent.id, reason: '' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.fields).toHaveProperty('reason');
    const borsbeek = await orgId('OCMW Borsbeek');
    const toDisappeared = await agent.post(`/api/v1/help-requests/${item.id}/forward`, { organisationId: borsbeek, reason: 'woont in Borsbeek' });
    expect(toDisappeared.statusCode).toBe(400);
    const ok = await agent.post(`/api/v1/help-requests/${item.id}/forward`, { organisationId: gent.id, reason: 'De aanvrager woont in Gent.' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().forwardedTo.name).toBe('OCMW Gent');
    expect((await agent.get(`/api/v1/help-requests/${item.id}`)).statusCode).toBe(404);
    agent.today = undefined;
    const atGent = await ctx.clock.runWithToday('2026-09-09', async () => ctx.services.helpRequests.vendorGet(await vendor('OCMW Gent'), reference));
    expect(atGent).toMatchObject({ reference, receivedOn: '2026-09-07', status: 'unread' });
    expect(atGent.history.map((h) => [h.kind, h.fromOrganisation, h.toOrganisation, h.reason])).toEqual([
      ['filed', null, 'OCMW Antwerpen', null],
      ['forwarded', 'OCMW Antwerpen', 'OCMW Gent', 'De aanvrager woont in Gent.'],
    ]);
    // Six days after receipt it is too late.
    const second = (await file('2026-09-07')).json().reference;
    agent.today = '2026-09-13';
    const [late] = (await agent.get(`/api/v1/help-requests?reference=${second}`)).json().items;
    const tooLate = await agent.post(`/api/v1/help-requests/${late.id}/forward`, { organisationId: gent.id, reason: 'Gent' });
    expect(tooLate.statusCode).toBe(400);
    expect(tooLate.json().error.fields.organisationId).toContain('12/09/2026');
    agent.today = undefined;
  });
});

describe('merger relinking (R6.7)', () => {
  it('shows a disappearing OCMW its requests until the day before, then only the merged OCMW, across two mergers in a row', async () => {
    // Filed in 2024 to OCMW Beveren; a second, hypothetical merger on 2027-01-01 makes
    // Beveren-Kruibeke-Zwijndrecht part of Sint-Niklaas.
    const reference = (await file('2024-10-01', { postcode: '9120', nis: '46003' })).json().reference;
    const bkz = await orgId('OCMW Beveren-Kruibeke-Zwijndrecht');
    const sintNiklaas = await orgId('OCMW Sint-Niklaas');
    await ctx.services.mergers.createMerger({
      code: 'test-sint-niklaas-2027',
      name: 'Sint-Niklaas (test)',
      effectiveDate: '2027-01-01',
      sources: [
        { organisationId: bkz, nis: '46030' },
        { organisationId: sintNiklaas, nis: '46021' },
      ],
      targetOrganisationId: sintNiklaas,
      targetNis: '46021',
    });
    const sees = async (name: string, day: string) => {
      const client = await vendor(name);
      const page = await ctx.clock.runWithToday(day, () => ctx.services.helpRequests.vendorList(client, { page: 1, pageSize: 100 }));
      return page.items.some((i) => i.reference === reference);
    };
    expect(await sees('OCMW Beveren', '2024-12-31')).toBe(true);
    expect(await sees('OCMW Beveren-Kruibeke-Zwijndrecht', '2024-12-31')).toBe(false);
    expect(await sees('OCMW Beveren', '2025-01-01')).toBe(false);
    expect(await sees('OCMW Beveren-Kruibeke-Zwijndrecht', '2025-01-01')).toBe(true);
    expect(await sees('OCMW Beveren-Kruibeke-Zwijndrecht', '2027-01-01')).toBe(false);
    expect(await sees('OCMW Sint-Niklaas', '2026-12-31')).toBe(false);
    expect(await sees('OCMW Sint-Niklaas', '2027-01-01')).toBe(true);
    // A citizen of Beveren filing in 2027 reaches Sint-Niklaas (two hops).
    expect((await file('2027-03-01', { postcode: '9120' })).json().ocmw.name).toBe('OCMW Sint-Niklaas');
  });
});

describe('the merged OCMW bears its new name from the effective date (R1.6)', () => {
  it.each([
    // day, postcode, municipality picked, language → the OCMW the citizen is told
    ['2024-12-02', '3730', '73032', 'nl', 'OCMW Hoeselt'],
    ['2024-12-31', '3740', '73006', 'nl', 'OCMW Bilzen'],
    ['2025-01-02', '3730', undefined, 'nl', 'OCMW Bilzen-Hoeselt'],
    ['2025-03-03', '3730', undefined, 'fr', 'CPAS Bilzen-Hoeselt'],
    ['2024-12-02', '3840', '73009', 'nl', 'OCMW Borgloon'],
    ['2025-03-03', '3840', undefined, 'nl', 'OCMW Tongeren-Borgloon'],
    ['2025-03-03', '3840', undefined, 'fr', 'CPAS Tongres-Looz'],
    ['2024-12-02', '3980', '71057', 'nl', 'OCMW Tessenderlo'],
    ['2025-03-03', '3980', undefined, 'de', 'ÖSHZ Tessenderlo-Ham'],
    ['2025-03-03', '3500', undefined, 'nl', 'OCMW Hasselt'], // the name stays
  ])('on %s a citizen of %s (%s) in %s is told %s, in the receipt and the acknowledgement', async (day, postcode, nis, language, name) => {
    const email = `r16.${postcode}.${day}.${language}@burger.example`;
    const res = await file(day, { postcode, language, email, ...(nis ? { nis } : {}) });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().ocmw.name).toBe(name);
    const [mail] = await queryRows<{ text: string }>(ctx.database.db, sql`select body_text as text from mails where to_address = ${email}`);
    expect(mail!.text).toContain(name);
  });

  it('names organisations as on the date through the registry (the function other modules call)', async () => {
    const bilzen = await orgId('OCMW Bilzen');
    const names = async (on: string) => (await ctx.services.registry.organisationNames([bilzen], on)).get(bilzen)?.nl;
    expect(await names('2024-12-31')).toBe('OCMW Bilzen');
    expect(await names('2025-01-01')).toBe('OCMW Bilzen-Hoeselt');
    expect((await ctx.clock.runWithToday('2025-06-01', () => ctx.services.registry.getOrganisation(bilzen))).name.nl).toBe('OCMW Bilzen-Hoeselt');
    expect((await ctx.clock.runWithToday('2024-06-01', () => ctx.services.registry.getOrganisation(bilzen))).name.nl).toBe('OCMW Bilzen');
  });
});

describe('reminders (R6.5)', () => {
  it('mails each OCMW once a day with the due references, never twice, and stops once read', async () => {
    // Antwerpen (demo): reminders after 2 days, then daily. Filed on Monday 5 October 2026.
    const reference = (await file('2026-10-05')).json().reference;
    const run = (day: string, dryRun = false) => ctx.services.helpRequests.runReminders(day, { dryRun });
    const antwerpen = (r: Awaited<ReturnType<typeof run>>) => r.mails.find((m) => m.ocmw === '0212235604');
    expect(antwerpen(await run('2026-10-06'))?.references ?? []).not.toContain(reference);
    expect(antwerpen(await run('2026-10-07', true))?.references).toContain(reference);
    // Two runs at once (as two instances would): one mail.
    const [a, b] = await Promise.all([run('2026-10-07'), run('2026-10-07')]);
    expect([antwerpen(a), antwerpen(b)].filter(Boolean)).toHaveLength(1);
    expect(antwerpen(await run('2026-10-07'))).toBeUndefined();
    const [sent] = await queryRows<{ n: number }>(
      ctx.database.db,
      sql`select count(*)::int as n from mails where kind = 'online-reminder' and body_text like ${`%${reference}%`}`,
    );
    expect(sent!.n).toBe(1);
    expect(antwerpen(await run('2026-10-08'))?.references).toContain(reference);
    await ctx.clock.runWithToday('2026-10-08', async () => {
      const client = await vendor('OCMW Antwerpen');
      await ctx.services.helpRequests.vendorMarkRead(client, reference);
    });
    expect(antwerpen(await run('2026-10-09'))?.references ?? []).not.toContain(reference);
  });

  it('counts the delay from the day a weekend request was filed, not from its receipt date (R6.5′)', async () => {
    // Antwerpen: delay 2, daily. Filed on Saturday 10 October 2026, received on Monday 12 October.
    const filed = (await file('2026-10-10')).json();
    expect(filed.receivedOn).toBe('2026-10-12');
    const due = async (day: string) =>
      (await ctx.services.helpRequests.runReminders(day, { dryRun: true })).mails.find((m) => m.ocmw === '0212235604')?.references ?? [];
    expect(await due('2026-10-11')).not.toContain(filed.reference);
    expect(await due('2026-10-12')).toContain(filed.reference); // s + 2 from Saturday; the receipt date would give Wednesday
  });

  it('lists exactly what the rule isReminderDue makes due, for every delay and frequency, merged OCMWs included', async () => {
    const db = ctx.database.db;
    // One OCMW alone, one with one merged source, one with three; frequency 3, 2 and 1.
    const settings = [
      { name: 'OCMW Gent', delay: 1, frequency: 3 },
      { name: 'OCMW Antwerpen', delay: 3, frequency: 2 },
      { name: 'OCMW Beveren-Kruibeke-Zwijndrecht', delay: 2, frequency: 1 },
    ];
    const owners = await Promise.all(settings.map(async (s) => ({ ...s, id: await orgId(s.name) })));
    for (const o of owners) {
      const data = { notificationsEnabled: false, remindersEnabled: true, reminderAddress: `herinnering@${o.frequency}.example`, reminderDelayDays: o.delay, reminderFrequencyDays: o.frequency };
      await db.execute(sql`insert into configuration_versions (organisation_id, section, data) values (${o.id}::uuid, 'online', ${JSON.stringify(data)}::jsonb)`);
    }
    // Two requests a day over 30 days at each of them and at what merged into them: unread,
    // read, decided, unread, in turn; received 0, 1 or 2 days after filing (R6.5′ counts from filing).
    const sources = ['OCMW Gent', 'OCMW Antwerpen', 'OCMW Borsbeek', 'OCMW Beveren', 'OCMW Kruibeke', 'OCMW Zwijndrecht'];
    const ids = await Promise.all(sources.map(orgId));
    await db.execute(
      sql`insert into help_requests (reference, organisation_id, filed_at, received_on, language, kinds, postcode, nis, surname, first_name, phone, message, read_at, decided_at)
          select 'OO-2020-' || lpad((o.n * 100 + g)::text, 7, '0') || '-0', o.id, d + time '10:00', d + g % 3, 'nl', '{leefloon}', '2000', '11002', 'Due', 'Test', '0470', 'x',
                 case when g % 4 = 1 then d + time '12:00' end, case when g % 4 = 2 then d + time '13:00' end
          from unnest(${`{${ids.join(',')}}`}::uuid[]) with ordinality o(id, n),
               generate_series(0, 59) g, lateral (select date '2026-03-19' - g / 2 as d) day`,
    );
    for (let day = '2026-03-10'; day <= '2026-03-19'; day = addDays(day, 1)) {
      const { mails } = await ctx.services.helpRequests.runReminders(day, { dryRun: true });
      for (const o of owners) {
        const rows = await queryRows<{ reference: string; filedOn: string; read: boolean }>(
          db,
          sql`select r.reference, r.filed_on::text as "filedOn", (r.read_at is not null or r.decided_at is not null) as read
              from help_requests r join organisations s on s.id = r.organisation_id
              where s.kind = 'ocmw' and ocmw_successor(s.id, ${day}::date) = ${o.id}::uuid`,
        );
        const expected = rows
          .filter((r) => isReminderDue({ submittedOn: r.filedOn, day, delayDays: o.delay, frequencyDays: o.frequency, read: r.read }))
          .sort((a, b) => (a.filedOn < b.filedOn ? -1 : a.filedOn > b.filedOn ? 1 : a.reference < b.reference ? -1 : a.reference > b.reference ? 1 : 0))
          .map((r) => r.reference);
        expect(expected.length, `${o.name} on ${day}`).toBeGreaterThan(0);
        const mail = mails.find((m) => m.to === `herinnering@${o.frequency}.example`);
        expect(mail?.references ?? [], `${o.name} on ${day}`).toEqual(expected);
      }
    }
  });
});
