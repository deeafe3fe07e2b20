import { useEffect, useState } from 'react';
import type { ChangeEvent, FormEvent } from 'react';
import { useSearchParams } from 'react-router-dom';
import { ApiError } from '../../api.js';
import type { FormErrors } from '../form-errors.js';
import { fieldError } from '../form-errors.js';
import { useLoad } from '../use-load.js';

/** What a list route answers: one page of items and how many there are in all. */
export interface ListPage<T> {
  items: T[];
  total: number;
  pageSize: number;
}

/** What a filter check says: the fields that are wrong, or the values to put in the URL. */
export type FilterCheck<F extends string> = { fields: Record<string, string> } | { values?: Partial<Record<F, string | undefined>> };

type Values = Record<string, string | number | undefined>;

export interface ListQueryOptions<F extends string, Q extends { page: number }, P extends ListPage<unknown>> {
  /** The prefix of the filter inputs' ids (`${prefix}-${filter}`) and of the results' region. */
  prefix: string;
  /** The filters the form and the URL carry, in the form's order. */
  filters: readonly F[];
  /** Each filter's label, for the error summary's links. */
  labels: Record<F, string>;
  /** The URL's parameters (and the filters held in the page's state) → the API's query; unknown values are left out. */
  queryOf: (params: URLSearchParams, held: Partial<Record<F, string>>) => Q;
  load: (query: Q, signal: AbortSignal) => Promise<P>;
  /** What else makes the answer differ (the UI language: the API answers in it). */
  key?: string;
  /** The form's values from the URL (and the held filters); by default each value as it stands. */
  draftOf?: (params: URLSearchParams, held: Partial<Record<F, string>>) => Record<F, string>;
  /**
   * Filters kept in the page's state instead of the URL (issue 24: an INSZ — a URL reaches browser
   * history, proxies and request logs). Applied, reset and checked like the others; lost when the
   * page is left, and not part of a shared link. The load must send them in a POST body.
   */
  inPageState?: readonly F[];
  /** A check before the filters go to the URL (a date range, an INSZ); may rewrite the values. */
  check?: (draft: Record<F, string>) => FilterCheck<F> | Promise<FilterCheck<F>>;
  /** The API's field names → the form's, so the server's messages land on the right input. */
  apiFields?: Record<string, F>;
  /** The filters that make a list "filtered" (its empty text differs); by default all. */
  narrowing?: readonly F[];
}

export interface ListQuery<F extends string, Q extends { page: number }, P extends ListPage<unknown>> {
  prefix: string;
  params: URLSearchParams;
  query: Q;
  draft: Record<F, string>;
  setField(filter: F, value: string): void;
  /** id, label, value, onChange and error of a filter input, for TextField and SelectField. */
  fieldProps(filter: F): {
    id: string;
    label: string;
    value: string;
    error: string | undefined;
    onChange: (event: ChangeEvent<HTMLInputElement | HTMLSelectElement>) => void;
  };
  /** The filter form's errors: the check's, else the server's field messages. */
  errors: FormErrors | undefined;
  labels: Record<F, string>;
  onFilter: (event: FormEvent<HTMLFormElement>) => void;
  onReset: () => void;
  /** Writes parameters to the URL (empty ones are removed); the page goes back to 1 unless given. */
  update: (changes: Values) => void;
  /** The page on screen: the last one answered, kept while the next one loads. */
  data: P | undefined;
  isBusy: boolean;
  /** An error that is not about a filter field (those go to the summary). */
  loadError: unknown;
  page: number;
  totalPages: number;
  isFiltered: boolean;
  reload: () => void;
  /** aria-sort of a column, when the query sorts (`sort`, `order` in the URL). */
  sortOf: (column: string) => 'ascending' | 'descending' | undefined;
  sortBy: (column: string) => void;
}

function rawDraft<F extends string>(filters: readonly F[], params: URLSearchParams, held: Partial<Record<F, string>>): Record<F, string> {
  return Object.fromEntries(filters.map((f) => [f, held[f] ?? params.get(f) ?? ''])) as Record<F, string>;
}

/**
 * One list page's state: filters, sort and page live in the URL (the URL is the truth: back,
 * forward and shared links refill the form) — except the `inPageState` filters, held by the page;
 * the page loads when they change, the previous answer stays on screen marked busy, and a refused
 * filter puts its message at its field.
 */
