/**
 * The portal's services in one list (issue 19): route, texts and who may use each. The header
 * navigation and the home tiles both come from `servicesFor`, which reads the same data the
 * server authorizes with: the chosen role, its organisation's kind and the permissions the
 * server computed for it (`can()` in modules/access/authorization.ts). Pure, so it is tested
 * table-driven without a browser.
 */
import type { RoleChoice } from '../modules/auth/auth.schema.js';
import { ORGANISATION_ACCESS_PATH } from './features/admin/organisation-access-page.js';
import { chamanPaths } from './features/channels/chaman-common.js';
import { DOSSIER_PERMISSION, dossierPaths } from './features/dossiers/dossiers-common.js';
import { OCMW_ONLINE_PERMISSIONS, helpRequestPaths } from './features/help-requests/help-requests-common.js';
import { EBOX_PERMISSION, eboxPaths } from './features/mailbox/ebox-common.js';
import { ACCESS_LOG_PATH, PRIVACY_PERMISSION, privacyPaths } from './features/privacy/access-log-common.js';
import { SUBSIDY_PERMISSION, subsidyPaths } from './features/subsidy-report/subsidy-report-common.js';

export type ServiceKey =
  | 'access'
  | 'chaman'
  | 'configuration'
  | 'privacy'
  | 'online'
  | 'dossiers'
  | 'ebox'
  | 'report'
  | 'mergers'
  | 'htbImport'
  | 'orgAccess'
  | 'mails'
  | 'retention';

type Role = RoleChoice['role'];
type OrganisationKind = NonNullable<RoleChoice['organisation']>['kind'];

export interface PortalService {
  key: ServiceKey;
  to: string;
  /** The header link's text (`header.*`). */
  navLabel: string;
  /** Where the tile's title and description are in the catalogue. */
  texts: string;
  /** The permission the role needs (any one of a list). Without one, every role of the audience may use it. */
  permission?: string | readonly string[];
  /** Another entrance for roles without `permission` (the dossiers' R9.4 setting for OCMW-configuratie). */
  fallback?: { to: string; permission: string };
  /**
   * Who can ever use the service: the platform administrator (`admin`), or the listed roles in an
   * organisation of the listed kinds. Anyone else never sees it, neither in the header nor as a tile.
   */
  audience: 'admin' | { kinds: readonly OrganisationKind[]; roles: readonly Role[] } | 'everyone';
  /** Shown only to the roles that hold `permission`, never as a closed tile (a function one is appointed to, not asks for). */
  holdersOnly?: boolean;
}

const ADMIN_PERMISSION = 'platform.admin';
/** Roles that use the secured applications of a domain (R2.8): a (co-)HTB does not, in that role. */
const APPLICATION_ROLES: readonly Role[] = ['TB', 'CO_TB', 'USER'];
const MANAGER_ROLES: readonly Role[] = ['HTB', 'CO_HTB', 'TB', 'CO_TB'];
const OCMW_ONLY = ['ocmw'] as const;

