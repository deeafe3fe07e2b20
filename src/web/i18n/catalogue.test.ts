/// <reference types="vite/client" />
/**
 * The web catalogue as people read it (issue 18): no `{{placeholder}}` reaches a screen. Every
 * `t('key', { … })` in the UI's source gives each placeholder its text uses (the forward form once
 * passed `count` to a text that says `{{min}}`), the four languages use the same placeholders, and
 * no server-style `{name}` is left in a text i18next fills with `{{name}}`.
 */
import { describe, expect, it } from 'vitest';
import de from './de.json' with { type: 'json' };
import en from './en.json' with { type: 'json' };
import fr from './fr.json' with { type: 'json' };
import nl from './nl.json' with { type: 'json' };

const catalogues = { nl, fr, de, en } as const;
type Lang = keyof typeof catalogues;

function flatten(value: unknown, prefix = '', into = new Map<string, string>()): Map<string, string> {
  if (typeof value === 'string') into.set(prefix, value);
  else if (typeof value === 'object' && value !== null) for (const [key, child] of Object.entries(value)) flatten(child, prefix ? `${prefix}.${key}` : key, into);
  return into;
}

const texts = Object.fromEntries(Object.entries(catalogues).map(([lang, c]) => [lang, flatten(c)])) as Record<Lang, Map<string, string>>;
const placeholdersOf = (text: string) => [...text.matchAll(/\{\{\s*(\w+)[^}]*\}\}/g)].map((m) => m[1]!);

/** The placeholders a key uses in any language, over its plural forms (`found` → `found_one`, `found_other`). */
function placeholdersOfKey(key: string): Set<string> | undefined {
  const names = new Set<string>();
  let isKnown = false;
  for (const lang of Object.keys(texts) as Lang[]) {
    for (const [candidate, text] of texts[lang]) {
      if (candidate !== key && !(candidate.startsWith(key) && /^_(zero|one|two|few|many|other)$/.test(candidate.slice(key.length)))) continue;
      isKnown = true;
      for (const name of placeholdersOf(text)) names.add(name);
    }
  }
  return isKnown ? names : undefined;
}

/** The top-level property names of an object literal's text (`{ a: 1, b, 'c': x(1, 2) }`); undefined with a spread. */
function propertyNames(objectText: string): string[] | undefined {
  const inner = objectText.slice(1, -1);
  const parts: string[] = [];
  let depth = 0;
  let quote: string | undefined;
  let current = '';
  for (const ch of inner) {
    if (quote) {
      if (ch === quote) quote = undefined;
    } else if (ch === "'" || ch === '"' || ch === '`') quote = ch;
    else if ('([{'.includes(ch)) depth++;
    else if (')]}'.includes(ch)) depth--;
    else if (ch === ',' && depth === 0) {
      parts.push(current);
      current = '';
      continue;
    }
    current += ch;
  }
  parts.push(current);
  const names: string[] = [];
  for (const part of parts.map((p) => p.trim()).filter(Boolean)) {
    if (part.startsWith('...')) return undefined;
    const named = /^['"]?(\w+)['"]?\s*:/.exec(part) ?? /^(\w+)$/.exec(part);
    if (named) names.push(named[1]!);
  }
  return names;
}

/** The object literal starting at `start` (a `{`), as text. */
function objectAt(source: string, start: number): string {
  let depth = 0;
  for (let i = start; i < source.length; i++) {
    if (source[i] === '{') depth++;
    else if (source[i] === '}' && --depth === 0) return source.slice(start, i + 1);
  }
  return source.slice(start);
}

interface Call {
  file: string;
  key: string;
  /** The names given, or undefined when they cannot be read (a variable, a spread). */
  given: string[] | undefined;
}

/** Every `t('literal.key')` and `t('literal.key', { … })` of the UI's source. */
function literalCalls(sources: Record<string, string>): Call[] {
  const calls: Call[] = [];
  for (const [file, source] of Object.entries(sources)) {
    for (const match of source.matchAll(/\bt\(\s*'([\w.-]+)'\s*([,)])/g)) {
      const key = match[1]!;
      if (match[2] === ')') {
        calls.push({ file, key, given: [] });
        continue;
      }
      const rest = source.slice(match.index + match[0].length);
      const offset = rest.search(/\S/);
      calls.push({ file, key, given: rest[offset] === '{' ? propertyNames(objectAt(rest, offset)) : undefined });
    }
  }
  return calls;
}

const sources = import.meta.glob<string>(['../**/*.tsx', '../**/*.ts', '!../**/*.test.ts', '!../**/*.test.tsx'], { query: '?raw', import: 'default', eager: true });

describe('the web catalogue has no placeholder left on screen (issue 18)', () => {
  const calls = literalCalls(sources);

  it('reads the UI source', () => {
    expect(Object.keys(sources).length).toBeGreaterThan(50);
    expect(calls.length).toBeGreaterThan(500);
  });

  it('gives every placeholder of a key where the key is used', () => {
    const missing: string[] = [];
    for (const call of calls) {
      const wanted = placeholdersOfKey(call.key);
      if (!wanted || !call.given) continue;
      for (const name of wanted) if (!call.given.includes(name)) missing.push(`${call.file}: t('${call.key}') lacks {{${name}}}`);
    }
    expect(missing).toEqual([]);
  });

  it('finds the keys the source asks for', () => {
    const unknown = [...new Set(calls.map((call) => call.key))].filter((key) => placeholdersOfKey(key) === undefined);
    expect(unknown).toEqual([]);
  });

  it.each(['fr', 'de', 'en'] as const)('%s uses the placeholders of nl', (lang) => {
    const different: string[] = [];
    for (const [key, text] of texts.nl) {
      const other = texts[lang].get(key);
      if (other === undefined) continue;
      // A plural form may say the number in words ("Eén OCMW gevonden", "Un CPAS trouvé").
      const names = (t: string) => [...new Set(placeholdersOf(t))].filter((name) => !(name === 'count' && /_(zero|one|two|few|many|other)$/.test(key))).sort().join();
      if (names(text) !== names(other)) different.push(key);
    }
    expect(different).toEqual([]);
  });

  it.each(Object.keys(catalogues) as Lang[])('%s has no single-brace placeholder i18next would not fill', (lang) => {
    const single = [...texts[lang]].filter(([, text]) => /(?<!\{)\{\s*\w+(\s*,[^{}]*)?\}(?!\})/.test(text)).map(([key]) => key);
    expect(single).toEqual([]);
  });
});

describe('numbers in the reader’s locale (issue 18)', async () => {
  const { i18n } = await import('./index.js');
  // A count of 12,345 as each language writes it; years ({{year}}) are never grouped.
  it.each([
    ['nl', '12.345'],
    ['fr', '12\u202f345'],
    ['de', '12.345'],
    ['en', '12,345'],
  ] as const)('%s groups thousands in counts', (lang, written) => {
    const t = i18n.getFixedT(lang);
    expect(t('access.home.countsValue', { total: 12345, active: 12000, blocked: 345 })).toContain(written);
  });

  it('every count-like placeholder is formatted as a number in every language', () => {
    const numeric = /\{\{\s*(count|total|active|blocked|ready|already|done|failed|max|page|pages)\s*\}\}/;
    for (const lang of Object.keys(texts) as Lang[]) {
      for (const [key, text] of texts[lang]) expect(numeric.test(text), `${lang} ${key}: ${text}`).toBe(false);
    }
  });
});
