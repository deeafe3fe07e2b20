// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { MemoryRouter } from 'react-router-dom';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RoleChoice, SessionResponse } from '../modules/auth/auth.schema.js';
import { permissionsOf, type AuthContext } from '../modules/access/authorization.js';
import { i18n } from './i18n/index.js';
import { navigationFor, servicesFor } from './portal-services.js';

type Kind = 'ocmw' | 'vendor' | 'institution';

/** A role choice with the permissions the server computes for it (the same `permissionsOf`). */
function choice(role: RoleChoice['role'], kind: Kind | null, applications: string[] = [], domainCode: 'MW' | 'RSZ' = 'MW'): RoleChoice {
  const organisation = kind
    ? {
        id: 'org-1',
        kbo: '0212235604',
        kboFormatted: '0212.235.604',
        kind,
        name: { nl: 'OCMW Antwerpen', fr: 'CPAS Anvers', de: 'ÖSHZ Antwerpen' },
        status: 'active' as const,
        isDemo: false,
        validFrom: '1977-01-01',
        validTo: null,
        accessEndedOn: null,
      }
    : null;
  const hasDomain = role === 'TB' || role === 'CO_TB' || role === 'USER';
  const ctx: AuthContext = { role, organisationId: organisation?.id ?? null, domainId: hasDomain ? 'dom-1' : null, domainCode: hasDomain ? domainCode : null, applications };
  return {
    id: `${role}:org-1:dom-1`,
    role,
    organisation,
    domain: hasDomain ? { id: 'dom-1', code: domainCode, name: { nl: 'Maatschappelijk Welzijn', fr: 'Bien-être social', de: 'Soziales Wohlergehen' } } : null,
    applications,
    permissions: role === 'ADMIN' ? ['platform.admin'] : permissionsOf(ctx),
  };
}

const SOCIAL_WORKER = choice('USER', 'ocmw', ['sociale-agent', 'ocmw-online', 'ebox']);

describe('servicesFor / navigationFor: each role sees the services it may use (issue 19)', () => {
  it.each<[string, RoleChoice, string[], string[]]>([
    // role, choice, navigation (open services), closed tiles (with who grants them)
    ['social worker', SOCIAL_WORKER, ['online', 'ebox', 'dossiers', 'mergers'], ['report', 'chaman', 'configuration']],
    ['user with the Uniek verslag', choice('USER', 'ocmw', ['uniek-verslag']), ['report', 'mergers'], ['online', 'ebox', 'dossiers', 'chaman', 'configuration']],
    ['TB of Maatschappelijk Welzijn', choice('TB', 'ocmw'), ['dossiers', 'access', 'chaman', 'configuration', 'mergers'], ['online', 'ebox', 'report']],
    ['co-TB', choice('CO_TB', 'ocmw'), ['dossiers', 'access', 'chaman', 'configuration', 'mergers'], ['online', 'ebox', 'report']],
    ['TB of another domain', choice('TB', 'ocmw', [], 'RSZ'), ['access', 'chaman', 'mergers'], ['online', 'ebox', 'dossiers', 'report', 'configuration']],
    // Issue 24: only its holders see the access log; nobody else gets a closed tile for it.
    ['data protection officer', choice('USER', 'ocmw', ['privacy-officer']), ['privacy', 'mergers'], ['online', 'ebox', 'dossiers', 'report', 'chaman', 'configuration']],
    ['HTB', choice('HTB', 'ocmw'), ['access', 'mergers'], []],
    ['co-HTB', choice('CO_HTB', 'ocmw'), ['access', 'mergers'], []],
    ['platform administrator', choice('ADMIN', null), ['mergers', 'orgAccess', 'htbImport', 'mails', 'retention'], []],
    ['vendor user', choice('USER', 'vendor', ['chaman']), ['chaman', 'mergers'], []],
  ])('%s', (_name, context, nav, closed) => {
    expect(navigationFor(context).map((n) => n.key)).toEqual(nav);
    const states = servicesFor(context);
    expect(states.filter((s) => !s.open).map((s) => s.service.key)).toEqual(closed);
    // Nothing an administrator-only service is offered to an OCMW role, nor an OCMW service to the administrator or a vendor.
    if (context.role !== 'ADMIN') expect(states.some((s) => s.service.audience === 'admin')).toBe(false);
    if (context.organisation?.kind !== 'ocmw') {
      expect(states.map((s) => s.service.key)).not.toContain('online');
      expect(states.map((s) => s.service.key)).not.toContain('configuration');
    }
  });

  it('says who grants a missing application: the TB itself, the TB for a co-TB, the TB or a co-TB for a user', () => {
    const grantOf = (c: RoleChoice) => servicesFor(c).find((s) => s.service.key === 'report');
    expect(grantOf(choice('TB', 'ocmw'))).toMatchObject({ open: false, grant: 'self' });
    expect(grantOf(choice('CO_TB', 'ocmw'))).toMatchObject({ open: false, grant: 'tb' });
    expect(grantOf(SOCIAL_WORKER)).toMatchObject({ open: false, grant: 'managers' });
  });

  it('opens the dossiers settings for OCMW-configuratie without Sociale Agent (R9.4)', () => {
    const dossiers = servicesFor(choice('TB', 'ocmw')).find((s) => s.service.key === 'dossiers');
    expect(dossiers).toMatchObject({ open: true, to: '/dossiers/instellingen' });
  });

  it('gives nothing without a chosen role', () => {
    expect(servicesFor(null)).toEqual([]);
    expect(navigationFor(undefined)).toEqual([]);
  });
});

