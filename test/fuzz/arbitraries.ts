/**
 * fast-check arbitraries derived from JSON Schemas: values that are valid (as a base to mutate)
 * and values that are certainly invalid (wrong types, broken bounds, patterns, formats and
 * identifiers, missing and unknown fields, NUL characters, huge and exotic strings).
 */
import fc from 'fast-check';
import { acceptsType, branches, hasUnstorableText, isValid, jsonTypeOf, typesOf, type JsonSchema } from './json-schema.js';

export type Location = 'body' | 'query' | 'path';

/** Strings that stress encodings and parsers: emoji, RTL, combining marks, zero-width, lone surrogates, injections. */
export const EDGE_STRINGS = [
  '🙂👍🏽👨‍👩‍👧‍👦',
  'مرحبا بالعالم',
  'שלום עולם',
  '\u202Egnp.exe\u202C',
  'e\u0301\u0308\u0323\u0330',
  'Z̴̡̢͓a̷͎l̸̰g̵o̶',
  '\uFEFFbom',
  'zero\u200Bwidth',
  '\uD83D',
  '\uDE00x',
  "'; drop table users; --",
  '<script>alert(1)</script>',
  '${7*7}{{7*7}}',
  '../../../etc/passwd',
  '..%2F..%2F',
  '%00',
  '%',
  '\\',
  '"',
  '\r\n\t',
  '   ',
  'ﬀ İ ß ǅ',
];

/** NUL characters, which PostgreSQL refuses in text and jsonb (refused by src/http/input-guard.ts). */
export const NUL_STRINGS = ['\u0000', 'a\u0000b', 'fuzz\u0000', '\u0000\u0000\u0000'];

const BAD_UUIDS = ['not-a-uuid', '00000000-0000-0000-0000-00000000000', '00000000-0000-0000-0000-0000000000000', 'g0000000-0000-4000-8000-000000000000', '{00000000-0000-4000-8000-000000000000}', '00000000000040008000000000000000', '1', '-1', '0'];
const BAD_DATES = ['2025-02-30', '2025-13-01', '2025-00-10', '99999-01-01', '2025-1-1', '25-01-01', '2025/01/01', '01-01-2025', '2025-01-01T00:00:00Z', 'today', '0000-00-00', '2024-02-30'];
const BAD_DATE_TIMES = ['2025-02-30T10:00:00Z', '2025-01-01 10:00', 'yesterday', '2025-01-01T25:00:00Z', '1e308'];
const BAD_IDENTIFIERS = ['0212235605', '12345', '1234567890123', 'BE0212.235.60X', '85073003329', '8507300332', '00000000000', '1100', '110022', 'ABCDE', '٠٢١٢٢٣٥٦٠٤', '０２１２２３５６０４'];
const BAD_EMAILS = ['not-an-email', 'a@', '@b.be', 'a@b', 'a b@c.be', 'a@b..be', '"a"@b.be', 'a@-b.be'];
const BAD_NUMBER_STRINGS = ['NaN', 'Infinity', '-Infinity', '1e308', '1e309', '-1e308', '-1', '0', '1.5', '-0.0001', 'abc', '', ' ', '0x10', '1_000', '١', '１', '9'.repeat(400), '2147483648', '9007199254740993'];
const HUGE = 100_000;

/** Long strings are built on demand: a 100k-character string per generated case costs nothing to share. */
const HUGE_X = 'x'.repeat(HUGE);
const HUGE_EMOJI = '🙂'.repeat(HUGE / 2);

export interface ArbOptions {
  /** The longest string that may be placed here (a URL on a real socket is bounded by the header limit). */
  maxStringLength: number;
}

function boundedLength(s: JsonSchema, fallback: number): [number, number] {
  const min = s.minLength ?? 0;
  const max = Math.max(min, Math.min(s.maxLength ?? fallback, min + fallback));
  return [min, max];
}

/** A free-text string within the schema's length bounds, often an exotic one. */
function freeText(s: JsonSchema): fc.Arbitrary<string> {
  const [min, max] = boundedLength(s, 24);
  const fits = EDGE_STRINGS.filter((e) => e.length >= min && e.length <= max);
  const plain = fc.string({ unit: 'grapheme', minLength: min, maxLength: max }).filter((x) => x.length >= min && x.length <= max);
  return fits.length ? fc.oneof(plain, fc.constantFrom(...fits)) : plain;
}

const VALID_BY_FORMAT: Record<string, fc.Arbitrary<string>> = {
  uuid: fc.uuid({ version: 4 }),
  date: fc.integer({ min: 0, max: 200 * 365 }).map((d) => new Date(Date.UTC(1950, 0, 1) + d * 86_400_000).toISOString().slice(0, 10)),
  'date-time': fc.constant('2026-01-01T10:00:00.000Z'),
  email: fc.constantFrom('fuzz@demo.example', 'fuzz.test+1@demo.example'),
  kbo: fc.constantFrom('0212235604', '0207.437.468'),
  insz: fc.constantFrom('85073003328', '85.07.30-033.28'),
  nis: fc.constantFrom('11002', '44021'),
};

