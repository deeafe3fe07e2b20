import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { composeCatalogue, defineMessages, fill, formatDate, formatDateTime, type Language } from './i18n.js';
import { issueToMessage, validationMessages } from './validation-messages.js';

describe('dates, numbers and placeholders per language (issue 18)', () => {
  it.each<[Language, string, string]>([
    ['nl', '2025-01-01', '01/01/2025'],
    ['fr', '2025-01-01', '01/01/2025'],
    ['de', '2025-01-01', '01.01.2025'],
    ['en', '2025-01-01', '1 January 2025'],
    ['nl', '2024-12-31', '31/12/2024'],
    ['de', '2025-06-30', '30.06.2025'],
    // a moment is the day it is in Brussels: 23:30 UTC on 31 December is already 1 January there
    ['nl', '2024-12-31T23:30:00Z', '01/01/2025'],
    ['en', 'not a date', 'not a date'],
  ])('%s writes %s as %s', (lang, input, expected) => {
    expect(formatDate(input, lang)).toBe(expected);
  });

  it.each<[Language, string]>([
    ['nl', '01/07/2025 14:05'],
    ['de', '01.07.2025 14:05'],
    ['en', '1 July 2025, 14:05'],
  ])('%s writes a moment in Brussels time as %s', (lang, expected) => {
    expect(formatDateTime('2025-07-01T12:05:00Z', lang)).toBe(expected);
  });

  it.each<[string, Language, Record<string, string | number>, string]>([
    ['Ingang {date, date}', 'nl', { date: '2025-01-01' }, 'Ingang 01/01/2025'],
    ['Dès le {date, date}', 'fr', { date: '2025-01-01' }, 'Dès le 01/01/2025'],
    ['Ab {date, date}', 'de', { date: '2025-01-01' }, 'Ab 01.01.2025'],
    ['From {date, date}', 'en', { date: '2025-01-01' }, 'From 1 January 2025'],
    ['{n, number} aanvragen', 'nl', { n: 1234 }, '1.234 aanvragen'],
    ['{n, number} requests', 'en', { n: 1234 }, '1,234 requests'],
    ['Hallo {name}', 'nl', { name: 'An' }, 'Hallo An'],
    ['Hallo {name}', 'nl', {}, 'Hallo {name}'],
  ])('fills %s (%s)', (template, lang, params, expected) => {
    expect(fill(template, lang, params).replace(/\u202f|\u00a0/g, ' ')).toBe(expected);
  });

  it('refuses a key defined twice in the composed catalogue', () => {
    const a = defineMessages({ 'x.one': { nl: 'een', fr: 'un', de: 'eins', en: 'one' } });
    const b = defineMessages({ 'x.one': { nl: 'één', fr: 'un', de: 'eins', en: 'one' } });
    expect(() => composeCatalogue(a.catalogue, b.catalogue)).toThrow(/x\.one/);
  });

  it('renders a message in the reader language and an unknown key as the key', () => {
    const set = defineMessages({ 'x.hello': { nl: 'Dag {name}', fr: 'Bonjour {name}', de: 'Hallo {name}', en: 'Hello {name}' } });
    const c = composeCatalogue(set.catalogue);
    expect(c.render(set.msg('x.hello', { name: 'Els' }), 'fr')).toBe('Bonjour Els');
    expect(c.render({ key: 'x.missing' }, 'de')).toBe('x.missing');
    expect(c.render('already text', 'de')).toBe('already text');
  });
});

describe('zod issues become messages for people (issue 18)', () => {
  const c = composeCatalogue(validationMessages.catalogue);
  const schema = z.object({
    name: z.string().min(1),
    code: z.string().min(3).max(5),
    email: z.email(),
    site: z.url(),
    amount: z.number().min(0).max(100),
    count: z.number(),
    kind: z.enum(['a', 'b']),
    kinds: z.array(z.string()).min(1),
    day: z.iso.date(),
    flag: z.boolean(),
  });
  const issues = schema.safeParse({ name: '', code: 'x', email: 'nope', site: 'x', amount: 101, count: 'x', kind: 'c', kinds: [], day: '2025-02-30', flag: 'ja' }).error!.issues;
  const byField = Object.fromEntries(issues.map((i) => [String(i.path[0]), i]));
  const missing = schema.safeParse({}).error!.issues;

  it.each<[string, Language, string]>([
    ['name', 'nl', 'Dit veld is verplicht.'],
    ['code', 'nl', 'Vul minstens 3 tekens in.'],
    ['email', 'nl', 'Vul een geldig e-mailadres in, bijvoorbeeld naam@ocmw.be.'],
    ['email', 'fr', 'Saisissez une adresse e-mail valable, par exemple nom@cpas.be.'],
    ['email', 'de', 'Geben Sie eine gültige E-Mail-Adresse ein, zum Beispiel name@ocmw.be.'],
    ['site', 'en', 'Enter a valid web address, for example https://www.ocmw.be.'],
    ['amount', 'de', 'Geben Sie eine Zahl von höchstens 100 ein.'],
    ['count', 'nl', 'Vul een getal in.'],
    ['kind', 'fr', 'Choisissez une des possibilités proposées.'],
    ['kinds', 'nl', 'Kies minstens één mogelijkheid.'],
    ['day', 'de', 'Geben Sie ein gültiges Datum ein.'],
    ['flag', 'en', 'Choose yes or no.'],
  ])('%s in %s', (field, lang, expected) => {
    expect(c.render(issueToMessage(byField[field]!), lang)).toBe(expected);
  });

  it('reports every missing field at once: fill in a text, choose an option', () => {
    expect(missing).toHaveLength(10);
    const text = (field: string) => c.render(issueToMessage(missing.find((i) => i.path[0] === field)!), 'nl');
    for (const field of ['name', 'code', 'email', 'site', 'day', 'amount', 'count', 'kinds', 'flag']) expect(text(field)).toBe('Dit veld is verplicht.');
    expect(text('kind')).toBe('Kies een van de aangeboden mogelijkheden.');
  });

  it('keeps a key the schema names itself, with its parameters', () => {
    const own = z.string().refine(() => false, { message: 'x', params: { messageKey: 'valid.text_min', min: 4 } });
    const issue = own.safeParse('a').error!.issues[0]!;
    expect(c.render(issueToMessage(issue, (k) => c.has(k)), 'nl')).toBe('Vul minstens 4 tekens in.');
  });
});
