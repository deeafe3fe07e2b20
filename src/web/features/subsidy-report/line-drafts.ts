import type { UiLanguage } from '../../i18n/index.js';
import { amountInput, parseEuros } from './amounts.js';
import { CATCH_ALL_TYPE_LIST } from './subsidy-report-api.js';
import type { SubsidyLineData } from './subsidy-report-api.js';
import { AMOUNT_FIELDS } from './subsidy-report-validation.js';
import type { LineDraft } from './subsidy-report-validation.js';

export const LINE_PREFIX = 'subsidy-line';
export const LINE_FIELDS = ['subsidyType', 'amountGranted', 'amountUsed', 'justification'] as const;
export type LineField = (typeof LINE_FIELDS)[number];

/** The id of a line's input: `subsidy-line-2-amountUsed`, the server's `lines.2.amountUsed`. */
export const inputId = (index: number, field: LineField) => `${LINE_PREFIX}-${index}-${field}`;

let nextKey = 0;
/** A key for a new line in the editor (React's row key; lines have no id until saved). */
export const newKey = () => `line-${++nextKey}`;

/** The saved lines as the editor shows them: amounts typed the reader's way. */
export function draftsOf(lines: readonly SubsidyLineData[], language: UiLanguage): LineDraft[] {
  return lines.map((line) => ({
    key: newKey(),
    subsidyType: line.subsidyType,
    amountGranted: amountInput(line.amountGrantedCents, language),
    amountUsed: amountInput(line.amountUsedCents, language),
    justification: line.justification,
  }));
}

type Comparable = { subsidyType: string; amountGranted: string | number; amountUsed: string | number; justification: string };

/** The lines as values (cents where readable), to tell whether the editor differs from what is saved. */
export function fingerprint(lines: readonly Comparable[], language: UiLanguage): string {
  const cents = (value: string | number) => {
    if (typeof value === 'number') return value;
    const parsed = parseEuros(value, language);
    return 'cents' in parsed ? parsed.cents : `?${value.trim()}`;
  };
  return JSON.stringify(lines.map((l) => [l.subsidyType, cents(l.amountGranted), cents(l.amountUsed), l.justification.trim()]));
}

/** True when the editor's lines differ from the saved ones (an amount typed otherwise but equal is no change). */
export function isChanged(drafts: readonly LineDraft[], saved: readonly SubsidyLineData[], language: UiLanguage): boolean {
  return fingerprint(drafts, language) !== fingerprint(saved.map((l) => ({ ...l, amountGranted: l.amountGrantedCents, amountUsed: l.amountUsedCents })), language);
}

/** Whether a line needs a justification: the amounts differ, or it is a catch-all subsidy. */
export function needsJustification(line: LineDraft, language: UiLanguage): 'difference' | 'catchAll' | undefined {
  const granted = parseEuros(line.amountGranted, language);
  const used = parseEuros(line.amountUsed, language);
  if ('cents' in granted && 'cents' in used && granted.cents !== used.cents) return 'difference';
  if ((CATCH_ALL_TYPE_LIST as readonly string[]).includes(line.subsidyType)) return 'catchAll';
  return undefined;
}

/** The live totals (granted, used) of what is typed; an unreadable amount leaves its total open (undefined). */
export function draftTotals(drafts: readonly LineDraft[], language: UiLanguage): (number | undefined)[] {
  return AMOUNT_FIELDS.map((field) => {
    let sum = 0;
    for (const line of drafts) {
      const parsed = parseEuros(line[field], language);
      if (!('cents' in parsed)) return undefined;
      sum += parsed.cents;
    }
    return sum;
  });
}
