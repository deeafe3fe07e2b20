import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api.js';
import { ConfirmDialog } from '../../components/confirm-dialog.js';
import { errorMessage } from '../../components/error-message.js';
import { Notice } from '../../components/notice.js';
import { useUiLanguage } from '../../components/use-ui-language.js';
import { formatAmount } from './amounts.js';
import { subsidyReportApi } from './subsidy-report-api.js';
import type { ReportDetailData } from './subsidy-report-api.js';

const SUBMIT_BUTTON_ID = 'subsidy-submit';
const REASON_ID = 'subsidy-submit-reason';

/**
 * "Indienen" (R10.3): asks first, with the totals that will be filed; when it cannot be done yet the
 * button is disabled and described by the reason (unsaved lines, or the server's rule). A refusal
 * takes the focus and, when the report changed meanwhile, shows the report as it is now.
 */
export function SubmitSection({
  report,
  isDirty,
  onSubmitted,
  onRefreshed,
}: {
  report: ReportDetailData;
  isDirty: boolean;
  onSubmitted: (report: ReportDetailData) => void;
  onRefreshed: (report: ReportDetailData) => void;
}) {
  const { t } = useTranslation();
  const language = useUiLanguage();
  const [isConfirming, setConfirming] = useState(false);
  const [isSubmitting, setSubmitting] = useState(false);
  const [submitError, setSubmitError] = useState<{ message: string; attempt: number } | undefined>();
  const submitErrorRef = useRef<HTMLParagraphElement>(null);

  useEffect(() => {
    if (submitError) submitErrorRef.current?.focus();
  }, [submitError]);

  async function onConfirm() {
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

  const reason = isDirty ? t('subsidy.submit.saveFirst') : report.submitBlocked?.message;
  const canSubmit = report.canSubmit && !isDirty;
  return (
    <section aria-labelledby="subsidy-submit-title" className="panel">
      <h2 id="subsidy-submit-title">{t('subsidy.submit.title')}</h2>
      <p>{t('subsidy.submit.intro')}</p>
      {submitError ? (
        <Notice key={submitError.attempt} tone="error" ref={submitErrorRef} isFocusable>
          {submitError.message}
        </Notice>
      ) : null}
      {!canSubmit && reason ? (
        <Notice tone="warning" id={REASON_ID}>
          <strong>{t('subsidy.submit.notYet')}</strong> {reason}
        </Notice>
      ) : null}
      <div className="actions">
        <button
          type="button"
          id={SUBMIT_BUTTON_ID}
          className="button button--primary"
          disabled={!canSubmit || isSubmitting}
          aria-describedby={!canSubmit && reason ? REASON_ID : undefined}
          onClick={() => setConfirming(true)}
        >
          {t('subsidy.submit.button')}
        </button>
      </div>
      <ConfirmDialog
        open={isConfirming}
        title={t('subsidy.submit.confirmTitle', { year: report.year })}
        confirmLabel={t('subsidy.submit.confirm')}
        cancelLabel={t('form.cancel')}
        isBusy={isSubmitting}
        onConfirm={() => void onConfirm()}
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
    </section>
  );
}
