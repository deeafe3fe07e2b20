import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { FormEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useBlocker } from 'react-router-dom';
import { ApiError } from '../../api.js';
import { ConfirmDialog } from '../../components/confirm-dialog.js';
import { ErrorSummary } from '../../components/error-summary.js';
import { errorMessage } from '../../components/error-message.js';
import { fieldError, formErrorsOf, summaryLinks } from '../../components/form-errors.js';
import type { FormErrors } from '../../components/form-errors.js';
import { useUiLanguage } from '../../components/use-ui-language.js';
import type { UiLanguage } from '../../i18n/index.js';
import { amountInput, formatAmount, parseEuros } from './amounts.js';
import { CATCH_ALL_TYPE_LIST, MAX_JUSTIFICATION, MAX_LINES, SUBSIDY_TYPE_LIST, subsidyReportApi } from './subsidy-report-api.js';
import type { ReportDetailData, SubsidyLineData } from './subsidy-report-api.js';
import { subsidyTypeLabel } from './subsidy-report-common.js';
import { AMOUNT_FIELDS, preloadSubsidySchema, validateLines } from './subsidy-report-validation.js';
import type { LineDraft } from './subsidy-report-validation.js';
import { Notice } from '../../components/notice.js';

const PREFIX = 'subsidy-line';
const ADD_BUTTON_ID = 'subsidy-add-line';
const SUBMIT_BUTTON_ID = 'subsidy-submit';
const FIELDS = ['subsidyType', 'amountGranted', 'amountUsed', 'justification'] as const;
type LineField = (typeof FIELDS)[number];

export const inputId = (index: number, field: LineField) => `${PREFIX}-${index}-${field}`;

let nextKey = 0;
const newKey = () => `line-${++nextKey}`;

function draftsOf(lines: readonly SubsidyLineData[], language: UiLanguage): LineDraft[] {
  return lines.map((line) => ({
    key: newKey(),
    subsidyType: line.subsidyType,
    amountGranted: amountInput(line.amountGrantedCents, language),
    amountUsed: amountInput(line.amountUsedCents, language),
    justification: line.justification,
  }));
}

/** The lines as values (cents where readable), to tell whether the editor differs from what is saved. */
function fingerprint(lines: readonly { subsidyType: string; amountGranted: string | number; amountUsed: string | number; justification: string }[], language: UiLanguage): string {
  const cents = (value: string | number) => {
    if (typeof value === 'number') return value;
    const parsed = parseEuros(value, language);
    return 'cents' in parsed ? parsed.cents : `?${value.trim()}`;
  };
  return JSON.stringify(lines.map((l) => [l.subsidyType, cents(l.amountGranted), cents(l.amountUsed), l.justification.trim()]));
}

/** Whether a line needs a justification: the amounts differ, or it is a catch-all subsidy. */
function needsJustification(line: LineDraft, language: UiLanguage): 'difference' | 'catchAll' | undefined {
  const granted = parseEuros(line.amountGranted, language);
  const used = parseEuros(line.amountUsed, language);
  if ('cents' in granted && 'cents' in used && granted.cents !== used.cents) return 'difference';
  if ((CATCH_ALL_TYPE_LIST as readonly string[]).includes(line.subsidyType)) return 'catchAll';
  return undefined;
}

/** A table cell with a labelled control, its error above it (as in the portal's forms). */
function Cell({ id, label, error, hint, children }: { id: string; label: string; error?: string; hint?: string; children: ReactNode }) {
  return (
    <div className={error ? 'form__group form__group--error' : 'form__group'} style={{ marginBottom: 0 }}>
      <label htmlFor={id} className="visually-hidden">
        {label}
      </label>
      {hint ? (
        <p id={`${id}-hint`} className="form__hint">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="form__error">
          {error}
        </p>
      ) : null}
      {children}
    </div>
  );
}