/** Values that the schema (most likely) accepts; used as the base that mutations break. */
export function validArb(s: JsonSchema, depth = 0): fc.Arbitrary<unknown> {
  if (s.anyOf || s.oneOf) return fc.oneof(...branches(s).map((b) => validArb(b, depth + 1)));
  if (s.const !== undefined) return fc.constant(s.const);
  if (s.enum) return fc.constantFrom(...s.enum);
  const types = typesOf(s);
  if (types === 'any') return fc.constantFrom<unknown>('fuzz', 1, true, null);
  const arbs = types.map((t) => validOfType(s, t, depth));
  return arbs.length === 1 ? arbs[0]! : fc.oneof(...arbs);
}

function validOfType(s: JsonSchema, t: string, depth: number): fc.Arbitrary<unknown> {
  switch (t) {
    case 'string': {
      const byFormat = s.format ? VALID_BY_FORMAT[s.format] : undefined;
      if (byFormat) return byFormat;
      if (s.pattern) {
        const [min, max] = boundedLength(s, 64);
        return fc.stringMatching(new RegExp(s.pattern)).filter((x) => x.length >= min && x.length <= max);
      }
      return freeText(s);
    }
    case 'integer': {
      const min = Math.max(s.minimum ?? -1000, -1_000_000_000);
      const max = Math.min(s.maximum ?? 1000, 1_000_000_000);
      return fc.integer({ min: Math.min(min, max), max });
    }
    case 'number':
      return fc.double({ min: s.minimum ?? -1000, max: s.maximum ?? 1000, noNaN: true, noDefaultInfinity: true });
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array': {
      const item = s.items ? validArb(s.items, depth + 1) : fc.constant('fuzz');
      const minLength = s.minItems ?? 0;
      return fc.array(item, { minLength, maxLength: Math.max(minLength, Math.min(s.maxItems ?? 2, minLength + 2)) });
    }
    case 'object': {
      if (depth > 8) return fc.constant({});
      const props = s.properties ?? {};
      const model: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [k, ps] of Object.entries(props)) model[k] = validArb(ps, depth + 1);
      return fc.record(model, { requiredKeys: (s.required ?? []).filter((k) => k in props) });
    }
    default:
      return fc.constant(null);
  }
}

/** A value that certainly breaks s, or undefined when the schema accepts anything. */
export function invalidArb(s: JsonSchema, where: Location, opts: ArbOptions, depth = 0): fc.Arbitrary<unknown> | undefined {
  const candidates: fc.Arbitrary<unknown>[] = [];
  const acceptsString = acceptsType(s, 'string');
  const limit = (x: string) => x.length <= opts.maxStringLength;

  // Wrong JSON types (a URL only carries strings).
  if (where === 'body') {
    const wrong = [42, -1, 1.5, 1e308, -1e308, true, false, null, 'fuzz', '', [], [1, 'a'], {}, { fuzz: 1 }].filter((v) => !isValid(s, v));
    if (wrong.length) candidates.push(fc.constantFrom(...wrong));
  }
  const numeric = acceptsType(s, 'integer') || acceptsType(s, 'number') || acceptsType(s, 'boolean');
  if (where !== 'body' || numeric) {
    const asStrings = BAD_NUMBER_STRINGS.filter((v) => limit(v) && !isValid(s, v));
    if (asStrings.length) candidates.push(fc.constantFrom(...asStrings));
  }
  if (where === 'body' && (acceptsType(s, 'integer') || acceptsType(s, 'number'))) {
    const b = branches(s)[0]!;
    const numbers = [b.minimum !== undefined ? b.minimum - 1 : -1e308, b.maximum !== undefined ? b.maximum + 1 : 1e308, 0.5, -0.5, Number.MAX_SAFE_INTEGER + 2].filter((v) => !isValid(s, v));
    if (numbers.length) candidates.push(fc.constantFrom(...numbers));
  }

  if (acceptsString) {
    const breakers = [...BAD_UUIDS, ...BAD_DATES, ...BAD_DATE_TIMES, ...BAD_IDENTIFIERS, ...BAD_EMAILS, ...EDGE_STRINGS].filter((v) => limit(v) && !isValid(s, v));
    if (breakers.length) candidates.push(fc.constantFrom(...breakers));
    // Too long: one past the bound, in ASCII and in emoji (two code units each), and 100k characters.
    const longs: string[] = [HUGE_X, HUGE_EMOJI];
    for (const b of branches(s)) {
      if (b.maxLength !== undefined && b.maxLength < HUGE) longs.push('x'.repeat(b.maxLength + 1), '🙂'.repeat(b.maxLength + 1));
      if (b.minLength !== undefined && b.minLength > 0) longs.push('x'.repeat(b.minLength - 1));
    }
    const tooLong = longs.map((x) => (limit(x) ? x : x.slice(0, opts.maxStringLength))).filter((v) => !isValid(s, v));
    if (tooLong.length) candidates.push(fc.constantFrom(...tooLong));
    // A NUL character anywhere in a string: never storable, always refused.
    candidates.push(fc.tuple(fc.constantFrom(...NUL_STRINGS), fc.string({ maxLength: 8 })).map(([n, x]) => `${x}${n}${x}`));
    // Exotic text that otherwise breaks the schema (mixed with a NUL, or too long).
    candidates.push(fc.constantFrom(...EDGE_STRINGS).map((e) => `${e}\u0000`));
  }

  if (where === 'body' && depth < 6) {
    for (const b of branches(s)) {
      if (b.type === 'object' || b.properties) candidates.push(...objectMutations(b, opts, depth));
      if (b.type === 'array') candidates.push(...arrayMutations(b, opts, depth));
    }
  }
  if (!candidates.length) return undefined;
  return fc.oneof(...candidates).filter((v) => certainlyInvalid(s, v));
}

