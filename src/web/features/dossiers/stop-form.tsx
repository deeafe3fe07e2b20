import { useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormActions } from '../../components/form-actions.js';
import { ConfirmDialog } from '../../components/confirm-dialog.js';
import { ErrorSummary } from '../../components/error-summary.js';
import { fieldError, formErrorsOf, summaryLinks } from '../../components/form-errors.js';
import type { FormErrors } from '../../components/form-errors.js';
import { TextField } from '../../components/form-field.js';
import { formatDate } from '../../components/format.js';
import { useUiLanguage } from '../../components/use-ui-language.js';
import { dossierMessages } from '../../../modules/dossiers/dossiers-messages.js';
import { renderMessage } from '../../i18n/messages.js';
import { useSession } from '../../session.js';
import { displayInsz } from '../access/access-common.js';
import { dossiersApi } from './dossiers-api.js';
import type { FormData } from './dossiers-api.js';
import { kindLabel, subtypeLabel } from './dossiers-common.js';

const PREFIX = 'dossier-stop';

/**
 * "Stopzetten": the end date of a running form (on or after its start), then a confirmation;
 * a stopped form cannot be started again.
 */
export function StopForm({ form, onStopped, onCancel }: { form: FormData; onStopped: (form: FormData) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const language = useUiLanguage();
  const today = useSession().session?.today;
  const [endDate, setEndDate] = useState(() => (today && today >= form.startDate ? today : ''));
  const [errors, setErrors] = useState<FormErrors | undefined>();
  const [isConfirming, setConfirming] = useState(false);
  const [isBusy, setBusy] = useState(false);
  const name = subtypeLabel(form.subtype, t);

  useEffect(() => {
    // Opened by a button in the table: start in the date field.
    document.getElementById(`${PREFIX}-endDate`)?.focus();
  }, []);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const fields: Record<string, string> = {};
    if (!endDate) fields.endDate = t('dossiers.stop.endDateRequired');
    else if (endDate < form.startDate) fields.endDate = renderMessage(dossierMessages.msg('dossier.end_before_start'), language);
    if (Object.keys(fields).length > 0) {
      setErrors((previous) => ({ attempt: (previous?.attempt ?? 0) + 1, fields }));
      return;
    }
    setErrors(undefined);
    setConfirming(true);
  }

  async function onConfirm() {
    setBusy(true);
    try {
      const stopped = await dossiersApi.stop(form.id, endDate);
      setConfirming(false);
      onStopped(stopped);
    } catch (error) {
      setConfirming(false);
      setErrors((previous) => formErrorsOf(error, t, previous));
      setBusy(false);
    }
  }

  const known = { endDate: { id: `${PREFIX}-endDate`, label: t('dossiers.stop.endDate') } };

  return (
    <section className="panel" aria-labelledby={`${PREFIX}-title`}>
      <h2 id={`${PREFIX}-title`}>{t('dossiers.stop.title', { kind: kindLabel(form.kind, t), subtype: name })}</h2>
      <p>{t('dossiers.stop.intro', { start: formatDate(form.startDate) })}</p>
      {errors ? <ErrorSummary key={errors.attempt} title={t('form.errorSummary')} message={errors.message} fields={summaryLinks(errors, known)} /> : null}
      <form className="form" noValidate onSubmit={onSubmit}>
        <TextField
          id={known.endDate.id}
          type="date"
          label={known.endDate.label}
          hint={t('dossiers.stop.endDateHint', { start: formatDate(form.startDate) })}
          required
          min={form.startDate}
          error={fieldError(errors, 'endDate')}
          value={endDate}
          onChange={(event) => setEndDate(event.target.value)}
        />
        <FormActions submitLabel={t('dossiers.stop.submit')} isBusy={isBusy} onCancel={onCancel} />
      </form>

      <ConfirmDialog
        open={isConfirming}
        title={t('dossiers.stop.confirmTitle')}
        confirmLabel={t('dossiers.stop.confirm')}
        cancelLabel={t('form.cancel')}
        isBusy={isBusy}
        onConfirm={() => void onConfirm()}
        onCancel={() => setConfirming(false)}
      >
        <p>
          {t('dossiers.stop.confirmBody', {
            subtype: name,
            insz: displayInsz(form.insz),
            start: formatDate(form.startDate),
            end: formatDate(endDate),
          })}
        </p>
        <p>{t('dossiers.stop.confirmNote')}</p>
      </ConfirmDialog>
    </section>
  );
}
