import { describe, expect, it } from 'vitest';
import { ContactBody, OnlineSettingsBody, TechnicalBody } from './configuration.schema.js';

const contact = { surname: 'Peeters', firstName: 'Jan', email: 'jan@demo.example', phone: '+32 3 123 45 67' };
const technical = {
  networkProvider: 'Telenet',
  softwareVendors: ['Cevi - Logins'],
  programmes: ['Neptunus'],
  technicalContact: contact,
  testContact: contact,
};
const address = {
  streetNl: 'Lange Gasthuisstraat',
  streetFr: 'Lange Gasthuisstraat',
  streetDe: 'Lange Gasthuisstraat',
  cityNl: 'Antwerpen',
  cityFr: 'Anvers',
  cityDe: 'Antwerpen',
  number: '39',
  postcode: '2000',
  receptionPhone: '03 338 30 00',
};

const fieldsOf = (r: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }) =>
  r.success ? [] : r.error!.issues.map((i) => i.path.join('.')).sort();

describe('Technische dienstverleners (R4.5)', () => {
  it.each<[string, Record<string, unknown>, string[]]>([
    ['a complete form', {}, []],
    ['"Andere" network provider without its text', { networkProvider: 'Andere' }, ['networkProviderOther']],
    ['"Andere" network provider with its text', { networkProvider: 'Andere', networkProviderOther: 'Proximus' }, []],
    ['"Andere" software vendor without its text', { softwareVendors: ['Civadis', 'Andere'] }, ['softwareVendorOther']],
    ['no software vendor', { softwareVendors: [] }, ['softwareVendors']],
    ['an unknown network provider', { networkProvider: 'Proximus' }, ['networkProvider']],
    ['an unknown programme', { programmes: ['Excel'] }, ['programmes.0']],
    ['a bad technical contact e-mail', { technicalContact: { ...contact, email: 'nee' } }, ['technicalContact.email']],
    ['a bad test contact phone', { testContact: { ...contact, phone: 'bel me' } }, ['testContact.phone']],
    ['a test contact without name', { testContact: { ...contact, surname: '' } }, ['testContact.surname']],
    ['an unknown field', { extra: 1 }, ['']],
  ])('%s', (_, patch, expected) => {
    expect(fieldsOf(TechnicalBody.safeParse({ ...technical, ...patch }))).toEqual(expected);
  });
});

describe('Contactgegevens (R4.6)', () => {
  it.each<[string, Record<string, unknown>, string[]]>([
    ['a complete address', {}, []],
    ['no box and no reception e-mail (both optional)', { box: undefined, receptionEmail: '' }, []],
    ['street missing in French', { streetFr: '' }, ['streetFr']],
    ['city missing in German', { cityDe: ' ' }, ['cityDe']],
    ['no number', { number: '' }, ['number']],
    ['a postcode of 5 digits', { postcode: '20000' }, ['postcode']],
    ['no reception phone', { receptionPhone: undefined }, ['receptionPhone']],
    ['a bad reception e-mail', { receptionEmail: 'onthaal' }, ['receptionEmail']],
  ])('%s', (_, patch, expected) => {
    expect(fieldsOf(ContactBody.safeParse({ ...address, ...patch }))).toEqual(expected);
  });
});

describe('OCMW Online settings (R4.7)', () => {
  it.each<[string, Record<string, unknown>, string[]]>([
    ['both off', { notificationsEnabled: false, remindersEnabled: false }, []],
    ['notifications on with an address', { notificationsEnabled: true, notificationAddress: 'a@b.be', remindersEnabled: false }, []],
    ['notifications on without an address', { notificationsEnabled: true, remindersEnabled: false }, ['notificationAddress']],
    ['reminders on, everything missing', { notificationsEnabled: false, remindersEnabled: true }, ['reminderAddress', 'reminderDelayDays', 'reminderFrequencyDays']],
    ['reminders on, complete', { notificationsEnabled: false, remindersEnabled: true, reminderAddress: 'a@b.be', reminderDelayDays: 2, reminderFrequencyDays: 1 }, []],
    ['a delay of 0 days', { notificationsEnabled: false, remindersEnabled: true, reminderAddress: 'a@b.be', reminderDelayDays: 0, reminderFrequencyDays: 1 }, ['reminderDelayDays']],
    ['a negative frequency', { notificationsEnabled: false, remindersEnabled: true, reminderAddress: 'a@b.be', reminderDelayDays: 2, reminderFrequencyDays: -1 }, ['reminderFrequencyDays']],
    ['a fractional delay', { notificationsEnabled: false, remindersEnabled: true, reminderAddress: 'a@b.be', reminderDelayDays: 1.5, reminderFrequencyDays: 1 }, ['reminderDelayDays']],
    ['reminders off: their fields are not required', { notificationsEnabled: false, remindersEnabled: false, reminderAddress: '' }, []],
  ])('%s', (_, body, expected) => {
    expect(fieldsOf(OnlineSettingsBody.safeParse(body))).toEqual(expected);
  });
});
