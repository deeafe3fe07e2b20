// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { MemoryRouter, useLocation } from 'react-router-dom';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../../api.js';
import { i18n } from '../../i18n/index.js';
import { SelectField, TextField } from '../form-field.js';
import { DataTable, FilterPanel, ListResults } from './data-list.js';
import type { ListPage } from './use-list-query.js';
import { dateRangeCheck, pageOf, useListQuery } from './use-list-query.js';

interface Fruit {
  id: string;
  name: string;
  colour: string;
}
interface FruitQuery {
  name?: string;
  colour?: string;
  from?: string;
  to?: string;
  page: number;
  pageSize: number;
  sort: string;
  order: 'asc' | 'desc';
}

const FRUITS: Fruit[] = ['appel', 'banaan', 'citroen', 'druif', 'kers'].map((name, i) => ({ id: String(i), name, colour: i % 2 ? 'geel' : 'rood' }));

/** A list route in memory: filters by name and colour, sorts by name, two to a page. */
function fruitRoute(query: FruitQuery): ListPage<Fruit> {
  const found = FRUITS.filter((f) => (!query.name || f.name.includes(query.name)) && (!query.colour || f.colour === query.colour));
  found.sort((a, b) => (query.order === 'desc' ? b.name.localeCompare(a.name) : a.name.localeCompare(b.name)));
  return { items: found.slice((query.page - 1) * query.pageSize, query.page * query.pageSize), total: found.length, pageSize: query.pageSize };
}

type Load = (query: FruitQuery) => Promise<ListPage<Fruit>>;

function Where() {
  const location = useLocation();
  return <output data-testid="url">{location.search}</output>;
}

function FruitList({ load }: { load: Load }) {
  const list = useListQuery({
    prefix: 'fruit',
    filters: ['name', 'colour', 'from', 'to'] as const,
    labels: { name: 'Naam', colour: 'Kleur', from: 'Van', to: 'Tot' },
    queryOf: (params): FruitQuery => ({
      name: params.get('name') || undefined,
      colour: params.get('colour') || undefined,
      page: pageOf(params),
      pageSize: 2,
      sort: 'name',
      order: params.get('order') === 'desc' ? 'desc' : 'asc',
    }),
    load: (query) => load(query),
    check: (draft) => dateRangeCheck(draft, 'from', 'to', 'Tot ligt voor van.'),
  });
  return (
    <>
      <FilterPanel list={list} title="Filteren" submitLabel="Zoeken" resetLabel="Wissen">
        <TextField {...list.fieldProps('name')} />
        <SelectField {...list.fieldProps('colour')}>
          <option value="">Alle</option>
          <option value="rood">rood</option>
          <option value="geel">geel</option>
        </SelectField>
        <TextField type="date" {...list.fieldProps('from')} />
        <TextField type="date" {...list.fieldProps('to')} />
      </FilterPanel>
      <ListResults
        list={list}
        found={(count) => `${count} gevonden`}
        empty={list.isFiltered ? 'Niets voor deze filters.' : 'Nog niets.'}
        paging="Pagina's"
        pageOf={(page, pages) => `Pagina ${page} van ${pages}`}
      >
        {(rows) => (
          <DataTable
            id="fruit"
            caption="Fruit"
            rows={rows}
            rowKey={(row) => row.id}
            sort={list}
            columns={[
              { key: 'name', header: 'Naam', sortKey: 'name', isRowHeader: true, cell: (row) => row.name },
              { key: 'colour', header: 'Kleur', cell: (row) => row.colour },
            ]}
          />
        )}
      </ListResults>
      <Where />
    </>
  );
}

function show(load: Load, url = '/fruit') {
  render(
    <I18nextProvider i18n={i18n}>
      <MemoryRouter initialEntries={[url]}>
        <FruitList load={load} />
      </MemoryRouter>
    </I18nextProvider>,
  );
}

const fromRoute: Load = async (query) => fruitRoute(query);
const names = () => screen.getAllByRole('rowheader').map((cell) => cell.textContent);

beforeAll(async () => {
  await i18n.changeLanguage('nl');
});
afterEach(cleanup);

