import { describe, expect, it } from 'vitest';
import type { Language } from '../../shared/i18n.js';
import { MUTATION_CATALOGUE, mutationDescription } from './mutation-catalogue.js';

describe('the mutation types in the reader language (R4.3, issue 18)', () => {
  it.each<[string, Language, string]>([
    ['MURN', 'nl', 'Rijksregister'],
    ['MURN', 'fr', 'Registre national'],
    ['MURN', 'de', 'Nationalregister'],
    ['MURN', 'en', 'National Register'],
    ['MUPK', 'fr', 'Cadastre des pensions'],
    ['MUPS-T1198', 'de', 'Aufenthaltsgenehmigung eines Ausländers - Arbeitserlaubnis'],
  ])('%s in %s: %s', (code, lang, expected) => {
    expect(mutationDescription(code, lang)).toBe(expected);
  });

  it('knows no description for a code the guide does not list', () => {
    expect(mutationDescription('MUXX', 'fr')).toBeUndefined();
  });

  it.each(['fr', 'de', 'en'] as const)('translates every description into %s', (lang) => {
    const entries: readonly { code: string; description: Readonly<Record<Language, string>> }[] = MUTATION_CATALOGUE;
    const untranslated = entries.filter((entry) => !entry.description[lang] || entry.description[lang] === entry.description.nl);
    expect(untranslated.map((entry) => entry.code)).toEqual([]);
  });
});
