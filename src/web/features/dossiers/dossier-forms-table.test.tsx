// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { i18n } from '../../i18n/index.js';
import type { FormData } from './dossiers-api.js';
import { DossierFormsTable } from './dossier-forms-table.js';

afterEach(cleanup);
beforeEach(async () => {
  await i18n.changeLanguage('nl');
});

const form = (id: string, status: FormData['status'], endDate: string | null): FormData => ({
  id,
  dossierId: 'd1',
  insz: '85073003328',
  kind: 'a036',
  subtype: 'medische-kosten',
  startDate: '2025-01-01',
  endDate,
  status,
  predecessorId: null,
  createdBy: 'user.antwerpen',
  stoppedBy: status === 'stopped' ? 'user.antwerpen' : null,
});

const show = (forms: FormData[], onStop = vi.fn()) => {
  render(
    <I18nextProvider i18n={i18n}>
      <DossierFormsTable caption="Formulieren" forms={forms} stopping={undefined} onStop={onStop} />
    </I18nextProvider>,
  );
  return onStop;
};

const rowOf = (status: string) => screen.getAllByRole('row').find((row) => within(row).queryByText(status))!;

describe("a dossier's forms offer 'Stopzetten' only where the server accepts it (issue 19)", () => {
  it.each([
    ['ended', 'Afgelopen', '2025-06-30'],
    ['stopped', 'Stopgezet', '2025-03-31'],
    ['cancelled', 'Geannuleerd', null],
  ] as const)('a %s form has no Stop button; its status says why', (status, label, endDate) => {
    show([form('f1', status, endDate)]);
    expect(within(rowOf(label)).queryByRole('button')).toBeNull();
    expect(screen.queryByRole('button', { name: /Stopzetten/ })).toBeNull();
  });

  it('a running form has one, named by the form, and opens its stop form', () => {
    const onStop = show([form('f1', 'running', null), form('f2', 'ended', '2025-06-30')]);
    const buttons = screen.getAllByRole('button', { name: /Stopzetten/ });
    expect(buttons).toHaveLength(1);
    expect(within(rowOf('Lopend')).getByRole('button')).toBe(buttons[0]);
    expect(buttons[0]!.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(buttons[0]!);
    expect(onStop).toHaveBeenCalledWith('f1');
  });
});