// The header renders the same derivation: a social worker finds the daily services in the navigation.
const sessionMock = vi.hoisted(() => ({ current: undefined as SessionResponse | undefined }));
vi.mock('./session.js', () => ({
  useSession: () => ({ session: sessionMock.current, logout: async () => undefined }),
}));
const { PortalHeader } = await import('./components/portal-header.js');

function session(context: RoleChoice | null, authenticated = true): SessionResponse {
  return {
    authenticated,
    today: '2026-12-07',
    realToday: '2026-12-07',
    csrfToken: 'x',
    user: authenticated ? { id: 'u', username: 'user.antwerpen', surname: 'Peeters', firstName: 'An', language: 'nl' } : null,
    context,
    choices: context ? [context] : [],
    providers: [],
    localLogin: true,
    mustChangePassword: false,
  };
}

function renderHeader(navName = 'Hoofdmenu') {
  render(
    <I18nextProvider i18n={i18n}>
      <MemoryRouter>
        <PortalHeader />
      </MemoryRouter>
    </I18nextProvider>,
  );
  return within(screen.getByRole('navigation', { name: navName }));
}

describe('the header navigation', () => {
  beforeEach(async () => {
    await i18n.changeLanguage('nl');
  });
  afterEach(cleanup);

  it('shows a social worker OCMW Online, e-Box, Dossiers and Fusies, and no management', () => {
    sessionMock.current = session(SOCIAL_WORKER);
    const nav = renderHeader();
    expect(nav.getAllByRole('link').map((a) => a.textContent)).toEqual(['Startpagina', 'OCMW Online', 'e-Box', 'Dossiers', 'Fusies', 'Help']);
    expect(nav.getByRole('link', { name: 'e-Box' }).getAttribute('href')).toBe('/e-box');
  });

  it('shows the administrator the platform services, in French too', async () => {
    await i18n.changeLanguage('fr');
    sessionMock.current = session(choice('ADMIN', null));
    const nav = renderHeader('Menu principal');
    expect(nav.getAllByRole('link').map((a) => a.textContent)).toEqual(['Accueil', 'Fusions', 'CPAS qui disparaissent', 'Import HTB', 'E-mails', 'Délais de conservation', 'Aide']);
  });

  it('shows a vendor only ChaMan among the services', () => {
    sessionMock.current = session(choice('USER', 'vendor', ['chaman']));
    const nav = renderHeader();
    expect(nav.getAllByRole('link').map((a) => a.textContent)).toEqual(['Startpagina', 'ChaMan', 'Fusies', 'Help']);
  });

  it('shows a visitor without login the citizen form, help and the login', () => {
    sessionMock.current = session(null, false);
    const nav = renderHeader();
    expect(nav.getAllByRole('link').map((a) => a.getAttribute('href'))).toEqual(['/hulpaanvraag', '/help', '/login']);
  });
});
