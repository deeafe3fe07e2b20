import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/db.js';
import { catalogue } from '../../messages.js';
import { AppError } from '../../shared/errors.js';
import { inszFromParts } from '../../shared/identifiers.js';
import { accessRepo, type Caller } from '../access/index.js';
import { registryRepo } from '../registry/index.js';
import { createTestContext, type TestClient, type TestContext } from '../../../test/test-app.js';
import { createSubsidyReportService } from './subsidy-report.service.js';

let ctx: TestContext;
/** an.peeters in OCMW Borsbeek (disappearing into Antwerpen, scenario 3): has "Uniek verslag". */
let borsbeek: TestClient;
/** A user of OCMW Antwerpen (keeps its KBO and NIS) given "Uniek verslag". */
let antwerpen: TestClient;
let antwerpenCaller: Caller & { username: string };
/** an.peeters in OCMW Pajottegem (new organisation, scenario 1), given a domain and the application for the test. */
let pajottegem: TestClient;
let withoutApp: TestClient;
let tb: TestClient;

async function orgId(name: string) {
  const [r] = await queryRows<{ id: string }>(ctx.database.db, sql`select id from organisations where name_nl = ${name}`);
  if (!r) throw new Error(`no organisation ${name}`);
  return r.id;
}

async function reportCount(organisationName: string) {
  const [r] = await queryRows<{ n: number }>(ctx.database.db, sql`select count(*)::int as n from subsidy_reports where organisation_id = ${await orgId(organisationName)}`);
  return r!.n;
}

const at = (client: TestClient, today: string) => {
  client.today = today;
  return client;
};

const line = (over: Record<string, unknown> = {}) => ({ subsidyType: 'leefloon', amountGranted: 1000, amountUsed: 1000, justification: '', ...over });

beforeAll(async () => {
  ctx = await createTestContext();
  borsbeek = ctx.client();
  await borsbeek.loginAs('an.peeters', 'Borsbeek');

  // Antwerpen: a fresh user with the application, added by the HTB like any user.
  const htb = ctx.client();
  const htbSession = await htb.loginAs('htb.antwerpen');
  const [domain] = await queryRows<{ id: string }>(
    ctx.database.db,
    sql`select d.id from domains d join organisations o on o.id = d.organisation_id where o.kbo = '0212235604' and d.code = 'MW'`,
  );
  const htbCaller: Caller = { userId: htbSession.user.id, language: 'nl', context: htbSession.context };
  const username = 'verslag.antwerpen';
  await ctx.services.management.addMember(
    htbCaller,
    domain!.id,
    {
      insz: inszFromParts('790315', 611),
      type: 'USER',
      applications: ['uniek-verslag'] as never,
      localEmail: null,
      person: {
        username,
        usernameConfirm: username,
        password: 'Vlinder-Kaasschaaf-19',
        passwordConfirm: 'Vlinder-Kaasschaaf-19',
        surname: 'Verslag',
        firstName: 'Antwerpen',
        title: null,
        language: 'nl',
        email: 'verslag@demo.example',
      },
    },
    { dryRun: false },
  );
  antwerpen = ctx.client();
  const session = (await antwerpen.login(username, 'Vlinder-Kaasschaaf-19')).json();
  antwerpenCaller = { userId: session.user.id, username, language: 'nl', context: session.context };

  // Pajottegem has no domain before the cut-over (issue #8 creates it): give it one for this test.
  const [pajDomain] = await registryRepo.insertDomains(ctx.database.db, [{ organisationId: await orgId('OCMW Pajottegem'), code: 'MW' }]);
  const [an] = await queryRows<{ id: string }>(ctx.database.db, sql`select id from users where username = 'an.peeters'`);
  await accessRepo.insertMemberships(ctx.database.db, [{ domainId: pajDomain!.id, userId: an!.id, type: 'USER', applications: ['uniek-verslag'] }]);
  pajottegem = ctx.client();
  await pajottegem.loginAs('an.peeters', 'Pajottegem');

  withoutApp = ctx.client();
  await withoutApp.loginAs('user.antwerpen');
  tb = ctx.client();
  await tb.loginAs('tb.antwerpen');
});
afterAll(async () => ctx?.close());

