// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { i18n } from '../../i18n/index.js';
import { LIST_REPEAT_WINDOW_MS } from '../../../modules/privacy/access-log.js';
import { AccessLogPage } from './access-log-page.js';

// The officer's session: the privacy area's navigation shows its three pages.
vi.mock('../../session.js', () => ({ useSession: () => ({ session: { context: { permissions: ['app:privacy-officer'], domain: null } } }) }));

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const ITEM = { id: 42, at: '2026-12-07T09:15:00.000Z', businessDate: '2026-12-07', organisation: '0212235604', actor: 'user.antwerpen (Jan Peeters)', actorUserId: 'u1', actorRole: 'USER', channel: 'vendor-api', action: 'help-request.read', objectKind: 'help-request', objectId: 'h1', insz: '85073003328' };

function answer(nextCursor: string | null) {
  const fetchMock = vi.fn(async (_url: string, _init?: RequestInit) => new Response(JSON.stringify({ items: [ITEM], pageSize: 50, nextCursor }), { status: 200, headers: { 'content-type': 'application/json' } }));
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

function Where() {
  return <output data-testid="where">{useLocation().search}</output>;
}

const show = (url: string) =>
  render(
    <I18nextProvider i18n={i18n}>
      <MemoryRouter initialEntries={[url]}>
        <Routes>
          <Route path="/privacy/toegangslog" element={<><AccessLogPage /><Where /></>} />
        </Routes>
      </MemoryRouter>
    </I18nextProvider>,
  );

describe("the data protection officer's access log page (issue 24)", () => {
  it.each([
    ['nl', /binnen 15 minuten op dezelfde werkdatum .* één keer/],
    ['fr', /dans les 15 minutes, à la même date de travail, n'y figure qu'une fois/],
    ['de', /innerhalb von 15 Minuten am selben Geschäftsdatum .* nur einmal/],
    ['en', /within 15 minutes on the same business date is recorded once/],
  ])('in %s: says the repeat rule of the log (LIST_REPEAT_WINDOW_MS) to the officer reading it', async (lang, rule) => {
    answer(null);
    await i18n.changeLanguage(lang);
    show('/privacy/toegangslog');
    expect(await screen.findByText(rule)).toBeTruthy();
    expect(LIST_REPEAT_WINDOW_MS).toBe(15 * 60_000);
  });

  it.each([
    ['nl', 'Toegangslog', 'API softwareleverancier', 'Hulpaanvraag geopend', 'Zoeken'],
    ['fr', "Journal d'accès", 'API fournisseur de logiciels', "Demande d'aide ouverte", 'Rechercher'],
    ['de', 'Zugriffsprotokoll', 'API Softwareanbieter', 'Hilfeantrag geöffnet', 'Suchen'],
    ['en', 'Access log', 'Software vendor API', 'Help request opened', 'Search'],
  ])("in %s: searches an INSZ in a POST body, never in the page's URL, and shows each read with its channel and action", async (lang, title, channel, action) => {
    const fetchMock = answer(null);
    await i18n.changeLanguage(lang);
    show('/privacy/toegangslog?from=2026-01-01');
    expect(await screen.findByRole('heading', { level: 1, name: title })).toBeTruthy();
    // The privacy area's own navigation: this page marked, the citizens' requests and retention beside it.
    const tabs = screen.getAllByRole('navigation').find((n) => n.querySelector('a[href="/privacy/verzoeken"]'))!;
    expect(tabs.querySelectorAll('a')).toHaveLength(3);
    expect(tabs.querySelector('a[aria-current="page"]')?.getAttribute('href')).toBe('/privacy/toegangslog');
    expect(await screen.findByText(channel)).toBeTruthy();
    expect(screen.getByText(action)).toBeTruthy();
    fireEvent.change(screen.getByLabelText(i18n.t('privacy.accessLog.insz')), { target: { value: '85073003328' } });
    fireEvent.submit(screen.getByRole('search'));
    await waitFor(() => expect(fetchMock.mock.calls.some(([, init]) => typeof init?.body === 'string' && init.body.includes('85073003328'))).toBe(true));
    const [url, init] = fetchMock.mock.calls.find(([, i]) => typeof i?.body === 'string' && i.body.includes('85073003328'))!;
    expect(url).toBe('/api/v1/privacy/access-log/search');
    expect(init).toMatchObject({ method: 'POST' });
    expect(JSON.parse(init!.body as string)).toEqual({ from: '2026-01-01', insz: '85073003328', pageSize: 50 });
    expect(screen.getByTestId('where').textContent).toBe('?from=2026-01-01');
    expect(fetchMock.mock.calls.every(([u]) => !String(u).includes('85073003328'))).toBe(true);
  });

  it('goes to the older reads with the cursor, and a click on a person keeps only their reads', async () => {
    answer('41');
    await i18n.changeLanguage('en');
    show('/privacy/toegangslog');
    fireEvent.click(await screen.findByRole('button', { name: 'Older reads' }));
    expect(screen.getByTestId('where').textContent).toBe('?page=41');
    fireEvent.click(await screen.findByRole('button', { name: ITEM.actor }));
    expect(screen.getByTestId('where').textContent).toBe('?actorUserId=u1');
  });
});
