import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { APPLICATIONS } from '../../../shared/applications.js';
import { formatInsz } from '../../../shared/identifiers.js';
import type { UiLanguage } from '../../i18n/index.js';
import { useDocumentTitle } from '../../components/use-document-title.js';
import { useSession } from '../../session.js';

/** The permissions of the role in use (the server checks them again). */
export function usePermissions(): { has: (permission: string) => boolean; domainId: string | null } {
  const { session } = useSession();
  const permissions = session?.context?.permissions ?? [];
  return { has: (permission) => permissions.includes(permission), domainId: session?.context?.domain?.id ?? null };
}

/** Shows the page only when the role has the permission; otherwise a short refusal. */
export function RequirePermission({ permission, children }: { permission: string; children: ReactNode }) {
  const { t } = useTranslation();
  const { has } = usePermissions();
  if (has(permission)) return <>{children}</>;
  return <Forbidden title={t('access.forbiddenTitle')} />;
}

function Forbidden({ title }: { title: string }) {
  const { t } = useTranslation();
  useDocumentTitle(title);
  return (
    <>
      <h1>{title}</h1>
      <p>{t('access.forbiddenBody')}</p>
      <p>
        <Link to="/">{t('notFound.home')}</Link>
      </p>
    </>
  );
}

/** Paths of the access-management screens. */
export const accessPaths = {
  start: '/toegangsbeheer',
  domain: (domainId: string) => `/toegangsbeheer/domeinen/${domainId}`,
  users: (domainId: string) => `/toegangsbeheer/domeinen/${domainId}/gebruikers`,
  addUser: (domainId: string) => `/toegangsbeheer/domeinen/${domainId}/gebruikers/toevoegen`,
  user: (domainId: string, userId: string) => `/toegangsbeheer/domeinen/${domainId}/gebruikers/${userId}`,
  changeTb: (domainId: string) => `/toegangsbeheer/domeinen/${domainId}/toegangsbeheerder`,
  managers: '/toegangsbeheer/beheerders',
  audit: '/toegangsbeheer/audit',
  me: '/mijn-gegevens',
};

/** The name of a secured application in the UI language; unknown codes are shown as they are. */
export function applicationName(code: string, language: UiLanguage): string {
  const app = APPLICATIONS.find((a) => a.code === code);
  return app ? app.name[language] : code;
}

/** `85073003328` → `85.07.30-033.28`; anything else as it came. */
export function displayInsz(insz: string | null | undefined): string {
  if (!insz) return '';
  return /^\d{11}$/.test(insz) ? formatInsz(insz) : insz;
}

/** A breadcrumb trail: links to the screens above this one. */
/** Crumbs to the current page; `isOthersText` marks a label written by someone else (a document's title), not translated. */
export function Breadcrumbs({ items }: { items: { to?: string; label: string; isOthersText?: boolean }[] }) {
  const { t } = useTranslation();
  return (
    <nav aria-label={t('access.breadcrumbs')} className="breadcrumbs">
      <ol className="breadcrumbs__list">
        {items.map((item, index) => (
          <li key={`${index}-${item.label}`}>
            {item.to ? (
              <Link to={item.to}>{item.label}</Link>
            ) : (
              <span aria-current="page" data-user-content={item.isOthersText ? '' : undefined}>
                {item.label}
              </span>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}
