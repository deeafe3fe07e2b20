import { useEffect, useId, useMemo, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary } from '../../components/error-summary.js';
import { formErrorsOf, summaryLinks } from '../../components/form-errors.js';
import type { FormErrors } from '../../components/form-errors.js';
import { Notice } from '../../components/notice.js';
import { UnsavedChangesGuard } from '../../components/unsaved-changes-guard.js';
import { useUiLanguage } from '../../components/use-ui-language.js';
import { formatAmount } from './amounts.js';
import { LINE_FIELDS, draftTotals, draftsOf, inputId, isChanged, newKey } from './line-drafts.js';
import type { LineField } from './line-drafts.js';
import { LineRow } from './line-row.js';
import { MAX_LINES, subsidyReportApi } from './subsidy-report-api.js';
import type { ReportDetailData } from './subsidy-report-api.js';
import { preloadSubsidySchema, validateLines } from './subsidy-report-validation.js';
import type { LineDraft } from './subsidy-report-validation.js';
import { SubmitSection } from './submit-section.js';

const ADD_BUTTON_ID = 'subsidy-add-line';

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
  /** Each save starts the submit section afresh (an earlier refusal is old news). */
  const [saves, setSaves] = useState(0);
  const [focusTarget, setFocusTarget] = useState<string | undefined>();
  const captionId = `${useId()}-caption`;

  const isDirty = useMemo(() => isChanged(drafts, report.lines, language), [drafts, report.lines, language]);

  useEffect(() => {
    preloadSubsidySchema();
  }, []);

  useEffect(() => {
    if (!focusTarget) return;
    document.getElementById(focusTarget)?.focus();
    setFocusTarget(undefined);
  }, [focusTarget]);

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
    setSaves((n) => n + 1);
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

  const fieldLabels: Record<LineField, string> = {
    subsidyType: t('subsidy.lines.subsidyType'),
    amountGranted: t('subsidy.lines.amountGranted'),
    amountUsed: t('subsidy.lines.amountUsed'),
    justification: t('subsidy.lines.justification'),
  };
  const known: Record<string, { id: string; label: string }> = { lines: { id: ADD_BUTTON_ID, label: t('subsidy.lines.title') } };
  drafts.forEach((_, index) => {
    for (const field of LINE_FIELDS) {
      known[`lines.${index}.${field}`] = { id: inputId(index, field), label: t('subsidy.lines.fieldOfLine', { field: fieldLabels[field], line: index + 1 }) };
    }
  });

  const [grantedTotal, usedTotal] = draftTotals(drafts, language);

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
          {drafts.length === 0 ? (
            <Notice>{t('subsidy.lines.empty')}</Notice>
          ) : (
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
                  {drafts.map((line, index) => (
                    <LineRow
                      key={line.key}
                      line={line}
                      index={index}
                      errors={errors}
                      fieldLabels={fieldLabels}
                      onChange={(field, value) => change(index, field, value)}
                      onRemove={() => removeLine(index)}
                    />
                  ))}
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

      <SubmitSection key={saves} report={report} isDirty={isDirty} onSubmitted={onSubmitted} onRefreshed={onRefreshed} />

      <UnsavedChangesGuard
        isDirty={isDirty}
        texts={{ title: t('subsidy.leave.title'), body: t('subsidy.leave.body'), confirm: t('subsidy.leave.confirm'), cancel: t('subsidy.leave.cancel') }}
      />
    </>
  );
}
