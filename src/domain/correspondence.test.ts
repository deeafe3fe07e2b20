import { describe, expect, it } from 'vitest';
import { correspondenceLanguages, languagesOfNis } from './correspondence.js';

describe('the language(s) an organisation is written to (issue 18)', () => {
  it.each([
    ['11002', ['nl']], // Antwerpen
    ['24062', ['nl']], // Leuven
    ['23088', ['nl']], // Vilvoorde
    ['71004', ['nl']], // Bilzen
    ['21004', ['nl', 'fr']], // Brussel
    ['21015', ['nl', 'fr']], // Schaarbeek
    ['25112', ['fr']], // Wavre
    ['62063', ['fr']], // Liège
    ['92094', ['fr']], // Namur
    ['63023', ['de']], // Eupen
    ['63067', ['de']], // Sankt Vith
    ['63079', ['fr']], // Verviers: Liège province, French-speaking
  ])('NIS %s → %j', (nis, expected) => {
    expect(languagesOfNis(nis)).toEqual(expected);
  });

  it.each([
    [[], ['nl']],
    [['11002'], ['nl']],
    [['21004', '21015'], ['nl', 'fr']],
    [['63023', '63040'], ['de']],
    [['62063', '63023'], ['fr', 'de']],
  ])('municipalities %j → %j', (codes, expected) => {
    expect(correspondenceLanguages(codes)).toEqual(expected);
  });
});