describe('who files which year (R10.2), through the API with the business date', () => {
  it('offers a disappearing OCMW its 2024 report as its last one, and refuses 2025 with the explanation', async () => {
    const res = await at(borsbeek, '2025-02-10').get('/api/v1/subsidy-reports');
    expect(res.statusCode).toBe(200);
    const { reports, fileable } = res.json();
    expect(reports).toEqual([]);
    expect(fileable.map((f: { year: number }) => f.year)).toEqual([2025, 2024, 2023, 2022]);
    const [y2025, y2024, y2023] = fileable;
    expect(y2025).toMatchObject({ allowed: false, reasonKey: 'subsidy.year.disappeared', window: { from: '2026-02-01', to: '2026-02-28' }, windowState: 'before', reportId: null });
    expect(y2025.reason).toContain('OCMW Antwerpen');
    expect(y2024).toMatchObject({ allowed: true, window: { from: '2025-02-01', to: '2025-02-28' }, windowState: 'open', note: { key: 'subsidy.note.last_report' } });
    expect(y2024.note.message).toBe('Dit is het laatste Uniek verslag van OCMW Borsbeek: vanaf het verslag 2025 dient OCMW Antwerpen in.');
    expect(y2023).toMatchObject({ allowed: true, windowState: 'closed' });
  });

  it('refuses the wrong organisation/year pair with a message that explains why, and creates nothing', async () => {
    const res = await at(borsbeek, '2026-02-10').post('/api/v1/subsidy-reports', { year: 2025 });
    expect(res.statusCode).toBe(422);
    const text =
      'Het Uniek verslag 2025 dient OCMW Antwerpen in: OCMW Borsbeek is op 1 januari 2025 opgegaan in OCMW Antwerpen. Meld u aan als OCMW Antwerpen. OCMW Borsbeek dient zelf alleen de verslagen tot en met 2024 in.';
    expect(res.json().error).toEqual({ code: 'rule_violation', message: text, fields: { year: text }, violations: [{ rule: 'subsidy.year.disappeared', message: text }] });
    expect(await reportCount('OCMW Borsbeek')).toBe(0);
  });

  // Issue 18: the service throws a key; the HTTP edge writes the same refusal in the reader's language.
  it.each([
    ['nl', 'Het Uniek verslag 2025 dient OCMW Antwerpen in: OCMW Borsbeek is op 1 januari 2025 opgegaan in OCMW Antwerpen. Meld u aan als OCMW Antwerpen. OCMW Borsbeek dient zelf alleen de verslagen tot en met 2024 in.'],
    ['fr', "Le rapport unique 2025 est introduit par CPAS Anvers : CPAS Borsbeek a fusionné dans CPAS Anvers le 1 janvier 2025. Connectez-vous en tant que CPAS Anvers. CPAS Borsbeek n'introduit lui-même que les rapports jusqu'à 2024 inclus."],
    ['de', 'Den Einheitlichen Bericht 2025 reicht ÖSHZ Antwerpen ein: ÖSHZ Borsbeek ist am 1. Januar 2025 in ÖSHZ Antwerpen aufgegangen. Melden Sie sich als ÖSHZ Antwerpen an. ÖSHZ Borsbeek reicht selbst nur die Berichte bis einschließlich 2024 ein.'],
  ] as const)('explains it in the language of the user (%s): the refusal and the overview', async (language, text) => {
    borsbeek.language = language;
    try {
      const res = await at(borsbeek, '2026-02-10').post('/api/v1/subsidy-reports', { year: 2025 });
      expect(res.json().error).toMatchObject({ message: text, fields: { year: text }, violations: [{ rule: 'subsidy.year.disappeared', message: text }] });
      const overview = (await at(borsbeek, '2026-02-10').get('/api/v1/subsidy-reports')).json();
      expect(overview.fileable.find((f: { year: number }) => f.year === 2025).reason).toBe(text);
    } finally {
      borsbeek.language = 'nl';
    }
  });

  it('refuses 2024 to a new merged OCMW (each former OCMW files it, logged in as that OCMW) and accepts 2025 from 2026 on', async () => {
    const early = await at(pajottegem, '2026-02-10').post('/api/v1/subsidy-reports', { year: 2024 });
    expect(early.statusCode).toBe(422);
    expect(early.json().error.fields.year).toBe(
      'Elk voormalig OCMW dient zelf zijn Uniek verslag 2024 in (OCMW Galmaarden, OCMW Gooik en OCMW Herne): meld u aan als dat OCMW. Vanaf het verslag 2025 dient OCMW Pajottegem in.',
    );
    const notYet = await at(pajottegem, '2025-06-01').post('/api/v1/subsidy-reports', { year: 2025 });
    expect(notYet.statusCode).toBe(422);
    expect(notYet.json().error.violations[0].rule).toBe('subsidy.year.not_closed');
    expect(notYet.json().error.message).toBe('Het subsidiejaar 2025 is nog niet voorbij: het Uniek verslag 2025 wordt ingediend van 1 februari 2026 tot en met 28 februari 2026.');
    const ok = await at(pajottegem, '2026-02-10').post('/api/v1/subsidy-reports', { year: 2025 });
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({ year: 2025, status: 'draft', organisation: { name: 'OCMW Pajottegem' }, canEdit: true, canSubmit: false, submitBlocked: { key: 'subsidy.no_lines' } });
    const list = (await at(pajottegem, '2026-02-10').get('/api/v1/subsidy-reports')).json();
    expect(list.fileable.map((f: { year: number; allowed: boolean }) => [f.year, f.allowed])).toEqual([[2026, false], [2025, true], [2024, false], [2023, false]]);
  });

  it("lets the OCMW that keeps its KBO file 2024 for its own part, and 2025 for the merged whole", async () => {
    const res = await at(antwerpen, '2025-02-10').post('/api/v1/subsidy-reports', { year: 2024 });
    expect(res.statusCode).toBe(201);
    expect(res.json().note).toEqual({
      key: 'subsidy.note.own_part_one',
      message:
        'Het Uniek verslag 2024 van OCMW Borsbeek dient OCMW Borsbeek zelf in: meld u aan als OCMW Borsbeek. Dit verslag gaat alleen over OCMW Antwerpen. Vanaf het verslag 2025 dient OCMW Antwerpen in voor het samengevoegde OCMW.',
    });
    expect((await at(antwerpen, '2025-02-10').post('/api/v1/subsidy-reports', { year: 2025 })).statusCode).toBe(422);
    expect((await at(antwerpen, '2026-02-02').post('/api/v1/subsidy-reports', { year: 2025 })).statusCode).toBe(201);
  });

  it('answers 409 for a second report of the same year', async () => {
    const res = await at(antwerpen, '2025-02-10').post('/api/v1/subsidy-reports', { year: 2024 });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toBe('Er bestaat al een Uniek verslag 2024 van OCMW Antwerpen.');
  });
});

