import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestClient, type TestContext } from '../../../test/test-app.js';

let ctx: TestContext;
let tb: TestClient;

beforeAll(async () => {
  ctx = await createTestContext();
  tb = ctx.client();
  await tb.loginAs('tb.antwerpen');
});
afterAll(async () => ctx?.close());

const contact = { surname: 'Peeters', firstName: 'Jan', email: 'jan@demo.example', phone: '+32 3 123 45 67' };

describe('OCMW-configuratie (R4.1–R4.8)', () => {
  it('keeps the mutation selection as periods: select day 1, unselect day 5, reselect day 9', async () => {
    const at = async (day: string, selected: string[]) => {
      tb.today = day;
      const res = await tb.request({ method: 'PUT', url: '/api/v1/configuration/mutations', payload: { selected } });
      expect(res.statusCode).toBe(200);
      return res.json();
    };
    // The demo seed selected MURN, MUSE and MURA-H205 in 2024; this uses two other codes.
    await at('2026-03-01', ['MUFC', 'MURA-H206']);
    await at('2026-03-05', ['MURA-H206']);
    const view = await at('2026-03-09', ['MUFC', 'MURA-H206']);
    tb.today = undefined;
    expect(view.mutations.selected).toEqual(['MUFC', 'MURA-H206']);
    expect(view.mutations.since).toEqual({ MUFC: '2026-03-09', 'MURA-H206': '2026-03-01' });
    const history = (await tb.get('/api/v1/configuration/mutations/history')).json();
    expect(history.find((h: { mutationType: string }) => h.mutationType === 'MURN')).toMatchObject({ validFrom: '2024-01-01', validTo: '2026-03-01' });
    const murn = history.filter((h: { mutationType: string }) => h.mutationType === 'MUFC');
    expect(murn.map((h: { validFrom: string; validTo: string | null }) => [h.validFrom, h.validTo])).toEqual([
      ['2026-03-09', null],
      ['2026-03-01', '2026-03-05'],
    ]);
    expect(murn[1]).toMatchObject({ selectedBy: 'tb.antwerpen', unselectedBy: 'tb.antwerpen' });
    const unknown = await tb.request({ method: 'PUT', url: '/api/v1/configuration/mutations', payload: { selected: ['MURA'] } });
    expect(unknown.statusCode).toBe(400);
  });

  it('saves each section as a version, refuses an unknown postcode, and names missing fields', async () => {
    const technicalBefore = (await tb.get('/api/v1/configuration/technical/history')).json().length;
    const onlineBefore = (await tb.get('/api/v1/configuration')).json().online;
    const ok = await tb.request({
      method: 'PUT',
      url: '/api/v1/configuration/technical',
      payload: { networkProvider: 'Andere', networkProviderOther: 'Proximus', softwareVendors: ['Cevi - Logins'], programmes: [], technicalContact: contact, testContact: contact },
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().technical).toMatchObject({ networkProvider: 'Andere', networkProviderOther: 'Proximus' });
    const address = { streetNl: 'Lange Gasthuisstraat', streetFr: 'Lange Gasthuisstraat', streetDe: 'Lange Gasthuisstraat', cityNl: 'Antwerpen', cityFr: 'Anvers', cityDe: 'Antwerpen', number: '39', receptionPhone: '03 338 30 00' };
    const unknownPostcode = await tb.request({ method: 'PUT', url: '/api/v1/configuration/contact', payload: { ...address, postcode: '0999' } });
    expect(unknownPostcode.statusCode).toBe(400);
    expect(unknownPostcode.json().error.fields.postcode).toContain('postcodes');
    expect((await tb.request({ method: 'PUT', url: '/api/v1/configuration/contact', payload: { ...address, postcode: '2000' } })).statusCode).toBe(200);
    const missing = await tb.request({ method: 'PUT', url: '/api/v1/configuration/online', payload: { notificationsEnabled: true, remindersEnabled: true, reminderDelayDays: 2 } });
    expect(missing.statusCode).toBe(400);
    expect(Object.keys(missing.json().error.fields).sort()).toEqual(['notificationAddress', 'reminderAddress', 'reminderFrequencyDays']);
    expect((await tb.get('/api/v1/configuration')).json().online).toEqual(onlineBefore);
    const online = await tb.request({ method: 'PUT', url: '/api/v1/configuration/online', payload: { notificationsEnabled: true, notificationAddress: 'ocmw@demo.example', remindersEnabled: true, reminderAddress: 'ocmw@demo.example', reminderDelayDays: 3, reminderFrequencyDays: 1 } });
    expect(online.json().online).toMatchObject({ notificationAddress: 'ocmw@demo.example', reminderDelayDays: 3 });
    expect(online.json().complete).toEqual({ mutations: true, technical: true, contact: true, online: true });
    const history = (await tb.get('/api/v1/configuration/technical/history')).json();
    expect(history).toHaveLength(technicalBefore + 1);
  });

  it('says what is wrong in the reader\'s language, every field at once (issue 18)', async () => {
    const address = { streetNl: 'Lange Gasthuisstraat', streetFr: 'Lange Gasthuisstraat', streetDe: 'Lange Gasthuisstraat', cityNl: 'Antwerpen', cityFr: 'Anvers', cityDe: 'Antwerpen', number: '39', receptionPhone: '03 338 30 00' };
    const cases = [
      ['nl', 'Deze postcode staat niet in de lijst van Belgische postcodes.', 'Vul een geldig e-mailadres in, bijvoorbeeld naam@ocmw.be.', 'Dit veld is verplicht.'],
      ['fr', 'Ce code postal ne figure pas dans la liste des codes postaux belges.', 'Saisissez une adresse e-mail valable, par exemple nom@cpas.be.', 'Ce champ est obligatoire.'],
      ['de', 'Diese Postleitzahl steht nicht in der Liste der belgischen Postleitzahlen.', 'Geben Sie eine gültige E-Mail-Adresse ein, zum Beispiel name@ocmw.be.', 'Dieses Feld ist erforderlich.'],
    ] as const;
    try {
      for (const [language, postcode, email, required] of cases) {
        tb.language = language;
        const unknownPostcode = await tb.request({ method: 'PUT', url: '/api/v1/configuration/contact', payload: { ...address, postcode: '0999' } });
        expect(unknownPostcode.json().error.fields).toEqual({ postcode });
        const online = await tb.request({ method: 'PUT', url: '/api/v1/configuration/online', payload: { notificationsEnabled: true, notificationAddress: 'geen-adres', remindersEnabled: true, reminderAddress: 'ocmw@demo.example', reminderDelayDays: 2 } });
        expect(online.statusCode).toBe(400);
        expect(online.json().error.fields).toMatchObject({ notificationAddress: email, reminderFrequencyDays: required });
        // Never the validation library's own words.
        expect(JSON.stringify(online.json())).not.toMatch(/expected|erwartet|attendu|verwacht|Ungültig|Invalid/);
      }
    } finally {
      tb.language = 'nl';
    }
  });

  it('describes the mutation types in the reader\'s language (R4.3, issue 18)', async () => {
    try {
      for (const [language, murn] of [['nl', 'Rijksregister'], ['fr', 'Registre national'], ['de', 'Nationalregister']] as const) {
        tb.language = language;
        const catalogue = (await tb.get('/api/v1/configuration/mutations/catalogue')).json() as { code: string; group: string | null; description: string }[];
        expect(catalogue.find((entry) => entry.code === 'MURN')).toEqual({ code: 'MURN', group: null, description: murn });
        expect(catalogue).toHaveLength(18);
      }
      // The OCMW's own name in the reader's language too (the service names it in every language).
      for (const [language, name] of [['nl', 'OCMW Antwerpen'], ['fr', 'CPAS Anvers'], ['en', 'OCMW Antwerpen']] as const) {
        tb.language = language;
        expect((await tb.get('/api/v1/configuration')).json().organisation.name).toBe(name);
      }
    } finally {
      tb.language = 'nl';
    }
  });

  it('lets users with the OCMW-configuratie application in, not others; a new scenario-1 OCMW starts empty', async () => {
    const user = ctx.client();
    await user.loginAs('user.antwerpen');
    expect((await user.get('/api/v1/configuration')).statusCode).toBe(403);
    const mergers = await ctx.services.mergers.listMergers();
    const pajottegem = mergers.find((m) => m.name === 'Pajottegem')!.target.organisation.id;
    for (const section of ['mutations', 'technical', 'contact', 'online'] as const) {
      expect(await ctx.services.configuration.isSectionComplete(pajottegem, section)).toBe(false);
    }
  });
});
