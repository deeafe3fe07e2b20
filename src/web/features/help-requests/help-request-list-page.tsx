import { useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useSearchParams } from 'react-router-dom';
import { ApiError } from '../../api.js';
import { ErrorSummary } from '../../components/error-summary.js';
import { errorMessage } from '../../components/error-message.js';
import { fieldError, summaryLinks } from '../../components/form-errors.js';
import type { FormErrors } from '../../components/form-errors.js';
import { SelectField, TextField } from '../../components/form-field.js';
import { choiceOrganisationName, formatDate, formatDateTime } from '../../components/format.js';
import { useDocumentTitle } from '../../components/use-document-title.js';
import { useLoad } from '../../components/use-load.js';
import { useUiLanguage } from '../../components/use-ui-language.js';
import { useSession } from '../../session.js';
import { HELP_KIND_LIST, STATUS_FILTER_LIST, helpRequestsApi, isHelpKind, isStatusFilter } from './help-requests-api.js';
import type { HelpRequestListQuery, HelpRequestPage, MailFailure } from './help-requests-api.js';
import { LateBadge, StatusBadge, helpRequestPaths, kindLabel } from './help-requests-common.js';
import { Pager } from '../../components/pager.js';

const FILTERS = ['status', 'kind', 'from', 'to', 'reference'] as const;
type Filter = (typeof FILTERS)[number];
const PAGE_SIZE = 25;
const PREFIX = 'help-filter';

/** The filters and page of the URL, as the API takes them; unknown values are left out. */
function queryOf(params: URLSearchParams): HelpRequestListQuery {
  const status = params.get('status');
  const kind = params.get('kind');
  return {
    status: isStatusFilter(status) ? status : undefined,
    kind: isHelpKind(kind) ? kind : undefined,
    from: params.get('from') || undefined,
    to: params.get('to') || undefined,
    reference: params.get('reference')?.trim() || undefined,
    page: Math.max(1, Number(params.get('page')) || 1),
    pageSize: PAGE_SIZE,
  };
}

function draftOf(params: URLSearchParams): Record<Filter, string> {
  return Object.fromEntries(FILTERS.map((f) => [f, params.get(f) ?? ''])) as Record<Filter, string>;
}

/** What the detail page tells the list after forwarding a request (R6.11). */
export interface ForwardedState {
  forwarded: { reference: string; to: string };
}

function forwardedOf(state: unknown): ForwardedState['forwarded'] | undefined {
  const forwarded = (state as Partial<ForwardedState> | null)?.forwarded;
  return forwarded && typeof forwarded.reference === 'string' && typeof forwarded.to === 'string' ? forwarded : undefined;
}

/**
 * "OCMW Online" (R6.8, R6.11): the OCMW's help requests, filtered by status, kind, receipt date
 * and reference; each with its deadline and a "te laat" flag. The filters live in the URL.
 */