function describedBy(id: string, error?: string, hint?: string): string | undefined {
  const ids = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

/**
 * The lines of a draft (R10.2): one row per subsidy with the amounts granted and used (euros, two
 * decimals) and a justification, required when the amounts differ and on a catch-all line. The
 * browser checks the contract's rules on "Bewaren"; the server's field errors (`lines.2.amountUsed`)
 * land on the same inputs. "Indienen" asks first, and says why when it cannot be done yet.
 */
export function LinesEditor({
  report,
  onSaved,
  onSubmitted,
  onRefreshed,
}: {
  report: ReportDetailData;
  onSaved: (report: ReportDetailData) => void;
  onSubmitted: (report: ReportDetailData) => void;
  /** The report as it is now, after a refused submission. */
  onRefreshed: (report: ReportDetailData) => void;
}) {
  const { t } = useTranslation();
  const language = useUiLanguage();
  const [drafts, setDrafts] = useState<LineDraft[]>(() => draftsOf(report.lines, language));
  const [errors, setErrors] = useState<FormErrors | undefined>();
  const [isSaving, setSaving] = useState(false);
  const [isConfirming, setConfirming] = useState(false);
  const [isSubmitting, setSubmitting] = useState(false);
  const [submitError, setSubmitError] = useState<{ message: string; attempt: number } | undefined>();
  const [focusTarget, setFocusTarget] = useState<string | undefined>();
  const submitErrorRef = useRef<HTMLDivElement>(null);
  const captionId = `${useId()}-caption`;

  const isDirty = useMemo(() => fingerprint(drafts, language) !== fingerprint(report.lines.map((l) => ({ ...l, amountGranted: l.amountGrantedCents, amountUsed: l.amountUsedCents })), language), [drafts, report.lines, language]);

  useEffect(() => {
    preloadSubsidySchema();
  }, []);

  useEffect(() => {
    if (!focusTarget) return;
    document.getElementById(focusTarget)?.focus();
    setFocusTarget(undefined);
  }, [focusTarget]);

  useEffect(() => {
    if (submitError) submitErrorRef.current?.focus();
  }, [submitError]);

  // Leaving with unsaved lines: in-app navigation waits for an answer, the browser asks its own.
  const blocker = useBlocker(({ currentLocation, nextLocation }) => isDirty && currentLocation.pathname !== nextLocation.pathname);
  useEffect(() => {
    if (!isDirty) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [isDirty]);

  function change(index: number, field: LineField, value: string) {
    setDrafts((previous) => previous.map((line, i) => (i === index ? { ...line, [field]: value } : line)));
  }

  function addLine() {
    setDrafts((previous) => [...previous, { key: newKey(), subsidyType: '', amountGranted: '', amountUsed: '', justification: '' }]);
    setFocusTarget(inputId(drafts.length, 'subsidyType'));
  }

  function removeLine(index: number) {
    setDrafts((previous) => previous.filter((_, i) => i !== index));
    // The messages name lines by their number, which has just changed for the lines below.
    setErrors(undefined);
    const remaining = drafts.length - 1;
    setFocusTarget(remaining === 0 ? ADD_BUTTON_ID : inputId(Math.min(index, remaining - 1), 'subsidyType'));
  }

  async function onSave(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSaving(true);
    setSubmitError(undefined);
    try {
      const checked = await validateLines(drafts, t, language);
      if ('fields' in checked) {
        setErrors((previous) => ({ attempt: (previous?.attempt ?? 0) + 1, fields: checked.fields }));
        return;
      }
      const saved = await subsidyReportApi.saveLines(report.id, checked.lines);
      setErrors(undefined);
      setDrafts(draftsOf(saved.lines, language));
      onSaved(saved);
    } catch (error) {
      setErrors((previous) => formErrorsOf(error, t, previous));
    } finally {
      setSaving(false);
    }
  }

  async function onConfirmSubmit() {
    setSubmitting(true);
    try {
      const submitted = await subsidyReportApi.submit(report.id);
      setConfirming(false);
      onSubmitted(submitted);
    } catch (error) {
      setConfirming(false);
      setSubmitting(false);
      setSubmitError((previous) => ({ message: errorMessage(error, t), attempt: (previous?.attempt ?? 0) + 1 }));
      // Submitted meanwhile (409) or the rules say no (422): show the report as it is now.
      if (error instanceof ApiError && (error.status === 409 || error.status === 422)) {
        subsidyReportApi.detail(report.id).then(onRefreshed, () => undefined);
      }
    }
  }

  const fieldLabels: Record<LineField, string> = {
    subsidyType: t('subsidy.lines.subsidyType'),
    amountGranted: t('subsidy.lines.amountGranted'),
    amountUsed: t('subsidy.lines.amountUsed'),
    justification: t('subsidy.lines.justification'),
  };
  const known: Record<string, { id: string; label: string }> = { lines: { id: ADD_BUTTON_ID, label: t('subsidy.lines.title') } };
  drafts.forEach((_, index) => {
    for (const field of FIELDS) {
      known[`lines.${index}.${field}`] = { id: inputId(index, field), label: t('subsidy.lines.fieldOfLine', { field: fieldLabels[field], line: index + 1 }) };
    }
  });

  // Live totals of what is typed; an unreadable amount leaves its total open.
  const totals = AMOUNT_FIELDS.map((field) => {
    let sum = 0;
    for (const line of drafts) {
      const parsed = parseEuros(line[field], language);
      if (!('cents' in parsed)) return undefined;
      sum += parsed.cents;
    }
    return sum;
  });
  const [grantedTotal, usedTotal] = totals;
  const submitReason = isDirty ? t('subsidy.submit.saveFirst') : report.submitBlocked?.message;
  const canSubmit = report.canSubmit && !isDirty;

  return (
    <>
      <section aria-labelledby="subsidy-lines-title">
        <h2 id="subsidy-lines-title">{t('subsidy.lines.title')}</h2>
        <p>{t('subsidy.lines.intro')}</p>
        <p className="form__hint" id="subsidy-amount-hint">
          {t('subsidy.lines.amountHint')}
        </p>
        {errors ? (
          <ErrorSummary key={errors.attempt} title={t('form.errorSummary')} message={errors.message} fields={summaryLinks(errors, known)} />
        ) : null}
        <form noValidate onSubmit={(event) => void onSave(event)} aria-labelledby="subsidy-lines-title">
          {drafts.length === 0 ? <Notice>{t('subsidy.lines.empty')}</Notice> : (
            <div className="table-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
              <table className="table">
                <caption id={captionId}>{t('subsidy.lines.caption', { year: report.year })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('subsidy.lines.number')}</th>
                    <th scope="col">{fieldLabels.subsidyType}</th>
                    <th scope="col">{t('subsidy.amounts.granted')}</th>
                    <th scope="col">{t('subsidy.amounts.used')}</th>
                    <th scope="col">{fieldLabels.justification}</th>
                    <th scope="col">{t('subsidy.lines.actions')}</th>
                  </tr>
                </thead>
                <tbody>
                  {drafts.map((line, index) => {
                    const ids = Object.fromEntries(FIELDS.map((f) => [f, inputId(index, f)])) as Record<LineField, string>;
                    const err = Object.fromEntries(FIELDS.map((f) => [f, fieldError(errors, `lines.${index}.${f}`)])) as Record<LineField, string | undefined>;
                    const label = (field: LineField) => t('subsidy.lines.fieldOfLine', { field: fieldLabels[field], line: index + 1 });
                    const needs = needsJustification(line, language);
                    const justificationHint = needs ? t(`subsidy.lines.justificationNeeded.${needs}`) : undefined;
                    return (
                      <tr key={line.key}>
                        <th scope="row">{index + 1}</th>
                        <td>
                          <Cell id={ids.subsidyType} label={label('subsidyType')} error={err.subsidyType}>
                            <select
                              id={ids.subsidyType}
                              className="form__input"
                              style={{ minWidth: '14rem' }}
                              aria-required
                              aria-invalid={err.subsidyType ? true : undefined}
                              aria-describedby={describedBy(ids.subsidyType, err.subsidyType)}
                              value={line.subsidyType}
                              onChange={(event) => change(index, 'subsidyType', event.target.value)}
                            >
                              <option value="">{t('subsidy.lines.chooseType')}</option>
                              {SUBSIDY_TYPE_LIST.map((code) => (
                                <option key={code} value={code}>
                                  {subsidyTypeLabel(code, t)}
                                </option>
                              ))}
                            </select>
                          </Cell>
                        </td>
                        {AMOUNT_FIELDS.map((field) => (
                          <td key={field}>
                            <Cell id={ids[field]} label={label(field)} error={err[field]}>
                              <input
                                id={ids[field]}
                                className="form__input"
                                style={{ minWidth: '8rem', textAlign: 'right' }}
                                type="text"
                                inputMode="decimal"
                                autoComplete="off"
                                spellCheck={false}
                                aria-required
                                aria-invalid={err[field] ? true : undefined}
                                aria-describedby={[describedBy(ids[field], err[field]), 'subsidy-amount-hint'].filter(Boolean).join(' ')}
                                value={line[field]}
                                onChange={(event) => change(index, field, event.target.value)}
                              />
                            </Cell>
                          </td>
                        ))}
                        <td>
                          <Cell id={ids.justification} label={label('justification')} error={err.justification} hint={justificationHint}>
                            <textarea
                              id={ids.justification}
                              className="form__input form__textarea"
                              style={{ minWidth: '16rem' }}
                              rows={2}
                              maxLength={MAX_JUSTIFICATION}
                              aria-required={needs ? true : undefined}
                              aria-invalid={err.justification ? true : undefined}
                              aria-describedby={describedBy(ids.justification, err.justification, justificationHint)}
                              value={line.justification}
                              onChange={(event) => change(index, 'justification', event.target.value)}
                            />
                          </Cell>
                        </td>
                        <td>
                          <button type="button" className="button button--link" onClick={() => removeLine(index)}>
                            {t('subsidy.lines.remove')}
                            <span className="visually-hidden"> {t('subsidy.lines.which', { line: index + 1 })}</span>
                          </button>
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
                <tfoot>
                  <tr>
                    <th scope="row" colSpan={2}>
                      {t('subsidy.amounts.total')}
                    </th>
                    <td className="nowrap" style={{ textAlign: 'right' }}>
                      {grantedTotal === undefined ? '–' : formatAmount(grantedTotal, language)}
                    </td>
                    <td className="nowrap" style={{ textAlign: 'right' }}>
                      {usedTotal === undefined ? '–' : formatAmount(usedTotal, language)}
                    </td>
                    <td colSpan={2}>
                      {grantedTotal !== undefined && usedTotal !== undefined
                        ? t('subsidy.amounts.differenceText', { amount: formatAmount(usedTotal - grantedTotal, language) })
                        : t('subsidy.amounts.totalOpen')}
                    </td>
                  </tr>
                </tfoot>
              </table>
            </div>
          )}
          <div className="actions">
            <button type="button" id={ADD_BUTTON_ID} className="button" onClick={addLine} disabled={drafts.length >= MAX_LINES} aria-describedby={drafts.length >= MAX_LINES ? 'subsidy-max-lines' : undefined}>
              {t('subsidy.lines.add')}
            </button>
            <button type="submit" className="button button--primary" disabled={isSaving}>
              {t('subsidy.lines.save')}
            </button>
          </div>
          {drafts.length >= MAX_LINES ? (
            <p id="subsidy-max-lines" className="form__hint">
              {t('subsidy.validation.tooManyLines', { max: MAX_LINES })}
            </p>
          ) : null}
          {isDirty ? (
            <p className="form__hint" role="status">
              {t('subsidy.lines.unsaved')}
            </p>
          ) : null}
        </form>
      </section>

      <section aria-labelledby="subsidy-submit-title" className="panel">
        <h2 id="subsidy-submit-title">{t('subsidy.submit.title')}</h2>
        <p>{t('subsidy.submit.intro')}</p>
        {submitError ? (
          <div key={submitError.attempt} ref={submitErrorRef} tabIndex={-1} role="alert" className="notice notice--error">
            {submitError.message}
          </div>
        ) : null}
        {!canSubmit && submitReason ? <Notice tone="warning" id="subsidy-submit-reason"><strong>{t('subsidy.submit.notYet')}</strong> {submitReason}</Notice> : null}
        <div className="actions">
          <button
            type="button"
            id={SUBMIT_BUTTON_ID}
            className="button button--primary"
            disabled={!canSubmit || isSubmitting}
            aria-describedby={!canSubmit && submitReason ? 'subsidy-submit-reason' : undefined}
            onClick={() => setConfirming(true)}
          >
            {t('subsidy.submit.button')}
          </button>
        </div>
      </section>

      <ConfirmDialog
        open={isConfirming}
        title={t('subsidy.submit.confirmTitle', { year: report.year })}
        confirmLabel={t('subsidy.submit.confirm')}
        cancelLabel={t('form.cancel')}
        isBusy={isSubmitting}
        onConfirm={() => void onConfirmSubmit()}
        onCancel={() => setConfirming(false)}
      >
        <p>
          {t('subsidy.submit.confirmBody', {
            year: report.year,
            organisation: report.organisation.name,
            count: report.lineCount,
            granted: formatAmount(report.totals.grantedCents, language),
            used: formatAmount(report.totals.usedCents, language),
          })}
        </p>
        <p>{t('subsidy.submit.confirmNote')}</p>
      </ConfirmDialog>

      <ConfirmDialog
        open={blocker.state === 'blocked'}
        title={t('subsidy.leave.title')}
        confirmLabel={t('subsidy.leave.confirm')}
        cancelLabel={t('subsidy.leave.cancel')}
        onConfirm={() => blocker.proceed?.()}
        onCancel={() => blocker.reset?.()}
      >
        <p>{t('subsidy.leave.body')}</p>
      </ConfirmDialog>
    </>
  );
}
