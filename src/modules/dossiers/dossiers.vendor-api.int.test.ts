import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/db.js';
import { generateSelfSigned, type GeneratedCertificate } from '../../http/self-signed.js';
import { formatInsz, inszFromParts } from '../../shared/identifiers.js';
import { createTestContext, type TestContext } from '../../../test/test-app.js';
import { startVendorPort, type VendorPort } from '../../../test/vendor-port.js';

let ctx: TestContext;
let vendor: VendorPort;
const certs: Record<string, GeneratedCertificate> = {};
let serial = 300;
const newInsz = () => inszFromParts('820412', serial++);

async function orgId(name: string) {
  const [r] = await queryRows<{ id: string }>(ctx.database.db, sql`select id from organisations where name_nl = ${name}`);
  return r!.id;
}

const call: VendorPort['call'] = (...args) => vendor.call(...args);
const restAccount = (organisation: string, name: string, permissions: string[], cert: GeneratedCertificate) => vendor.restAccount(organisation, name, permissions, cert);

const form = (over: Record<string, unknown> = {}) => ({ insz: newInsz(), kind: 'integration', subtype: 'leefloon', startDate: '2026-01-01', ...over });

beforeAll(async () => {
  ctx = await createTestContext();
  vendor = await startVendorPort(ctx);
  for (const name of ['antwerpen', 'onlineOnly', 'gent', 'vendorOrg', 'hoeselt']) certs[name] = await generateSelfSigned({ subject: `CN=dossiers-${name}`, days: 365, usage: 'client' });
  await restAccount('OCMW Antwerpen', 'Sociale software', ['dossiers-integraties'], certs.antwerpen!);
  await restAccount('OCMW Antwerpen', 'OCMW Online', ['ocmw-online-proces', 'signaletiek-raadplegen', 'signaletiek-bewerken', 'ocmw-online-admin'], certs.onlineOnly!);
  await restAccount('OCMW Gent', 'Sociale software Gent', ['dossiers-integraties'], certs.gent!);
  // Hoeselt merged into Bilzen (which keeps its KBO) on 2025-01-01: OCMW Bilzen-Hoeselt from then on (R1.6).
  await restAccount('OCMW Hoeselt', 'Sociale software Hoeselt', ['dossiers-integraties'], certs.hoeselt!);
  // A software vendor's own REST account: the vendor organisation has no dossiers.
  await restAccount('Cevi - Logins', 'Eigen account', ['dossiers-integraties'], certs.vendorOrg!);
});
afterAll(async () => {
  await vendor?.close();
  await ctx?.close();
});

