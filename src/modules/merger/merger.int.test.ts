import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/db.js';
import { renderFields } from '../../cli/render-error.js';
import { localizePayload } from '../../messages.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/test-app.js';
import type { MergerSummary } from './merger.schema.js';

let ctx: TestContext;
let items: MergerSummary[];

beforeAll(async () => {
  ctx = await createTestContext();
  const client = ctx.client();
  await client.loginAs('tb.antwerpen');
  const res = await client.get('/api/v1/mergers');
  expect(res.statusCode).toBe(200);
  items = res.json().items;
});
afterAll(async () => ctx?.close());

describe('GET /api/v1/mergers (R1, R7.1)', () => {
  it('lists the 13 mergers of 2025: 4 × scenario 1, 8 × scenario 2, 1 × scenario 3', () => {
    expect(items).toHaveLength(13);
    const count = (s: number) => items.filter((m) => m.scenario === s).length;
    expect([count(1), count(2), count(3)]).toEqual([4, 8, 1]);
    expect(items.every((m) => m.effectiveDate === '2025-01-01')).toBe(true);
  });

  it('shows Antwerpen + Borsbeek as scenario 3, keeping the KBO of the guide and NIS 11002', () => {
    const m = items.find((x) => x.name === 'Antwerpen')!;
    expect(m.scenario).toBe(3);
    expect(m.target).toMatchObject({ nis: '11002', isNewOrganisation: false, isNewNis: false, organisation: { kbo: '0212235604', isDemo: false } });
    expect(m.sources.map((s) => [s.organisation.name.nl, s.keepsKbo, s.organisation.status])).toEqual([
      ['OCMW Antwerpen', true, 'active'],
      ['OCMW Borsbeek', false, 'disappearing'],
    ]);
  });

  it('shows Pajottegem as scenario 1: a new organisation with a new NIS and three disappearing OCMWs', () => {
    const m = items.find((x) => x.name === 'Pajottegem')!;
    expect(m.scenario).toBe(1);
    expect(m.target).toMatchObject({ nis: '23106', isNewOrganisation: true, isNewNis: true, municipalityName: { nl: 'Pajottegem' } });
    expect(m.target.organisation).toMatchObject({ validFrom: '2025-01-01', isDemo: true });
    expect(m.sources.map((s) => s.organisation.name.nl)).toEqual(['OCMW Galmaarden', 'OCMW Gooik', 'OCMW Herne']);
    expect(m.sources.every((s) => s.organisation.status === 'disappearing')).toBe(true);
  });

  it('shows Hasselt + Kortessem as scenario 2: Hasselt keeps its KBO, the NIS is new', () => {
    const m = items.find((x) => x.name === 'Hasselt')!;
    expect(m.scenario).toBe(2);
    expect(m.target).toMatchObject({ nis: '71072', isNewOrganisation: false, isNewNis: true });
    expect(m.target.organisation.name.nl).toBe('OCMW Hasselt');
    expect(m.target.organisation.status).toBe('active');
  });

  it('gives every demo KBO a valid check and marks it demo, except Antwerpen', () => {
    const orgs = items.flatMap((m) => [m.target.organisation, ...m.sources.map((s) => s.organisation)]);
    for (const o of orgs) expect(o.isDemo).toBe(o.kbo !== '0212235604');
  });
});

