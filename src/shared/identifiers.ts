/**
 * Belgian identifiers (SPEC R0.1–R0.3): KBO enterprise number, INSZ national number, NIS code.
 * Pure and isomorphic: the server, the web UI and the CLI all validate through this module.
 * Each validator returns the normalised digits or the list of broken rules as message keys
 * (see messages.ts), so every caller can show them in the user's language.
 */

export type IdentifierKind = 'kbo' | 'insz' | 'nis';

export type ValidationResult =
  | { valid: true; normalized: string; formatted: string; errors: [] }
  | { valid: false; errors: IdentifierError[] };

export type IdentifierError =
  | 'kbo.empty'
  | 'kbo.chars'
  | 'kbo.length'
  | 'kbo.first_digit'
  | 'kbo.checksum'
  | 'insz.empty'
  | 'insz.chars'
  | 'insz.length'
  | 'insz.checksum'
  | 'insz.date'
  | 'insz.serial'
  | 'nis.empty'
  | 'nis.chars'
  | 'nis.length'
  | 'nis.not_municipality';

const SEPARATORS = /[\s.\-/]/g;

function stripSeparators(input: string): string {
  return input.trim().replace(SEPARATORS, '');
}

function mod97Check(body: string): number {
  // Number() is exact here: bodies are at most 10 digits, far below 2^53.
  return 97 - (Number(body) % 97);
}

/** R0.1: accepts `0212.235.604`, `0212 235 604`, `BE0212235604`, and the old 9-digit `212235604`. */
export function validateKbo(input: string): ValidationResult {
  let digits = stripSeparators(input);
  if (digits === '') return { valid: false, errors: ['kbo.empty'] };
  if (/^BE/i.test(digits)) digits = digits.slice(2);
  if (!/^\d+$/.test(digits)) return { valid: false, errors: ['kbo.chars'] };
  if (digits.length === 9) digits = `0${digits}`;
  if (digits.length !== 10) return { valid: false, errors: ['kbo.length'] };
  const errors: IdentifierError[] = [];
  if (digits[0] !== '0' && digits[0] !== '1') errors.push('kbo.first_digit');
  if (mod97Check(digits.slice(0, 8)) !== Number(digits.slice(8))) errors.push('kbo.checksum');
  if (errors.length > 0) return { valid: false, errors };
  return { valid: true, normalized: digits, formatted: formatKbo(digits), errors: [] };
}

/** Display form of a normalised KBO number: `0212.235.604`. */
export function formatKbo(digits: string): string {
  return `${digits.slice(0, 4)}.${digits.slice(4, 7)}.${digits.slice(7)}`;
}

function isRealDate(year: number, month: number, day: number): boolean {
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

/**
 * R0.2: 11 digits; the check digits are 97 − (first 9 mod 97), or for births from 2000 on
 * 97 − ((2 followed by the first 9) mod 97). Bis numbers add 20 or 40 to the month. A month
 * or day of 00 is allowed (birth date partly unknown); a complete date must exist.
 */
export function validateInsz(input: string): ValidationResult {
  const digits = stripSeparators(input);
  if (digits === '') return { valid: false, errors: ['insz.empty'] };
  if (!/^\d+$/.test(digits)) return { valid: false, errors: ['insz.chars'] };
  if (digits.length !== 11) return { valid: false, errors: ['insz.length'] };
  const body = digits.slice(0, 9);
  const check = Number(digits.slice(9));
  const before2000 = mod97Check(body) === check;
  const from2000 = mod97Check(`2${body}`) === check;
  if (!before2000 && !from2000) return { valid: false, errors: ['insz.checksum'] };

  const errors: IdentifierError[] = [];
  const yy = Number(digits.slice(0, 2));
  let month = Number(digits.slice(2, 4));
  const day = Number(digits.slice(4, 6));
  if (month >= 40) month -= 40;
  else if (month >= 20) month -= 20;
  const century = from2000 ? 2000 : 1900;
  if (month > 12 || day > 31) errors.push('insz.date');
  else if (month > 0 && day > 0 && !isRealDate(century + yy, month, day)) errors.push('insz.date');
  const serial = Number(digits.slice(6, 9));
  if (serial === 0 || serial === 999) errors.push('insz.serial');
  if (errors.length > 0) return { valid: false, errors };
  return { valid: true, normalized: digits, formatted: formatInsz(digits), errors: [] };
}

/** Display form of a normalised INSZ: `85.07.30-033.28`. */
export function formatInsz(digits: string): string {
  return `${digits.slice(0, 2)}.${digits.slice(2, 4)}.${digits.slice(4, 6)}-${digits.slice(6, 9)}.${digits.slice(9)}`;
}

// An INSZ written in a text as the e-Box writes it: 11 digits, or YY.MM.DD-XXX.CC, not inside a longer number.
const INSZ_IN_TEXT = /(?<![0-9])(\d{11}|\d{2}\.\d{2}\.\d{2}-\d{3}\.\d{2})(?![0-9])/g;

/**
 * Issue 24: the valid national numbers a text names (an e-Box document has no person field; its
 * title, body or attachment name names the person), normalised, each once, in order of appearance.
 * The same rule as a citizen's request uses to find the documents about an INSZ, plus the check
 * digits, so that any 11-digit number is not taken for a person.
 */
export function mentionedInsz(...texts: readonly (string | null | undefined)[]): string[] {
  const found = new Set<string>();
  for (const text of texts) {
    for (const match of (text ?? '').matchAll(INSZ_IN_TEXT)) {
      const checked = validateInsz(match[1]!);
      if (checked.valid && checked.normalized) found.add(checked.normalized);
    }
  }
  return [...found];
}

/**
 * R0.3: a municipality's NIS code is 5 digits, its first digit 1–9 (the province), and it
 * never ends in 000 (those are provinces and arrondissements). Whether the code exists on a
 * given date is a question for the municipality register, not for this function.
 */
export function validateNis(input: string): ValidationResult {
  const digits = stripSeparators(input);
  if (digits === '') return { valid: false, errors: ['nis.empty'] };
  if (!/^\d+$/.test(digits)) return { valid: false, errors: ['nis.chars'] };
  if (digits.length !== 5) return { valid: false, errors: ['nis.length'] };
  if (digits[0] === '0' || digits.endsWith('000')) return { valid: false, errors: ['nis.not_municipality'] };
  return { valid: true, normalized: digits, formatted: digits, errors: [] };
}

export const validators: Record<IdentifierKind, (input: string) => ValidationResult> = {
  kbo: validateKbo,
  insz: validateInsz,
  nis: validateNis,
};

/** Builds a valid KBO number from an 8-digit body (demo data and tests). */
export function kboFromBody(body8: string): string {
  const check = mod97Check(body8);
  return `${body8}${String(check).padStart(2, '0')}`;
}

/** Builds a valid INSZ from a birth date part (YYMMDD) and serial, for births before or from 2000. */
export function inszFromParts(yymmdd: string, serial: number, bornFrom2000 = false): string {
  const body = `${yymmdd}${String(serial).padStart(3, '0')}`;
  const check = mod97Check(bornFrom2000 ? `2${body}` : body);
  return `${body}${String(check).padStart(2, '0')}`;
}
