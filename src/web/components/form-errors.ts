import type { TFunction } from 'i18next';
import { ApiError } from '../api.js';
import type { FieldLink } from './error-summary.js';

/** What went wrong with a form: a message and field → message (keys as the API sends them). */
export interface FormErrors {
  /** Counts failed attempts, so the summary is focused again after each one. */
  attempt: number;
  message?: string;
  fields: Record<string, string>;
  /** The broken rules the API listed (rule id + message), shown as a list at their field. */
  violations?: { rule: string; message: string }[];
}

/** The form errors of a failed call: the API's field messages, or its message alone. */
export function formErrorsOf(error: unknown, t: TFunction, previous: FormErrors | undefined): FormErrors {
  const attempt = (previous?.attempt ?? 0) + 1;
  if (error instanceof ApiError && error.status > 0 && error.status < 500) {
    return {
      attempt,
      message: error.message || t('app.unexpectedError'),
      fields: { ...error.fields },
      ...(error.violations.length > 0 ? { violations: error.violations } : {}),
    };
  }
  return { attempt, message: t('app.unexpectedError'), fields: {} };
}

/**
 * The message for a field: exact key, or a key below it (`applications.0` belongs to
 * `applications`).
 */
export function fieldError(errors: FormErrors | undefined, key: string): string | undefined {
  if (!errors) return undefined;
  if (errors.fields[key]) return errors.fields[key];
  const below = Object.keys(errors.fields).find((k) => k.startsWith(`${key}.`));
  return below ? errors.fields[below] : undefined;
}

/** Links for the error summary; fields the form does not show are listed as text. */
export function summaryLinks(errors: FormErrors | undefined, known: Record<string, { id: string; label: string }>): FieldLink[] {
  if (!errors) return [];
  const links: FieldLink[] = [];
  const seen = new Set<string>();
  for (const [key, message] of Object.entries(errors.fields)) {
    const match = known[key] ? key : Object.keys(known).find((k) => key.startsWith(`${k}.`));
    if (match) {
      if (seen.has(match)) continue;
      seen.add(match);
      // A label that ends in a colon ("Andere:") gets no second one (issue 19: "Andere::").
      links.push({ inputId: known[match]!.id, message: `${known[match]!.label.replace(/\s*:\s*$/, '')}: ${message}` });
    } else {
      links.push({ message });
    }
  }
  return links;
}

/**
 * The messages for a field whose rules the API lists one by one (certificate, FTP username and
 * password): the violations whose rule id starts with `rulePrefix`, else the field's message.
 */
export function fieldErrorList(errors: FormErrors | undefined, key: string, rulePrefix: string): string | string[] | undefined {
  const listed = (errors?.violations ?? []).filter((v) => v.rule.startsWith(rulePrefix)).map((v) => v.message);
  if (listed.length > 0 && fieldError(errors, key) !== undefined) return listed;
  return fieldError(errors, key);
}
