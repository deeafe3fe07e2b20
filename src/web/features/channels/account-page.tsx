import { useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadStatus } from '../../components/load-status.js';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { ConfirmDialog } from '../../components/confirm-dialog.js';
import { ErrorSummary } from '../../components/error-summary.js';
import { fieldError, formErrorsOf, summaryLinks } from '../../components/form-errors.js';
import type { FormErrors } from '../../components/form-errors.js';
import { formatDate } from '../../components/format.js';
import { useDocumentTitle } from '../../components/use-document-title.js';
import { useLoad } from '../../components/use-load.js';
import { useUiLanguage } from '../../components/use-ui-language.js';
import { Breadcrumbs } from '../access/access-common.js';
import { chamanApi, FTP_PERMISSION_CODES, REST_PERMISSION_CODES } from './chaman-api.js';
import { CertificateDetails, ReplaceCertificateForm } from './account-certificate.js';
import { PasswordReset } from './account-password-reset.js';
import type { AccountData, ChamanHomeData } from './chaman-api.js';
import { AccountNameField, chamanPaths, displayKbo, PermissionCheckboxes } from './chaman-common.js';
import { Notice } from '../../components/notice.js';

const PREFIX = 'chaman-account';

/** An account's details: change its name and permissions, replace its certificate, delete it. */
export function AccountPage() {
  const { t } = useTranslation();
  const language = useUiLanguage();
  const navigate = useNavigate();
  const { accountId = '' } = useParams();
  // ChaMan has no single-account endpoint: the home lists every account of the domain.
  const { state } = useLoad((signal) => chamanApi.home(undefined, signal), `${accountId}|${language}`);
  const [account, setAccount] = useState<AccountData | undefined>();
  // Issue 19: a vendor opens the REST account of another organisation that it accepted.
  const owner = state.status === 'ready' ? state.data.managed.find((m) => m.account.id === accountId)?.owner : undefined;
  useEffect(() => {
    if (state.status !== 'ready') return;
    setAccount(state.data.accounts.find((a) => a.id === accountId) ?? state.data.managed.find((m) => m.account.id === accountId)?.account);
  }, [state, accountId]);
  const title = account ? t('chaman.account.title', { name: account.name }) : t('chaman.account.titleLoading');
  useDocumentTitle(title);

  return (
    <>
      <Breadcrumbs items={[{ to: chamanPaths.home, label: t('chaman.short') }, { label: account?.name ?? t('chaman.account.titleLoading') }]} />
      <h1>{title}</h1>
      <LoadStatus state={state}>
        {() =>
          !account ? <Notice tone="error">{t('chaman.account.notFound')}</Notice> : (
            <AccountDetails
              account={account}
              owner={owner}
              onChange={setAccount}
              onDeleted={() => navigate(chamanPaths.home, { state: { notice: t('chaman.account.deleted', { name: account.name }) } })}
            />
          )
        }
      </LoadStatus>
      <p>
        <Link to={chamanPaths.home}>{t('chaman.backToHome')}</Link>
      </p>
    </>
  );
}

type Owner = ChamanHomeData['managed'][number]['owner'];

