import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { choiceOrganisationName, choiceRoleLabel } from '../../components/format.js';
import { useDocumentTitle } from '../../components/use-document-title.js';
import { useUiLanguage } from '../../components/use-ui-language.js';
import { useSession } from '../../session.js';
import { ORGANISATION_ACCESS_PATH } from '../admin/organisation-access-page.js';
import { EboxMergerNotice, eboxTileStatus, useEboxSummary } from '../mailbox/ebox-home.js';
import { MyMergerChecklists } from '../mergers/my-merger-checklists.js';

interface Service {
  key: 'access' | 'chaman' | 'configuration' | 'online' | 'dossiers' | 'ebox' | 'report' | 'mergers' | 'htbImport' | 'orgAccess' | 'mails';
  /** Where the service lives; undefined while it is not built yet. */
  to?: string;
  /** The permission the role needs for the service (one of them, for a list); without it the tile is not a link. */
  permission?: string | readonly string[];
  /** Another entrance for roles without `permission` (the dossiers' R9.4 setting for OCMW-configuratie). */
  fallback?: { to: string; permission: string };
  /** Where the tile's title and description are in the catalogue; `tiles.<key>` unless given. */
  texts?: string;
  /** Who sees the tile: an OCMW's roles, the platform administrator, or both. */
  audience: 'organisation' | 'admin' | 'all';
}

const ADMIN_PERMISSION = 'platform.admin';

// The portal's services in the order socialsecurity.be shows them; the administrator's own after.
const SERVICES: Service[] = [
  { key: 'access', to: '/toegangsbeheer', permission: 'access.read', audience: 'organisation' },
  { key: 'chaman', to: '/chaman', permission: 'app:chaman', audience: 'organisation' },
  { key: 'configuration', to: '/configuratie', permission: 'app:ocmw-configuratie', audience: 'organisation' },
  { key: 'online', to: '/ocmw-online', permission: ['app:ocmw-online', 'app:sociale-agent'], audience: 'organisation' },
  {
    key: 'dossiers',
    to: '/dossiers',
    permission: 'app:sociale-agent',
    fallback: { to: '/dossiers/instellingen', permission: 'app:ocmw-configuratie' },
    texts: 'dossiers.tile',
    audience: 'organisation',
  },
  { key: 'ebox', to: '/e-box', permission: 'app:ebox', audience: 'organisation' },
  { key: 'report', to: '/uniek-verslag', permission: 'app:uniek-verslag', audience: 'organisation' },
  { key: 'mergers', to: '/fusies', audience: 'all' },
  { key: 'htbImport', to: '/beheer/htb-import', permission: ADMIN_PERMISSION, audience: 'admin' },
  { key: 'orgAccess', to: ORGANISATION_ACCESS_PATH, permission: ADMIN_PERMISSION, audience: 'admin' },
  { key: 'mails', to: '/beheer/e-mails', permission: ADMIN_PERMISSION, audience: 'admin' },
];

/** The citizen's form of OCMW Online (SPEC §6), open to everyone without login. */
const CITIZEN_FORM = '/hulpaanvraag';

function isAllowedFor(permission: Service['permission'], permissions: readonly string[]): boolean {
  if (permission === undefined) return true;
  return typeof permission === 'string' ? permissions.includes(permission) : permission.some((p) => permissions.includes(p));
}

/** Start page: greeting, the disappearing-OCMW notice and one tile per service. */
export function HomePage() {
  const { t } = useTranslation();
  const language = useUiLanguage();
  const { session } = useSession();
  const user = session?.user;
  const context = session?.context;
  const organisation = context?.organisation ?? null;
  const permissions = context?.permissions ?? [];
  // The administrator works for no OCMW: the OCMW services mean nothing to them.
  const isAdmin = permissions.includes(ADMIN_PERMISSION);
  const services = SERVICES.filter((service) => service.audience === 'all' || service.audience === (isAdmin ? 'admin' : 'organisation'));
  const title = user ? t('home.title', { name: user.firstName }) : t('home.titleAnonymous');
  useDocumentTitle(title);
  // R8.2: unread e-Box documents on the tile, and the warning of an OCMW that disappeared in a merger.
  const ebox = useEboxSummary(!isAdmin && permissions.includes('app:ebox'), context?.id ?? '');
  const eboxStatus = eboxTileStatus(ebox, t);

  return (
    <>
      <h1>{title}</h1>
      {context ? (
        <p>
          {organisation
            ? t('home.intro', {
                organisation: choiceOrganisationName(context, t, language),
                role: choiceRoleLabel(context, t, language),
              })
            : t('home.introNoOrganisation', { role: choiceRoleLabel(context, t, language) })}
        </p>
      ) : null}

      {organisation?.status === 'disappearing' ? (
        <section className="notice notice--warning" aria-labelledby="disappearing-title">
          <h2 id="disappearing-title" className="notice__title">
            {t('home.disappearingTitle')}
          </h2>
          <p>{t('home.disappearingBody', { organisation: choiceOrganisationName(context!, t, language) })}</p>
        </section>
      ) : null}

      {ebox?.disappearing ? <EboxMergerNotice disappearing={ebox.disappearing} /> : null}

      {/* R7.2: the checklist of the merger this OCMW takes part in, with its own items to tick. */}
      {organisation && !isAdmin ? <MyMergerChecklists /> : null}

      <h2>{t('home.services')}</h2>
      <ul className="tiles">
        {services.map((service) => {
          const titleId = `tile-${service.key}-title`;
          const descriptionId = `tile-${service.key}-description`;
          const isAllowed = isAllowedFor(service.permission, permissions);
          const texts = service.texts ?? `tiles.${service.key}`;
          const to = isAllowed ? service.to : service.fallback && permissions.includes(service.fallback.permission) ? service.fallback.to : undefined;
          if (to) {
            const status = service.key === 'ebox' ? eboxStatus : undefined;
            return (
              <li key={service.key} className="tiles__item">
                <Link to={to} className="tile tile--active" aria-describedby={descriptionId}>
                  <span className="tile__title" id={titleId}>
                    {t(`${texts}.title`)}
                  </span>
                  <span className="tile__description" id={descriptionId}>
                    {t(`${texts}.description`)}
                  </span>
                  {status ? (
                    <span className="tile__status" id={`tile-${service.key}-status`}>
                      {status}
                    </span>
                  ) : null}
                </Link>
              </li>
            );
          }
          const statusId = `tile-${service.key}-status`;
          return (
            <li key={service.key} className="tiles__item">
              <div
                className="tile tile--unavailable"
                role="group"
                aria-disabled="true"
                aria-labelledby={titleId}
                aria-describedby={`${descriptionId} ${statusId}`}
              >
                <span className="tile__title" id={titleId}>
                  {t(`${texts}.title`)}
                </span>
                <span className="tile__description" id={descriptionId}>
                  {t(`${texts}.description`)}
                </span>
                <span className="tile__status" id={statusId}>
                  {t('home.unavailable')}
                </span>
              </div>
            </li>
          );
        })}
      </ul>

      <section aria-labelledby="home-citizens-title">
        <h2 id="home-citizens-title">{t('home.citizensTitle')}</h2>
        <p>
          {t('home.citizensIntro')} <Link to={CITIZEN_FORM}>{t('home.citizensLink')}</Link>
        </p>
      </section>
    </>
  );
}
