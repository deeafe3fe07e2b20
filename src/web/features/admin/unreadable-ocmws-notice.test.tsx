// @vitest-environment jsdom
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { i18n } from '../../i18n/index.js';
import { UnreadableOcmwsNotice } from './unreadable-ocmws-notice.js';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function answer(items: unknown[]) {
  const fetchMock = vi.fn(async () => new Response(JSON.stringify({ date: '2026-03-10', items }), { status: 200, headers: { 'content-type': 'application/json' } }));
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

const show = () =>
  render(
    <I18nextProvider i18n={i18n}>
      <UnreadableOcmwsNotice />
    </I18nextProvider>,
  );

describe("the administrator's warning about requests nobody can read (issue 19)", () => {
  it.each([
    ['nl', 'Hulpaanvragen die niemand kan lezen', 'OCMW Beveren-Kruibeke-Zwijndrecht (0999.002.802): 2 ongelezen aanvragen, de oudste sinds 09/03/2026'],
    ['fr', "Des demandes d'aide que personne ne peut lire", 'OCMW Beveren-Kruibeke-Zwijndrecht (0999.002.802) : 2 demandes non lues, la plus ancienne depuis le 09/03/2026'],
  ])('in %s names each OCMW with its unread requests', async (lang, title, item) => {
    const fetchMock = answer([{ organisationId: 'x', name: 'OCMW Beveren-Kruibeke-Zwijndrecht', kbo: '0999.002.802', unread: 2, oldestReceivedOn: '2026-03-09' }]);
    await i18n.changeLanguage(lang);
    show();
    expect(await screen.findByRole('heading', { level: 2, name: title })).toBeTruthy();
    expect(screen.getByRole('listitem').textContent).toBe(item);
    expect(fetchMock).toHaveBeenCalledWith('/api/v1/admin/help-requests/unreadable', expect.objectContaining({ method: 'GET' }));
  });

  it('shows nothing when every OCMW with requests has a reader', async () => {
    const fetchMock = answer([]);
    await i18n.changeLanguage('nl');
    const { container } = show();
    await waitFor(() => expect(fetchMock).toHaveBeenCalled());
    await new Promise((r) => setTimeout(r, 20));
    expect(container.innerHTML).toBe('');
  });
});