describe('draft → submitted', () => {
  let id: string;

  it('keeps a draft editable before the window and refuses to submit it there, naming the window', async () => {
    const created = await at(borsbeek, '2025-01-20').post('/api/v1/subsidy-reports', { year: 2024 });
    expect(created.statusCode).toBe(201);
    id = created.json().id;
    const put = await at(borsbeek, '2025-01-20').request({
      method: 'PUT',
      url: `/api/v1/subsidy-reports/${id}`,
      payload: {
        lines: [
          line({ subsidyType: 'leefloon', amountGranted: 125000.5, amountUsed: 125000.5 }),
          line({ subsidyType: 'gpmi', amountGranted: 12.34, amountUsed: 10.07, justification: 'Twee trajecten liepen pas in december.' }),
          line({ subsidyType: 'andere', amountGranted: 0.07, amountUsed: 0.08, justification: 'Project schuldhulp: eigen middelen vulden aan.' }),
        ],
      },
    });
    expect(put.statusCode).toBe(200);
    const body = put.json();
    expect(body.lines.map((l: { amountGrantedCents: number; amountUsedCents: number }) => [l.amountGrantedCents, l.amountUsedCents])).toEqual([
      [12500050, 12500050],
      [1234, 1007],
      [7, 8],
    ]);
    expect(body.totals).toEqual({ grantedCents: 12501291, usedCents: 12501065, granted: 125012.91, used: 125010.65 });
    expect(body).toMatchObject({ canEdit: true, canSubmit: false, submitBlocked: { key: 'subsidy.window.not_open' }, windowState: 'before' });

    const early = await at(borsbeek, '2025-01-31').post(`/api/v1/subsidy-reports/${id}/submit`);
    expect(early.statusCode).toBe(422);
    expect(early.json().error.message).toBe('Het Uniek verslag 2024 kan pas worden ingediend van 1 februari 2025 tot en met 28 februari 2025. Tot dan kunt u het ontwerp aanvullen.');
    expect((await at(borsbeek, '2025-01-31').get(`/api/v1/subsidy-reports/${id}`)).json().status).toBe('draft');
  });

  it('submits in the window, audited, and then the report is read-only', async () => {
    const ready = (await at(borsbeek, '2025-02-01').get(`/api/v1/subsidy-reports/${id}`)).json();
    expect(ready).toMatchObject({ canSubmit: true, submitBlocked: null, windowState: 'open' });
    const res = await at(borsbeek, '2025-02-01').post(`/api/v1/subsidy-reports/${id}/submit`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'submitted', submittedBy: 'an.peeters', canEdit: false, canSubmit: false, submitBlocked: null });
    expect(res.json().submittedAt.slice(0, 10)).toMatch(/^2025-0(1-31|2-01)$/); // the business date, in UTC
    const audit = await queryRows<{ action: string }>(
      ctx.database.db,
      sql`select action from audit_log where organisation_id = ${await orgId('OCMW Borsbeek')} and action like 'uniek-verslag.%' order by id`,
    );
    expect(audit.map((a) => a.action)).toEqual(['uniek-verslag.create', 'uniek-verslag.update', 'uniek-verslag.submit']);

    const edit = await at(borsbeek, '2025-02-02').request({ method: 'PUT', url: `/api/v1/subsidy-reports/${id}`, payload: { lines: [line()] } });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().error.message).toBe('Het Uniek verslag 2024 is ingediend en kan niet meer worden gewijzigd.');
    expect((await at(borsbeek, '2025-02-02').post(`/api/v1/subsidy-reports/${id}/submit`)).statusCode).toBe(409);
    expect((await at(borsbeek, '2025-02-02').get(`/api/v1/subsidy-reports/${id}`)).json().lines).toHaveLength(3);
  });

  it('refuses a report without lines, and a late one', async () => {
    const created = await at(borsbeek, '2025-02-10').post('/api/v1/subsidy-reports', { year: 2023 });
    expect(created.statusCode).toBe(201);
    const late = created.json().id;
    const empty = await at(borsbeek, '2025-02-10').post(`/api/v1/subsidy-reports/${late}/submit`);
    expect(empty.statusCode).toBe(422);
    // The window of 2023 (February 2024) is over: that is said before the missing lines.
    expect(empty.json().error.violations[0].rule).toBe('subsidy.window.closed');
    expect(empty.json().error.message).toBe(
      'De indieningsperiode van het Uniek verslag 2023 liep van 1 februari 2024 tot en met 29 februari 2024 en is voorbij: een laattijdig verslag kan alleen nog worden ingediend als de portaalbeheerder de periode voor uw OCMW heropent.',
    );

    const pajId = (await at(pajottegem, '2026-02-10').get('/api/v1/subsidy-reports')).json().reports[0].id;
    const noLines = await at(pajottegem, '2026-02-10').post(`/api/v1/subsidy-reports/${pajId}/submit`);
    expect(noLines.statusCode).toBe(422);
    expect(noLines.json().error.fields).toEqual({ lines: 'Voeg minstens één subsidielijn toe voor u het verslag indient.' });
  });
});

