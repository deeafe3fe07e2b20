import { useTranslation } from 'react-i18next';
import { LoadStatus } from '../../components/load-status.js';
import { Link, Navigate } from 'react-router-dom';
import { localName } from '../../components/format.js';
import { useDocumentTitle } from '../../components/use-document-title.js';
import { useLoad } from '../../components/use-load.js';
import { useUiLanguage } from '../../components/use-ui-language.js';
import { accessApi } from './access-api.js';
import { accessPaths, usePermissions } from './access-common.js';
import { Notice } from '../../components/notice.js';

/** "Toegangsbeheer": a (co-)TB goes straight to its domain; a (co-)HTB chooses one of the organisation's domains. */
export function AccessStartPage() {
  const { t } = useTranslation();
  const language = useUiLanguage();
  const { has, domainId } = usePermissions();
  const { state } = useLoad((signal) => accessApi.listDomains(signal), 'domains');
  useDocumentTitle(t('access.title'));
  if (domainId) return <Navigate to={accessPaths.domain(domainId)} replace />;

  return (
    <>
      <h1>{t('access.title')}</h1>
      <p>{t('access.start.intro')}</p>
      <h2>{t('access.start.domains')}</h2>
      <LoadStatus state={state}>
        {(data) =>
          data.length === 0 ? <Notice>{t('access.start.noDomains')}</Notice> : (
            <ul className="link-list">
              {data.map((domain) => (
                <li key={domain.id}>
                  <Link to={accessPaths.domain(domain.id)}>{localName(domain.name, language)}</Link>
                </li>
              ))}
            </ul>
          )
        }
      </LoadStatus>
      <h2>{t('access.start.more')}</h2>
      <ul className="link-list">
        {has('access.manage-co-htb') ? (
          <li>
            <Link to={accessPaths.managers}>{t('access.managers.title')}</Link>
          </li>
        ) : null}
        {has('access.read-audit') ? (
          <li>
            <Link to={accessPaths.audit}>{t('access.audit.title')}</Link>
          </li>
        ) : null}
        <li>
          <Link to={accessPaths.me}>{t('me.title')}</Link>
        </li>
      </ul>
    </>
  );
}