export function HelpRequestListPage() {
  const { t } = useTranslation();
  const language = useUiLanguage();
  const context = useSession().session?.context;
  const location = useLocation();
  const forwarded = forwardedOf(location.state);
  const [params, setParams] = useSearchParams();
  const query = queryOf(params);
  const key = `${JSON.stringify(query)}|${language}`;
  // The answer carries the key it was asked for: the previous page stays on screen while the
  // next one loads, marked busy, so nobody reads the old rows as the new filter's.
  const { state } = useLoad(async (signal) => ({ key, page: await helpRequestsApi.list(query, signal) }), key);
  const failures = useLoad((signal) => helpRequestsApi.mailFailures(signal), `failures|${language}`);
  const [draft, setDraft] = useState<Record<Filter, string>>(() => draftOf(params));
  const [clientErrors, setClientErrors] = useState<FormErrors | undefined>();
  const [lastPage, setLastPage] = useState<HelpRequestPage | undefined>();
  const title = t('helpRequests.list.title');
  useDocumentTitle(title);

  useEffect(() => {
    if (state.status === 'ready') setLastPage(state.data.page);
  }, [state]);

  useEffect(() => {
    // The URL is the truth: back/forward and links with filters refill the form.
    setDraft(draftOf(params));
  }, [params]);

  function update(changes: Partial<Record<Filter | 'page', string | number | undefined>>) {
    const next = new URLSearchParams(params);
    for (const [name, value] of Object.entries(changes)) {
      if (value === undefined || value === '') next.delete(name);
      else next.set(name, String(value));
    }
    setParams(next);
  }

  function onFilter(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const fields: Record<string, string> = {};
    if (draft.from && draft.to && draft.from > draft.to) fields.to = t('helpRequests.list.toBeforeFrom');
    if (Object.keys(fields).length > 0) {
      setClientErrors((previous) => ({ attempt: (previous?.attempt ?? 0) + 1, fields }));
      return;
    }
    setClientErrors(undefined);
    update({ ...Object.fromEntries(FILTERS.map((f) => [f, draft[f].trim()])), page: undefined });
  }

  function onReset() {
    setClientErrors(undefined);
    setDraft(draftOf(new URLSearchParams()));
    update({ ...Object.fromEntries(FILTERS.map((f) => [f, undefined])), page: undefined });
  }

  const data = state.status === 'ready' ? state.data.page : lastPage;
  const isBusy = state.status === 'loading' || (state.status === 'ready' && state.data.key !== key);
  const totalPages = data ? Math.max(1, Math.ceil(data.total / data.pageSize)) : 1;
  const page = query.page;
  const isFiltered = FILTERS.some((f) => query[f] !== undefined);
  const listError = state.status === 'error' ? state.error : undefined;
  const serverErrors: FormErrors | undefined =
    listError instanceof ApiError && Object.keys(listError.fields).length > 0
      ? { attempt: 1, message: listError.message, fields: listError.fields }
      : undefined;
  const errors = clientErrors ?? serverErrors;
  const labels: Record<Filter, string> = {
    status: t('helpRequests.list.status'),
    kind: t('helpRequests.list.kind'),
    from: t('helpRequests.list.from'),
    to: t('helpRequests.list.to'),
    reference: t('helpRequests.list.reference'),
  };
  const mailFailures: MailFailure[] = failures.state.status === 'ready' ? failures.state.data : [];

  return (
    <>
      <h1>{title}</h1>
      {context?.organisation ? <p className="lead">{t('helpRequests.list.organisation', { name: choiceOrganisationName(context, t, language) })}</p> : null}
      <p>{t('helpRequests.list.intro')}</p>

      {forwarded ? (
        <p role="status" className="notice notice--success">
          {t('helpRequests.list.forwarded', { reference: forwarded.reference, organisation: forwarded.to })}
        </p>
      ) : null}

      {mailFailures.length > 0 ? (
        <section className="notice notice--warning" aria-labelledby="help-mail-failures-title">
          <h2 id="help-mail-failures-title" className="notice__title">
            {t('helpRequests.mailFailures.title', { count: mailFailures.length })}
          </h2>
          <p>{t('helpRequests.mailFailures.intro')}</p>
          <ul>
            {mailFailures.map((failure) => (
              <li key={failure.id}>
                <time dateTime={failure.createdAt}>{formatDateTime(failure.createdAt)}</time>: {failure.subject} –{' '}
                {t('helpRequests.mailFailures.to', { to: failure.to })}
                {failure.lastError ? ` (${failure.lastError})` : null}
              </li>
            ))}
          </ul>
          <p>{t('helpRequests.mailFailures.fix')}</p>
        </section>
      ) : null}

      <section aria-labelledby="help-filter-title" className="panel">
        <h2 id="help-filter-title">{t('helpRequests.list.filterTitle')}</h2>
        {errors ? (
          <ErrorSummary
            key={errors.attempt}
            title={t('form.errorSummary')}
            message={errors.message}
            fields={summaryLinks(errors, Object.fromEntries(FILTERS.map((f) => [f, { id: `${PREFIX}-${f}`, label: labels[f] }])))}
          />
        ) : null}
        <form className="form form--grid" noValidate onSubmit={onFilter} role="search" aria-labelledby="help-filter-title">
          <TextField
            id={`${PREFIX}-reference`}
            type="search"
            label={labels.reference}
            hint={t('helpRequests.list.referenceHint')}
            autoComplete="off"
            spellCheck={false}
            error={fieldError(errors, 'reference')}
            value={draft.reference}
            onChange={(event) => setDraft({ ...draft, reference: event.target.value })}
          />
          <SelectField
            id={`${PREFIX}-status`}
            label={labels.status}
            error={fieldError(errors, 'status')}
            value={draft.status}
            onChange={(event) => setDraft({ ...draft, status: event.target.value })}
          >
            <option value="">{t('helpRequests.list.all')}</option>
            {STATUS_FILTER_LIST.map((status) => (
              <option key={status} value={status}>
                {status === 'late' ? t('helpRequests.late') : t(`helpRequests.status.${status}`)}
              </option>
            ))}
          </SelectField>
          <SelectField
            id={`${PREFIX}-kind`}
            label={labels.kind}
            error={fieldError(errors, 'kind')}
            value={draft.kind}
            onChange={(event) => setDraft({ ...draft, kind: event.target.value })}
          >
            <option value="">{t('helpRequests.list.allKinds')}</option>
            {HELP_KIND_LIST.map((kind) => (
              <option key={kind} value={kind}>
                {kindLabel(kind, t)}
              </option>
            ))}
          </SelectField>
          <TextField
            id={`${PREFIX}-from`}
            type="date"
            label={labels.from}
            error={fieldError(errors, 'from')}
            value={draft.from}
            onChange={(event) => setDraft({ ...draft, from: event.target.value })}
          />
          <TextField
            id={`${PREFIX}-to`}
            type="date"
            label={labels.to}
            error={fieldError(errors, 'to')}
            value={draft.to}
            onChange={(event) => setDraft({ ...draft, to: event.target.value })}
          />
          <div className="actions form--grid__full">
            <button type="submit" className="button button--primary">
              {t('helpRequests.list.filter')}
            </button>
            <button type="button" className="button" onClick={onReset}>
              {t('helpRequests.list.reset')}
            </button>
          </div>
        </form>
      </section>

      <div id="help-results" aria-busy={isBusy ? true : undefined}>
        {state.status === 'loading' && !data ? (
          <p role="status" className="loading">
            {t('app.loading')}
          </p>
        ) : listError && !serverErrors ? (
          <p role="alert" className="notice notice--error">
            {errorMessage(listError, t)}
          </p>
        ) : null}

        {data ? (
          <>
            <p role="status" className="result-count">
              {t('helpRequests.list.found', { count: data.total })}
            </p>
            {data.items.length === 0 ? (
              <p className="notice">{isFiltered ? t('helpRequests.list.emptyFiltered') : t('helpRequests.list.empty')}</p>
            ) : (
              <div className="table-scroll" role="region" aria-labelledby="help-caption" tabIndex={0}>
                <table className="table">
                  <caption id="help-caption">{t('helpRequests.list.caption', { page, pages: totalPages })}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('helpRequests.list.reference')}</th>
                      <th scope="col">{t('helpRequests.receivedOn')}</th>
                      <th scope="col">{t('helpRequests.kindsColumn')}</th>
                      <th scope="col">{t('helpRequests.municipality')}</th>
                      <th scope="col">{t('helpRequests.name')}</th>
                      <th scope="col">{t('helpRequests.list.status')}</th>
                      <th scope="col">{t('helpRequests.deadline')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {data.items.map((item) => (
                      <tr key={item.id}>
                        <th scope="row" className="nowrap">
                          <Link to={helpRequestPaths.detail(item.id)}>{item.reference}</Link>
                        </th>
                        <td className="nowrap">{formatDate(item.receivedOn)}</td>
                        <td>{item.kinds.map((kind) => kindLabel(kind, t)).join(', ')}</td>
                        <td>{item.municipality}</td>
                        <td>
                          {item.surname} {item.firstName}
                        </td>
                        <td>
                          <StatusBadge status={item.status} />
                        </td>
                        <td className="nowrap">
                          {formatDate(item.deadline)}
                          {item.isLate ? (
                            <>
                              {' '}
                              <LateBadge />
                            </>
                          ) : null}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}

            <Pager
                label={t('helpRequests.list.paging')}
                status={t('helpRequests.list.pageOf', { page, pages: totalPages })}
                page={page}
                pages={data.total > data.pageSize ? totalPages : 1}
                onPage={(p) => update({ page: p > 1 ? p : undefined })}
              />
          </>
        ) : null}
      </div>
    </>
  );
}