describe('merger registration rules (R1.4, R7.1)', () => {
  it('refuses an OCMW that is already in a merger on the same date', async () => {
    const antwerpen = items.find((x) => x.name === 'Antwerpen')!;
    const hasselt = items.find((x) => x.name === 'Hasselt')!;
    await expect(
      ctx.services.mergers.createMerger({
        code: 'dup',
        name: 'Dubbel',
        effectiveDate: '2025-01-01',
        sources: [
          { organisationId: antwerpen.target.organisation.id, nis: '11002' },
          { organisationId: hasselt.target.organisation.id, nis: '71022' },
        ],
        targetOrganisationId: antwerpen.target.organisation.id,
        targetNis: '99001',
      }),
    ).rejects.toMatchObject({ code: 'conflict' });
  });

  it('refuses a declared scenario that contradicts the data', async () => {
    const antwerpen = items.find((x) => x.name === 'Antwerpen')!;
    const hasselt = items.find((x) => x.name === 'Hasselt')!;
    await expect(
      ctx.services.mergers.createMerger({
        code: 'wrong',
        name: 'Verkeerd',
        effectiveDate: '2031-01-01',
        sources: [
          { organisationId: antwerpen.target.organisation.id, nis: '11002' },
          { organisationId: hasselt.target.organisation.id, nis: '71072' },
        ],
        targetOrganisationId: antwerpen.target.organisation.id,
        targetNis: '11002',
        declaredScenario: 1,
      }),
    ).rejects.toSatisfy((e: unknown) => (e as { code: string }).code === 'validation' && renderFields(e, 'nl').scenario!.includes('scenario 3'));
  });

  it('registers a later merger of an already merged OCMW (further mergers work the same way)', async () => {
    const antwerpen = items.find((x) => x.name === 'Antwerpen')!;
    const lochristi = items.find((x) => x.name === 'Lochristi')!;
    const r = await ctx.services.mergers.createMerger({
      code: 'later',
      name: 'Later',
      effectiveDate: '2031-01-01',
      sources: [
        { organisationId: antwerpen.target.organisation.id, nis: '11002' },
        { organisationId: lochristi.target.organisation.id, nis: '44087' },
      ],
      targetOrganisationId: antwerpen.target.organisation.id,
      targetNis: '11002',
    });
    expect(r.scenario).toBe(3);
  });
});

describe('ocmw merger import always checks the declared scenario (R1.4)', () => {
  const csv = readFileSync('data/mergers-2025.csv', 'utf8');
  const importCsv = async (text: string) => localizePayload(await ctx.services.mergers.definitions.importCsv(text, { dryRun: true, actor: { userId: null } }), 'en');
  it.each([
    ['the file as it is', csv, true],
    ['Antwerpen declared scenario 2 instead of 3', csv.replace(/^Antwerpen,3,/gm, 'Antwerpen,2,'), false],
    ['Pajottegem declared scenario 3 instead of 1', csv.replace(/^Pajottegem,1,/gm, 'Pajottegem,3,'), false],
    ['Hasselt declared scenario 1 instead of 2', csv.replace(/^Hasselt,2,/gm, 'Hasselt,1,'), false],
  ])('%s: an unchanged merger is valid only when the declared scenario fits the data', async (_name, text, valid) => {
    const report = await importCsv(text);
    expect(report.valid).toBe(valid);
    const wrong = report.mergers.filter((m) => m.problems.length > 0);
    expect(wrong).toHaveLength(valid ? 0 : 1);
    for (const m of wrong) {
      expect(m.action).toBeNull();
      expect(m.problems.join(' ')).toMatch(/scenario/i);
    }
    expect(report.mergers.filter((m) => m.action === 'unchanged')).toHaveLength(valid ? 13 : 12);
  });
});

