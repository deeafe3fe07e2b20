import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../components/confirm-dialog.js';
import { errorMessage } from '../../components/error-message.js';
import { formatDate } from '../../components/format.js';
import { DataTable } from '../../components/list/data-list.js';
import type { Column } from '../../components/list/data-list.js';
import { LoadStatus } from '../../components/load-status.js';
import { Notice } from '../../components/notice.js';
import { useDocumentTitle } from '../../components/use-document-title.js';
import { useLoad } from '../../components/use-load.js';
import { useSession } from '../../session.js';
import { accessApi } from './access-api.js';
import type { ManagerData } from './access-api.js';
import { Breadcrumbs, accessPaths } from './access-common.js';
import { CoHtbWizard } from './co-htb-wizard.js';

/** The organisation's HTB and co-HTBs (R2.1): add a co-HTB from the INSZ, remove one. */
export function ManagersPage() {
  const { t } = useTranslation();
  const { session } = useSession();
  const { state, reload } = useLoad((signal) => accessApi.listManagers(signal), 'managers');
  const [isAdding, setAdding] = useState(false);
  const [notice, setNotice] = useState<{ tone: 'success' | 'error'; text: string } | undefined>();
  const [removing, setRemoving] = useState<ManagerData | undefined>();
  const [isBusy, setBusy] = useState(false);
  useDocumentTitle(t('access.managers.title'));

  async function onRemove() {
    if (!removing) return;
    setBusy(true);
    try {
      await accessApi.removeCoHtb(removing.userId);
      setNotice({ tone: 'success', text: t('access.managers.removed', { name: `${removing.firstName} ${removing.surname}` }) });
      reload();
    } catch (error) {
      setNotice({ tone: 'error', text: errorMessage(error, t) });
    } finally {
      setBusy(false);
      setRemoving(undefined);
    }
  }

  const columns: Column<ManagerData>[] = [
    { key: 'surname', header: t('person.surname'), isRowHeader: true, cell: (m) => m.surname },
    { key: 'firstName', header: t('person.firstName'), cell: (m) => m.firstName },
    { key: 'username', header: t('person.username'), cell: (m) => m.username },
    { key: 'role', header: t('access.managers.role'), cell: (m) => t(`roles.${m.role}`) },
    { key: 'since', header: t('access.managers.since'), cell: (m) => formatDate(m.since) },
    {
      key: 'action',
      header: t('access.users.action'),
      label: '',
      // The HTB is replaced, never removed here; nobody removes themselves (R2.1).
      cell: (m) =>
        m.role === 'CO_HTB' && m.userId !== session?.user?.id ? (
          <button type="button" className="button button--small" onClick={() => setRemoving(m)}>
            {t('access.managers.remove')}
            <span className="visually-hidden"> {`${m.firstName} ${m.surname}`}</span>
          </button>
        ) : null,
    },
  ];

  return (
    <>
      <Breadcrumbs items={[{ to: accessPaths.start, label: t('access.title') }, { label: t('access.managers.title') }]} />
      <h1>{t('access.managers.title')}</h1>
      <p>{t('access.managers.intro')}</p>
      {notice ? <Notice tone={notice.tone}>{notice.text}</Notice> : null}

      <LoadStatus state={state}>
        {(data) => <DataTable id="managers" caption={t('access.managers.caption', { count: data.length })} columns={columns} rows={data} rowKey={(m) => m.userId} />}
      </LoadStatus>

      {isAdding ? (
        <CoHtbWizard
          onAdded={(added) => {
            setAdding(false);
            setNotice({ tone: 'success', text: t('access.managers.added', { name: `${added.person.firstName} ${added.person.surname}` }) });
            reload();
          }}
          onCancel={() => setAdding(false)}
        />
      ) : (
        <p>
          <button
            type="button"
            className="button button--primary"
            onClick={() => {
              setNotice(undefined);
              setAdding(true);
            }}
          >
            {t('access.managers.add')}
          </button>
        </p>
      )}

      <ConfirmDialog
        open={removing !== undefined}
        title={t('access.managers.removeTitle')}
        confirmLabel={t('form.confirm')}
        cancelLabel={t('form.cancel')}
        isBusy={isBusy}
        onCancel={() => setRemoving(undefined)}
        onConfirm={() => void onRemove()}
      >
        <p>{removing ? t('access.managers.removeBody', { name: `${removing.firstName} ${removing.surname}` }) : null}</p>
      </ConfirmDialog>
    </>
  );
}
