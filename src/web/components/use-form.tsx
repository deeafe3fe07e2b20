import { useState } from 'react';
import type { FormEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary } from './error-summary.js';
import { fieldError, fieldErrorList, formErrorsOf, summaryLinks } from './form-errors.js';
import type { FormErrors } from './form-errors.js';

/** A field's place in the form: its input's id and label (for the summary's links). */
export type KnownField = { id: string; label: string };

export interface Form {
  errors: FormErrors | undefined;
  isBusy: boolean;
  /** The id of a field's input: `${prefix}-${field}`. */
  id(field: string): string;
  /** The message at a field (a key below it counts: `applications.0` is `applications`). */
  error(field: string): string | undefined;
  /** The messages of a field whose rules the API lists one by one (certificate, password). */
  errorList(field: string, rulePrefix: string): string | string[] | undefined;
  /** A check in the browser failed: show these field messages and focus the summary again. */
  fail(fields: Record<string, string>, message?: string): void;
  clear(): void;
  /**
   * A submit handler: runs `work` busy; a refusal's messages land at their fields and in the
   * summary. `work` answers false when a check of its own failed (it called `fail`).
   */
  submit(work: () => Promise<void | false>): (event: FormEvent<HTMLFormElement>) => void;
  /** The same without a form event (a confirmation dialog's "confirm"). */
  run(work: () => Promise<void | false>): Promise<void>;
  /** The error summary above the form (nothing while there is no error). */
  summary: ReactNode;
}

/**
 * The one way a form reports what is wrong: each message at its field (aria-invalid, described
 * by) and listed in a summary that links to the inputs and takes the focus on each failed attempt.
 * `labels` names the fields the form shows; `known` adds fields whose ids follow another scheme.
 */
export function useForm({ prefix, labels, known, summaryTitle }: { prefix: string; labels: Record<string, string>; known?: Record<string, KnownField>; summaryTitle?: string }): Form {
  const { t } = useTranslation();
  const [errors, setErrors] = useState<FormErrors | undefined>();
  const [isBusy, setBusy] = useState(false);
  const id = (field: string) => `${prefix}-${field}`;
  const run = async (work: () => Promise<void | false>) => {
    setBusy(true);
    try {
      if ((await work()) !== false) setErrors(undefined);
    } catch (error) {
      setErrors((previous) => formErrorsOf(error, t, previous));
    } finally {
      setBusy(false);
    }
  };
  const links: Record<string, KnownField> = {
    ...Object.fromEntries(Object.entries(labels).map(([field, label]) => [field, { id: id(field), label }])),
    ...known,
  };
  return {
    errors,
    isBusy,
    id,
    error: (field) => fieldError(errors, field),
    errorList: (field, rulePrefix) => fieldErrorList(errors, field, rulePrefix),
    fail: (fields, message) => setErrors((previous) => ({ attempt: (previous?.attempt ?? 0) + 1, fields, ...(message ? { message } : {}) })),
    clear: () => setErrors(undefined),
    submit: (work) => (event) => {
      event.preventDefault();
      void run(work);
    },
    run,
    summary: errors ? (
      <ErrorSummary key={errors.attempt} title={summaryTitle ?? t('form.errorSummary')} message={errors.message} fields={summaryLinks(errors, links)} />
    ) : null,
  };
}
