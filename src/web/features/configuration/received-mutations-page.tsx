import { useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
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
import { mutationDescription } from '../../../modules/configuration/mutation-catalogue.js';
import { useSession } from '../../session.js';
import { Breadcrumbs, displayInsz } from '../access/access-common.js';
import { configurationApi } from './configuration-api.js';
import type { CatalogueEntry, DeliveredMutationPage, DeliveredMutationQuery } from './configuration-api.js';
import { configurationPaths } from './configuration-common.js';
import { Pager } from '../../components/pager.js';
import { permissionLabel } from '../channels/chaman-common.js';

const FILTERS = ['code', 'from', 'to'] as const;
type Filter = (typeof FILTERS)[number];
const PAGE_SIZE = 25;
const PREFIX = 'received-filter';
const HTTPS_ENDPOINT = 'GET /api/v1/channel/mutation-files';

/** The filters and page of the URL, as the API takes them. */
function queryOf(params: URLSearchParams): DeliveredMutationQuery {
  return {
    code: params.get('code') || undefined,
    from: params.get('from') || undefined,
    to: params.get('to') || undefined,
    page: Math.max(1, Number(params.get('page')) || 1),
    pageSize: PAGE_SIZE,
  };
}

function draftOf(params: URLSearchParams): Record<Filter, string> {
  return { code: params.get('code') ?? '', from: params.get('from') ?? '', to: params.get('to') ?? '' };
}

/** The payload as `key: value` pairs; nested values as compact JSON. */
function payloadPairs(payload: unknown): string[] {
  if (payload === null || payload === undefined) return [];
  if (typeof payload !== 'object') return [String(payload)];
  return Object.entries(payload).map(([key, value]) => `${key}: ${typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value)}`);
}

/**
 * "Ontvangen mutaties" (R5.2): the mutations delivered to the OCMW, newest daily file first,
 * filterable by selection code and by the date of the daily file. The filters live in the URL.
 */
export function ReceivedMutationsPage() {
  const { t } = useTranslation();
  const language = useUiLanguage();
  const context = useSession().session?.context;
  const [params, setParams] = useSearchParams();
  const query = queryOf(params);
  const key = `${JSON.stringify(query)}|${language}`;
  // The answer carries the key it was asked for: the previous page stays on screen while the
  // next one loads, marked busy, so nobody reads the old rows as the new filter's.
  const { state } = useLoad(async (signal) => ({ key, page: await configurationApi.receivedMutations(query, signal) }), key);
  const catalogue = useLoad((signal) => configurationApi.catalogue(signal), `catalogue|${language}`);
  const [draft, setDraft] = useState<Record<Filter, string>>(() => draftOf(params));
  const [clientErrors, setClientErrors] = useState<FormErrors | undefined>();
  const [lastPage, setLastPage] = useState<DeliveredMutationPage | undefined>();
  const title = t('configuration.received.title');
  useDocumentTitle(title);

  useEffect(() => {
    if (state.status === 'ready') setLastPage(state.data.page);
  }, [state]);

  useEffect(() => {
    // The URL is the truth: back/forward and links with filters refill the form.
    setDraft(draftOf(params));
  }, [params]);

  const entries: CatalogueEntry[] = catalogue.state.status === 'ready' ? catalogue.state.data : [];
  const descriptions = new Map(entries.map((entry) => [entry.code, mutationDescription(entry.code, language) ?? entry.description]));
  const groups = [...new Set(entries.map((entry) => entry.group).filter((group): group is string => group !== null))];

  function update(changes: Partial<Record<Filter | 'page', string | number | undefined>>) {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value === undefined || value === '') next.delete(key);
      else next.set(key, String(value));
    }
    setParams(next);
  }

  function onFilter(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const fields: Record<string, string> = {};
    if (draft.from && draft.to && draft.from > draft.to) fields.to = t('configuration.received.toBeforeFrom');
    if (Object.keys(fields).length > 0) {
      setClientErrors((previous) => ({ attempt: (previous?.attempt ?? 0) + 1, fields }));
      return;
    }
    setClientErrors(undefined);
    update({ ...draft, page: undefined });
  }

  function onReset() {
    setClientErrors(undefined);
    setDraft({ code: '', from: '', to: '' });
    update({ code: undefined, from: undefined, to: undefined, page: undefined });
  }

  const data = state.status === 'ready' ? state.data.page : lastPage;
  const isBusy = state.status === 'loading' || (state.status === 'ready' && state.data.key !== key);
  const totalPages = data ? Math.max(1, Math.ceil(data.total / data.pageSize)) : 1;
  const page = query.page;
  const isFiltered = Boolean(query.code || query.from || query.to);
  const listError = state.status === 'error' ? state.error : undefined;
  const serverErrors: FormErrors | undefined =
    listError instanceof ApiError && Object.keys(listError.fields).length > 0
      ? { attempt: 1, message: listError.message, fields: listError.fields }
      : undefined;
  const errors = clientErrors ?? serverErrors;
  const labels: Record<Filter, string> = {
    code: t('configuration.received.type'),
    from: t('configuration.received.from'),
    to: t('configuration.received.to'),
  };

  const option = (entry: CatalogueEntry) => (
    <option key={entry.code} value={entry.code}>
      {entry.code} – {descriptions.get(entry.code)}
    </option>
  );

  return (
    <>
      <Breadcrumbs items={[{ to: configurationPaths.home, label: t('configuration.title') }, { label: title }]} />
      <h1>{title}</h1>
      {context?.organisation ? <p className="lead">{t('configuration.received.organisation', { name: choiceOrganisationName(context, t, language) })}</p> : null}
      <p>{t('configuration.received.intro')}</p>
      <p>{t('configuration.received.channel', { permission: permissionLabel('mutaties-rijksregister') })}</p>
      <p>
        {t('configuration.received.https')} <code>{HTTPS_ENDPOINT}</code>
      </p>

      <section aria-labelledby="received-filter-title" className="panel">
        <h2 id="received-filter-title">{t('configuration.received.filterTitle')}</h2>
        {errors ? (
          <ErrorSummary
            key={errors.attempt}
            title={t('form.errorSummary')}
            message={errors.message}
            fields={summaryLinks(errors, Object.fromEntries(FILTERS.map((f) => [f, { id: `${PREFIX}-${f}`, label: labels[f] }])))}
          />
        ) : null}
        <form className="form form--grid" noValidate onSubmit={onFilter} role="search" aria-labelledby="received-filter-title">
          <SelectField
            id={`${PREFIX}-code`}
            label={labels.code}
            error={fieldError(errors, 'code')}
            value={draft.code}
            onChange={(event) => setDraft({ ...draft, code: event.target.value })}
          >
            <option value="">{t('configuration.received.all')}</option>
            {entries.filter((entry) => entry.group === null).map(option)}
            {groups.map((group) => (
              <optgroup key={group} label={group}>
                {entries.filter((entry) => entry.group === group).map(option)}
              </optgroup>
            ))}
            {draft.code && !descriptions.has(draft.code) ? <option value={draft.code}>{draft.code}</option> : null}
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
              {t('configuration.received.filter')}
            </button>
            <button type="button" className="button" onClick={onReset}>
              {t('configuration.received.reset')}
            </button>
          </div>
        </form>
      </section>

      <div id="received-results" aria-busy={isBusy ? true : undefined}>
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
              {t('configuration.received.found', { count: data.total })}
            </p>
            {data.items.length === 0 ? (
              <div className="notice">
                <p>{isFiltered ? t('configuration.received.emptyFiltered') : t('configuration.received.empty')}</p>
                <p>
                  {t('configuration.received.selectionHint')}{' '}
                  <Link to={configurationPaths.section('mutations')}>{t('configuration.received.selectionLink')}</Link>
                </p>
              </div>
            ) : (
              <div className="table-scroll" role="region" aria-labelledby="received-caption" tabIndex={0}>
                <table className="table">
                  <caption id="received-caption">{t('configuration.received.caption', { page, pages: totalPages })}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('configuration.received.batchDate')}</th>
                      <th scope="col">{t('configuration.received.occurredAt')}</th>
                      <th scope="col">{t('configuration.received.typeColumn')}</th>
                      <th scope="col">{t('person.insz')}</th>
                      <th scope="col">{t('configuration.received.payload')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {data.items.map((item) => {
                      const pairs = payloadPairs(item.payload);
                      const description = descriptions.get(item.code);
                      return (
                        <tr key={`${item.id}-${item.batchDate}`}>
                          <td className="nowrap">{formatDate(item.batchDate)}</td>
                          <td className="nowrap">
                            <time dateTime={item.occurredAt}>{formatDateTime(item.occurredAt)}</time>
                          </td>
                          <td>
                            <strong className="nowrap">{item.code}</strong>
                            {description ? ` ${description}` : null}
                          </td>
                          <td className="nowrap">{displayInsz(item.insz)}</td>
                          <td>
                            {pairs.length > 0 ? (
                              pairs.join('; ')
                            ) : (
                              <>
                                <span aria-hidden="true">—</span>
                                <span className="visually-hidden">{t('configuration.received.noPayload')}</span>
                              </>
                            )}
                          </td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              </div>
            )}

            <Pager
                label={t('configuration.received.paging')}
                status={t('configuration.received.pageOf', { page, pages: totalPages })}
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