function objectMutations(s: JsonSchema, opts: ArbOptions, depth: number): fc.Arbitrary<unknown>[] {
  const out: fc.Arbitrary<unknown>[] = [];
  const base = validArb(s, depth) as fc.Arbitrary<Record<string, unknown>>;
  const required = (s.required ?? []).filter((k) => s.properties?.[k]?.default === undefined);
  if (required.length) {
    out.push(fc.tuple(base, fc.constantFrom(...required)).map(([o, k]) => {
      const copy = { ...o };
      delete copy[k];
      return copy;
    }));
  }
  // An unknown field (SPEC N3: refused, not ignored), named like something an attacker would try.
  if (s.properties && typeof s.additionalProperties !== 'object') {
    const extraValue = fc.oneof(fc.constantFrom<unknown>(true, 'ADMIN', 1, null, { $ne: null }), fc.constantFrom(...EDGE_STRINGS));
    const name = fc.constantFrom('fuzz', 'role', 'isAdmin', 'organisationId', 'id', 'userId', 'createdAt', 'constructor', 'e\u0301xtra');
    out.push(fc.tuple(base, name, extraValue).map(([o, k, v]) => ({ ...o, [k]: v })));
  }
  for (const [key, ps] of Object.entries(s.properties ?? {})) {
    const bad = invalidArb(ps, 'body', opts, depth + 1);
    if (bad) out.push(fc.tuple(base, bad).map(([o, v]) => ({ ...o, [key]: v })));
  }
  return out;
}

function arrayMutations(s: JsonSchema, opts: ArbOptions, depth: number): fc.Arbitrary<unknown>[] {
  const out: fc.Arbitrary<unknown>[] = [];
  const item = s.items ? s.items : undefined;
  const base = validArb(s, depth) as fc.Arbitrary<unknown[]>;
  if (s.minItems && s.minItems > 0) out.push(fc.constant([]));
  if (s.maxItems !== undefined && s.maxItems <= 20_000 && item) {
    out.push(validArb(item, depth + 1).map((v) => Array.from({ length: s.maxItems! + 1 }, () => v)));
  }
  if (item) {
    const bad = invalidArb(item, 'body', opts, depth + 1);
    if (bad) out.push(fc.tuple(base, bad, fc.nat()).map(([a, v, i]) => {
      const copy = [...a];
      copy.splice(a.length ? i % (a.length + 1) : 0, 0, v);
      return copy;
    }));
  }
  return out;
}

/** Invalid for the schema, or refused by a rule that holds for every route (text PostgreSQL cannot store, unknown fields). */
export function certainlyInvalid(s: JsonSchema, v: unknown): boolean {
  return !isValid(s, v) || hasUnstorableText(v) || hasUnknownKey(s, v);
}

/** An object key that no alternative of the schema declares (objects with declared properties only). */
export function hasUnknownKey(s: JsonSchema, v: unknown, depth = 0): boolean {
  if (depth > 20 || !v || typeof v !== 'object') return false;
  const alts = branches(s).filter((b) => acceptsType(b, jsonTypeOf(v)));
  if (!alts.length) return false;
  if (Array.isArray(v)) {
    return alts.every((b) => b.items && v.some((x) => hasUnknownKey(b.items as JsonSchema, x, depth + 1)));
  }
  return alts.every((b) => {
    if (!b.properties || typeof b.additionalProperties === 'object') return false;
    return Object.entries(v).some(([k, x]) => !(k in b.properties!) || hasUnknownKey(b.properties![k]!, x, depth + 1));
  });
}
