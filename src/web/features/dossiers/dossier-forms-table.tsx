import { useTranslation } from 'react-i18next';
import { formatDate } from '../../components/format.js';
import { DataTable } from '../../components/list/data-list.js';
import type { Column } from '../../components/list/data-list.js';
import type { FormData } from './dossiers-api.js';
import { FormStatusBadge, kindLabel, subtypeLabel } from './dossiers-common.js';

/** The id of a form's "Stopzetten" button, to give the focus back when its form closes. */
export const stopButtonId = (formId: string) => `dossier-stop-open-${formId}`;

/**
 * A dossier's forms (R9.1). Only a running form offers "Stopzetten": the server refuses (409) to
 * stop an ended, stopped or cancelled one, and the status column already says why (the status is
 * derived on the business date, so a form whose end date has passed reads "Afgelopen").
 */
export function DossierFormsTable({
  caption,
  forms,
  stopping,
  onStop,
}: {
  caption: string;
  forms: FormData[];
  /** The form whose stop form is open. */
  stopping: string | undefined;
  onStop: (formId: string) => void;
}) {
  const { t } = useTranslation();
  const columns: Column<FormData>[] = [
    { key: 'kind', header: t('dossiers.detail.kind'), cell: (form) => kindLabel(form.kind, t) },
    {
      key: 'subtype',
      header: t('dossiers.detail.subtype'),
      isRowHeader: true,
      cell: (form) => (
        <>
          {subtypeLabel(form.subtype, t)}
          {form.predecessorId ? (
            <>
              <br />
              <span className="form__hint">{t('dossiers.detail.reentered')}</span>
            </>
          ) : null}
        </>
      ),
    },
    { key: 'start', header: t('dossiers.detail.startDate'), className: 'nowrap', cell: (form) => formatDate(form.startDate) },
    {
      key: 'end',
      header: t('dossiers.detail.endDate'),
      className: 'nowrap',
      cell: (form) => (form.endDate ? formatDate(form.endDate) : t('dossiers.detail.openEnded')),
    },
    { key: 'status', header: t('dossiers.detail.status'), cell: (form) => <FormStatusBadge status={form.status} /> },
    { key: 'createdBy', header: t('dossiers.detail.createdBy'), cell: (form) => form.createdBy ?? '–' },
    { key: 'stoppedBy', header: t('dossiers.detail.stoppedBy'), cell: (form) => form.stoppedBy ?? '–' },
    {
      key: 'actions',
      header: t('dossiers.detail.actions'),
      label: '',
      cell: (form) =>
        form.status === 'running' ? (
          <button type="button" id={stopButtonId(form.id)} className="button button--link" aria-expanded={stopping === form.id} onClick={() => onStop(form.id)}>
            {t('dossiers.detail.stop')}
            <span className="visually-hidden">
              {' '}
              {t('dossiers.detail.stopWhich', { subtype: subtypeLabel(form.subtype, t), start: formatDate(form.startDate) })}
            </span>
          </button>
        ) : null,
    },
  ];
  return <DataTable id="dossier-forms" caption={caption} columns={columns} rows={forms} rowKey={(form) => form.id} />;
}
