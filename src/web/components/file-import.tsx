import { useEffect, useRef, useState } from 'react';
import type { ChangeEvent, FormEvent, RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api.js';
import { ErrorSummary } from './error-summary.js';
import { fieldError, formErrorsOf, summaryLinks } from './form-errors.js';
import type { FormErrors } from './form-errors.js';
import { FileField } from './form-field.js';

export interface FileImport<R> {
  prefix: string;
  file: File | undefined;
  errors: FormErrors | undefined;
  /** The last answer: a dry run's report, or the import's. */
  report: R | undefined;
  isBusy: boolean;
  isConfirmOpen: boolean;
  setConfirmOpen: (open: boolean) => void;
  /** The report's heading, focused when a new report replaces the old one. */
  reportHeadingRef: RefObject<HTMLHeadingElement | null>;
  onFileChange: (event: ChangeEvent<HTMLInputElement>) => void;
  onCheck: (event: FormEvent<HTMLFormElement>) => void;
  /** The import itself, after the confirmation. */
  onImport: () => void;
}

/**
 * An upload that is checked first (dry run), then imported after a confirmation (the HTB list,
 * the merger list): the file is checked for presence and size here, a refusal of its size or
 * type lands at the file field, and the report takes the focus when it comes.
 */
export function useFileImport<R>({
  prefix,
  maxBytes,
  required,
  tooLarge,
  send,
}: {
  prefix: string;
  maxBytes: number;
  /** "Kies een bestand." and "Het bestand is te groot." in the page's words. */
  required: string;
  tooLarge: string;
  send: (file: File, dryRun: boolean) => Promise<R>;
}): FileImport<R> {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | undefined>();
  const [errors, setErrors] = useState<FormErrors | undefined>();
  const [report, setReport] = useState<R | undefined>();
  const [isBusy, setBusy] = useState(false);
  const [isConfirmOpen, setConfirmOpen] = useState(false);
  const reportHeadingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (report) reportHeadingRef.current?.focus();
  }, [report]);

  async function run(dryRun: boolean) {
    if (!file) return;
    setBusy(true);
    try {
      const answer = await send(file, dryRun);
      setErrors(undefined);
      setReport(answer);
    } catch (error) {
      setReport(undefined);
      setErrors((previous) => {
        const next = formErrorsOf(error, t, previous);
        // Size and type refusals come without a field, but they are about the file.
        if (error instanceof ApiError && (error.status === 413 || error.status === 415) && !next.fields.file && next.message) {
          next.fields = { ...next.fields, file: next.message };
        }
        return next;
      });
    } finally {
      setBusy(false);
      setConfirmOpen(false);
    }
  }

  return {
    prefix,
    file,
    errors,
    report,
    isBusy,
    isConfirmOpen,
    setConfirmOpen,
    reportHeadingRef,
    onFileChange: (event) => {
      setFile(event.target.files?.[0]);
      setReport(undefined);
      setErrors(undefined);
    },
    onCheck: (event) => {
      event.preventDefault();
      const problem = !file ? required : file.size > maxBytes ? tooLarge : undefined;
      if (problem !== undefined) {
        setReport(undefined);
        setErrors((previous) => ({ attempt: (previous?.attempt ?? 0) + 1, fields: { file: problem } }));
        return;
      }
      void run(true);
    },
    onImport: () => void run(false),
  };
}

/** The file field of an import with its error summary and "Controleren". */
export function FileImportForm({
  upload,
  label,
  hint,
  accept,
  checkLabel,
}: {
  upload: FileImport<unknown>;
  label: string;
  hint: string;
  accept: string;
  checkLabel: string;
}) {
  const { t } = useTranslation();
  const { errors } = upload;
  const id = `${upload.prefix}-file`;
  return (
    <form className="form" noValidate onSubmit={upload.onCheck}>
      {errors ? (
        <ErrorSummary
          key={errors.attempt}
          title={t('form.errorSummary')}
          message={errors.fields.file ? undefined : errors.message}
          fields={summaryLinks(errors, { file: { id, label } })}
        />
      ) : null}
      <FileField id={id} label={label} hint={hint} required accept={accept} error={fieldError(errors, 'file')} onChange={upload.onFileChange} />
      <div className="actions">
        <button type="submit" className="button button--primary" disabled={upload.isBusy}>
          {checkLabel}
        </button>
      </div>
    </form>
  );
}
