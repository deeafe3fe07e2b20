import { useTranslation } from 'react-i18next';
import { LoadStatus } from '../../components/load-status.js';
import { useDocumentTitle } from '../../components/use-document-title.js';
import { useLoad } from '../../components/use-load.js';
import { privacyApi } from './subject-request-api.js';
import { PrivacyTabs } from './privacy-tabs.js';

/**
 * Issue 24: how long each kind of personal data is kept, and why — for the platform administrator
 * and the privacy officers. Read-only: the operator changes a period with `ocmw privacy retention set`.
 */
export function RetentionPage() {
  const { t } = useTranslation();
  const title = t('privacy.retention.title');
  useDocumentTitle(title);
  const { state } = useLoad((signal) => privacyApi.retention(signal), 'retention');

  return (
    <>
      <h1>{title}</h1>
      <PrivacyTabs />
      <p className="lead">{t('privacy.retention.lead')}</p>
      <LoadStatus state={state}>
        {(data) => (
          <table className="table">
            <caption className="visually-hidden">{title}</caption>
            <thead>
              <tr>
                <th scope="col">{t('privacy.retention.kind')}</th>
                <th scope="col">{t('privacy.retention.days')}</th>
                <th scope="col">{t('privacy.retention.action')}</th>
                <th scope="col">{t('privacy.retention.reason')}</th>
              </tr>
            </thead>
            <tbody>
              {data.kinds.map((k) => (
                <tr key={k.kind}>
                  <th scope="row">{k.name}</th>
                  <td>
                    {t('privacy.retention.daysValue', { count: k.days })}
                    <br />
                    <small>{k.isDefault ? t('privacy.retention.isDefault') : t('privacy.retention.changed', { count: k.defaultDays })}</small>
                  </td>
                  <td>{t(`privacy.retention.actions.${k.action}`)}</td>
                  <td>{k.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </LoadStatus>
      <p>{t('privacy.retention.howToChange')}</p>
    </>
  );
}