describe('bad input → 400 naming the field, nothing changed', () => {
  let id: string;
  beforeAll(async () => {
    const res = await at(antwerpen, '2026-02-02').get('/api/v1/subsidy-reports');
    id = res.json().reports.find((r: { year: number }) => r.year === 2025).id;
    const put = await at(antwerpen, '2026-02-02').request({ method: 'PUT', url: `/api/v1/subsidy-reports/${id}`, payload: { lines: [line({ amountGranted: 5, amountUsed: 5 })] } });
    expect(put.statusCode).toBe(200);
  });

  const cases: [string, unknown, string][] = [
    ['a negative amount', { lines: [line(), line({ subsidyType: 'gpmi' }), line({ subsidyType: 'energie', amountUsed: -1 })] }, 'lines.2.amountUsed'],
    ['three decimals', { lines: [line({ amountGranted: 1.005 })] }, 'lines.0.amountGranted'],
    ['more than a billion', { lines: [line({ amountGranted: 1_000_000_000.01, amountUsed: 1 })] }, 'lines.0.amountGranted'],
    ['an amount as text', { lines: [line({ amountUsed: '12,50' })] }, 'lines.0.amountUsed'],
    ['an unknown subsidy type', { lines: [line({ subsidyType: 'subsidie' })] }, 'lines.0.subsidyType'],
    ['a justification of 2001 characters', { lines: [line({ justification: 'x'.repeat(2001) })] }, 'lines.0.justification'],
    ['an unknown field', { lines: [line({ extra: 1 })] }, 'lines.0.extra'],
    ['51 lines', { lines: Array.from({ length: 51 }, () => line({ subsidyType: 'andere', justification: 'x' })) }, 'lines'],
    ['used ≠ granted without a justification', { lines: [line(), line({ subsidyType: 'gpmi', amountUsed: 999.99 })] }, 'lines.1.justification'],
    ['a catch-all line without a justification', { lines: [line({ subsidyType: 'andere' })] }, 'lines.0.justification'],
    ['the same subsidy twice', { lines: [line(), line({ subsidyType: 'energie' }), line()] }, 'lines.2.subsidyType'],
  ];
  it.each(cases)('%s', async (_, payload, field) => {
    const res = await at(antwerpen, '2026-02-02').request({ method: 'PUT', url: `/api/v1/subsidy-reports/${id}`, payload: payload as never });
    expect(res.statusCode, res.body).toBe(400);
    expect(Object.keys(res.json().error.fields)).toContain(field);
    const after = (await at(antwerpen, '2026-02-02').get(`/api/v1/subsidy-reports/${id}`)).json();
    expect(after.lines.map((l: { amountGrantedCents: number }) => l.amountGrantedCents)).toEqual([500]);
  });

  it('explains the line rules in the user language', async () => {
    const res = await at(antwerpen, '2026-02-02').request({ method: 'PUT', url: `/api/v1/subsidy-reports/${id}`, payload: { lines: [line({ amountUsed: 1200 })] } });
    expect(res.json().error.fields['lines.0.justification']).toBe('Verantwoord het verschil tussen het toegekende en het gebruikte bedrag.');
  });

  it('refuses a year out of range and a malformed id', async () => {
    const year = await at(antwerpen, '2026-02-02').post('/api/v1/subsidy-reports', { year: 1999 });
    expect(year.statusCode).toBe(400);
    expect(Object.keys(year.json().error.fields)).toEqual(['year']);
    expect((await at(antwerpen, '2026-02-02').post('/api/v1/subsidy-reports', { year: '2024' })).statusCode).toBe(400);
    expect((await at(antwerpen, '2026-02-02').get('/api/v1/subsidy-reports/not-a-uuid')).statusCode).toBe(400);
  });

  it('accepts more used than granted when it is justified', async () => {
    const res = await at(antwerpen, '2026-02-02').request({
      method: 'PUT',
      url: `/api/v1/subsidy-reports/${id}`,
      payload: { lines: [line({ amountGranted: 999_999_999.99, amountUsed: 1_000_000_000, justification: 'Eigen middelen.' })] },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().totals).toMatchObject({ grantedCents: 99_999_999_999, usedCents: 100_000_000_000 });
  });
});

describe('exports (only submitted reports)', () => {
  let id: string;
  beforeAll(async () => {
    const list = (await at(borsbeek, '2025-02-10').get('/api/v1/subsidy-reports')).json();
    id = list.reports.find((r: { year: number }) => r.year === 2024).id;
  });

  it('refuses to export a draft', async () => {
    const draft = (await at(borsbeek, '2025-02-10').get('/api/v1/subsidy-reports')).json().reports.find((r: { year: number }) => r.year === 2023).id;
    const res = await at(borsbeek, '2025-02-10').get(`/api/v1/subsidy-reports/${draft}/export?format=pdf`);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toBe('Alleen een ingediend Uniek verslag kan worden geëxporteerd; dit verslag is nog een ontwerp.');
  });

  it('exports a PDF', async () => {
    const res = await at(borsbeek, '2025-02-10').get(`/api/v1/subsidy-reports/${id}/export?format=pdf`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="uniek-verslag-\d{10}-2024\.pdf"$/);
    expect(res.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(res.rawPayload.length).toBeGreaterThan(1000);
  });

  it('exports an XLSX with the header, the lines and the totals', async () => {
    const res = await at(borsbeek, '2025-02-10').get(`/api/v1/subsidy-reports/${id}/export?format=xlsx`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const rows: unknown[][] = [];
    ws.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    expect(rows[0]).toEqual(['Uniek verslag 2024']);
    const header = Object.fromEntries(rows.slice(1, 7).map((r) => [r[0], r[1]]));
    const [borsbeekKbo] = await queryRows<{ kbo: string }>(ctx.database.db, sql`select kbo from organisations where name_nl = 'OCMW Borsbeek'`);
    expect(header).toMatchObject({
      Organisatie: 'OCMW Borsbeek',
      'KBO-nummer': `${borsbeekKbo!.kbo.slice(0, 4)}.${borsbeekKbo!.kbo.slice(4, 7)}.${borsbeekKbo!.kbo.slice(7)}`,
      Subsidiejaar: '2024',
      Status: 'Ingediend',
      'Ingediend door': 'an.peeters',
    });
    expect(header['Ingediend op']).toMatch(/^(31 januari|1 februari) 2025, \d\d:\d\d$/);
    expect(rows[7]).toEqual(['Nr.', 'Subsidie', 'Toegekend (EUR)', 'Gebruikt (EUR)', 'Verschil (EUR)', 'Verantwoording']);
    expect(rows.slice(8, 11).map((r) => r.slice(0, 4))).toEqual([
      [1, 'Leefloon (staatstoelage)', 125000.5, 125000.5],
      [2, 'Geïndividualiseerd project voor maatschappelijke integratie (GPMI)', 12.34, 10.07],
      [3, 'Andere subsidie', 0.07, 0.08],
    ]);
    const total = rows[11]!;
    expect([total[0], total[2], total[3], total[4]]).toEqual(['Totaal', 125012.91, 125010.65, 2.26]);
    expect(rows).toHaveLength(12);
  });

  it('exports in the language asked for', async () => {
    const res = await at(borsbeek, '2025-02-10').get(`/api/v1/subsidy-reports/${id}/export?format=xlsx&lang=de`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets[0]!.getCell('A1').value).toBe('Einheitlicher Bericht 2024');
    expect(wb.worksheets[0]!.getCell('B2').value).toBe('ÖSHZ Borsbeek');
  });

  it('refuses an unknown format', async () => {
    expect((await at(borsbeek, '2025-02-10').get(`/api/v1/subsidy-reports/${id}/export?format=csv`)).statusCode).toBe(400);
  });
});

describe('isolation and permissions', () => {
  it('never shows a report to another organisation (404), even to a user with the application there', async () => {
    const [report] = await queryRows<{ id: string }>(
      ctx.database.db,
      sql`select r.id from subsidy_reports r join organisations o on o.id = r.organisation_id where o.name_nl = 'OCMW Borsbeek' and r.year = 2024`,
    );
    const id = report!.id;
    const c = at(antwerpen, '2025-02-10');
    expect((await c.get(`/api/v1/subsidy-reports/${id}`)).statusCode).toBe(404);
    expect((await c.request({ method: 'PUT', url: `/api/v1/subsidy-reports/${id}`, payload: { lines: [] } })).statusCode).toBe(404);
    expect((await c.post(`/api/v1/subsidy-reports/${id}/submit`)).statusCode).toBe(404);
    expect((await c.get(`/api/v1/subsidy-reports/${id}/export?format=pdf`)).statusCode).toBe(404);
    const list = (await c.get('/api/v1/subsidy-reports')).json();
    expect(list.reports.map((r: { id: string }) => r.id)).not.toContain(id);
  });

  it('refuses users without the application (also the TB and an anonymous caller)', async () => {
    expect((await withoutApp.get('/api/v1/subsidy-reports')).statusCode).toBe(403);
    expect((await withoutApp.post('/api/v1/subsidy-reports', { year: 2024 })).statusCode).toBe(403);
    expect((await tb.get('/api/v1/subsidy-reports')).statusCode).toBe(403);
    expect((await ctx.client().get('/api/v1/subsidy-reports')).statusCode).toBe(401);
  });
});

describe('a configured filing window', () => {
  it('submits in the configured window and refuses outside it, naming that window', async () => {
    const service = createSubsidyReportService({
      db: ctx.database.db,
      clock: ctx.clock,
      registry: ctx.services.registry,
      audit: ctx.services.audit,
      filingWindow: { startMonthDay: '01-15', endMonthDay: '03-31' },
    });
    const report = await ctx.clock.runWithToday('2025-01-10', () => service.create(antwerpenCaller, { year: 2023 }));
    expect(report.window).toEqual({ from: '2024-01-15', to: '2024-03-31' });
    await ctx.clock.runWithToday('2025-01-10', () => service.updateLines(antwerpenCaller, report.id, { lines: [line()] as never }));
    const refused = await ctx.clock.runWithToday('2025-03-20', () => service.submit(antwerpenCaller, report.id)).catch((e: unknown) => e);
    // The service throws keys; the edge writes them (issue 18).
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).body((m) => catalogue.render(m, 'nl')).error).toMatchObject({
      code: 'rule_violation',
      message: 'De indieningsperiode van het Uniek verslag 2023 liep van 15 januari 2024 tot en met 31 maart 2024 en is voorbij: een laattijdig verslag kan alleen nog worden ingediend als de portaalbeheerder de periode voor uw OCMW heropent.',
    });
    expect(() => createSubsidyReportService({ db: ctx.database.db, clock: ctx.clock, registry: ctx.services.registry, audit: ctx.services.audit, filingWindow: { startMonthDay: '13-01', endMonthDay: '02-end' } })).toThrow(/MM-DD/);
  });

  it('submits inside the configured window', async () => {
    const service = createSubsidyReportService({
      db: ctx.database.db,
      clock: ctx.clock,
      registry: ctx.services.registry,
      audit: ctx.services.audit,
      filingWindow: { startMonthDay: '01-15', endMonthDay: '03-31' },
    });
    const report = await ctx.clock.runWithToday('2025-03-20', () => service.create(antwerpenCaller, { year: 2021 }));
    await ctx.clock.runWithToday('2025-03-20', () => service.updateLines(antwerpenCaller, report.id, { lines: [line()] as never }));
    // 2021 is filed in 2022: on 20 March 2022 that window is open.
    const submitted = await ctx.clock.runWithToday('2022-03-20', () => service.submit(antwerpenCaller, report.id));
    expect(submitted.status).toBe('submitted');
  });
});

describe('OCMW_SUBSIDY_WINDOW', () => {
  it('moves what the portal accepts: with 03-01..03-31 a report is refused on 10 February and submitted in March', async () => {
    const configured = await createTestContext({ env: { OCMW_SUBSIDY_WINDOW: '03-01..03-31' } });
    try {
      expect(configured.config.subsidyWindow).toEqual({ startMonthDay: '03-01', endMonthDay: '03-31' });
      const client = configured.client();
      await client.loginAs('an.peeters', 'Borsbeek');
      const created = await at(client, '2025-02-10').post('/api/v1/subsidy-reports', { year: 2024 });
      expect(created.statusCode).toBe(201);
      const { id, window } = created.json();
      expect(window).toEqual({ from: '2025-03-01', to: '2025-03-31' });
      expect((await client.request({ method: 'PUT', url: `/api/v1/subsidy-reports/${id}`, payload: { lines: [line()] } })).statusCode).toBe(200);
      // In the default window (February) this day is open; in the configured one it is not yet.
      const early = await client.post(`/api/v1/subsidy-reports/${id}/submit`);
      expect(early.statusCode).toBe(422);
      expect(early.json().error.message).toBe(
        'Het Uniek verslag 2024 kan pas worden ingediend van 1 maart 2025 tot en met 31 maart 2025. Tot dan kunt u het ontwerp aanvullen.',
      );
      const inMarch = await at(client, '2025-03-15').post(`/api/v1/subsidy-reports/${id}/submit`);
      expect(inMarch.statusCode).toBe(200);
      expect(inMarch.json().status).toBe('submitted');
    } finally {
      await configured.close();
    }
  });
});

describe('the platform administrator reopens a filing window for one OCMW and year (R10.2′)', () => {
  it('lets a late report be submitted until the reopened date, audited; refuses bad input naming the field and non-admins', async () => {
    const admin = ctx.client();
    await admin.loginAs('admin');
    const borsbeekId = await orgId('OCMW Borsbeek');
    const created = await at(borsbeek, '2025-03-05').post('/api/v1/subsidy-reports', { year: 2022 });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id;
    await at(borsbeek, '2025-03-05').request({ method: 'PUT', url: `/api/v1/subsidy-reports/${id}`, payload: { lines: [line()] } });
    const late = await at(borsbeek, '2025-03-05').post(`/api/v1/subsidy-reports/${id}/submit`);
    expect(late.json().error.violations[0].rule).toBe('subsidy.window.closed');

    const reopen = (body: Record<string, unknown>, client = admin) =>
      at(client, '2025-03-05').post('/api/v1/admin/subsidy-reports/reopenings', { organisationId: borsbeekId, year: 2022, until: '2025-03-31', reason: 'Laattijdig wegens fusie', ...body });
    for (const [body, field] of [
      [{ until: '2023-02-28' }, 'until'], // not after the regular window
      [{ until: '2025-03-04' }, 'until'], // before today
      [{ until: '2025-02-30' }, 'until'],
      [{ reason: ' ' }, 'reason'],
      [{ organisationId: await orgId('Cevi - Logins') }, 'organisationId'],
    ] as const) {
      const res = await reopen(body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(Object.keys(res.json().error.fields)).toContain(field);
    }
    expect((await reopen({}, tb)).statusCode).toBe(403);

    const ok = await reopen({});
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ organisationId: borsbeekId, year: 2022, until: '2025-03-31', reason: 'Laattijdig wegens fusie', reopenedBy: 'admin', organisation: 'OCMW Borsbeek' });
    const detail = (await at(borsbeek, '2025-03-05').get(`/api/v1/subsidy-reports/${id}`)).json();
    expect(detail).toMatchObject({ windowState: 'open', reopenedUntil: '2025-03-31', canSubmit: true, window: { to: '2025-03-31' } });
    // Another OCMW's window of that year stays closed.
    expect((await at(antwerpen, '2025-03-05').get('/api/v1/subsidy-reports')).json().fileable.find((y: { year: number }) => y.year === 2022)?.windowState ?? 'closed').toBe('closed');
    // After the reopened date it is closed again.
    expect((await at(borsbeek, '2025-04-01').post(`/api/v1/subsidy-reports/${id}/submit`)).statusCode).toBe(422);
    const submitted = await at(borsbeek, '2025-03-31').post(`/api/v1/subsidy-reports/${id}/submit`);
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect((await admin.get('/api/v1/admin/subsidy-reports/reopenings')).json().items).toEqual([expect.objectContaining({ year: 2022, until: '2025-03-31' })]);
    const [audit] = await queryRows<{ after: { until: string; reason: string } }>(
      ctx.database.db,
      sql`select "after" from audit_log where action = 'uniek-verslag.reopen' and organisation_id = ${borsbeekId}`,
    );
    expect(audit!.after).toEqual({ year: 2022, until: '2025-03-31', reason: 'Laattijdig wegens fusie' });
  });
});