describe('the vendor API for dossier forms over mutual TLS (R9.2)', () => {
  it('registers, lists and stops the forms of the OCMW of the certificate, named after its REST account and audited', async () => {
    const insz = newInsz();
    // An end date well after any business date the test runs on: the form reads as running (issue 19: after its end it reads ended).
    const created = await call('POST', '/vendor/v1/dossiers/forms', certs.antwerpen, { insz: formatInsz(insz), kind: 'a036', subtype: 'medische-kosten', startDate: '2026-02-01', endDate: '2099-07-31' });
    expect(created.status, JSON.stringify(created.json)).toBe(201);
    expect(created.json).toMatchObject({ insz, kind: 'a036', subtype: 'medische-kosten', startDate: '2026-02-01', endDate: '2099-07-31', status: 'running', createdBy: 'rest:Sociale software' });
    const id = created.json.id as string;

    const list = await call('GET', `/vendor/v1/dossiers/forms?insz=${insz}`, certs.antwerpen);
    expect(list.status).toBe(200);
    expect(list.json).toMatchObject({ total: 1, page: 1, pageSize: 10 });
    expect(list.json.items.map((f: { id: string }) => f.id)).toEqual([id]);
    const running = await call('GET', '/vendor/v1/dossiers/forms?status=running&kind=a036&pageSize=100', certs.antwerpen);
    expect(running.json.items.map((f: { id: string }) => f.id)).toContain(id);
    const later = await call('POST', '/vendor/v1/dossiers/forms', certs.antwerpen, form({ insz, startDate: '2026-03-01' }));
    expect(later.status).toBe(201);
    // Newest start first, paged.
    const paged = await call('GET', `/vendor/v1/dossiers/forms?insz=${insz}&pageSize=1&page=2`, certs.antwerpen);
    expect(paged.json).toMatchObject({ total: 2, page: 2, pageSize: 1 });
    expect(paged.json.items.map((f: { id: string }) => f.id)).toEqual([id]);

    const stopped = await call('POST', `/vendor/v1/dossiers/forms/${id}/stop`, certs.antwerpen, { endDate: '2026-03-31' });
    expect(stopped.status).toBe(200);
    expect(stopped.json).toMatchObject({ id, status: 'stopped', endDate: '2026-03-31', stoppedBy: 'rest:Sociale software' });
    expect((await call('POST', `/vendor/v1/dossiers/forms/${id}/stop`, certs.antwerpen, { endDate: '2026-03-31' })).status).toBe(409);
    expect((await call('GET', `/vendor/v1/dossiers/forms?insz=${insz}&status=running`, certs.antwerpen)).json.items.map((f: { id: string }) => f.id)).toEqual([later.json.id]);

    const audit = await queryRows<{ action: string; actorRole: string; actorUserId: string | null; organisationId: string }>(
      ctx.database.db,
      sql`select action, actor_role as "actorRole", actor_user_id as "actorUserId", organisation_id as "organisationId"
          from audit_log where "after"->>'id' = ${id} order by id`,
    );
    const antwerpen = await orgId('OCMW Antwerpen');
    expect(audit).toEqual([
      { action: 'dossier.form.register', actorRole: 'rest:Sociale software', actorUserId: null, organisationId: antwerpen },
      { action: 'dossier.form.stop', actorRole: 'rest:Sociale software', actorUserId: null, organisationId: antwerpen },
    ]);
    // Issue 24: the audit log names the form, not the person: no national number in it.
    const written = await queryRows<{ text: string }>(ctx.database.db, sql`select "after"::text as text from audit_log where "after"->>'id' = ${id}`);
    expect(written.map((r) => r.text).join(' ')).not.toContain(insz);
  });

  it('shows the R9.4 setting of the OCMW (read only)', async () => {
    const settings = await call('GET', '/vendor/v1/dossiers/settings', certs.antwerpen);
    expect(settings.status).toBe(200);
    expect(settings.json).toHaveProperty('handledByVendor', expect.any(Boolean));
    expect((await call('PUT', '/vendor/v1/dossiers/settings', certs.antwerpen, { handledByVendor: true })).status).toBe(404);
  });

  it('answers 401 without a certificate and 403 without the permission "Beheer van de integraties en A036 …", in the caller’s language', async () => {
    expect((await call('GET', '/vendor/v1/dossiers/forms')).status).toBe(401);
    for (const [method, path, body] of [
      ['GET', '/vendor/v1/dossiers/forms', undefined],
      ['POST', '/vendor/v1/dossiers/forms', form()],
      ['POST', '/vendor/v1/dossiers/forms/00000000-0000-4000-8000-000000000000/stop', { endDate: '2026-03-31' }],
      ['GET', '/vendor/v1/dossiers/settings', undefined],
    ] as const) {
      const res = await call(method, path, certs.onlineOnly, body);
      expect(res.status, `${method} ${path}`).toBe(403);
      expect(res.json.error.code).toBe('forbidden');
    }
    const nl = await call('GET', '/vendor/v1/dossiers/forms', certs.onlineOnly);
    expect(nl.json.error.message).toBe('Het REST-account heeft de toelating "Beheer van de integraties en A036 van de dossiers sociaal onderzoek" niet.');
    // Issue 18: the service names the permission in every language; the vendor port writes the reader's.
    const fr = await call('GET', '/vendor/v1/dossiers/forms', certs.onlineOnly, undefined, 'fr');
    expect(fr.json.error.message).toBe("Le compte REST n'a pas l'autorisation « Gestion des intégrations et A036 des dossiers d'enquête sociale ».");
    const de = await call('GET', '/vendor/v1/dossiers/forms', certs.onlineOnly, undefined, 'de');
    expect(de.json.error.message).toBe('Das REST-Konto hat die Berechtigung „Verwaltung der Integrationen und A036 der Sozialuntersuchungsakten“ nicht.');
    // The dossier permission opens nothing of OCMW Online.
    expect((await call('GET', '/vendor/v1/help-requests', certs.antwerpen)).status).toBe(403);
    // A vendor organisation's own account, even with the permission, has no dossiers to manage.
    expect((await call('POST', '/vendor/v1/dossiers/forms', certs.vendorOrg, form())).status).toBe(403);
  });

  it("never shows or stops another OCMW's form (404)", async () => {
    const insz = newInsz();
    const created = await call('POST', '/vendor/v1/dossiers/forms', certs.antwerpen, form({ insz }));
    expect(created.status).toBe(201);
    const id = created.json.id as string;
    const other = await call('POST', `/vendor/v1/dossiers/forms/${id}/stop`, certs.gent, { endDate: '2026-03-31' });
    expect(other.status).toBe(404);
    expect(other.json.error.code).toBe('not_found');
    expect((await call('GET', `/vendor/v1/dossiers/forms?insz=${insz}`, certs.gent)).json).toMatchObject({ items: [], total: 0 });
    // Gent may register its own form for the same person: the overlap rule is per OCMW.
    expect((await call('POST', '/vendor/v1/dossiers/forms', certs.gent, form({ insz }))).status).toBe(201);
    const still = await call('GET', `/vendor/v1/dossiers/forms?insz=${insz}`, certs.antwerpen);
    expect(still.json.items).toEqual([expect.objectContaining({ id, status: 'running' })]);
  });

  it('refuses bad input with 400 and the field, and changes nothing', async () => {
    const insz = newInsz();
    const cases: [string, unknown, string][] = [
      ['an invalid INSZ', form({ insz: '85.07.30-033.29' }), 'insz'],
      ['no INSZ', { kind: 'integration', subtype: 'leefloon', startDate: '2026-01-01' }, 'insz'],
      ['an end before the start', form({ insz, startDate: '2026-05-01', endDate: '2026-04-30' }), 'endDate'],
      ['a subtype of the other kind', form({ insz, kind: 'a036', subtype: 'leefloon' }), 'subtype'],
      ['a date that does not exist', form({ insz, startDate: '2026-02-30' }), 'startDate'],
      ['an unknown kind', form({ insz, kind: 'premie' }), 'kind'],
      ['an unknown field', form({ insz, status: 'running' }), 'status'],
    ];
    for (const [what, body, field] of cases) {
      const res = await call('POST', '/vendor/v1/dossiers/forms', certs.antwerpen, body);
      expect(res.status, what).toBe(400);
      expect(res.json.error.code, what).toBe('validation');
      expect(Object.keys(res.json.error.fields), what).toContain(field);
    }
    expect((await call('GET', `/vendor/v1/dossiers/forms?insz=${insz}`, certs.antwerpen)).json.total).toBe(0);

    // The overlap rule: a second running form of the same kind over the same days.
    const first = await call('POST', '/vendor/v1/dossiers/forms', certs.antwerpen, form({ insz, startDate: '2026-01-01', endDate: '2099-06-30' }));
    expect(first.status).toBe(201);
    const overlap = await call('POST', '/vendor/v1/dossiers/forms', certs.antwerpen, form({ insz, subtype: 'gpmi', startDate: '2026-06-01' }));
    expect(overlap.status).toBe(400);
    expect(overlap.json.error.fields.startDate).toBe(
      'Er loopt al een formulier van deze soort voor deze persoon in uw OCMW van 01/01/2026 tot 30/06/2099. Kies een periode die daar niet mee overlapt, of stop eerst dat formulier.',
    );
    expect((await call('POST', '/vendor/v1/dossiers/forms', certs.antwerpen, form({ insz, kind: 'a036', subtype: 'ziekenhuisopname', startDate: '2026-06-01' }))).status).toBe(201);

    const stopEarly = await call('POST', `/vendor/v1/dossiers/forms/${first.json.id}/stop`, certs.antwerpen, { endDate: '2025-12-31' });
    expect(stopEarly.status).toBe(400);
    expect(Object.keys(stopEarly.json.error.fields)).toEqual(['endDate']);
    const badId = await call('POST', '/vendor/v1/dossiers/forms/not-a-uuid/stop', certs.antwerpen, { endDate: '2026-03-31' });
    expect(badId.status).toBe(400);
    expect(Object.keys(badId.json.error.fields)).toEqual(['formId']);
    for (const query of ['pageSize=101', 'page=0', 'status=open', 'insz=123']) {
      const res = await call('GET', `/vendor/v1/dossiers/forms?${query}`, certs.antwerpen);
      expect(res.status, query).toBe(400);
      expect(Object.keys(res.json.error.fields), query).toContain(query.split('=')[0]);
    }
    expect((await call('GET', `/vendor/v1/dossiers/forms?insz=${insz}`, certs.antwerpen)).json.total).toBe(2);
  });

  it('searches by INSZ in a POST body; the GET\'s insz still works, announced as deprecated (issue 24)', async () => {
    const insz = newInsz();
    const created = await call('POST', '/vendor/v1/dossiers/forms', certs.antwerpen, form({ insz, startDate: '2026-01-01' }));
    const second = await call('POST', '/vendor/v1/dossiers/forms', certs.antwerpen, form({ insz, kind: 'a036', subtype: 'ziekenhuisopname', startDate: '2026-02-01' }));
    const entries = async (since: number) => {
      await ctx.services.accessLog.flush();
      return queryRows<{ action: string; object_id: string; insz: string; actor_account: string; organisation_id: string }>(ctx.database.db, sql`select action, object_id, insz, actor_account, organisation_id from access_log where id > ${since} order by id`);
    };
    const lastId = async () => {
      await ctx.services.accessLog.flush();
      const [r] = await queryRows<{ id: string | null }>(ctx.database.db, sql`select max(id)::text as id from access_log`);
      return Number(r?.id ?? 0);
    };

    let since = await lastId();
    const found = await call('POST', '/vendor/v1/dossiers/forms/search', certs.antwerpen, { insz: formatInsz(insz), pageSize: 1, page: 2 });
    expect(found.status, JSON.stringify(found.json)).toBe(200);
    expect(found.json).toMatchObject({ total: 2, page: 2, pageSize: 1 });
    expect(found.json.items.map((f: { id: string }) => f.id)).toEqual([created.json.id]);
    expect(found.headers.deprecation).toBeUndefined();
    // Recorded as the GET records: the search (a read of the person, every time), then one entry per form shown, with its INSZ.
    expect((await entries(since)).map((r) => [r.action, r.object_id, r.insz, r.actor_account])).toEqual([
      ['dossier-form.search', null, insz, 'Sociale software'],
      ['dossier-form.list', created.json.id, insz, 'Sociale software'],
    ]);
    const filtered = await call('POST', '/vendor/v1/dossiers/forms/search', certs.antwerpen, { insz, kind: 'a036' });
    expect(filtered.json.items.map((f: { id: string }) => f.id)).toEqual([second.json.id]);

    since = await lastId();
    const old = await call('GET', `/vendor/v1/dossiers/forms?insz=${insz}`, certs.antwerpen);
    expect(old.status).toBe(200);
    expect(old.json.total).toBe(2);
    expect(old.headers.deprecation).toBe('true');
    expect(old.headers.link).toBe('</vendor/v1/dossiers/forms/search>; rel="successor-version"');
    expect((await entries(since)).map((r) => [r.action, r.insz])).toEqual([['dossier-form.search', insz], ['dossier-form.list', insz], ['dossier-form.list', insz]]);
    // Without the INSZ the GET is not deprecated.
    expect((await call('GET', '/vendor/v1/dossiers/forms?status=running', certs.antwerpen)).headers.deprecation).toBeUndefined();

    // Another OCMW finds nothing; its search is recorded as its own read of the person, under its
    // own OCMW (Antwerpen's officer does not see it), and no form of Antwerpen is recorded.
    since = await lastId();
    expect((await call('POST', '/vendor/v1/dossiers/forms/search', certs.gent, { insz })).json).toMatchObject({ items: [], total: 0 });
    const gents = await entries(since);
    expect(gents.map((r) => [r.action, r.object_id, r.insz])).toEqual([['dossier-form.search', null, insz]]);
    const [antwerpen] = await queryRows<{ id: string }>(ctx.database.db, sql`select id from organisations where kbo = '0212235604'`);
    expect(gents[0]!.organisation_id).not.toBe(antwerpen!.id);

    for (const [body, field] of [[{ insz: '123' }, 'insz'], [{ pageSize: 101 }, 'pageSize'], [{ page: '2' }, 'page'], [{ status: 'open' }, 'status'], [{ extra: 1 }, 'extra']] as const) {
      const bad = await call('POST', '/vendor/v1/dossiers/forms/search', certs.antwerpen, body);
      expect(bad.status, JSON.stringify(body)).toBe(400);
      expect(Object.keys(bad.json.error.fields), JSON.stringify(body)).toContain(field);
    }
  });

  it('is described in /vendor/v1/openapi.json', async () => {
    const doc = await call('GET', '/vendor/v1/openapi.json');
    expect(doc.status).toBe(200);
    expect(Object.keys(doc.json.paths)).toEqual(expect.arrayContaining(['/dossiers/forms', '/dossiers/forms/{formId}/stop', '/dossiers/settings', '/help-requests']));
    expect(Object.keys(doc.json.paths['/dossiers/forms'])).toEqual(expect.arrayContaining(['get', 'post']));
    // Issue 24: the GET's insz is deprecated in favour of the POST search.
    const parameters = doc.json.paths['/dossiers/forms'].get.parameters as { name: string; deprecated?: boolean }[];
    expect(parameters.find((p) => p.name === 'insz')).toMatchObject({ deprecated: true });
    expect(parameters.filter((p) => p.deprecated).map((p) => p.name)).toEqual(['insz']);
    expect(doc.json.paths['/dossiers/forms/search'].post.requestBody.content['application/json'].schema).toBeDefined();
  });
});

describe('a disappearing OCMW on the vendor API (R9.5)', () => {
  it('refuses a form for a period from the effective date on, naming the merged OCMW by its new name; a late regularisation passes', async () => {
    const refused = await call('POST', '/vendor/v1/dossiers/forms', certs.hoeselt, form({ startDate: '2025-02-01' }));
    expect(refused.status).toBe(422);
    expect(refused.json.error.message).toContain('OCMW Bilzen-Hoeselt');
    expect(refused.json.error.fields.startDate).toContain('OCMW Bilzen-Hoeselt');
    const crossing = await call('POST', '/vendor/v1/dossiers/forms', certs.hoeselt, form({ startDate: '2024-10-01' }), 'fr');
    expect(crossing.status).toBe(422);
    expect(crossing.json.error.fields.endDate).toContain('CPAS Bilzen-Hoeselt');
    const late = await call('POST', '/vendor/v1/dossiers/forms', certs.hoeselt, form({ startDate: '2024-10-01', endDate: '2024-12-31' }));
    expect(late.status, JSON.stringify(late.json)).toBe(201);
  });
});
