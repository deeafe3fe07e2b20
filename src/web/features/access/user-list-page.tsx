import { useEffect, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams, useSearchParams } from 'react-router-dom';
import { APPLICATIONS } from '../../../shared/applications.js';
import type { MEMBERSHIP_STATUSES, MEMBERSHIP_TYPES, SORT_COLUMNS as SortColumns } from '../../../modules/access/access.schema.js';
import { ConfirmDialog } from '../../components/confirm-dialog.js';
import { ErrorSummary } from '../../components/error-summary.js';
import { errorMessage } from '../../components/error-message.js';
import { fieldError, formErrorsOf, summaryLinks } from '../../components/form-errors.js';
import type { FormErrors } from '../../components/form-errors.js';
import { SelectField, TextField } from '../../components/form-field.js';
import { useDocumentTitle } from '../../components/use-document-title.js';
import { useLoad } from '../../components/use-load.js';
import { useUiLanguage } from '../../components/use-ui-language.js';
import { ApiError } from '../../api.js';
import { accessApi } from './access-api.js';
import type { BulkAction, BulkResultData, MemberPageData } from './access-api.js';
import { Breadcrumbs, accessPaths, displayInsz, usePermissions } from './access-common.js';
import { DomainBanner } from './domain-banner.js';
import { ApplicationCheckboxes } from './person-fields.js';

const FILTERS = ['surname', 'firstName', 'username', 'type', 'insz', 'status', 'application'] as const;
type Filter = (typeof FILTERS)[number];
type SortColumn = (typeof SortColumns)[number];
// The contract's lists, checked against it by type only: importing the values would pull zod into the bundle.
const SORT_COLUMNS = ['surname', 'firstName', 'username', 'type', 'status', 'insz', 'createdAt'] as const satisfies readonly SortColumn[];
const TYPES = ['TB', 'CO_TB', 'USER'] as const satisfies readonly (typeof MEMBERSHIP_TYPES)[number][];
const STATUSES = ['active', 'blocked'] as const satisfies readonly (typeof MEMBERSHIP_STATUSES)[number][];
const PAGE_SIZES = [10, 25, 50, 100];
const COLUMNS: { key: SortColumn; label: string }[] = [
  { key: 'surname', label: 'person.surname' },
  { key: 'firstName', label: 'person.firstName' },
  { key: 'username', label: 'person.username' },
  { key: 'type', label: 'access.type' },
  { key: 'insz', label: 'person.insz' },
  { key: 'status', label: 'person.status' },
];
const PREFIX = 'users-filter';

/** The filters, sort and page of the URL, as the API takes them. */
function queryOf(params: URLSearchParams) {
  const query: Record<string, string | number | undefined> = {};
  for (const f of FILTERS) query[f] = params.get(f) ?? undefined;
  const pageSize = Number(params.get('pageSize'));
  query.pageSize = PAGE_SIZES.includes(pageSize) ? pageSize : 10;
  query.page = Math.max(1, Number(params.get('page')) || 1);
  const sort = params.get('sort');
  query.sort = sort && (SORT_COLUMNS as readonly string[]).includes(sort) ? sort : 'surname';
  query.order = params.get('order') === 'desc' ? 'desc' : 'asc';
  return query;
}

