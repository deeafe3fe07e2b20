import { describe, expect, it } from 'vitest';
import { localized, type Language } from '../shared/i18n.js';
import { msg } from '../shared/messages.js';
import { localizePayload, rendered } from './localize.js';

const antwerp = localized({ nl: 'Antwerpen', fr: 'Anvers', de: 'Antwerpen' });
const plain = { nl: 'not marked', fr: 'pas marqué' };

describe('localizePayload (issue 18: names and messages become text at the edge)', () => {
  it.each<[string, unknown, Language, unknown]>([
    ['a name in the reader’s language', antwerp, 'fr', 'Anvers'],
    ['NL where a language has no form', localized({ nl: 'Gooik' }), 'de', 'Gooik'],
    ['EN falls back to NL', antwerp, 'en', 'Antwerpen'],
    ['a message', msg('http.not_found'), 'de', 'Nicht gefunden.'],
    ['inside objects and arrays', { items: [{ name: antwerp, n: 1 }] }, 'fr', { items: [{ name: 'Anvers', n: 1 }] }],
    ['an unmarked object with language keys stays data', plain, 'fr', plain],
    ['scalars', 42, 'nl', 42],
    ['null', null, 'nl', null],
  ])('%s', (_label, input, lang, expected) => {
    expect(localizePayload(input, lang)).toEqual(expected);
  });

  it('returns the same object when nothing is rendered, and never changes its input', () => {
    const data = { a: [1, 2], b: { c: 'x' }, at: new Date(0) };
    expect(localizePayload(data, 'fr')).toBe(data);
    const withName = { name: antwerp, other: { c: 'x' } };
    const out = localizePayload(withName, 'fr');
    expect(out).not.toBe(withName);
    expect(withName.name).toBe(antwerp);
    expect(out.other).toBe(withName.other);
  });

  it('renders a frozen answer once per language and keeps it', () => {
    const page = Object.freeze({ items: [{ municipality: antwerp }] });
    const fr = rendered({ language: 'fr' }, page);
    expect(fr.items[0]!.municipality).toBe('Anvers');
    expect(rendered({ language: 'fr' }, page)).toBe(fr);
    expect(rendered({ language: 'nl' }, page).items[0]!.municipality).toBe('Antwerpen');
  });

  it('marks without changing how a value compares or serialises', () => {
    expect(antwerp).toEqual({ nl: 'Antwerpen', fr: 'Anvers', de: 'Antwerpen' });
    expect(JSON.stringify(msg('http.not_found'))).toBe('{"key":"http.not_found"}');
  });
});
