import { useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadStatus } from '../../components/load-status.js';
import { Link, useLocation, useNavigate, useSearchParams } from 'react-router-dom';
import { ConfirmDialog } from '../../components/confirm-dialog.js';
import { errorMessage } from '../../components/error-message.js';
import { useDocumentTitle } from '../../components/use-document-title.js';
import { useLoad } from '../../components/use-load.js';
import { useUiLanguage } from '../../components/use-ui-language.js';
import { chamanApi, STATUS_FILTERS } from './chaman-api.js';
import type { ChamanHomeData, DelegationData, DelegationStatus } from './chaman-api.js';
import { chamanPaths } from './chaman-common.js';
import { AccountTable, DelegationTable, IncomingTable } from './chaman-tables.js';
import { ContactForm } from './contact-form.js';
import { Notice } from '../../components/notice.js';

const ALL = 'all';
type StatusFilter = DelegationStatus | typeof ALL;

function statusFilterOf(value: string | null): StatusFilter {
  // The guide's filter starts on "In afwachting".
  if (value === ALL) return ALL;
  return (STATUS_FILTERS as string[]).includes(value ?? '') ? (value as DelegationStatus) : 'pending';
}

/** Issue 23: where the FTP/SFTP accounts connect, and the host key fingerprint to check the first time. */
function SftpServerNote() {
  const { t } = useTranslation();
  const { state } = useLoad((signal) => chamanApi.sftpServer(signal), 'sftp');
  if (state.status !== 'ready') return null;
  if (!state.data.enabled) return <p className="chaman__sftp">{t('chaman.ftp.sftpOff')}</p>;
  return (
    <p className="chaman__sftp">
      {t('chaman.ftp.sftpServer', { port: state.data.port })} <code data-testid="sftp-fingerprint">{state.data.fingerprint}</code>
    </p>
  );
}

/**
 * "ChaMan - Beheer van technische kanalen" (SPEC §3): the contact data at first use, then the
 * FTP/SFTP channels with the sender number, the web-service accounts and the delegation requests;
 * for a software vendor also the requests addressed to it.
 */
export function ChamanHomePage() {
  const { t } = useTranslation();
  const language = useUiLanguage();
  const navigate = useNavigate();
  const location = useLocation();
  const [searchParams, setSearchParams] = useSearchParams();
  const status = statusFilterOf(searchParams.get('statuut'));
  const { state, reload, setData } = useLoad(
    (signal) => chamanApi.home(status === ALL ? undefined : status, signal),
    `${status}|${language}`,
  );
  const [notice, setNotice] = useState<string | undefined>(
    typeof (location.state as { notice?: unknown } | null)?.notice === 'string' ? (location.state as { notice: string }).notice : undefined,
  );
  const [isEditingContact, setEditingContact] = useState(false);
  const title = t('chaman.title');
  useDocumentTitle(title);

  const home = state.status === 'ready' ? state.data : undefined;

  return (
    <>
      <h1>{title}</h1>
      {home ? (
        <p className="lead">
          {home.organisation.name} - {home.domain.name}
        </p>
      ) : null}
      {notice ? <Notice tone="success">{notice}</Notice> : null}
      <LoadStatus state={state}>
        {(data) =>
          data.sender === null || isEditingContact ? (
            <ContactForm
              organisationName={data.organisation.name}
              initial={data.sender}
              onSaved={(saved) => {
                setEditingContact(false);
                setNotice(t('chaman.contact.saved', { number: saved.sender?.senderNumber ?? '' }));
                reload();
              }}
              onCancel={() => (data.sender === null ? navigate('/') : setEditingContact(false))}
            />
          ) : (
            <ChamanSections
              home={data}
              status={status}
              onStatusChange={(next) => setSearchParams(next === 'pending' ? {} : { statuut: next })}
              onChanged={(message, updated) => {
                setNotice(message);
                if (updated) setData(updated);
                reload();
              }}
              onEditContact={() => {
                setNotice(undefined);
                setEditingContact(true);
              }}
            />
          )
        }
      </LoadStatus>
    </>
  );
}