/** "Gebruikers" (R2.9–R2.11): filter, sort, page, check users for a bulk action, export. */
export function UserListPage() {
  const { t } = useTranslation();
  const language = useUiLanguage();
  const { has } = usePermissions();
  const domainId = useParams().domainId ?? '';
  const [params, setParams] = useSearchParams();
  const removed = (useLocation().state as { removed?: unknown } | null)?.removed;
  const query = queryOf(params);
  const key = `${domainId}|${JSON.stringify(query)}|${language}`;
  const { state, reload } = useLoad((signal) => accessApi.listUsers(domainId, query, signal), key);
  const [draft, setDraft] = useState<Record<Filter, string>>(() => Object.fromEntries(FILTERS.map((f) => [f, params.get(f) ?? ''])) as Record<Filter, string>);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [action, setAction] = useState<BulkAction | ''>('');
  const [bulkApplications, setBulkApplications] = useState<string[]>([]);
  const [bulkErrors, setBulkErrors] = useState<FormErrors | undefined>();
  const [isConfirming, setConfirming] = useState(false);
  const [isBusy, setBusy] = useState(false);
  const [result, setResult] = useState<{ data: BulkResultData; names: Map<string, string>; action: BulkAction } | undefined>();
  const [lastItems, setLastItems] = useState<MemberPageData | undefined>();
  const resultRef = useRef<HTMLElement>(null);
  useDocumentTitle(t('access.users.title'));

  useEffect(() => {
    if (state.status === 'ready') setLastItems(state.data);
  }, [state]);

  useEffect(() => {
    // The URL is the truth: back/forward and links with filters refill the form.
    setDraft(Object.fromEntries(FILTERS.map((f) => [f, params.get(f) ?? ''])) as Record<Filter, string>);
  }, [params]);

  useEffect(() => {
    if (result) resultRef.current?.focus();
  }, [result]);

  const bulkActions: BulkAction[] = [
    ...(has('access.remove-user') ? (['remove'] as const) : []),
    ...(has('access.edit-user') ? (['block', 'unblock', 'addApplications', 'removeApplications'] as const) : []),
  ];

  function update(changes: Record<string, string | number | undefined>) {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v === undefined || v === '') next.delete(k);
      else next.set(k, String(v));
    }
    setParams(next);
    setSelected(new Set());
  }

  function onFilter(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    update({ ...Object.fromEntries(FILTERS.map((f) => [f, draft[f].trim()])), page: undefined });
  }

  function onClear() {
    update({ ...Object.fromEntries(FILTERS.map((f) => [f, undefined])), page: undefined });
  }

  function sortBy(column: SortColumn) {
    const order = query.sort === column && query.order === 'asc' ? 'desc' : 'asc';
    update({ sort: column, order, page: undefined });
  }

  const data = state.status === 'ready' ? state.data : lastItems;
  const items = data?.items ?? [];
  const totalPages = data ? Math.max(1, Math.ceil(data.total / data.pageSize)) : 1;
  const page = Number(query.page);
  const allOnPage = items.length > 0 && items.every((item) => selected.has(item.userId));
  const listError = state.status === 'error' ? state.error : undefined;
  const filterErrors: FormErrors | undefined =
    listError instanceof ApiError && Object.keys(listError.fields).length > 0
      ? { attempt: 1, message: listError.message, fields: listError.fields }
      : undefined;

  function onExecute(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const fields: Record<string, string> = {};
    if (selected.size === 0) fields.userIds = t('access.bulk.noneSelected');
    if (action === '') fields.action = t('access.bulk.noAction');
    if (action.endsWith('Applications') && bulkApplications.length === 0) fields.applications = t('access.bulk.noApplications');
    if (Object.keys(fields).length > 0) {
      setBulkErrors((previous) => ({ attempt: (previous?.attempt ?? 0) + 1, fields }));
      return;
    }
    setBulkErrors(undefined);
    setConfirming(true);
  }

  async function onConfirm() {
    if (action === '') return;
    setBusy(true);
    const names = new Map(items.map((item) => [item.userId, `${item.firstName} ${item.surname} (${item.username})`]));
    try {
      const data = await accessApi.bulk(domainId, {
        action,
        userIds: [...selected],
        ...(action.endsWith('Applications') ? { applications: bulkApplications } : {}),
      });
      setConfirming(false);
      setResult({ data, names, action });
      setSelected(new Set());
      reload();
    } catch (error) {
      setConfirming(false);
      setBulkErrors((previous) => formErrorsOf(error, t, previous));
    } finally {
      setBusy(false);
    }
  }

  const exportQuery = { ...query, page: undefined, pageSize: undefined };
  const filterLabels: Record<Filter, string> = {
    surname: t('person.surname'),
    firstName: t('person.firstName'),
    username: t('person.username'),
    type: t('access.type'),
    insz: t('person.insz'),
    status: t('person.status'),
    application: t('access.applications'),
  };

  return (
    <>
      <Breadcrumbs items={[{ to: accessPaths.domain(domainId), label: t('access.title') }, { label: t('access.users.title') }]} />
      <h1>{t('access.users.title')}</h1>
      <DomainBanner domainId={domainId} />

      {typeof removed === 'string' ? (
        <p role="status" className="notice notice--success">
          {t('access.users.removed', { username: removed })}
        </p>
      ) : null}

      {has('access.add-user') ? (
        <p>
          <Link to={accessPaths.addUser(domainId)} className="button button--primary">
            {t('access.add.title')}
          </Link>
        </p>
      ) : null}

      <section aria-labelledby="users-filter-title" className="panel">
        <h2 id="users-filter-title">{t('access.users.filterTitle')}</h2>
        {filterErrors ? (
          <ErrorSummary
            title={t('form.errorSummary')}
            message={filterErrors.message}
            fields={summaryLinks(filterErrors, Object.fromEntries(FILTERS.map((f) => [f, { id: `${PREFIX}-${f}`, label: filterLabels[f] }])))}
          />
        ) : null}
        <form className="form form--grid" noValidate onSubmit={onFilter} role="search" aria-labelledby="users-filter-title">
          {(['surname', 'firstName', 'username'] as const).map((f) => (
            <TextField
              key={f}
              id={`${PREFIX}-${f}`}
              label={filterLabels[f]}
              autoComplete="off"
              error={fieldError(filterErrors, f)}
              value={draft[f]}
              onChange={(event) => setDraft({ ...draft, [f]: event.target.value })}
            />
          ))}
          <SelectField id={`${PREFIX}-type`} label={filterLabels.type} value={draft.type} onChange={(event) => setDraft({ ...draft, type: event.target.value })}>
            <option value="">{t('access.users.all')}</option>
            {TYPES.map((type) => (
              <option key={type} value={type}>
                {t(`access.typeLabels.${type}`)}
              </option>
            ))}
          </SelectField>
          <TextField
            id={`${PREFIX}-insz`}
            label={filterLabels.insz}
            autoComplete="off"
            inputMode="numeric"
            error={fieldError(filterErrors, 'insz')}
            value={draft.insz}
            onChange={(event) => setDraft({ ...draft, insz: event.target.value })}
          />
          <SelectField id={`${PREFIX}-status`} label={filterLabels.status} value={draft.status} onChange={(event) => setDraft({ ...draft, status: event.target.value })}>
            <option value="">{t('access.users.all')}</option>
            {STATUSES.map((status) => (
              <option key={status} value={status}>
                {t(`access.status.${status}`)}
              </option>
            ))}
          </SelectField>
          <SelectField
            id={`${PREFIX}-application`}
            label={filterLabels.application}
            value={draft.application}
            onChange={(event) => setDraft({ ...draft, application: event.target.value })}
          >
            <option value="">{t('access.users.all')}</option>
            {APPLICATIONS.map((app) => (
              <option key={app.code} value={app.code}>
                {app.name[language]}
              </option>
            ))}
          </SelectField>
          <div className="actions form--grid__full">
            <button type="submit" className="button button--primary">
              {t('access.users.search')}
            </button>
            <button type="button" className="button" onClick={onClear}>
              {t('access.users.clear')}
            </button>
          </div>
        </form>
      </section>

      <div className="toolbar">
        <div className="toolbar__item">
          <label htmlFor="users-page-size" className="form__label">
            {t('access.users.pageSize')}
          </label>
          <select
            id="users-page-size"
            className="form__input form__input--small"
            value={query.pageSize}
            onChange={(event) => update({ pageSize: event.target.value, page: undefined })}
          >
            {PAGE_SIZES.map((size) => (
              <option key={size} value={size}>
                {size}
              </option>
            ))}
          </select>
        </div>
        <div className="toolbar__item toolbar__exports">
          <span id="users-export-label">{t('access.users.export')}</span>{' '}
          <a className="button" href={accessApi.exportUsersUrl(domainId, 'csv', exportQuery)} download aria-describedby="users-export-label">
            {t('access.users.exportCsv')}
          </a>{' '}
          <a className="button" href={accessApi.exportUsersUrl(domainId, 'xlsx', exportQuery)} download aria-describedby="users-export-label">
            {t('access.users.exportXlsx')}
          </a>
        </div>
      </div>

      {result ? (
        <section ref={resultRef} tabIndex={-1} aria-labelledby="bulk-result-title" className="notice notice--success" role="status">
          <h2 id="bulk-result-title" className="notice__title">
            {t('access.bulk.resultTitle', { action: t(`access.bulk.actions.${result.action}`) })}
          </h2>
          <p>{t('access.bulk.resultCounts', { done: result.data.done, refused: result.data.refused, unchanged: result.data.results.length - result.data.done - result.data.refused })}</p>
          <ul>
            {result.data.results.map((r) => (
              <li key={r.userId}>
                {result.names.get(r.userId) ?? r.userId}: <strong>{t(`access.bulk.outcomes.${r.outcome}`)}</strong>
                {r.reason ? ` – ${r.reason}` : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {state.status === 'loading' && !data ? (
        <p role="status">{t('app.loading')}</p>
      ) : listError && !filterErrors ? (
        <p role="alert" className="notice notice--error">
          {errorMessage(listError, t)}
        </p>
      ) : null}

      {data ? (
        <>
          <p role="status" className="result-count">
            {t('access.users.found', { count: data.total })}
          </p>
          {data.items.length === 0 ? (
            <p className="notice">{t('access.users.empty')}</p>
          ) : (
            <form noValidate onSubmit={onExecute} aria-labelledby="users-caption">
              <div className="table-scroll" role="region" aria-labelledby="users-caption" tabIndex={0}>
                <table className="table table--stack">
                  <caption id="users-caption">{t('access.users.caption', { page, pages: totalPages })}</caption>
                  <thead>
                    <tr>
                      <th scope="col">
                        <input
                          type="checkbox"
                          aria-label={t('access.users.selectAll')}
                          checked={allOnPage}
                          onChange={(event) =>
                            setSelected(event.target.checked ? new Set(items.map((item) => item.userId)) : new Set())
                          }
                        />
                      </th>
                      {COLUMNS.map((column) => {
                        const isSorted = query.sort === column.key;
                        return (
                          <th
                            key={column.key}
                            scope="col"
                            aria-sort={isSorted ? (query.order === 'asc' ? 'ascending' : 'descending') : undefined}
                          >
                            <button type="button" className="sort-button" onClick={() => sortBy(column.key)}>
                              {t(column.label)}
                              <span aria-hidden="true" className="sort-button__icon">
                                {isSorted ? (query.order === 'asc' ? ' ▲' : ' ▼') : ' ↕'}
                              </span>
                            </button>
                          </th>
                        );
                      })}
                      <th scope="col">{t('access.users.action')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {items.map((item) => {
                      const name = `${item.firstName} ${item.surname}`;
                      return (
                        <tr key={item.userId}>
                          <td>
                            <input
                              type="checkbox"
                              aria-label={t('access.users.select', { name, username: item.username })}
                              checked={selected.has(item.userId)}
                              onChange={(event) => {
                                const next = new Set(selected);
                                if (event.target.checked) next.add(item.userId);
                                else next.delete(item.userId);
                                setSelected(next);
                              }}
                            />
                          </td>
                          <th scope="row" data-label={t('person.surname')}>{item.surname}</th>
                          <td data-label={t('person.firstName')}>{item.firstName}</td>
                          <td data-label={t('person.username')}>{item.username}</td>
                          <td data-label={t('access.type')}>{t(`access.typeLabels.${item.type}`)}</td>
                          <td className="nowrap" data-label={t('person.insz')}>{displayInsz(item.insz)}</td>
                          <td data-label={t('person.status')}>{t(`access.status.${item.status}`)}</td>
                          <td>
                            <Link to={accessPaths.user(domainId, item.userId)}>
                              {t('access.users.details')}
                              <span className="visually-hidden"> {t('access.users.detailsOf', { name, username: item.username })}</span>
                            </Link>
                          </td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              </div>

              {bulkActions.length > 0 ? (
                <fieldset className="fieldset bulk">
                  <legend>{t('access.bulk.title', { count: selected.size })}</legend>
                  {bulkErrors ? (
                    <ErrorSummary
                      key={bulkErrors.attempt}
                      title={t('access.bulk.errorSummary')}
                      message={bulkErrors.message}
                      fields={summaryLinks(bulkErrors, {
                        action: { id: 'bulk-action', label: t('access.bulk.action') },
                        applications: { id: 'bulk-applications', label: t('access.applications') },
                        userIds: { id: 'users-caption', label: t('access.bulk.users') },
                      })}
                    />
                  ) : null}
                  <SelectField
                    id="bulk-action"
                    label={t('access.bulk.action')}
                    error={fieldError(bulkErrors, 'action')}
                    value={action}
                    onChange={(event) => setAction(event.target.value as BulkAction | '')}
                  >
                    <option value="">{t('access.bulk.choose')}</option>
                    {bulkActions.map((a) => (
                      <option key={a} value={a}>
                        {t(`access.bulk.actions.${a}`)}
                      </option>
                    ))}
                  </SelectField>
                  {action.endsWith('Applications') ? (
                    <ApplicationCheckboxes
                      prefix="bulk"
                      value={bulkApplications}
                      onChange={setBulkApplications}
                      error={fieldError(bulkErrors, 'applications')}
                    />
                  ) : null}
                  <button type="submit" className="button button--primary">
                    {t('access.bulk.execute')}
                  </button>
                </fieldset>
              ) : null}
            </form>
          )}

          <nav className="pager" aria-label={t('access.users.paging')}>
            <button type="button" className="button" disabled={page <= 1} onClick={() => update({ page: page - 1 })}>
              {t('access.users.previous')}
            </button>
            <span className="pager__status">{t('access.users.pageOf', { page, pages: totalPages })}</span>
            <button type="button" className="button" disabled={page >= totalPages} onClick={() => update({ page: page + 1 })}>
              {t('access.users.next')}
            </button>
          </nav>
        </>
      ) : null}

      <ConfirmDialog
        open={isConfirming}
        title={t('access.bulk.confirmTitle')}
        confirmLabel={t('form.confirm')}
        cancelLabel={t('form.cancel')}
        isBusy={isBusy}
        onConfirm={() => void onConfirm()}
        onCancel={() => setConfirming(false)}
      >
        <p>{action ? t('access.bulk.confirmBody', { action: t(`access.bulk.actions.${action}`), count: selected.size }) : null}</p>
      </ConfirmDialog>
    </>
  );
}
