import { useState } from 'react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../components/error-message.js';
import { Notice } from '../../components/notice.js';
import { Pager } from '../../components/pager.js';
import { useLoad } from '../../components/use-load.js';
import { ROWS_PAGE_SIZE } from './mergers-common.js';

interface RowsPage<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

/**
 * Rows that open under a line of a table (a dry run's action, a run's journal): loaded when opened,
 * a page at a time, in a compact table named by its caption, with its own pager.
 */
export function PagedRows<T>({
  id,
  loadKey,
  load,
  texts,
  headers,
  cells,
}: {
  id: string;
  /** What makes the rows differ (the page is added). */
  loadKey: string;
  load: (page: number, pageSize: number, signal: AbortSignal) => Promise<RowsPage<T>>;
  texts: { loading: string; empty: string; caption: (page: number, pages: number, count: number) => string; pager: string };
  /** The column headers; by default from the first row. */
  headers: (first: T) => ReactNode[];
  /** A row's cells (<td>s). */
  cells: (row: T) => ReactNode;
}) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const { state } = useLoad((signal) => load(page, ROWS_PAGE_SIZE, signal), `${loadKey}|${page}`);
  if (state.status === 'loading') return <p role="status">{texts.loading}</p>;
  if (state.status === 'error') return <Notice tone="error">{errorMessage(state.error, t)}</Notice>;
  const data = state.data;
  if (data.items.length === 0) return <p>{texts.empty}</p>;
  const pages = Math.max(1, Math.ceil(data.total / data.pageSize));
  return (
    <div className="plan-rows">
      <div className="table-scroll" role="region" aria-labelledby={`${id}-caption`} tabIndex={0}>
        <table className="table table--compact">
          <caption id={`${id}-caption`}>{texts.caption(data.page, pages, data.total)}</caption>
          <thead>
            <tr>
              {headers(data.items[0]!).map((header, index) => (
                <th key={index} scope="col">
                  {header}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {data.items.map((row, index) => (
              <tr key={`${data.page}-${index}`}>{cells(row)}</tr>
            ))}
          </tbody>
        </table>
      </div>
      <Pager label={texts.pager} status={t('mergers.plan.pageStatus', { page: data.page, pages })} page={data.page} pages={pages} onPage={setPage} />
    </div>
  );
}

/** "Toon de rijen" / "Verberg de rijen" of a line whose rows open under it; `which` names the line for screen readers. */
export function ExpandButton({ isOpen, controls, which, onToggle, children }: { isOpen: boolean; controls: string; which: string; onToggle: () => void; children: ReactNode }) {
  return (
    <button type="button" className="button button--small" aria-expanded={isOpen} aria-controls={isOpen ? controls : undefined} onClick={onToggle}>
      {children}
      <span className="visually-hidden"> – {which}</span>
    </button>
  );
}

/** The row under a line that holds its opened rows, across the table's columns. */
export function ExpandedRow({ id, colSpan, children }: { id: string; colSpan: number; children: ReactNode }) {
  return (
    <tr id={id} className="plan__rows-row">
      <td colSpan={colSpan}>{children}</td>
    </tr>
  );
}