describe('the list pattern (issue 19): one list page, every state', () => {
  it('says it is loading until the first page answers, then shows count, rows and pager', async () => {
    let answer: (page: ListPage<Fruit>) => void = () => {};
    show((query) => new Promise((resolve) => (answer = () => resolve(fruitRoute(query)))));
    expect(screen.getByText('Bezig met laden…').getAttribute('role')).toBe('status');
    await act(async () => answer(fruitRoute({ page: 1, pageSize: 2, sort: 'name', order: 'asc' })));
    expect(screen.getByText('5 gevonden')).toBeTruthy();
    expect(names()).toEqual(['appel', 'banaan']);
    expect(screen.getByRole('region', { name: 'Fruit' })).toBeTruthy();
    expect(screen.getByRole('navigation', { name: "Pagina's" }).textContent).toContain('Pagina 1 van 3');
  });

  it('labels each cell with its column for the stacked layout on a phone', async () => {
    show(fromRoute);
    await screen.findByText('5 gevonden');
    expect(screen.getByRole('table').className).toContain('table--stack');
    expect(screen.getAllByRole('cell')[0]!.getAttribute('data-label')).toBe('Kleur');
  });

  it('tells an empty list from an empty filter result, without a table or pager', async () => {
    show(async (query) => ({ items: [], total: 0, pageSize: query.pageSize }));
    expect(await screen.findByText('Nog niets.')).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
    expect(screen.queryByRole('navigation')).toBeNull();
    cleanup();
    show(async (query) => ({ items: [], total: 0, pageSize: query.pageSize }), '/fruit?name=mango');
    expect(await screen.findByText('Niets voor deze filters.')).toBeTruthy();
  });

  it('shows a failed load as an alert in the user language', async () => {
    show(async () => {
      throw new ApiError(0, 'unavailable', '');
    });
    expect((await screen.findByRole('alert')).textContent).toBe('Er ging iets mis. Probeer het later opnieuw.');
  });

  it('puts the filters in the URL and shows what they find, and clears them again', async () => {
    show(fromRoute);
    await screen.findByText('5 gevonden');
    fireEvent.change(screen.getByLabelText('Kleur'), { target: { value: 'geel' } });
    fireEvent.submit(screen.getByRole('search'));
    expect(await screen.findByText('2 gevonden')).toBeTruthy();
    expect(screen.getByTestId('url').textContent).toBe('?colour=geel');
    expect(names()).toEqual(['banaan', 'druif']);
    fireEvent.click(screen.getByRole('button', { name: 'Wissen' }));
    expect(await screen.findByText('5 gevonden')).toBeTruthy();
    expect(screen.getByTestId('url').textContent).toBe('');
    expect((screen.getByLabelText('Kleur') as HTMLSelectElement).value).toBe('');
  });

  it('fills the form from the URL it is opened with', async () => {
    show(fromRoute, '/fruit?name=an');
    expect(await screen.findByText('1 gevonden')).toBeTruthy();
    expect((screen.getByLabelText('Naam') as HTMLInputElement).value).toBe('an');
  });

  it('pages forward and back, the page in the URL', async () => {
    show(fromRoute);
    await screen.findByText('5 gevonden');
    fireEvent.click(screen.getByRole('button', { name: 'Volgende' }));
    expect(await screen.findByText('citroen')).toBeTruthy();
    expect(screen.getByTestId('url').textContent).toBe('?page=2');
    fireEvent.click(screen.getByRole('button', { name: 'Volgende' }));
    expect(await screen.findByText('kers')).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Volgende' }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Vorige' }));
    expect(await screen.findByText('citroen')).toBeTruthy();
  });

  it('sorts by a header button that says its order in aria-sort, back to page 1', async () => {
    show(fromRoute, '/fruit?page=2');
    await screen.findByText('citroen');
    const header = screen.getByRole('columnheader', { name: /Naam/ });
    expect(header.getAttribute('aria-sort')).toBe('ascending');
    fireEvent.click(within(header).getByRole('button'));
    expect(await screen.findByText('kers')).toBeTruthy();
    expect(screen.getByRole('columnheader', { name: /Naam/ }).getAttribute('aria-sort')).toBe('descending');
    expect(screen.getByTestId('url').textContent).toBe('?sort=name&order=desc');
    expect(screen.getByRole('columnheader', { name: 'Kleur' }).getAttribute('aria-sort')).toBeNull();
  });

  it('refuses a filter its check refuses: summary focused, message at the field, URL unchanged', async () => {
    show(fromRoute);
    await screen.findByText('5 gevonden');
    fireEvent.change(screen.getByLabelText('Van'), { target: { value: '2025-02-01' } });
    fireEvent.change(screen.getByLabelText('Tot'), { target: { value: '2025-01-01' } });
    fireEvent.submit(screen.getByRole('search'));
    const summary = await screen.findByRole('alert');
    expect(document.activeElement).toBe(summary);
    expect(within(summary).getByRole('link', { name: 'Tot: Tot ligt voor van.' }).getAttribute('href')).toBe('#fruit-to');
    expect(screen.getByLabelText('Tot').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByTestId('url').textContent).toBe('');
  });

  it('puts a field the server refuses at its input instead of an alert under the form', async () => {
    show(async () => {
      throw new ApiError(400, 'validation', 'Controleer de filters.', { name: 'Te lang.' });
    }, '/fruit?name=x');
    const summary = await screen.findByRole('alert');
    expect(summary.textContent).toContain('Controleer de filters.');
    expect(within(summary).getByRole('link', { name: 'Naam: Te lang.' })).toBeTruthy();
    expect(screen.getAllByRole('alert')).toHaveLength(1);
  });
});
