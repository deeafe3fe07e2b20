import { formatCents } from '../../../modules/subsidy-report/subsidy-report-messages.js';
import type { UiLanguage } from '../../i18n/index.js';

/** The schema's MAX_AMOUNT_EUROS, in cents. */
export const MAX_AMOUNT_CENTS = 1_000_000_000 * 100;

export type AmountProblem = 'required' | 'format' | 'decimals' | 'negative' | 'max';

// What people type for an amount in euros, in the Belgian way or the English one:
// 1234 · 1234,5 · 1234,56 · 1.234,56 · 1 234,56 · 1234.56 · 1,234.56. With both "." and "," the
// last one is the decimal mark; with one of them followed by one or two digits, it is the decimal
// mark too. Followed by groups of three digits, it is the language's group separator ("1.234" in
// Dutch, "1,234" in English), and too many decimals for the other language rather than a guess.
const DIGITS = /^\d+$/;
const SHORT_DECIMALS = /^(\d+)[.,](\d{1,2})$/;

/**
 * An amount as typed → exact cents (no floating point), or what is wrong with it. Spaces (also
 * no-break spaces, as French grouping writes them) and a leading or trailing "€" are ignored.
 */
export function parseEuros(input: string, language: UiLanguage): { cents: number } | { problem: AmountProblem } {
  const text = input.replace(/[\s\u00a0\u202f']/g, '').replace(/^(€|EUR)|(€|EUR)$/gi, '');
  if (text === '') return { problem: 'required' };
  if (/^-\d/.test(text)) return { problem: 'negative' };
  if (!/^\d[\d.,]*$/.test(text) || /[.,]$/.test(text)) return { problem: 'format' };
  let units: string;
  let decimals = '';
  const short = SHORT_DECIMALS.exec(text);
  if (DIGITS.test(text)) {
    units = text;
  } else if (short) {
    units = short[1]!;
    decimals = short[2]!;
  } else {
    const lastPoint = text.lastIndexOf('.');
    const lastComma = text.lastIndexOf(',');
    // Both marks: the last one is the decimal mark. One kind only: the language's group separator.
    const decimalMark = lastPoint >= 0 && lastComma >= 0 ? (lastPoint > lastComma ? '.' : ',') : language === 'en' ? '.' : ',';
    const groupMark = decimalMark === '.' ? ',' : '.';
    const at = text.lastIndexOf(decimalMark);
    const whole = at >= 0 ? text.slice(0, at) : text;
    decimals = at >= 0 ? text.slice(at + 1) : '';
    const groups = whole.split(groupMark);
    const isGrouped = groups.length > 1 && /^\d{1,3}$/.test(groups[0]!) && groups.slice(1).every((g) => /^\d{3}$/.test(g));
    if (!DIGITS.test(decimals || '0')) return { problem: 'format' };
    if (groups.length === 1) {
      // One mark, not the group separator of the language: it is a decimal mark with too many digits.
      if (!DIGITS.test(whole)) return { problem: 'format' };
      return { problem: 'decimals' };
    }
    if (!isGrouped) return { problem: 'format' };
    units = groups.join('');
  }
  if (decimals.length > 2) return { problem: 'decimals' };
  // Digit strings too long for a safe integer are over the maximum anyway.
  if (units.replace(/^0+/, '').length > 12) return { problem: 'max' };
  const cents = Number(units) * 100 + Number(decimals.padEnd(2, '0'));
  if (cents > MAX_AMOUNT_CENTS) return { problem: 'max' };
  return { cents };
}

/** Cents → euros as the API takes them (a JSON number with at most two decimals). */
export function centsToEuros(cents: number): number {
  return cents / 100;
}

/** Cents written in the UI language: 1.234,56 (nl, de), 1 234,56 (fr), 1,234.56 (en). */
export function formatAmount(cents: number, language: UiLanguage): string {
  return formatCents(cents, language);
}

/** An amount as the input shows it to start with: like formatAmount, which parseEuros reads back. */
export function amountInput(cents: number, language: UiLanguage): string {
  return formatCents(cents, language);
}