// In the order socialsecurity.be shows them; the administrator's own after.
export const PORTAL_SERVICES: readonly PortalService[] = [
  { key: 'online', to: helpRequestPaths.list, navLabel: 'header.navOnline', texts: 'tiles.online', permission: OCMW_ONLINE_PERMISSIONS, audience: { kinds: OCMW_ONLY, roles: APPLICATION_ROLES } },
  { key: 'ebox', to: eboxPaths.list, navLabel: 'header.navEbox', texts: 'tiles.ebox', permission: EBOX_PERMISSION, audience: { kinds: OCMW_ONLY, roles: APPLICATION_ROLES } },
  {
    key: 'dossiers',
    to: dossierPaths.list,
    navLabel: 'header.navDossiers',
    texts: 'dossiers.tile',
    permission: DOSSIER_PERMISSION,
    fallback: { to: dossierPaths.settings, permission: 'app:ocmw-configuratie' },
    audience: { kinds: OCMW_ONLY, roles: APPLICATION_ROLES },
  },
  { key: 'report', to: subsidyPaths.list, navLabel: 'header.navReport', texts: 'tiles.report', permission: SUBSIDY_PERMISSION, audience: { kinds: OCMW_ONLY, roles: APPLICATION_ROLES } },
  { key: 'access', to: '/toegangsbeheer', navLabel: 'header.navAccess', texts: 'tiles.access', permission: 'access.read', audience: { kinds: ['ocmw', 'vendor', 'institution'], roles: MANAGER_ROLES } },
  { key: 'chaman', to: chamanPaths.home, navLabel: 'header.navChaman', texts: 'tiles.chaman', permission: 'app:chaman', audience: { kinds: ['ocmw', 'vendor', 'institution'], roles: APPLICATION_ROLES } },
  { key: 'configuration', to: '/configuratie', navLabel: 'header.navConfiguration', texts: 'tiles.configuration', permission: 'app:ocmw-configuratie', audience: { kinds: OCMW_ONLY, roles: APPLICATION_ROLES } },
  // Issue 24: the data protection officer's access log (the application privacy-officer).
  { key: 'privacy', to: ACCESS_LOG_PATH, navLabel: 'privacy.nav', texts: 'privacy.tile', permission: PRIVACY_PERMISSION, audience: { kinds: OCMW_ONLY, roles: APPLICATION_ROLES }, holdersOnly: true },
  { key: 'mergers', to: '/fusies', navLabel: 'header.navMergers', texts: 'tiles.mergers', audience: 'everyone' },
  { key: 'orgAccess', to: ORGANISATION_ACCESS_PATH, navLabel: 'header.navOrgAccess', texts: 'tiles.orgAccess', permission: ADMIN_PERMISSION, audience: 'admin' },
  { key: 'htbImport', to: '/beheer/htb-import', navLabel: 'header.navHtbImport', texts: 'tiles.htbImport', permission: ADMIN_PERMISSION, audience: 'admin' },
  { key: 'mails', to: '/beheer/e-mails', navLabel: 'header.navMails', texts: 'tiles.mails', permission: ADMIN_PERMISSION, audience: 'admin' },
  // Issue 24: the retention periods (the privacy officer reaches them from the privacy area's own navigation).
  { key: 'retention', to: privacyPaths.retention, navLabel: 'privacy.retention.nav', texts: 'privacy.retention.tile', permission: ADMIN_PERMISSION, audience: 'admin' },
];

/** Who can give the role a service it may use but lacks (a message key of `home.grant.*`). */
export type GrantKey = 'self' | 'tb' | 'managers';

export type ServiceState =
  | { service: PortalService; open: true; to: string }
  | { service: PortalService; open: false; grant: GrantKey };

function isAllowed(permission: PortalService['permission'], permissions: readonly string[]): boolean {
  if (permission === undefined) return true;
  return typeof permission === 'string' ? permissions.includes(permission) : permission.some((p) => permissions.includes(p));
}

function inAudience(audience: PortalService['audience'], context: RoleChoice): boolean {
  if (audience === 'everyone') return true;
  const isAdmin = context.role === 'ADMIN';
  if (audience === 'admin') return isAdmin;
  if (isAdmin || !context.organisation) return false;
  return audience.kinds.includes(context.organisation.kind) && audience.roles.includes(context.role);
}

/**
 * R2.4, R2.8: a TB gives itself applications (its own user page), a co-TB gets them from the TB or
 * a (co-)HTB, a user from the TB or a co-TB of the domain.
 */
function grantOf(role: Role): GrantKey {
  if (role === 'TB') return 'self';
  if (role === 'CO_TB') return 'tb';
  return 'managers';
}

/**
 * The services the chosen role sees, in the list's order: open (with the link to follow) or
 * closed with who can grant it. What the role can never use is left out.
 */
export function servicesFor(context: RoleChoice | null | undefined): ServiceState[] {
  if (!context) return [];
  const states: ServiceState[] = [];
  for (const service of PORTAL_SERVICES) {
    if (!inAudience(service.audience, context)) continue;
    if (isAllowed(service.permission, context.permissions)) {
      states.push({ service, open: true, to: service.to });
    } else if (service.fallback && context.permissions.includes(service.fallback.permission)) {
      states.push({ service, open: true, to: service.fallback.to });
    } else if (!service.holdersOnly) {
      states.push({ service, open: false, grant: grantOf(context.role) });
    }
  }
  return states;
}

/** The header navigation: only the services the role can open now. */
export function navigationFor(context: RoleChoice | null | undefined): { key: ServiceKey; to: string; label: string }[] {
  return servicesFor(context)
    .filter((state): state is Extract<ServiceState, { open: true }> => state.open)
    .map((state) => ({ key: state.service.key, to: state.to, label: state.service.navLabel }));
}

/** The citizen's form of OCMW Online (SPEC §6), open to everyone without login. */
export const CITIZEN_FORM_PATH = helpRequestPaths.citizen;
