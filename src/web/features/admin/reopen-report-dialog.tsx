import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, request } from '../../api.js';
import { ConfirmDialog } from '../../components/confirm-dialog.js';
import { errorMessage } from '../../components/error-message.js';
import { TextAreaField, TextField } from '../../components/form-field.js';

/** R10.2′: the administrator's reopening of one OCMW's Uniek verslag window (subsidy-report.routes.ts). */
export const reopenApi = {
  reopen: (body: { organisationId: string; year: number; until: string; reason: string }) =>
    request<{ year: number; until: string; organisation: string }>('/admin/subsidy-reports/reopenings', { method: 'POST', body }),
};

/**
 * A dialog that reopens the filing window of a disappearing OCMW's last Uniek verslag (the year
 * before its merger) until a date, with a reason; the server checks both and audits it.
 */
export function ReopenReportDialog({
  target,
  onClose,
}: {
  target: { organisationId: string; name: string; year: number } | undefined;
  onClose: (outcome?: { kind: 'success' | 'error'; text: string }) => void;
}) {
  const { t } = useTranslation();
  const [until, setUntil] = useState('');
  const [reason, setReason] = useState('');
  const [fields, setFields] = useState<Record<string, string>>({});
  const [isBusy, setBusy] = useState(false);

  function close(outcome?: { kind: 'success' | 'error'; text: string }) {
    setUntil('');
    setReason('');
    setFields({});
    onClose(outcome);
  }

  async function onConfirm() {
    if (!target) return;
    setBusy(true);
    try {
      const saved = await reopenApi.reopen({ organisationId: target.organisationId, year: target.year, until, reason: reason.trim() });
      setBusy(false);
      close({ kind: 'success', text: t('orgAccess.reopened', { name: target.name, year: saved.year, until: saved.until }) });
    } catch (error) {
      setBusy(false);
      if (error instanceof ApiError && Object.keys(error.fields).length > 0) setFields(error.fields);
      else close({ kind: 'error', text: errorMessage(error, t) });
    }
  }

  return (
    <ConfirmDialog
      open={target !== undefined}
      title={target ? t('orgAccess.reopenTitle', { name: target.name, year: target.year }) : ''}
      confirmLabel={t('orgAccess.reopen')}
      cancelLabel={t('form.cancel')}
      onConfirm={() => void onConfirm()}
      onCancel={() => close()}
      isBusy={isBusy}
    >
      <p>{t('orgAccess.reopenBody')}</p>
      <TextField id="reopen-until" type="date" label={t('orgAccess.reopenUntil')} required value={until} onChange={(e) => setUntil(e.target.value)} error={fields.until} />
      <TextAreaField id="reopen-reason" label={t('orgAccess.reopenReason')} required value={reason} onChange={(e) => setReason(e.target.value)} rows={3} maxLength={500} error={fields.reason} />
    </ConfirmDialog>
  );
}
