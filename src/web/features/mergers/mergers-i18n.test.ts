import { describe, expect, it } from 'vitest';
import de from '../../i18n/de.json' with { type: 'json' };
import en from '../../i18n/en.json' with { type: 'json' };
import fr from '../../i18n/fr.json' with { type: 'json' };
import nl from '../../i18n/nl.json' with { type: 'json' };
import { PLAN_ACTION_KINDS } from './mergers-common.js';

const catalogues = { nl, fr, de, en } as const;

/** Every leaf key of a catalogue, dotted. */
function keysOf(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, child]) => keysOf(child, prefix ? `${prefix}.${key}` : key));
}

describe('the UI catalogues', () => {
  it.each(['fr', 'de', 'en'] as const)('%s has exactly the keys of nl', (lang) => {
    expect(keysOf(catalogues[lang]).sort()).toEqual(keysOf(nl).sort());
  });

  it.each(Object.keys(catalogues) as (keyof typeof catalogues)[])('names every action of the dry run and the cut-over in %s', (lang) => {
    const actions = (catalogues[lang] as unknown as { mergers: { actions: Record<string, string> } }).mergers.actions;
    expect(Object.keys(actions).sort()).toEqual([...PLAN_ACTION_KINDS].sort());
    for (const kind of PLAN_ACTION_KINDS) expect(actions[kind]).not.toBe('');
  });
});
