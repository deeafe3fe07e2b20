/**
 * The language(s) an organisation is written to (issue 18), from the municipalities it serves:
 * the language area of each municipality (NIS code). Brussels-Capital is bilingual (NL and FR),
 * the nine municipalities of the German-speaking Community are German, Wallonia French, Flanders
 * Dutch. An OCMW serving several areas gets each area's language(s), in this order: NL, FR, DE.
 */
import type { Language } from '../shared/i18n.js';

/** The municipalities of the German-speaking Community (NIS codes, province of Liège, 63xxx). */
export const GERMAN_SPEAKING_NIS = new Set(['63001', '63012', '63013', '63023', '63040', '63048', '63061', '63067', '63087']);

/** The language(s) of a municipality's language area, from its NIS code. */
export function languagesOfNis(nis: string): Language[] {
  if (GERMAN_SPEAKING_NIS.has(nis)) return ['de'];
  if (nis.startsWith('21')) return ['nl', 'fr']; // Brussels-Capital
  if (nis.startsWith('25')) return ['fr']; // Walloon Brabant
  if (/^[5689]/.test(nis)) return ['fr']; // Hainaut, Liège, Luxembourg, Namur
  return ['nl']; // Antwerp, Flemish Brabant (23, 24), West and East Flanders, Limburg
}

const ORDER: Language[] = ['nl', 'fr', 'de'];

/** The correspondence languages of an organisation serving these municipalities; NL when none. */
export function correspondenceLanguages(nisCodes: readonly string[]): Language[] {
  const all = new Set(nisCodes.flatMap(languagesOfNis));
  const languages = ORDER.filter((l) => all.has(l));
  return languages.length ? languages : ['nl'];
}
