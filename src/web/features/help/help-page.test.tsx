// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { MemoryRouter } from 'react-router-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { i18n } from '../../i18n/index.js';
import { HelpPage } from './help-page.js';

const HELPDESK = { name: "Helpdesk OCMW's-CPAS", email: 'ocmw-cpas@smals.be', phoneNl: '02 787 58 27', phoneFr: '02 787 58 28', hours: '08:30–16:30' };

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('the help page (R12.1)', () => {
  it.each([
    ['nl', 'Help en contact', 'Elke werkdag van 08:30–16:30', 'Telefoon (Frans)'],
    ['fr', 'Aide et contact', 'Chaque jour ouvrable de 08:30–16:30', 'Téléphone (français)'],
    ['de', 'Hilfe und Kontakt', 'Jeden Werktag von 08:30–16:30', 'Telefon (Französisch)'],
    ['en', 'Help and contact', 'Every working day, 08:30–16:30', 'Phone (French)'],
  ])('in %s shows the helpdesk the server gives, with mail and phone links and the scenarios', async (lang, title, hours, frLabel) => {
    const fetchMock = vi.fn(async () => new Response(JSON.stringify(HELPDESK), { status: 200, headers: { 'content-type': 'application/json' } }));
    vi.stubGlobal('fetch', fetchMock);
    await i18n.changeLanguage(lang);
    render(
      <I18nextProvider i18n={i18n}>
        <MemoryRouter>
          <HelpPage />
        </MemoryRouter>
      </I18nextProvider>,
    );
    expect(screen.getByRole('heading', { level: 1, name: title })).toBeTruthy();
    expect((await screen.findByRole('link', { name: 'ocmw-cpas@smals.be' })).getAttribute('href')).toBe('mailto:ocmw-cpas@smals.be');
    expect(screen.getByRole('link', { name: '02 787 58 27' }).getAttribute('href')).toBe('tel:027875827');
    expect(screen.getByRole('link', { name: '02 787 58 28' }).getAttribute('href')).toBe('tel:027875828');
    expect(screen.getByText(hours)).toBeTruthy();
    expect(screen.getByText(frLabel)).toBeTruthy();
    expect(screen.getAllByRole('heading', { level: 3 })).toHaveLength(3);
    expect(fetchMock).toHaveBeenCalledWith('/api/v1/help', expect.objectContaining({ method: 'GET' }));
    expect(within(document.body).queryByRole('alert')).toBeNull();
  });
});
