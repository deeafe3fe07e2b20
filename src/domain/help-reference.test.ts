import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dammCheckDigit, findHelpReference, formatHelpReference, isValidHelpReference, parseHelpReference } from './help-reference.js';

/*
 * Hand computation with the Damm table (row = interim digit, column = next digit), starting at 0:
 * 20240000001: 2 → 1 · 0 → 7 · 2 → 4 · 4 → 0 · 0 → 0 (six times) · 1 → 3; check digit 3.
 * 20250000042: 2 → 1 · 0 → 7 · 2 → 4 · 5 → 4 · 0 → 6 · 0 → 5 · 0 → 3 · 0 → 1 · 0 → 7 · 4 → 3 · 2 → 5; check 5.
 * A verifier that runs the same steps over the digits plus the check digit ends on 0.
 */
const VECTORS: [number, number, string][] = [
  [2024, 1, 'OO-2024-0000001-3'],
  [2025, 42, 'OO-2025-0000042-5'],
  [2030, 1_234_567, 'OO-2030-1234567-4'],
];

const DIGITS = '0123456789';

/** The 11 protected digits YYYYNNNNNNN of a reference, and a rebuild from (possibly altered) digits. */
const digitsOf = (ref: string) => ref.slice(3, 7) + ref.slice(8, 15);
const withDigits = (ref: string, digits: string) => `OO-${digits.slice(0, 4)}-${digits.slice(4)}-${ref.slice(16)}`;

function substitutions(ref: string): string[] {
  const digits = digitsOf(ref);
  const out: string[] = [];
  for (let i = 0; i < digits.length; i++) {
    for (const d of DIGITS) if (d !== digits[i]) out.push(withDigits(ref, digits.slice(0, i) + d + digits.slice(i + 1)));
  }
  return out;
}

/** Adjacent transpositions of differing digits; minGap 2 keeps only neighbours that differ by at least 2. */
function transpositions(ref: string, minGap = 1): string[] {
  const digits = digitsOf(ref);
  const out: string[] = [];
  for (let i = 0; i + 1 < digits.length; i++) {
    const [a, b] = [Number(digits[i]), Number(digits[i + 1])];
    if (Math.abs(a - b) < minGap) continue;
    out.push(withDigits(ref, digits.slice(0, i) + digits[i + 1] + digits[i] + digits.slice(i + 2)));
  }
  return out;
}

const references = fc
  .tuple(fc.integer({ min: 1000, max: 9999 }), fc.integer({ min: 1, max: 9_999_999 }))
  .map(([year, sequence]) => formatHelpReference(year, sequence));

describe('dammCheckDigit', () => {
  it.each([
    ['572', '4'], // the worked example of Damm's algorithm
    ['5724', '0'], // a number with its check digit appended checks to 0
    ['20240000001', '3'],
    ['20250000042', '5'],
    ['0', '0'],
  ])('gives %s the check digit %s', (input, expected) => {
    expect(dammCheckDigit(input)).toBe(expected);
  });

  it.each(['', '2024-0000001', ' 1', 'A', '٣'])('refuses the input %j', (input) => {
    expect(() => dammCheckDigit(input)).toThrow(RangeError);
  });
});