describe('ending a disappearing OCMW’s access (R8.1, R8.3)', () => {
  it('keeps access after the cut-over until an administrator ends it explicitly, with an audit entry; it can be restored', async () => {
    const admin = ctx.client();
    await admin.loginAs('admin');
    const [borsbeek] = await queryRows<{ id: string }>(ctx.database.db, sql`select id from organisations where name_nl = 'OCMW Borsbeek'`);
    const [antwerpen] = await queryRows<{ id: string }>(ctx.database.db, sql`select id from organisations where name_nl = 'OCMW Antwerpen'`);
    const choicesOf = async () => {
      const c = ctx.client();
      const res = await c.login('an.peeters');
      return res.json().choices.map((x: { organisation: { name: { nl: string } } | null }) => x.organisation?.name.nl);
    };
    expect(await choicesOf()).toContain('OCMW Borsbeek');
    const end = (id: string, today?: string, payload: unknown = { confirm: true }) =>
      admin.request({ method: 'POST', url: `/api/v1/admin/organisations/${id}/end-access`, payload: payload as never, headers: today ? { 'x-ocmw-today': today } : {} });
    expect((await end(borsbeek!.id, '2024-12-31')).statusCode).toBe(422);
    expect((await end(antwerpen!.id)).statusCode).toBe(422);
    expect((await end(borsbeek!.id, undefined, {})).statusCode).toBe(400);
    // R8.3′: the 2024 Uniek verslag is not submitted and the e-Box has unread documents: not without an override.
    const open = (await admin.get(`/api/v1/admin/organisations/${borsbeek!.id}/open-work`)).json();
    expect(open).toEqual({ unfiledReportYear: 2024, unreadDocuments: expect.any(Number) });
    const refused = await end(borsbeek!.id);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.violations.map((v: { rule: string }) => v.rule)).toEqual([
      'merger.end_access.unfiled_report',
      ...(open.unreadDocuments > 0 ? ['merger.end_access.unread_ebox'] : []),
    ]);
    expect(refused.json().error.message).toContain('2024');
    expect(refused.json().error.fields).toHaveProperty('overrideReason');
    expect((await end(borsbeek!.id, undefined, { confirm: true, overrideReason: ' ' })).statusCode).toBe(400);
    const ended = await end(borsbeek!.id, undefined, { confirm: true, overrideReason: 'Verslag 2024 via Antwerpen ingediend' });
    expect(ended.statusCode).toBe(200);
    expect(ended.json().accessEndedOn).toBe(ctx.clock.today());
    expect((await end(borsbeek!.id)).statusCode).toBe(409);
    expect(await choicesOf()).not.toContain('OCMW Borsbeek');
    const [audit] = await queryRows<{ action: string; after: { override?: { reason: string; open: unknown } } }>(
      ctx.database.db,
      sql`select action, "after" from audit_log where organisation_id = ${borsbeek!.id} order by id desc limit 1`,
    );
    expect(audit!.action).toBe('organisation.access.end');
    expect(audit!.after.override).toEqual({ reason: 'Verslag 2024 via Antwerpen ingediend', open });
    const restored = await admin.request({ method: 'POST', url: `/api/v1/admin/organisations/${borsbeek!.id}/restore-access`, payload: { confirm: true } });
    expect(restored.json().accessEndedOn).toBeNull();
    expect(await choicesOf()).toContain('OCMW Borsbeek');
    const tb = ctx.client();
    await tb.loginAs('tb.antwerpen');
    expect((await tb.request({ method: 'POST', url: `/api/v1/admin/organisations/${borsbeek!.id}/end-access`, payload: { confirm: true } })).statusCode).toBe(403);
  });
});

describe('ending access without open work needs no override (R8.3′)', () => {
  it('ends Kortessem’s access once its 2024 report is submitted and its e-Box read', async () => {
    const admin = ctx.client();
    await admin.loginAs('admin');
    const [kortessem] = await queryRows<{ id: string }>(ctx.database.db, sql`select id from organisations where name_nl = 'OCMW Kortessem'`);
    const id = kortessem!.id;
    await ctx.database.db.execute(sql`insert into subsidy_reports (organisation_id, year, status, submitted_at, submitted_by) values (${id}::uuid, 2024, 'submitted', now(), 'test')
                                      on conflict (organisation_id, year) do update set status = 'submitted'`);
    await ctx.database.db.execute(sql`update ebox_documents set read_at = now() where organisation_id = ${id}::uuid and read_at is null`);
    expect((await admin.get(`/api/v1/admin/organisations/${id}/open-work`)).json()).toEqual({ unfiledReportYear: null, unreadDocuments: 0 });
    const ended = await admin.request({ method: 'POST', url: `/api/v1/admin/organisations/${id}/end-access`, payload: { confirm: true } });
    expect(ended.statusCode, ended.body).toBe(200);
  });
});