function ChamanSections({
  home,
  status,
  onStatusChange,
  onChanged,
  onEditContact,
}: {
  home: ChamanHomeData;
  status: StatusFilter;
  onStatusChange: (status: StatusFilter) => void;
  onChanged: (message: string, updated?: ChamanHomeData) => void;
  onEditContact: () => void;
}) {
  const { t } = useTranslation();
  const ftpAccounts = home.accounts.filter((a) => a.kind === 'FTP' || a.kind === 'SFTP');
  const webAccounts = home.accounts.filter((a) => a.kind === 'SOAP' || a.kind === 'REST');
  const [dialog, setDialog] = useState<{ action: 'cancel' | 'refuse'; delegation: DelegationData } | undefined>();
  const [reason, setReason] = useState('');
  const [isBusy, setBusy] = useState(false);
  const [actionError, setActionError] = useState<string | undefined>();
  const isVendor = home.organisation.kind === 'vendor';
  const managedIds = new Set(home.managed.map((m) => m.account.id));

  async function onConfirm() {
    if (!dialog) return;
    setBusy(true);
    try {
      if (dialog.action === 'cancel') {
        await chamanApi.cancelDelegation(dialog.delegation.id);
        onChanged(t('chaman.delegations.cancelled', { name: dialog.delegation.accountName }));
      } else {
        await chamanApi.refuseDelegation(dialog.delegation.id, reason.trim() || undefined);
        onChanged(t('chaman.incoming.refused', { name: dialog.delegation.accountName }));
      }
      setActionError(undefined);
    } catch (error) {
      setActionError(errorMessage(error, t));
    } finally {
      setBusy(false);
      setDialog(undefined);
    }
  }

  return (
    <>
      {actionError ? <Notice tone="error">{actionError}</Notice> : null}

      <section aria-labelledby="chaman-ftp-title">
        <h2 id="chaman-ftp-title">{t('chaman.ftp.title')}</h2>
        <p className="chaman__sender">{t('chaman.senderNumber', { number: home.sender?.senderNumber ?? '' })}</p>
        <SftpServerNote />
        <p>
          <button type="button" className="button button--link" onClick={onEditContact}>
            {t('chaman.contact.edit')}
          </button>
        </p>
        <p>
          <Link to={chamanPaths.addFtp} className="button button--primary">
            {t('chaman.ftp.add')}
          </Link>
        </p>
        {ftpAccounts.length === 0 ? (
          <p>{t('chaman.ftp.empty')}</p>
        ) : (
          <AccountTable id="chaman-ftp" caption={t('chaman.ftp.caption')} accounts={ftpAccounts} showManagement={false} />
        )}
      </section>

      <section aria-labelledby="chaman-web-title">
        <h2 id="chaman-web-title">{t('chaman.web.title')}</h2>
        <p>
          <Link to={chamanPaths.addWebservice} className="button button--primary">
            {t('chaman.web.add')}
          </Link>
        </p>
        {webAccounts.length === 0 ? (
          <p>{t('chaman.web.empty')}</p>
        ) : (
          <AccountTable id="chaman-web" caption={t('chaman.web.caption')} accounts={webAccounts} showManagement />
        )}
      </section>

      <section aria-labelledby="chaman-delegations-title">
        <h2 id="chaman-delegations-title">{t('chaman.delegations.title')}</h2>
        <StatusFilterForm status={status} onChange={onStatusChange} />
        {home.delegations.length === 0 ? (
          <p>{t('chaman.delegations.empty')}</p>
        ) : (
          <DelegationTable delegations={home.delegations} onCancel={(delegation) => setDialog({ action: 'cancel', delegation })} />
        )}
      </section>

      {isVendor ? (
        <section aria-labelledby="chaman-incoming-title">
          <h2 id="chaman-incoming-title">{t('chaman.incoming.title')}</h2>
          <p>{t('chaman.incoming.intro')}</p>
          {home.incoming.length === 0 ? (
            <p>{t('chaman.delegations.empty')}</p>
          ) : (
            <IncomingTable
              incoming={home.incoming}
              managedIds={managedIds}
              onRefuse={(delegation) => {
                setReason('');
                setDialog({ action: 'refuse', delegation });
              }}
            />
          )}
        </section>
      ) : null}

      <ConfirmDialog
        open={dialog !== undefined}
        title={dialog?.action === 'refuse' ? t('chaman.incoming.refuseTitle') : t('chaman.delegations.cancelTitle')}
        confirmLabel={t('form.confirm')}
        cancelLabel={t('form.cancel')}
        isBusy={isBusy}
        onCancel={() => setDialog(undefined)}
        onConfirm={() => void onConfirm()}
      >
        {dialog?.action === 'refuse' ? (
          <>
            <p>{t('chaman.incoming.refuseBody', { name: dialog.delegation.accountName, requester: dialog.delegation.requester.organisationName })}</p>
            <div className="form__group">
              <label htmlFor="chaman-refuse-reason" className="form__label">
                {t('chaman.incoming.reason')}
              </label>
              <textarea
                id="chaman-refuse-reason"
                className="form__input form__textarea"
                maxLength={500}
                value={reason}
                onChange={(event) => setReason(event.target.value)}
              />
            </div>
          </>
        ) : dialog ? (
          <p>{t('chaman.delegations.cancelBody', { name: dialog.delegation.accountName, intermediary: dialog.delegation.intermediary.name })}</p>
        ) : null}
      </ConfirmDialog>
    </>
  );
}

function StatusFilterForm({ status, onChange }: { status: StatusFilter; onChange: (status: StatusFilter) => void }) {
  const { t } = useTranslation();
  const [value, setValue] = useState<StatusFilter>(status);
  useEffect(() => setValue(status), [status]);
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    onChange(value);
  }
  return (
    <form className="form form--inline" onSubmit={onSubmit} aria-label={t('chaman.delegations.filter')}>
      <div className="form__group">
        <label htmlFor="chaman-status" className="form__label">
          {t('chaman.col.status')}
        </label>
        <select id="chaman-status" className="form__input" value={value} onChange={(event) => setValue(event.target.value as StatusFilter)}>
          {STATUS_FILTERS.map((s) => (
            <option key={s} value={s}>
              {t(`chaman.filter.${s}`)}
            </option>
          ))}
          <option value={ALL}>{t('chaman.filter.all')}</option>
        </select>
      </div>
      <button type="submit" className="button">
        {t('chaman.delegations.show')}
      </button>
    </form>
  );
}