function AccountDetails({
  account,
  owner,
  onChange,
  onDeleted,
}: {
  account: AccountData;
  /** Set when the account is another organisation's that this vendor manages: only its certificate is the vendor's. */
  owner?: Owner | undefined;
  onChange: (a: AccountData) => void;
  onDeleted: () => void;
}) {
  const { t } = useTranslation();
  const [name, setName] = useState(account.name);
  const [permissions, setPermissions] = useState(account.permissions);
  const [errors, setErrors] = useState<FormErrors | undefined>();
  const [notice, setNotice] = useState<string | undefined>();
  const [isDeleteOpen, setDeleteOpen] = useState(false);
  const [isBusy, setBusy] = useState(false);
  const codes = account.kind === 'REST' ? REST_PERMISSION_CODES : account.kind === 'SOAP' ? [] : FTP_PERMISSION_CODES;
  // An externally managed REST certificate is the vendor's to load: the vendor does, the OCMW does not.
  const canReplaceCertificate = owner !== undefined || account.management !== 'external';
  const hasPassword = owner === undefined && (account.kind === 'FTP' || account.kind === 'SFTP');
  const certificate = account.certificate;

  async function onSave(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setBusy(true);
    setNotice(undefined);
    try {
      onChange(await chamanApi.updateAccount(account.id, codes.length > 0 ? { name, permissions } : { name }));
      setErrors(undefined);
      setNotice(t('chaman.account.saved'));
    } catch (error) {
      setErrors((previous) => formErrorsOf(error, t, previous));
    } finally {
      setBusy(false);
    }
  }

  async function onDelete() {
    setBusy(true);
    try {
      await chamanApi.deleteAccount(account.id);
      onDeleted();
    } catch (error) {
      setErrors((previous) => formErrorsOf(error, t, previous));
      setBusy(false);
      setDeleteOpen(false);
    }
  }

  return (
    <>
      {notice ? <Notice tone="success">{notice}</Notice> : null}
      <dl className="details">
        {owner ? (
          <>
            <dt>{t('chaman.account.owner')}</dt>
            <dd>
              {owner.organisationName} ({t('header.kbo', { kbo: displayKbo(owner.kbo) })}) - {owner.domain}
            </dd>
          </>
        ) : null}
        <dt>{t('chaman.type')}</dt>
        <dd>{account.kind}</dd>
        {account.username ? (
          <>
            <dt>{t('chaman.username')}</dt>
            <dd>{account.username}</dd>
          </>
        ) : null}
        {account.management ? (
          <>
            <dt>{t('chaman.management.title')}</dt>
            <dd>
              {account.management === 'external'
                ? t('chaman.management.externalShort', { intermediary: account.intermediary?.name ?? '' })
                : t('chaman.management.internalShort')}
            </dd>
          </>
        ) : null}
        <dt>{t('chaman.account.createdAt')}</dt>
        <dd>{formatDate(account.createdAt)}</dd>
      </dl>

      <CertificateDetails certificate={certificate} />

      {owner ? null : (
        <form className="form" noValidate onSubmit={(event) => void onSave(event)} aria-labelledby={`${PREFIX}-edit-title`}>
          <h2 id={`${PREFIX}-edit-title`}>{t('chaman.account.editTitle')}</h2>
          {errors ? (
            <ErrorSummary
              key={errors.attempt}
              title={t('form.errorSummary')}
              message={errors.message}
              fields={summaryLinks(errors, {
                name: { id: `${PREFIX}-name`, label: t('chaman.accountName') },
                permissions: { id: `${PREFIX}-permissions`, label: t('chaman.permissions') },
              })}
            />
          ) : null}
          <AccountNameField prefix={PREFIX} error={fieldError(errors, 'name')} value={name} onChange={setName} />
          {codes.length > 0 ? (
            <PermissionCheckboxes
              prefix={PREFIX}
              kind={account.kind === 'REST' ? 'rest' : 'ftp'}
              codes={codes}
              value={permissions}
              onChange={setPermissions}
              error={fieldError(errors, 'permissions')}
            />
          ) : null}
          <button type="submit" className="button button--primary" disabled={isBusy}>
            {t('form.keep')}
          </button>
        </form>
      )}

      {hasPassword ? <PasswordReset account={account} onChange={onChange} /> : null}

      {canReplaceCertificate ? (
        <ReplaceCertificateForm
          account={account}
          onReplaced={(replaced) => {
            onChange(replaced);
            setNotice(t('chaman.account.certificateReplaced'));
          }}
        />
      ) : null}

      {owner ? null : (
        <section aria-labelledby={`${PREFIX}-delete-title`}>
          <h2 id={`${PREFIX}-delete-title`}>{t('chaman.account.deleteTitle')}</h2>
          <button type="button" className="button button--danger" onClick={() => setDeleteOpen(true)}>
            {t('chaman.account.delete')}
          </button>
        </section>
      )}

      <ConfirmDialog
        open={isDeleteOpen}
        title={t('chaman.account.deleteTitle')}
        confirmLabel={t('form.confirm')}
        cancelLabel={t('form.cancel')}
        isBusy={isBusy}
        onCancel={() => setDeleteOpen(false)}
        onConfirm={() => void onDelete()}
      >
        <p>{t('chaman.account.deleteBody', { name: account.name, kind: account.kind })}</p>
      </ConfirmDialog>
    </>
  );
}
