// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../api.js';
import { i18n } from '../../i18n/index.js';
import { PagedRows } from './paged-rows.js';

afterEach(cleanup);
beforeEach(async () => {
  await i18n.changeLanguage('nl');
});

type Row = { table: string; op: string };
type Load = (page: number, pageSize: number, signal: AbortSignal) => Promise<{ items: Row[]; total: number; page: number; pageSize: number }>;

function show(load: Load) {
  render(
    <I18nextProvider i18n={i18n}>
      <PagedRows<Row>
        id="rows"
        loadKey="run-7"
        load={load}
        texts={{ loading: 'Laden…', empty: 'Geen rijen.', caption: (page, pages, count) => `Rijen ${page}/${pages} (${count})`, pager: 'Rijen bladeren' }}
        headers={() => ['Tabel', 'Bewerking']}
        cells={(row) => (
          <>
            <td>{row.table}</td>
            <td>{row.op}</td>
          </>
        )}
      />
    </I18nextProvider>,
  );
}

describe('PagedRows: the rows under a line, a page at a time (issue 19)', () => {
  it('says it is loading, then shows the page in a captioned table and pages on', async () => {
    const load = vi.fn<Load>(async (page, pageSize) => ({
      items: [{ table: `t${page}`, op: 'update' }],
      total: 2,
      page,
      pageSize: Math.min(pageSize, 1),
    }));
    show(load);
    expect(screen.getByRole('status').textContent).toBe('Laden…');
    expect(await screen.findByRole('table', { name: 'Rijen 1/2 (2)' })).toBeTruthy();
    expect(screen.getByRole('cell', { name: 't1' })).toBeTruthy();
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Volgende' })));
    expect(await screen.findByRole('table', { name: 'Rijen 2/2 (2)' })).toBeTruthy();
    expect(load).toHaveBeenLastCalledWith(2, expect.any(Number), expect.anything());
  });

  it('says so when there are none', async () => {
    show(async (page, pageSize) => ({ items: [], total: 0, page, pageSize }));
    expect(await screen.findByText('Geen rijen.')).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('shows a failed load as an alert', async () => {
    show(async () => {
      throw new ApiError(403, 'forbidden', 'Geen toegang tot deze overgang.');
    });
    expect((await screen.findByRole('alert')).textContent).toContain('Geen toegang');
  });
});