describe('formatHelpReference / parseHelpReference (R6.3)', () => {
  it.each(VECTORS)('formats year %i, sequence %i as %s and parses it back', (year, sequence, ref) => {
    expect(formatHelpReference(year, sequence)).toBe(ref);
    expect(parseHelpReference(ref)).toEqual({ year, sequence });
    expect(isValidHelpReference(ref)).toBe(true);
  });

  it.each([
    ['oo-2024-0000001-3', { year: 2024, sequence: 1 }],
    ['  OO-2025-0000042-5\n', { year: 2025, sequence: 42 }],
    ['\tOo-2030-1234567-4 ', { year: 2030, sequence: 1_234_567 }],
  ])('accepts %j in any case and with surrounding whitespace', (input, expected) => {
    expect(parseHelpReference(input)).toEqual(expected);
  });

  it.each([
    ['OO-2024-0000001-4', 'a wrong check digit'],
    ['OO-2024-0000002-3', 'a changed sequence'],
    ['OO-2024-0000001', 'no check digit'],
    ['OO-2024-000001-3', 'six sequence digits'],
    ['OO-2024-00000001-3', 'eight sequence digits'],
    ['OO-24-0000001-3', 'a two-digit year'],
    ['XX-2024-0000001-3', 'another prefix'],
    ['OO2024-0000001-3', 'a missing dash'],
    ['OO-2024-0000001-3-', 'a trailing dash'],
    ['OO 2024 0000001 3', 'spaces for dashes'],
    ['OO-2024-0000001-X', 'a letter as check digit'],
    [`OO-0999-0000001-${dammCheckDigit('09990000001')}`, 'a year before 1000'],
    [`OO-2024-0000000-${dammCheckDigit('20240000000')}`, 'sequence number 0'],
    ['', 'the empty string'],
  ])('refuses %j (%s)', (input) => {
    expect(parseHelpReference(input)).toBeUndefined();
    expect(isValidHelpReference(input)).toBe(false);
  });

  it.each([
    [999, 1],
    [10_000, 1],
    [2024.5, 1],
    [Number.NaN, 1],
    [2024, 0],
    [2024, -1],
    [2024, 10_000_000],
    [2024, 1.5],
  ])('refuses to format year %d, sequence %d', (year, sequence) => {
    expect(() => formatHelpReference(year, sequence)).toThrow(RangeError);
  });

  it('formats the extremes', () => {
    expect(formatHelpReference(1000, 1)).toMatch(/^OO-1000-0000001-\d$/);
    expect(formatHelpReference(9999, 9_999_999)).toMatch(/^OO-9999-9999999-\d$/);
  });

  it('round-trips every year and sequence number', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1000, max: 9999 }), fc.integer({ min: 1, max: 9_999_999 }), (year, sequence) => {
        const ref = formatHelpReference(year, sequence);
        expect(ref).toMatch(/^OO-\d{4}-\d{7}-\d$/);
        expect(parseHelpReference(ref)).toEqual({ year, sequence });
        expect(parseHelpReference(` ${ref.toLowerCase()} `)).toEqual({ year, sequence });
      }),
      { numRuns: 1000 },
    );
  });
});

describe('error detection of the check digit', () => {
  const FIXED = [...VECTORS.map(([, , ref]) => ref), formatHelpReference(2025, 178), formatHelpReference(9999, 9_999_999)];

  it.each(FIXED)('catches every single-digit substitution in %s', (ref) => {
    const wrong = substitutions(ref);
    expect(wrong).toHaveLength(11 * 9);
    for (const w of wrong) expect(isValidHelpReference(w), w).toBe(false);
  });

  it('catches every single-digit substitution in any reference', () => {
    fc.assert(
      fc.property(references, (ref) => {
        for (const w of substitutions(ref)) expect(isValidHelpReference(w), w).toBe(false);
      }),
      { numRuns: 500 },
    );
  });

  it('catches a substitution of the check digit itself', () => {
    fc.assert(
      fc.property(references, fc.constantFrom(...DIGITS), (ref, c) => {
        fc.pre(c !== ref.slice(16));
        expect(isValidHelpReference(ref.slice(0, 16) + c)).toBe(false);
      }),
    );
  });

  it.each(FIXED)('catches every adjacent transposition of differing digits in %s', (ref) => {
    for (const w of transpositions(ref)) expect(isValidHelpReference(w), w).toBe(false);
  });

  it('catches every adjacent transposition of differing digits in any reference', () => {
    fc.assert(
      fc.property(references, (ref) => {
        for (const w of transpositions(ref)) expect(isValidHelpReference(w), w).toBe(false);
      }),
      { numRuns: 1000 },
    );
  });

  // One assertion over the whole range (not 240,000), and room for a loaded machine: the work is
  // about a second on a quiet one, and CI shares its two cores.
  it('catches every adjacent transposition over 20,000 consecutive references', () => {
    const missed: string[] = [];
    for (let sequence = 1; sequence <= 20_000; sequence++) {
      for (const w of transpositions(formatHelpReference(2025, sequence))) if (isValidHelpReference(w)) missed.push(w);
    }
    expect(missed).toEqual([]);
  }, 30_000);
});

describe('findHelpReference (issue 24: whose request a mail names)', () => {
  it.each([
    ['Uw hulpaanvraag OO-2025-0000042-5 is ontvangen', 'OO-2025-0000042-5'],
    ['Votre demande oo-2025-0000042-5 a été reçue', 'OO-2025-0000042-5'],
    ['wrong check OO-2025-0000042-4, right OO-2024-0000001-3', 'OO-2024-0000001-3'],
    ['XOO-2025-0000042-5', undefined],
    ['OO-2025-0000042-55', undefined],
    ['Welkom op het portaal', undefined],
  ])('%j → %j', (text, expected) => {
    expect(findHelpReference(text)).toBe(expected);
  });
});
