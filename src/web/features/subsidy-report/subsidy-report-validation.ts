import type { TFunction } from 'i18next';
import { subsidyMessage } from '../../../modules/subsidy-report/subsidy-report-messages.js';
import type { UiLanguage } from '../../i18n/index.js';
import { validationText } from '../../i18n/validation.js';
import { centsToEuros, parseEuros } from './amounts.js';
import type { AmountProblem } from './amounts.js';
import { MAX_JUSTIFICATION, isSubsidyType } from './subsidy-report-api.js';
import type { SubsidyLineBody } from './subsidy-report-api.js';

// The contract (UpdateLinesBody, lineProblems) checks the lines in the browser with the server's
// rules. It is loaded on demand: zod then lives in its own chunk, not in the bundle of every page.
const loadSchema = () => import('../../../modules/subsidy-report/subsidy-report.schema.js');
let schema: ReturnType<typeof loadSchema> | undefined;

/** Starts loading the contract (the editor calls it on mount, so "Bewaren" does not wait). */
export function preloadSubsidySchema(): void {
  schema ??= loadSchema();
}

/** One line of the editor, every value as typed. */
export interface LineDraft {
  /** A key for React only; never sent. */
  key: string;
  subsidyType: string;
  amountGranted: string;
  amountUsed: string;
  justification: string;
}

export const AMOUNT_FIELDS = ['amountGranted', 'amountUsed'] as const;
export type AmountField = (typeof AMOUNT_FIELDS)[number];

/** The message for an amount that cannot be read. */
export function amountMessage(problem: AmountProblem, t: TFunction): string {
  return t(`subsidy.validation.amount.${problem}`);
}

/** The parts of a zod issue the messages need. */
interface Issue {
  code: string;
  path: PropertyKey[];
  maximum?: number | bigint;
}

function issueMessage(issue: Issue, t: TFunction, language: UiLanguage): string {
  const field = String(issue.path[issue.path.length - 1] ?? '');
  if (field === 'amountGranted' || field === 'amountUsed') {
    if (issue.code === 'too_big') return amountMessage('max', t);
    if (issue.code === 'too_small') return amountMessage('negative', t);
    if (issue.code === 'not_multiple_of') return amountMessage('decimals', t);
    return amountMessage('format', t);
  }
  if (field === 'subsidyType') return t('subsidy.validation.typeRequired');
  if (field === 'justification' && issue.code === 'too_big') return validationText('valid.text_max', { max: MAX_JUSTIFICATION }, language);
  if (issue.path.length === 1 && issue.code === 'too_big') return t('subsidy.validation.tooManyLines', { max: Number(issue.maximum ?? 0) });
  return validationText('valid.invalid', undefined, language);
}

/**
 * Checks the editor's lines with the contract: the body to send, or field → message with the
 * API's field names (`lines.2.amountUsed`), so one mapping serves the browser's and the server's
 * messages. Every line is checked at once: an unreadable amount on one line does not hide a
 * missing justification on another.
 */
export async function validateLines(
  drafts: readonly LineDraft[],
  t: TFunction,
  language: UiLanguage,
): Promise<{ lines: SubsidyLineBody[] } | { fields: Record<string, string> }> {
  preloadSubsidySchema();
  const { UpdateLinesBody, lineProblems } = await schema!;
  const fields: Record<string, string> = {};
  const candidates = drafts.map((draft, index) => {
    const parsed: Partial<Record<AmountField, number>> = {};
    for (const field of AMOUNT_FIELDS) {
      const result = parseEuros(draft[field], language);
      if ('problem' in result) fields[`lines.${index}.${field}`] = amountMessage(result.problem, t);
      else parsed[field] = result.cents;
    }
    if (!isSubsidyType(draft.subsidyType)) fields[`lines.${index}.subsidyType`] = t('subsidy.validation.typeRequired');
    // An unreadable amount stands in as the other one, so it raises no "justify the difference".
    const granted = parsed.amountGranted ?? parsed.amountUsed ?? 0;
    const used = parsed.amountUsed ?? granted;
    return {
      subsidyType: isSubsidyType(draft.subsidyType) ? draft.subsidyType : 'andere',
      amountGranted: centsToEuros(granted),
      amountUsed: centsToEuros(used),
      justification: draft.justification.trim(),
    } satisfies SubsidyLineBody;
  });

  const result = UpdateLinesBody.safeParse({ lines: candidates });
  if (!result.success) {
    for (const issue of result.error.issues as unknown as Issue[]) {
      const key = issue.path.map(String).join('.') || 'lines';
      fields[key] ??= issueMessage(issue, t, language);
    }
  }
  for (const problem of lineProblems(candidates)) {
    const index = Number(problem.field.split('.')[1]);
    // A line without a chosen type stood in as "andere": its "say which subsidy" is not meant.
    if (problem.key === 'subsidy.justification_other' && !isSubsidyType(drafts[index]?.subsidyType)) continue;
    fields[problem.field] ??= subsidyMessage(problem.key, language, problem.params);
  }
  if (Object.keys(fields).length > 0) return { fields: ordered(fields, drafts.length) };
  return { lines: result.success ? result.data.lines : candidates };
}

const FIELD_ORDER = ['subsidyType', 'amountGranted', 'amountUsed', 'justification'];

/** The messages in the order of the table: line by line, left to right. */
function ordered(fields: Record<string, string>, lineCount: number): Record<string, string> {
  const out: Record<string, string> = {};
  if (fields.lines) out.lines = fields.lines;
  for (let i = 0; i < lineCount; i++) {
    for (const field of FIELD_ORDER) {
      const key = `lines.${i}.${field}`;
      if (fields[key]) out[key] = fields[key];
    }
  }
  for (const [key, message] of Object.entries(fields)) out[key] ??= message;
  return out;
}
