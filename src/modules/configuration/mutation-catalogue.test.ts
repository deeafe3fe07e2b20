import { describe, expect, it } from 'vitest';
import type { Language } from '../../shared/i18n.js';
import { MUTATION_CATALOGUE, MUTATION_REPLACEMENTS, mutationDescription, replacedTogether } from './mutation-catalogue.js';

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

describe('the guide’s "Vervangt": a type and its replacement ticked together (issue 19)', () => {
  it.each<[string[], { code: string; replaced: string[] }[]]>([
    [['MURN', 'MUSE', 'MURA-H205'], []],
    [['MURG', 'MUFC'], []],
    [['MURG', 'MURN'], [{ code: 'MURG', replaced: ['MURN'] }]],
    [['MURG', 'MURA-H205', 'MUPS-T1195', 'MUPK'], [{ code: 'MURG', replaced: ['MURA-H205', 'MUPS-T1195'] }]],
    [['MUIA', 'MUSE'], [{ code: 'MUSE', replaced: ['MUIA'] }]],
    [['MURG', 'MURN', 'MUSE', 'MUIA'], [{ code: 'MURG', replaced: ['MURN'] }, { code: 'MUSE', replaced: ['MUIA'] }]],
  ])('%j → %j', (selected, overlaps) => {
    expect(replacedTogether(selected)).toEqual(overlaps);
  });

  it('names only types of the catalogue, and the replacing types say so in their description', () => {
    const codes = MUTATION_CATALOGUE.map((e) => e.code as string);
    const groups = MUTATION_CATALOGUE.map((e) => e.group as string | null);
    for (const [code, covers] of Object.entries(MUTATION_REPLACEMENTS)) {
      expect(codes).toContain(code);
      for (const c of covers) expect(codes.includes(c) || groups.includes(c)).toBe(true);
      expect(mutationDescription(code, 'nl')).toMatch(new RegExp(`Vervangt de ${covers[0]}`));
    }
  });
});
