/**
 * The one authorization function (issue #3 point 10, SPEC R2.3, R2.4, R3.1, R4.1). Every
 * module asks `can(context, permission, target)`; no module does its own role arithmetic.
 * Pure: the context is the role the person chose for the session, re-checked on each request.
 */
import type { ApplicationCode } from '../../shared/applications.js';

export type Role = 'HTB' | 'CO_HTB' | 'TB' | 'CO_TB' | 'USER' | 'ADMIN';
export type MembershipType = 'TB' | 'CO_TB' | 'USER';

export type Permission =
  /** See a domain's users, their details and the domain's home page. */
  | 'access.read'
  /** Add users (type USER) to a domain. */
  | 'access.add-user'
  /** Edit users: local e-mail, applications, block and unblock. */
  | 'access.edit-user'
  /** Remove users from a domain. */
  | 'access.remove-user'
  /** Add, remove, block and edit co-TBs. */
  | 'access.manage-co-tb'
  /** Appoint or replace the TB of a domain ("Van Toegangsbeheerder veranderen"). */
  | 'access.change-tb'
  /** Add and remove co-HTBs of the organisation. */
  | 'access.manage-co-htb'
  /** Read and export the audit log. */
  | 'access.read-audit'
  /** Change the domain's contact data. */
  | 'access.edit-domain'
  /** Platform administration: mergers, imports, outbox. */
  | 'platform.admin'
  /** Use a secured application of the domain. */
  | `app:${ApplicationCode}`;

export interface AuthContext {
  role: Role;
  organisationId: string | null;
  domainId: string | null;
  domainCode: string | null;
  /** The secured applications of the membership (empty for HTB and ADMIN). */
  applications: readonly string[];
}

export interface Target {
  organisationId: string;
  /** When the permission concerns one domain of the organisation. */
  domainId?: string | null;
}

const MANAGER_PERMISSIONS: Record<Role, readonly Permission[]> = {
  HTB: [
    'access.read',
    'access.add-user',
    'access.edit-user',
    'access.remove-user',
    'access.manage-co-tb',
    'access.change-tb',
    'access.manage-co-htb',
    'access.read-audit',
    'access.edit-domain',
  ],
  CO_HTB: [
    'access.read',
    'access.add-user',
    'access.edit-user',
    'access.remove-user',
    'access.manage-co-tb',
    'access.change-tb',
    'access.manage-co-htb',
    'access.read-audit',
    'access.edit-domain',
  ],
  TB: ['access.read', 'access.add-user', 'access.edit-user', 'access.remove-user', 'access.manage-co-tb', 'access.read-audit', 'access.edit-domain'],
  // R2.4 [choice]: a co-TB adds, edits, blocks users and manages their applications, but
  // removes nobody and does not manage co-TBs.
  CO_TB: ['access.read', 'access.add-user', 'access.edit-user'],
  USER: [],
  ADMIN: ['platform.admin'],
};

/** Applications that the (co-)TB of a domain may use without holding them (R3.1, R4.1). */
const MANAGER_APPLICATIONS: Partial<Record<ApplicationCode, (domainCode: string | null) => boolean>> = {
  chaman: () => true,
  'ocmw-configuratie': (domainCode) => domainCode === 'MW',
};

/** True when the context may do `permission` on `target` (default: its own organisation/domain). */
export function can(ctx: AuthContext | null | undefined, permission: Permission, target?: Target): boolean {
  if (!ctx) return false;
  if (permission === 'platform.admin') return ctx.role === 'ADMIN';
  if (ctx.role === 'ADMIN') return false;
  if (target) {
    if (target.organisationId !== ctx.organisationId) return false;
    // Domain-bound roles see only their own domain; (co-)HTBs see every domain of their organisation.
    if (ctx.domainId && target.domainId && target.domainId !== ctx.domainId) return false;
  }
  if (permission.startsWith('app:')) {
    const app = permission.slice(4) as ApplicationCode;
    if (ctx.role === 'HTB' || ctx.role === 'CO_HTB') return false;
    if (ctx.applications.includes(app)) return true;
    const managerRule = MANAGER_APPLICATIONS[app];
    return (ctx.role === 'TB' || ctx.role === 'CO_TB') && managerRule !== undefined && managerRule(ctx.domainCode);
  }
  return MANAGER_PERMISSIONS[ctx.role].includes(permission);
}

export type SubjectAction = 'remove' | 'block' | 'unblock' | 'edit';

/**
 * Whether the context may act on a membership of the given type (R2.4): the TB is changed
 * only through "Van Toegangsbeheerder veranderen", co-TBs only by the TB and (co-)HTB, and
 * nobody blocks or removes themselves.
 */
export function canActOn(
  ctx: AuthContext | null | undefined,
  action: SubjectAction,
  subject: { type: MembershipType; isSelf: boolean },
): boolean {
  if (!ctx) return false;
  if (subject.isSelf && action !== 'edit') return false;
  if (subject.type === 'TB') {
    // The TB is replaced, never blocked or removed; its applications are edited by the
    // (co-)HTB or by the TB itself.
    return action === 'edit' && (ctx.role === 'HTB' || ctx.role === 'CO_HTB' || (ctx.role === 'TB' && subject.isSelf));
  }
  const permission: Permission =
    subject.type === 'CO_TB' ? 'access.manage-co-tb' : action === 'remove' ? 'access.remove-user' : 'access.edit-user';
  return MANAGER_PERMISSIONS[ctx.role].includes(permission);
}

/** Everything the context may do in general (the UI shows only what is allowed). */
export function permissionsOf(ctx: AuthContext | null | undefined): Permission[] {
  if (!ctx) return [];
  const apps = ['chaman', 'ocmw-configuratie', ...ctx.applications] as ApplicationCode[];
  const candidates: Permission[] = [
    ...MANAGER_PERMISSIONS[ctx.role],
    ...[...new Set(apps)].map((a) => `app:${a}` as const),
  ];
  return candidates.filter((p) => can(ctx, p));
}
