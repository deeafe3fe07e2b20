import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrganisationSummary } from '../../../modules/registry/registry.schema.js';
import { request } from '../../api.js';
import { ConfirmDialog } from '../../components/confirm-dialog.js';
import { errorMessage } from '../../components/error-message.js';
import { TextAreaField } from '../../components/form-field.js';
import { formatDate } from '../../components/format.js';
import type { DisappearingRow } from './organisation-access-table.js';

/** R8.3: the administrator's end/restore endpoints (merger.routes.ts); both want the explicit confirmation. */
export const organisationAccessApi = {
  /** R8.3′: with open work (openWork) the server wants an override reason. */
  end: (organisationId: string, overrideReason?: string) =>
    request<OrganisationSummary>(`/admin/organisations/${organisationId}/end-access`, { method: 'POST', body: { confirm: true, ...(overrideReason ? { overrideReason } : {}) } }),
  openWork: (organisationId: string) => request<OpenWork>(`/admin/organisations/${organisationId}/open-work`),
  restore: (organisationId: string) => request<OrganisationSummary>(`/admin/organisations/${organisationId}/restore-access`, { method: 'POST', body: { confirm: true } }),
};

/** R8.3′: what the disappearing OCMW still has open (merger.service.ts `openWork`). */
interface OpenWork {
  unfiledReportYear: number | null;
  unreadDocuments: number;
}

export type AccessAction = 'end' | 'restore';
export type AccessOutcome = { kind: 'success' | 'error'; text: string };

/**
 * The confirmation of ending or restoring a disappearing OCMW's access. Ending on or after the
 * effective date first shows what is still open (R8.3′) and then wants a reason to go on; before
 * that date the server refuses the end anyway, and says why.
 */
export function EndAccessDialog({
  pending,
  today,
  nameOf,
  onDone,
  onCancel,
}: {
  pending: { action: AccessAction; row: DisappearingRow } | undefined;
  today: string;
  nameOf: (organisation: OrganisationSummary) => string;
  /** The outcome, and the organisation as the server answered it when it changed. */
  onDone: (outcome: AccessOutcome, updated?: OrganisationSummary) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [isBusy, setBusy] = useState(false);
  const [openWork, setOpenWork] = useState<OpenWork | 'loading' | undefined>();
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | undefined>();
  const hasOpenWork = typeof openWork === 'object' && (openWork.unfiledReportYear !== null || openWork.unreadDocuments > 0);

  useEffect(() => {
    setReason('');
    setReasonError(undefined);
    setOpenWork(undefined);
    if (!pending || pending.action !== 'end' || today < pending.row.merger.effectiveDate) return;
    let isCurrent = true;
    setOpenWork('loading');
    organisationAccessApi.openWork(pending.row.organisation.id).then(
      (work) => isCurrent && setOpenWork(work),
      () => isCurrent && setOpenWork(undefined),
    );
    return () => {
      isCurrent = false;
    };
  }, [pending, today]);

  async function onConfirm() {
    if (!pending) return;
    const { action, row } = pending;
    const name = nameOf(row.organisation);
    if (action === 'end' && hasOpenWork && reason.trim().length < 5) {
      setReasonError(t('orgAccess.overrideRequired'));
      return;
    }
    setBusy(true);
    try {
      const updated =
        action === 'end' ? await organisationAccessApi.end(row.organisation.id, hasOpenWork ? reason.trim() : undefined) : await organisationAccessApi.restore(row.organisation.id);
      const text = action === 'end' ? t('orgAccess.ended', { name, date: formatDate(updated.accessEndedOn ?? today) }) : t('orgAccess.restored', { name });
      onDone({ kind: 'success', text }, updated);
    } catch (error) {
      onDone({ kind: 'error', text: t(action === 'end' ? 'orgAccess.endFailed' : 'orgAccess.restoreFailed', { name, reason: errorMessage(error, t) }) });
    } finally {
      setBusy(false);
    }
  }

  const pendingName = pending ? nameOf(pending.row.organisation) : '';
  const previousYear = pending ? Number(pending.row.merger.effectiveDate.slice(0, 4)) - 1 : 0;
  return (
    <ConfirmDialog
      open={pending !== undefined}
      title={pending?.action === 'restore' ? t('orgAccess.restoreTitle', { name: pendingName }) : t('orgAccess.endTitle', { name: pendingName })}
      confirmLabel={pending?.action === 'restore' ? t('orgAccess.restore') : t('orgAccess.end')}
      cancelLabel={t('form.cancel')}
      onConfirm={() => void onConfirm()}
      onCancel={onCancel}
      isBusy={isBusy}
    >
      {!pending ? null : pending.action === 'restore' ? (
        <p>{t('orgAccess.restoreBody', { name: pendingName })}</p>
      ) : (
        <>
          <p>
            {t('orgAccess.endMerger', {
              name: pendingName,
              date: formatDate(pending.row.merger.effectiveDate),
              target: nameOf(pending.row.merger.target.organisation),
            })}
          </p>
          <p>{t('orgAccess.endBody', { today: formatDate(today) })}</p>
          {openWork === 'loading' ? (
            <p role="status">{t('orgAccess.openLoading')}</p>
          ) : openWork && !hasOpenWork ? (
            <p>{t('orgAccess.openNone', { year: previousYear })}</p>
          ) : openWork ? (
            <>
              <p>{t('orgAccess.openTitle')}</p>
              <ul>
                {openWork.unfiledReportYear !== null ? <li>{t('orgAccess.openReport', { year: openWork.unfiledReportYear })}</li> : null}
                {openWork.unreadDocuments > 0 ? <li>{t('orgAccess.openEbox', { count: openWork.unreadDocuments })}</li> : null}
              </ul>
              <TextAreaField
                id="override-reason"
                label={t('orgAccess.overrideLabel')}
                required
                error={reasonError}
                value={reason}
                onChange={(event) => setReason(event.target.value)}
                rows={3}
                maxLength={500}
              />
            </>
          ) : null}
        </>
      )}
    </ConfirmDialog>
  );
}
