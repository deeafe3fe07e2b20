import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inszFromParts } from '../../shared/identifiers.js';
import { createTestContext, type TestClient, type TestContext } from '../../../test/test-app.js';

let ctx: TestContext;
let agent: TestClient;
let serial = 300;
const person = () => inszFromParts('640309', serial++);

beforeAll(async () => {
  ctx = await createTestContext();
  agent = ctx.client();
  await agent.loginAs('user.antwerpen');
});
afterAll(async () => ctx?.close());

const register = (body: Record<string, unknown>, client = agent) => client.post('/api/v1/dossiers/forms', body);

describe('dossier forms (R9.1, R9.2)', () => {
  it('registers forms in the person’s dossier, lists them and stops one', async () => {
    const insz = person();
    const first = await register({ insz, kind: 'integration', subtype: 'leefloon', startDate: '2025-02-01' });
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({ insz, kind: 'integration', status: 'running', endDate: null, createdBy: 'user.antwerpen' });
    const a036 = await register({ insz, kind: 'a036', subtype: 'medische-kosten', startDate: '2025-01-15', endDate: '2025-12-31' });
    // Read on a business date within the A036's period: after its end it reads "ended" (next test).
    agent.today = '2025-07-01';
    expect(a036.json().dossierId).toBe(first.json().dossierId);
    const list = (await agent.post('/api/v1/dossiers/search', { insz })).json();
    expect(list.items).toEqual([expect.objectContaining({ insz, openedOn: '2025-01-15', runningForms: 2, forms: 2 })]);
    const stopped = await agent.post(`/api/v1/dossiers/forms/${first.json().id}/stop`, { endDate: '2025-06-30' });
    expect(stopped.json()).toMatchObject({ status: 'stopped', endDate: '2025-06-30', stoppedBy: 'user.antwerpen' });
    expect((await agent.post(`/api/v1/dossiers/forms/${first.json().id}/stop`, { endDate: '2025-07-30' })).statusCode).toBe(409);
    const detail = (await agent.get(`/api/v1/dossiers/${first.json().dossierId}`)).json();
    expect(detail.formList.map((f: { kind: string; status: string }) => `${f.kind}:${f.status}`)).toEqual(['a036:running', 'integration:stopped']);
    expect((await agent.post('/api/v1/dossiers/search', { status: 'running', kind: 'a036', insz })).json().items.map((d: { insz: string }) => d.insz)).toContain(insz);
    delete agent.today;
  });

  it('shows a running form whose end date has passed as ended, by the business date (issue 19)', async () => {
    const insz = person();
    const a036 = (await register({ insz, kind: 'a036', subtype: 'medische-kosten', startDate: '2025-01-01', endDate: '2025-06-30' })).json();
    const on = (today: string) => {
      const c = ctx.client();
      c.cookies = agent.cookies;
      c.csrfToken = agent.csrfToken;
      c.today = today;
      return c;
    };
    const during = (await on('2025-06-30').get(`/api/v1/dossiers/${a036.dossierId}`)).json();
    expect(during).toMatchObject({ runningForms: 1, formList: [expect.objectContaining({ status: 'running' })] });
    const later = (await on('2026-03-01').get(`/api/v1/dossiers/${a036.dossierId}`)).json();
    expect(later).toMatchObject({ runningForms: 0, formList: [expect.objectContaining({ status: 'ended', endDate: '2025-06-30' })] });
    const ended = (await on('2026-03-01').post('/api/v1/dossiers/search', { status: 'ended', insz })).json();
    expect(ended.total).toBe(1);
    expect((await on('2026-03-01').post('/api/v1/dossiers/search', { status: 'running', insz })).json().total).toBe(0);

    // A stop shortens a form, never lengthens it: not past its end date while it runs, and not at
    // all once it has ended (a later end date would skip the overlap rule). The answer of a stop
    // reads the status as the list does.
    const afterEnd = await on('2025-03-01').post(`/api/v1/dossiers/forms/${a036.id}/stop`, { endDate: '2025-09-30' });
    expect(afterEnd.statusCode).toBe(400);
    expect(afterEnd.json().error.fields.endDate).toBe(
      'Stopzetten kan een formulier alleen inkorten: kies een einddatum op of vóór de huidige einddatum, 30/06/2025. Voor een langere periode registreert u een nieuw formulier.',
    );
    const afterEnded = await on('2026-03-01').post(`/api/v1/dossiers/forms/${a036.id}/stop`, { endDate: '2025-06-01' });
    expect(afterEnded.statusCode).toBe(409);
    expect(afterEnded.json().error.message).toContain('al afgelopen');
    expect((await on('2026-03-01').get(`/api/v1/dossiers/${a036.dossierId}`)).json().formList[0]).toMatchObject({ status: 'ended', endDate: '2025-06-30' });
    const shortened = await on('2025-03-01').post(`/api/v1/dossiers/forms/${a036.id}/stop`, { endDate: '2025-04-30' });
    expect(shortened.statusCode).toBe(200);
    expect(shortened.json()).toMatchObject({ status: 'stopped', endDate: '2025-04-30' });
  });

  it('refuses an overlapping running form of the same kind, and accepts one after the stop date', async () => {
    const insz = person();
    const first = (await register({ insz, kind: 'integration', subtype: 'leefloon', startDate: '2025-01-01' })).json();
    const overlap = await register({ insz, kind: 'integration', subtype: 'gpmi', startDate: '2025-03-01' });
    expect(overlap.statusCode).toBe(400);
    expect(overlap.json().error.fields.startDate).toBe(
      'Er loopt al een formulier van deze soort voor deze persoon in uw OCMW vanaf 01/01/2025, zonder einddatum. Stop eerst dat formulier, of kies een periode die vóór 01/01/2025 eindigt.',
    );
    expect((await register({ insz, kind: 'a036', subtype: 'farmaceutische-kosten', startDate: '2025-03-01' })).statusCode).toBe(201);
    await agent.post(`/api/v1/dossiers/forms/${first.id}/stop`, { endDate: '2025-02-28' });
    expect((await register({ insz, kind: 'integration', subtype: 'gpmi', startDate: '2025-03-01' })).statusCode).toBe(201);
    // Concurrent registrations of the same period: exactly one wins.
    const other = person();
    const results = await Promise.all(Array.from({ length: 5 }, () => register({ insz: other, kind: 'integration', subtype: 'leefloon', startDate: '2026-01-01' })));
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 400, 400, 400, 400]);
  });

  // Issue 18: the service throws keys; the HTTP edge writes the same refusal in the reader's language, dates as they write them.
  it.each([
    ['nl', 'Er loopt al een formulier van deze soort voor deze persoon in uw OCMW van 01/01/2025 tot 30/06/2025. Kies een periode die daar niet mee overlapt, of stop eerst dat formulier.'],
    ['fr', 'Un formulaire de ce genre est déjà en cours pour cette personne dans votre CPAS du 01/01/2025 au 30/06/2025. Choisissez une période qui ne le chevauche pas, ou arrêtez d’abord ce formulaire.'],
    ['de', 'Für diese Person läuft in Ihrem ÖSHZ bereits ein Formular dieser Art vom 01.01.2025 bis 30.06.2025. Wählen Sie einen Zeitraum, der sich damit nicht überschneidet, oder beenden Sie zuerst dieses Formular.'],
  ] as const)('says which form overlaps in the reader’s language (%s)', async (language, text) => {
    const insz = person();
    expect((await register({ insz, kind: 'integration', subtype: 'leefloon', startDate: '2025-01-01', endDate: '2025-06-30' })).statusCode).toBe(201);
    agent.language = language;
    try {
      const overlap = await register({ insz, kind: 'integration', subtype: 'gpmi', startDate: '2025-03-01' });
      expect(overlap.json().error).toMatchObject({ code: 'validation', fields: { startDate: text } });
    } finally {
      agent.language = 'nl';
    }
  });

  it.each([
    [{ insz: '85073003329' }, 'insz'],
    [{ startDate: '2025-02-30' }, 'startDate'],
    [{ endDate: '2024-12-31' }, 'endDate'],
    [{ kind: 'a036', subtype: 'leefloon' }, 'subtype'],
    [{ kind: 'pension' }, 'kind'],
    [{ extra: 1 }, 'extra'],
  ])('refuses %j naming %s, and stores nothing', async (over, field) => {
    const insz = person();
    const res = await register({ insz, kind: 'integration', subtype: 'leefloon', startDate: '2025-01-01', ...over });
    expect(res.statusCode).toBe(400);
    expect(Object.keys(res.json().error.fields)).toContain(field);
    expect((await agent.post('/api/v1/dossiers/search', { insz })).json().total).toBe(0);
  });

  it('keeps dossiers within the OCMW and to users with Sociale Agent', async () => {
    const insz = person();
    const form = (await register({ insz, kind: 'integration', subtype: 'leefloon', startDate: '2025-01-01' })).json();
    const borsbeek = ctx.client();
    await borsbeek.loginAs('an.peeters', 'Borsbeek');
    expect((await borsbeek.get(`/api/v1/dossiers/${form.dossierId}`)).statusCode).toBe(404);
    expect((await borsbeek.post(`/api/v1/dossiers/forms/${form.id}/stop`, { endDate: '2025-02-01' })).statusCode).toBe(404);
    expect((await borsbeek.post('/api/v1/dossiers/search', { insz })).json().total).toBe(0);
    const tb = ctx.client();
    await tb.loginAs('tb.antwerpen');
    expect((await tb.get('/api/v1/dossiers')).statusCode).toBe(403);
  });

  it('keeps the "handled by the software vendor" setting per OCMW (R9.4), changed by the configuration administrators', async () => {
    expect((await agent.get('/api/v1/dossiers/settings')).json()).toMatchObject({ handledByVendor: false });
    expect((await agent.request({ method: 'PUT', url: '/api/v1/dossiers/settings', payload: { handledByVendor: true } })).statusCode).toBe(403);
    const tb = ctx.client();
    await tb.loginAs('tb.antwerpen');
    const saved = await tb.request({ method: 'PUT', url: '/api/v1/dossiers/settings', payload: { handledByVendor: true } });
    expect(saved.json()).toMatchObject({ handledByVendor: true, updatedBy: 'tb.antwerpen' });
    const beveren = ctx.client();
    await beveren.loginAs('tb.beveren');
    expect((await beveren.get('/api/v1/dossiers/settings')).json().handledByVendor).toBe(false);
  });
});

