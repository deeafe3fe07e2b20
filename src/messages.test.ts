import { describe, expect, it } from 'vitest';
import { LANGUAGES, placeholders } from './shared/i18n.js';
import { catalogue } from './messages.js';

// Texts that are rightly the same in Dutch and another language (names, codes, units).
const SAME_AS_DUTCH = new Set<string>([]);

describe('every message of the composed catalogue, in every language (issue 18)', () => {
  const keys = catalogue.keys();

  it('has messages', () => {
    expect(keys.length).toBeGreaterThan(250);
  });

  it.each(keys)('%s', (key) => {
    const entry = catalogue.entry(key)!;
    const expected = placeholders(entry.nl).sort();
    for (const lang of LANGUAGES) {
      const text = entry[lang];
      expect(text.trim(), `${key} ${lang} is empty`).not.toBe('');
      expect(placeholders(text).sort(), `${key} ${lang} uses other placeholders than nl`).toEqual(expected);
      const sample = Object.fromEntries(placeholders(text).map((name) => [name, /date|day|from|until|at$/i.test(name) ? '2025-01-01' : 7]));
      const rendered = catalogue.render({ key, params: sample }, lang);
      expect(rendered, `${key} ${lang}`).not.toMatch(/\{\{|\{\w+(,\s*\w+)?\}/);
      if (lang !== 'nl' && text === entry.nl && text.length > 20 && !SAME_AS_DUTCH.has(key)) {
        expect.fail(`${key} ${lang} is the Dutch text (untranslated?)`);
      }
    }
  });
});
