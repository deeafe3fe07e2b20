import { useTranslation } from 'react-i18next';

/** The buttons under a form: the submit (busy while it is sent) and "Annuleren". */
export function FormActions({ submitLabel, isBusy, onCancel }: { submitLabel?: string; isBusy: boolean; onCancel: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="actions">
      <button type="submit" className="button button--primary" disabled={isBusy}>
        {submitLabel ?? t('form.confirm')}
      </button>
      <button type="button" className="button" onClick={onCancel} disabled={isBusy}>
        {t('form.cancel')}
      </button>
    </div>
  );
}
