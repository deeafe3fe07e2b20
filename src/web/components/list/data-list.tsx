import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary } from '../error-summary.js';
import { errorMessage } from '../error-message.js';
import { summaryLinks } from '../form-errors.js';
import { Pager } from '../pager.js';
import type { ListPage, ListQuery } from './use-list-query.js';
import { Notice } from '../notice.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the components read only the shared part of a list's state
type AnyList = ListQuery<string, { page: number }, ListPage<any>>;

/**
 * The filter form above a list: a titled search region, the error summary (focused on each
 * refused attempt, its links to the inputs) and "search" / "clear" under the fields.
 */
export function FilterPanel({
  list,
  title,
  submitLabel,
  resetLabel,
  children,
}: {
  list: AnyList;
  title: string;
  submitLabel: string;
  resetLabel: string;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const titleId = `${list.prefix}-title`;
  const { errors } = list;
  return (
    <section aria-labelledby={titleId} className="panel">
      <h2 id={titleId}>{title}</h2>
      {errors ? (
        <ErrorSummary
          key={errors.attempt}
          title={t('form.errorSummary')}
          message={errors.message}
          fields={summaryLinks(errors, Object.fromEntries(Object.entries(list.labels).map(([f, label]) => [f, { id: `${list.prefix}-${f}`, label }])))}
        />
      ) : null}
      <form className="form form--grid" noValidate onSubmit={list.onFilter} role="search" aria-labelledby={titleId}>
        {children}
        <div className="actions form--grid__full">
          <button type="submit" className="button button--primary">
            {submitLabel}
          </button>
          <button type="button" className="button" onClick={list.onReset}>
            {resetLabel}
          </button>
        </div>
      </form>
    </section>
  );
}

/**
 * A list's results: "loading…" the first time, the error, the count, the empty text or the
 * table, and the pager; the region is busy while a new page loads over the old one.
 */
export function ListResults<T>({
  id,
  list,
  found,
  empty,
  paging,
  pageOf,
  children,
}: {
  /** The results region's id; by default `${prefix}-results`. */
  id?: string;
  list: ListQuery<string, { page: number }, ListPage<T>>;
  /** "12 gevonden" for the count. */
  found: (count: number) => string;
  /** The text when there is nothing (to show), filtered or not; a node is shown as it is. */
  empty: ReactNode;
  /** The pager's label and "page x of y". */
  paging: string;
  pageOf: (page: number, pages: number) => string;
  children: (items: T[]) => ReactNode;
}) {
  const { t } = useTranslation();
  const { data, page, totalPages } = list;
  return (
    <div id={id ?? `${list.prefix}-results`} aria-busy={list.isBusy ? true : undefined}>
      {list.isBusy && !data ? (
        <p role="status" className="loading">
          {t('app.loading')}
        </p>
      ) : list.loadError ? <Notice tone="error">{errorMessage(list.loadError, t)}</Notice> : null}
      {data ? (
        <>
          <p role="status" className="result-count">
            {found(data.total)}
          </p>
          {data.items.length === 0 ? typeof empty === 'string' ? <Notice>{empty}</Notice> : empty : children(data.items)}
          <Pager
            label={paging}
            status={pageOf(page, totalPages)}
            page={page}
            pages={data.total > data.pageSize ? totalPages : 1}
            onPage={(p) => list.update({ page: p > 1 ? p : undefined })}
          />
        </>
      ) : null}
    </div>
  );
}

/** One column: its header, how a row fills its cell, and whether it sorts (by `sort` in the URL). */
export interface Column<T> {
  key: string;
  header: ReactNode;
  cell: (row: T) => ReactNode;
  /** The column name shown before the value when the table stacks on a phone; by default the header; '' for none. */
  label?: string;
  /** The row's name for screen readers (a `th scope="row"`). */
  isRowHeader?: boolean;
  className?: string;
  /** Sortable: the sort key the API takes. */
  sortKey?: string;
}

/**
 * A table that stacks into cards on a narrow screen (each cell preceded by its column name), in a
 * focusable region named by its caption; sortable headers are buttons with aria-sort.
 */
export function DataTable<T>({
  id,
  caption,
  columns,
  rows,
  rowKey,
  sort,
}: {
  id: string;
  caption: string;
  columns: Column<T>[];
  rows: T[];
  rowKey: (row: T) => string;
  sort?: Pick<AnyList, 'sortOf' | 'sortBy'>;
}) {
  const captionId = `${id}-caption`;
  return (
    <div className="table-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
      <table className="table table--stack" id={id}>
        <caption id={captionId}>{caption}</caption>
        <thead>
          <tr>
            {columns.map((column) => {
              const order = column.sortKey && sort ? sort.sortOf(column.sortKey) : undefined;
              return (
                <th key={column.key} scope="col" aria-sort={order}>
                  {column.sortKey && sort ? (
                    <button type="button" className="sort-button" onClick={() => sort.sortBy(column.sortKey!)}>
                      {column.header}
                      <span aria-hidden="true" className="sort-button__icon">
                        {order === 'ascending' ? ' ▲' : order === 'descending' ? ' ▼' : ' ↕'}
                      </span>
                    </button>
                  ) : (
                    column.header
                  )}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={rowKey(row)}>
              {columns.map((column) => {
                const label = (column.label ?? (typeof column.header === 'string' ? column.header : undefined)) || undefined;
                return column.isRowHeader ? (
                  <th key={column.key} scope="row" className={column.className} data-label={label}>
                    {column.cell(row)}
                  </th>
                ) : (
                  <td key={column.key} className={column.className} data-label={label}>
                    {column.cell(row)}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