export function useListQuery<F extends string, Q extends { page: number; sort?: string; order?: string }, P extends ListPage<unknown>>(
  options: ListQueryOptions<F, Q, P>,
): ListQuery<F, Q, P> {
  const { prefix, filters, labels, queryOf, load, check, apiFields } = options;
  const draftOf = options.draftOf ?? ((params: URLSearchParams, held: Partial<Record<F, string>>) => rawDraft(filters, params, held));
  const inPageState: readonly string[] = options.inPageState ?? [];
  const [params, setParams] = useSearchParams();
  const [held, setHeld] = useState<Partial<Record<F, string>>>({});
  const query = queryOf(params, held);
  const key = `${JSON.stringify(query)}|${options.key ?? ''}`;
  // The answer carries the key it was asked for, so nobody reads the old rows as the new filter's.
  const { state, reload } = useLoad(async (signal) => ({ key, page: await load(query, signal) }), key);
  const [draft, setDraft] = useState<Record<F, string>>(() => draftOf(params, held));
  const [clientErrors, setClientErrors] = useState<FormErrors | undefined>();
  const [lastPage, setLastPage] = useState<P | undefined>();

  useEffect(() => {
    if (state.status === 'ready') setLastPage(state.data.page);
  }, [state]);

  useEffect(() => {
    setDraft(draftOf(params, held));
    // draftOf is a new function on every render; the parameters say when the form must follow.
  }, [params, held]);

  function update(changes: Values) {
    const next = new URLSearchParams(params);
    const nextHeld: Partial<Record<F, string>> = { ...held };
    if (!('page' in changes)) next.delete('page');
    for (const [name, value] of Object.entries(changes)) {
      const text = value === undefined || value === '' ? undefined : String(value);
      if (inPageState.includes(name)) {
        if (text === undefined) delete nextHeld[name as F];
        else nextHeld[name as F] = text;
      } else if (text === undefined) next.delete(name);
      else next.set(name, text);
    }
    if (Object.keys(changes).some((name) => inPageState.includes(name))) setHeld(nextHeld);
    setParams(next);
  }

  async function applyFilters() {
    const checked: FilterCheck<F> = check ? await check(draft) : {};
    if ('fields' in checked) {
      setClientErrors((previous) => ({ attempt: (previous?.attempt ?? 0) + 1, fields: checked.fields }));
      return;
    }
    setClientErrors(undefined);
    update({ ...Object.fromEntries(filters.map((f) => [f, draft[f].trim()])), ...checked.values });
  }

  function onReset() {
    setClientErrors(undefined);
    setDraft(draftOf(new URLSearchParams(), {}));
    update(Object.fromEntries(filters.map((f) => [f, undefined])));
  }

  const listError = state.status === 'error' ? state.error : undefined;
  const serverErrors: FormErrors | undefined =
    listError instanceof ApiError && Object.keys(listError.fields).length > 0
      ? {
          attempt: 1,
          message: listError.message,
          fields: Object.fromEntries(Object.entries(listError.fields).map(([name, text]) => [apiFields?.[name] ?? name, text])),
        }
      : undefined;
  const errors = clientErrors ?? serverErrors;
  const data = state.status === 'ready' ? state.data.page : lastPage;

  return {
    prefix,
    params,
    query,
    draft,
    setField: (filter, value) => setDraft((previous) => ({ ...previous, [filter]: value })),
    fieldProps: (filter) => ({
      id: `${prefix}-${filter}`,
      label: labels[filter],
      value: draft[filter],
      error: fieldError(errors, filter),
      onChange: (event) => setDraft((previous) => ({ ...previous, [filter]: event.target.value })),
    }),
    errors,
    labels,
    onFilter: (event) => {
      event.preventDefault();
      void applyFilters();
    },
    onReset,
    update,
    data,
    isBusy: state.status === 'loading' || (state.status === 'ready' && state.data.key !== key),
    loadError: serverErrors ? undefined : listError,
    page: query.page,
    totalPages: data ? Math.max(1, Math.ceil(data.total / data.pageSize)) : 1,
    isFiltered: (options.narrowing ?? filters).some((f) => (held[f] ?? params.get(f) ?? '') !== ''),
    reload,
    sortOf: (column) => (query.sort === column ? (query.order === 'desc' ? 'descending' : 'ascending') : undefined),
    sortBy: (column) => update({ sort: column, order: query.sort === column && query.order !== 'desc' ? 'desc' : 'asc' }),
  };
}

/** The page number of the URL: a whole number from 1. */
export function pageOf(params: URLSearchParams): number {
  return Math.max(1, Math.floor(Number(params.get('page'))) || 1);
}

/** The common check of a "from–to" filter: the end may not lie before the start. */
export function dateRangeCheck<F extends string>(draft: Record<F, string>, from: F, to: F, message: string): FilterCheck<F> {
  return draft[from] && draft[to] && draft[from] > draft[to] ? { fields: { [to]: message } } : {};
}
