/**
 * The Damm algorithm's totally anti-symmetric quasigroup of order 10 (H. M. Damm, 2004): a check
 * digit from it catches every single-digit error and every adjacent transposition.
 */
const DAMM = [
  [0, 3, 1, 7, 5, 9, 8, 6, 4, 2],
  [7, 0, 9, 2, 1, 5, 4, 8, 6, 3],
  [4, 2, 0, 6, 8, 7, 1, 3, 5, 9],
  [1, 7, 5, 0, 9, 8, 3, 4, 2, 6],
  [6, 1, 2, 3, 0, 4, 5, 9, 7, 8],
  [3, 6, 7, 4, 2, 0, 9, 5, 8, 1],
  [5, 8, 6, 9, 7, 2, 0, 1, 3, 4],
  [8, 9, 4, 5, 3, 6, 2, 0, 1, 7],
  [9, 4, 3, 8, 6, 1, 7, 2, 0, 5],
  [2, 5, 8, 1, 4, 3, 6, 7, 9, 0],
] as const;

const MIN_YEAR = 1000;
const MAX_YEAR = 9999;
const MIN_SEQUENCE = 1;
const MAX_SEQUENCE = 9_999_999;

// The prefix may be typed in lowercase.
const REFERENCE = /^OO-([0-9]{4})-([0-9]{7})-([0-9])$/i;

/** A help request reference number decoded: receipt year and sequence number within it. */
export interface HelpReference {
  year: number;
  sequence: number;
}

/** The Damm check digit of a string of digits; throws RangeError on an empty input or a non-digit. */
export function dammCheckDigit(input: string): string {
  if (!/^[0-9]+$/.test(input)) throw new RangeError(`"${input}" is not a non-empty string of digits`);
  let interim = 0;
  for (const ch of input) interim = DAMM[interim]![Number(ch)]!;
  return String(interim);
}

function assertParts(year: number, sequence: number): void {
  if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) {
    throw new RangeError(`Reference year ${year} is outside ${MIN_YEAR}–${MAX_YEAR}`);
  }
  if (!Number.isInteger(sequence) || sequence < MIN_SEQUENCE || sequence > MAX_SEQUENCE) {
    throw new RangeError(`Reference sequence ${sequence} is outside ${MIN_SEQUENCE}–${MAX_SEQUENCE}`);
  }
}

/** The reference number `OO-YYYY-NNNNNNN-C` of the sequence-th request received in year (R6.3); throws RangeError on a year outside 1000–9999 or a sequence outside 1–9,999,999. */
export function formatHelpReference(year: number, sequence: number): string {
  assertParts(year, sequence);
  const yyyy = String(year);
  const nnnnnnn = String(sequence).padStart(7, '0');
  return `OO-${yyyy}-${nnnnnnn}-${dammCheckDigit(yyyy + nnnnnnn)}`;
}

/** The year and sequence of a reference number (any case, surrounding whitespace ignored), or undefined when its format or check character is wrong. */
export function parseHelpReference(s: string): HelpReference | undefined {
  const m = REFERENCE.exec(s.trim());
  if (!m) return undefined;
  const [, yyyy = '', nnnnnnn = '', check = ''] = m;
  const year = Number(yyyy);
  const sequence = Number(nnnnnnn);
  if (year < MIN_YEAR || sequence < MIN_SEQUENCE) return undefined;
  if (dammCheckDigit(yyyy + nnnnnnn) !== check) return undefined;
  return { year, sequence };
}

/** True when s is a well-formed reference number with a correct check character (see parseHelpReference). */
export function isValidHelpReference(s: string): boolean {
  return parseHelpReference(s) !== undefined;
}

/** The first valid reference number a text names (a mail's subject: whose request it is, issue 24), upper-case; undefined when none. */
export function findHelpReference(text: string): string | undefined {
  for (const m of text.matchAll(/(?<![0-9A-Za-z])OO-[0-9]{4}-[0-9]{7}-[0-9](?![0-9])/gi)) {
    if (isValidHelpReference(m[0])) return m[0].toUpperCase();
  }
  return undefined;
}
