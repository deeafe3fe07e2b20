import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadStatus } from '../../components/load-status.js';
import { Link, useParams } from 'react-router-dom';
import { ErrorSummary } from '../../components/error-summary.js';
import { fieldError, formErrorsOf, summaryLinks } from '../../components/form-errors.js';
import type { FormErrors } from '../../components/form-errors.js';
import { formatDate } from '../../components/format.js';
import { TextField } from '../../components/form-field.js';
import { useDocumentTitle } from '../../components/use-document-title.js';
import { useLoad } from '../../components/use-load.js';
import { useUiLanguage } from '../../components/use-ui-language.js';
import { accessApi } from './access-api.js';
import type { DomainHomeData } from './access-api.js';
import { Breadcrumbs, accessPaths, usePermissions } from './access-common.js';
import { Notice } from '../../components/notice.js';

/** "De details van de hoedanigheid raadplegen of wijzigen": the manager's home of a domain. */
export function DomainHomePage() {
  const { t } = useTranslation();
  const language = useUiLanguage();
  const domainId = useParams().domainId ?? '';
  const { domainId: ownDomain } = usePermissions();
  const { state, setData } = useLoad((signal) => accessApi.getDomain(domainId, signal), `${domainId}|${language}`);
  useDocumentTitle(t('access.home.title'));

  return (
    <>
      {ownDomain ? null : <Breadcrumbs items={[{ to: accessPaths.start, label: t('access.title') }, { label: t('access.home.title') }]} />}
      <h1>{t('access.home.title')}</h1>
      <LoadStatus state={state}>
        {(data) =>
          (
            <DomainHome home={data} onChange={setData} />
          )
        }
      </LoadStatus>
    </>
  );
}

function DomainHome({ home, onChange }: { home: DomainHomeData; onChange: (home: DomainHomeData) => void }) {
  const { t } = useTranslation();
  const can = (permission: string) => home.permissions.includes(permission);
  const [email, setEmail] = useState(home.domain.contactEmail ?? '');
  const [errors, setErrors] = useState<FormErrors | undefined>();
  const [saved, setSaved] = useState(false);
  const [isBusy, setBusy] = useState(false);
  const domainId = home.domain.id;

  async function onSave(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setBusy(true);
    setSaved(false);
    try {
      const next = await accessApi.updateDomain(domainId, email.trim());
      onChange(next);
      setEmail(next.domain.contactEmail ?? '');
      setErrors(undefined);
      setSaved(true);
    } catch (error) {
      setErrors((previous) => formErrorsOf(error, t, previous));
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <Notice>{t('access.home.reminder')}</Notice>
      <h2>{t('access.home.organisation')}</h2>
      <dl className="details">
        <dt>{t('access.home.name')}</dt>
        <dd>{home.organisation.name}</dd>
        <dt>{t('access.home.kbo')}</dt>
        <dd>{home.organisation.kboFormatted}</dd>
        <dt>{t('access.home.domain')}</dt>
        <dd>{home.domain.name}</dd>
        <dt>{t('access.home.createdAt')}</dt>
        <dd>{formatDate(home.domain.createdAt)}</dd>
        <dt>{t('access.home.tb')}</dt>
        <dd>{home.tb ? `${home.tb.firstName} ${home.tb.surname}` : t('access.home.noTb')}</dd>
        <dt>{t('access.home.counts')}</dt>
        <dd>{t('access.home.countsValue', { total: home.counts.total, active: home.counts.active, blocked: home.counts.blocked })}</dd>
        {can('access.edit-domain') ? null : (
          <>
            <dt>{t('access.home.contactEmail')}</dt>
            <dd>{home.domain.contactEmail ?? '—'}</dd>
          </>
        )}
      </dl>

      {can('access.edit-domain') ? (
        <form className="form" noValidate onSubmit={(event) => void onSave(event)} aria-labelledby="domain-edit-title">
          <h2 id="domain-edit-title">{t('access.home.editTitle')}</h2>
          {errors ? (
            <ErrorSummary
              key={errors.attempt}
              title={t('form.errorSummary')}
              message={errors.message}
              fields={summaryLinks(errors, { contactEmail: { id: 'domain-contactEmail', label: t('access.home.contactEmail') } })}
            />
          ) : null}
          {saved ? <Notice tone="success">{t('access.home.saved')}</Notice> : null}
          <TextField
            id="domain-contactEmail"
            label={t('access.home.contactEmail')}
            type="email"
            autoComplete="email"
            required
            error={fieldError(errors, 'contactEmail')}
            value={email}
            onChange={(event) => setEmail(event.target.value)}
          />
          <button type="submit" className="button button--primary" disabled={isBusy}>
            {t('form.keep')}
          </button>
        </form>
      ) : null}

      <nav aria-labelledby="domain-functions-title">
        <h2 id="domain-functions-title">{t('access.home.functions')}</h2>
        <ul className="link-list">
          <li>
            <Link to={accessPaths.users(domainId)}>{t('access.users.title')}</Link>
          </li>
          {can('access.add-user') ? (
            <li>
              <Link to={accessPaths.addUser(domainId)}>{t('access.add.title')}</Link>
            </li>
          ) : null}
          {can('access.change-tb') ? (
            <li>
              <Link to={accessPaths.changeTb(domainId)}>{t('access.changeTb.title')}</Link>
            </li>
          ) : null}
          {can('access.manage-co-htb') ? (
            <li>
              <Link to={accessPaths.managers}>{t('access.managers.title')}</Link>
            </li>
          ) : null}
          {can('access.read-audit') ? (
            <li>
              <Link to={accessPaths.audit}>{t('access.audit.title')}</Link>
            </li>
          ) : null}
          <li>
            <Link to={accessPaths.me}>{t('me.title')}</Link>
          </li>
        </ul>
      </nav>
    </>
  );
}
