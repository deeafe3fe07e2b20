import { describe, expect, it } from 'vitest';
import { can, canActOn, permissionsOf, type AuthContext, type Permission, type Role } from './authorization.js';

const ORG = 'org-a';
const OTHER = 'org-b';
const MW = 'dom-mw';
const RSZ = 'dom-rsz';

function ctx(role: Role, applications: string[] = [], domainId: string | null = MW, domainCode: string | null = 'MW'): AuthContext {
  const orgLevel = role === 'HTB' || role === 'CO_HTB' || role === 'ADMIN';
  return {
    role,
    organisationId: role === 'ADMIN' ? null : ORG,
    domainId: orgLevel ? null : domainId,
    domainCode: orgLevel ? null : domainCode,
    applications,
  };
}

const ALL: Permission[] = [
  'access.read',
  'access.add-user',
  'access.edit-user',
  'access.remove-user',
  'access.manage-co-tb',
  'access.change-tb',
  'access.manage-co-htb',
  'access.read-audit',
  'access.edit-domain',
  'platform.admin',
];

describe('can(): role permissions in the own organisation (R2.3, R2.4)', () => {
  const table: [Role, Permission[]][] = [
    ['HTB', ALL.filter((p) => p !== 'platform.admin')],
    ['CO_HTB', ALL.filter((p) => p !== 'platform.admin')],
    ['TB', ['access.read', 'access.add-user', 'access.edit-user', 'access.remove-user', 'access.manage-co-tb', 'access.read-audit', 'access.edit-domain']],
    ['CO_TB', ['access.read', 'access.add-user', 'access.edit-user']],
    ['USER', []],
    ['ADMIN', ['platform.admin']],
  ];
  it.each(table)('%s may do exactly %j', (role, allowed) => {
    const c = ctx(role);
    const target = role === 'ADMIN' ? undefined : { organisationId: ORG, domainId: MW };
    expect(ALL.filter((p) => can(c, p, target))).toEqual(allowed);
  });

  it.each<Role>(['HTB', 'CO_HTB', 'TB', 'CO_TB', 'USER'])('%s may do nothing in another organisation', (role) => {
    const c = ctx(role, ['chaman', 'ebox']);
    for (const p of [...ALL, 'app:chaman', 'app:ebox'] as Permission[]) expect(can(c, p, { organisationId: OTHER })).toBe(false);
  });

  it('keeps a TB to its own domain, while an HTB reaches every domain of the organisation', () => {
    expect(can(ctx('TB'), 'access.read', { organisationId: ORG, domainId: RSZ })).toBe(false);
    expect(can(ctx('HTB'), 'access.read', { organisationId: ORG, domainId: RSZ })).toBe(true);
  });

  it('refuses everything without a chosen role', () => {
    for (const p of ALL) expect(can(null, p)).toBe(false);
  });
});

describe('can(): secured applications (R2.8, R3.1, R4.1)', () => {
  it.each<[string, AuthContext, Permission, boolean]>([
    ['a user with ChaMan', ctx('USER', ['chaman']), 'app:chaman', true],
    ['a user without ChaMan', ctx('USER', ['ebox']), 'app:chaman', false],
    ['the TB (ChaMan without the application)', ctx('TB'), 'app:chaman', true],
    ['a co-TB (ChaMan)', ctx('CO_TB'), 'app:chaman', true],
    ['the TB of MW (OCMW-configuratie)', ctx('TB'), 'app:ocmw-configuratie', true],
    ['the TB of Werkgever RSZ (no OCMW-configuratie)', ctx('TB', [], RSZ, 'RSZ'), 'app:ocmw-configuratie', false],
    ['the TB (e-Box needs the application)', ctx('TB'), 'app:ebox', false],
    ['the TB with e-Box', ctx('TB', ['ebox']), 'app:ebox', true],
    ['an HTB (applications are not theirs)', ctx('HTB'), 'app:ebox', false],
    ['the administrator', ctx('ADMIN'), 'app:ebox', false],
  ])('%s', (_, c, p, expected) => {
    expect(can(c, p, c.organisationId ? { organisationId: ORG } : undefined)).toBe(expected);
  });
});

describe('canActOn(): who may act on whom (R2.4)', () => {
  const table: [Role, 'TB' | 'CO_TB' | 'USER', 'remove' | 'block' | 'unblock' | 'edit', boolean][] = [
    ['TB', 'USER', 'remove', true],
    ['TB', 'USER', 'block', true],
    ['TB', 'CO_TB', 'remove', true],
    ['TB', 'CO_TB', 'block', true],
    ['TB', 'TB', 'remove', false],
    ['TB', 'TB', 'block', false],
    ['CO_TB', 'USER', 'remove', false],
    ['CO_TB', 'USER', 'block', true],
    ['CO_TB', 'USER', 'edit', true],
    ['CO_TB', 'CO_TB', 'block', false],
    ['CO_TB', 'CO_TB', 'edit', false],
    ['HTB', 'TB', 'edit', true],
    ['HTB', 'TB', 'remove', false],
    ['HTB', 'CO_TB', 'remove', true],
    ['USER', 'USER', 'block', false],
  ];
  it.each(table)('%s on a %s: %s → %s', (role, type, action, expected) => {
    expect(canActOn(ctx(role), action, { type, isSelf: false })).toBe(expected);
  });
  it('never lets anyone block or remove themselves, but a TB edits its own applications', () => {
    expect(canActOn(ctx('TB'), 'block', { type: 'USER', isSelf: true })).toBe(false);
    expect(canActOn(ctx('TB'), 'remove', { type: 'CO_TB', isSelf: true })).toBe(false);
    expect(canActOn(ctx('TB'), 'edit', { type: 'TB', isSelf: true })).toBe(true);
  });
});

describe('permissionsOf()', () => {
  it('lists what the UI may offer', () => {
    expect(permissionsOf(ctx('USER', ['ebox']))).toEqual(['app:ebox']);
    expect(permissionsOf(ctx('CO_TB'))).toEqual(['access.read', 'access.add-user', 'access.edit-user', 'app:chaman', 'app:ocmw-configuratie']);
    expect(permissionsOf(null)).toEqual([]);
  });
});
