// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { i18n } from '../../i18n/index.js';
import { SubjectRegister } from './subject-register.js';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const ENTRY = { id: 7, kind: 'erasure', insz: '85073003328', reason: 'Brief van 2 maart', officer: 'dpo.antwerpen', at: '2026-03-04T10:12:00.000Z', businessDate: '2026-03-04', counts: { mails: 2 } };

describe("the register of citizens' requests on /privacy/verzoeken (issue 24)", () => {
  it.each([
    ['nl', 'Register van verzoeken', 'Wissing'],
    ['en', 'Register of requests', 'Erasure'],
  ])('in %s: shows each request with its reason, newest first, from the register', async (lang, title, kind) => {
    const fetchMock = vi.fn(async (_url: string) => new Response(JSON.stringify({ items: [ENTRY], total: 1, page: 1, pageSize: 20 }), { status: 200, headers: { 'content-type': 'application/json' } }));
    vi.stubGlobal('fetch', fetchMock);
    await i18n.changeLanguage(lang);
    render(
      <I18nextProvider i18n={i18n}>
        <SubjectRegister version={0} />
      </I18nextProvider>,
    );
    expect(await screen.findByText('Brief van 2 maart')).toBeTruthy();
    expect(screen.getByRole('heading', { level: 2, name: title })).toBeTruthy();
    expect(screen.getByText(kind)).toBeTruthy();
    expect(fetchMock.mock.calls[0]![0]).toBe('/api/v1/privacy/subject-requests?page=1&pageSize=20');
  });
});
