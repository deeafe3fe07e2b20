import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router-dom';
import { usePermissions } from '../access/access-common.js';
import { ACCESS_LOG_PATH, PRIVACY_PERMISSION } from './access-log-common.js';
import { privacyPaths, RETENTION_PERMISSIONS } from './subject-request-api.js';

/**
 * Issue 24: the privacy area's own navigation, on each of its pages: the access log, citizens'
 * requests and the retention periods, each shown to who may open it (the privacy officer all
 * three; the platform administrator the retention periods only, so it shows nothing for one page).
 */
export function PrivacyTabs() {
  const { t } = useTranslation();
  const { has } = usePermissions();
  const pages = [
    { to: ACCESS_LOG_PATH, label: t('privacy.accessLog.title'), allowed: has(PRIVACY_PERMISSION) },
    { to: privacyPaths.subjectRequest, label: t('privacy.subjectRequest.title'), allowed: has(PRIVACY_PERMISSION) },
    { to: privacyPaths.retention, label: t('privacy.retention.title'), allowed: RETENTION_PERMISSIONS.some((p) => has(p)) },
  ].filter((page) => page.allowed);
  if (pages.length < 2) return null;
  return (
    <nav aria-label={t('privacy.nav')} className="sub-nav">
      <ul>
        {pages.map((page) => (
          <li key={page.to}>
            <NavLink to={page.to} end>
              {page.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
