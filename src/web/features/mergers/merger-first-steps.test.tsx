// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { MemoryRouter } from 'react-router-dom';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RoleChoice } from '../../../modules/auth/auth.schema.js';
import { permissionsOf } from '../../../modules/access/authorization.js';
import { i18n } from '../../i18n/index.js';
import { MergerFirstSteps, stepsFor } from './merger-first-steps.js';
import type { MergerChecklistData } from './mergers-api.js';

const ORG = 'org-beveren-kruibeke-zwijndrecht';

function checklist(done: string[], scenario = 1, role: 'new_target' | 'keeper' = 'new_target'): MergerChecklistData {
  const items = ['tb_appointed', 'ftp_account', 'rest_account', 'config_mutations', 'config_technical', 'config_contact', 'config_online'].map((item) => ({
    organisationId: ORG,
    item,
    label: item,
    check: 'auto' as const,
    status: done.includes(item) ? ('done' as const) : ('open' as const),
    deadline: '2025-01-01',
    overdue: false,
    detail: '',
  }));
  return {
    merger: { id: 7, code: 'F1', name: 'Beveren-Kruibeke-Zwijndrecht', effectiveDate: '2025-01-01', htbDeadline: '2024-10-01', status: 'applied', scenario },
    progress: 0,
    organisations: [{ organisationId: ORG, name: 'OCMW Beveren-Kruibeke-Zwijndrecht', role, progress: 0, items }],
  } as unknown as MergerChecklistData;
}

function choice(role: RoleChoice['role']): RoleChoice {
  const domainBound = role === 'TB' || role === 'CO_TB' || role === 'USER';
  return {
    id: role,
    role,
    organisation: {
      id: ORG,
      kbo: '0999000001',
      kboFormatted: '0999.000.001',
      kind: 'ocmw',
      name: { nl: 'OCMW Beveren-Kruibeke-Zwijndrecht', fr: 'CPAS Beveren-Kruibeke-Zwijndrecht', de: 'ÖSHZ Beveren-Kruibeke-Zwijndrecht' },
      status: 'active',
      isDemo: true,
      validFrom: '2025-01-01',
      validTo: null,
      accessEndedOn: null,
    },
    domain: null,
    applications: [],
    permissions: permissionsOf({ role, organisationId: ORG, domainId: domainBound ? 'd' : null, domainCode: domainBound ? 'MW' : null, applications: [] }),
  };
}

function renderSteps(list: MergerChecklistData, context: RoleChoice) {
  return render(
    <I18nextProvider i18n={i18n}>
      <MemoryRouter>
        <MergerFirstSteps checklist={list} context={context} />
      </MemoryRouter>
    </I18nextProvider>,
  );
}

describe('the first steps of a scenario-1 OCMW (issue 19)', () => {
  beforeEach(async () => {
    await i18n.changeLanguage('nl');
  });
  afterEach(cleanup);

  it.each<[RoleChoice['role'], boolean, string[]]>([
    ['HTB', false, ['appointTb', 'channels', 'configuration']],
    ['CO_HTB', true, ['appointTb', 'channels', 'configuration']],
    ['TB', true, ['channels', 'configuration', 'applications']],
    ['CO_TB', false, ['waitTb', 'channels', 'configuration', 'applications']],
    ['CO_TB', true, ['channels', 'configuration', 'applications']],
    ['USER', false, []],
  ])('%s (TB known: %s) gets %j', (role, tbKnown, steps) => {
    expect(stepsFor(role, tbKnown)).toEqual(steps);
  });

  it('tells the HTB to appoint a TB first, with the link, and names the TB for ChaMan and the configuration', () => {
    renderSteps(checklist([]), choice('HTB'));
    expect(screen.getByRole('heading', { name: 'Eerste stappen voor OCMW Beveren-Kruibeke-Zwijndrecht' })).toBeTruthy();
    const items = screen.getAllByRole('listitem');
    expect(items[0]!.textContent).toContain('Duid een toegangsbeheerder (TB) aan');
    expect(screen.getByRole('link', { name: /Duid een toegangsbeheerder/ }).getAttribute('href')).toBe('/toegangsbeheer');
    expect(items[0]!.textContent).toContain('niemand verwijderen');
    // The HTB cannot use ChaMan: no link, and the text says who does it.
    expect(screen.queryByRole('link', { name: /ChaMan/ })).toBeNull();
    expect(items[1]!.textContent).toContain('Dit doet de TB (of een co-TB)');
  });

  it('gives the TB links to ChaMan and the configuration, and marks what the data shows as done', () => {
    renderSteps(checklist(['tb_appointed', 'ftp_account', 'rest_account']), choice('TB'));
    expect(screen.getByRole('link', { name: /FTP- en REST-accounts/ }).getAttribute('href')).toBe('/chaman');
    expect(screen.getByRole('link', { name: /OCMW-configuratie/ }).getAttribute('href')).toBe('/configuratie');
    const [channels, configuration] = screen.getAllByRole('listitem');
    expect(channels!.textContent).toContain('In orde');
    expect(configuration!.textContent).not.toContain('In orde');
  });

  it('shows nothing outside a scenario-1 new OCMW', () => {
    const { container } = renderSteps(checklist([], 2, 'keeper'), choice('HTB'));
    expect(container.textContent).toBe('');
  });
});