describe('a disappearing OCMW registers no form from the effective date on (R9.5)', () => {
  let borsbeek: TestClient;
  beforeAll(async () => {
    borsbeek = ctx.client();
    await borsbeek.loginAs('an.peeters', 'Borsbeek');
  });

  it.each([
    // business date, start, end → status, the field named
    ['2024-12-20', '2025-01-15', undefined, 201, undefined], // before the effective date: as before
    ['2025-03-01', '2024-06-01', '2024-12-31', 201, undefined], // a late regularisation ending before it
    ['2025-01-01', '2024-06-01', undefined, 422, 'endDate'], // open-ended across the date
    ['2025-03-01', '2024-06-01', '2025-01-01', 422, 'endDate'],
    ['2025-01-01', '2025-01-01', '2025-03-31', 422, 'startDate'],
    ['2026-12-01', '2026-12-01', undefined, 422, 'startDate'],
  ])('on %s, a form from %s to %s → %i', async (today, startDate, endDate, status, field) => {
    borsbeek.today = today;
    const res = await register({ insz: person(), kind: 'integration', subtype: 'leefloon', startDate, ...(endDate ? { endDate } : {}) }, borsbeek);
    borsbeek.today = undefined;
    expect(res.statusCode, res.body).toBe(status);
    if (field) {
      expect(res.json().error.message).toContain('OCMW Antwerpen');
      expect(res.json().error.fields[field]).toContain('OCMW Antwerpen');
    }
  });

  it('lets the merged OCMW register the same form', async () => {
    expect((await register({ insz: person(), kind: 'integration', subtype: 'leefloon', startDate: '2025-02-01' })).statusCode).toBe(201);
  });
});
