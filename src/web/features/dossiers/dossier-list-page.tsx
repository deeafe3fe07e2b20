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
import { choiceOrganisationName, formatDate } from '../../components/format.js';
import { useDocumentTitle } from '../../components/use-document-title.js';
import { useLoad } from '../../components/use-load.js';
import { useUiLanguage } from '../../components/use-ui-language.js';
import { useSession } from '../../session.js';
import { displayInsz } from '../access/access-common.js';
import { DossierSettingsPanel } from './dossier-settings-panel.js';
import { normalizeInsz, preloadDossierSchema } from './dossier-validation.js';
import { FORM_KIND_LIST, FORM_STATUS_LIST, dossiersApi, isFormKind, isFormStatus } from './dossiers-api.js';
import type { DossierListQueryData, DossierPage } from './dossiers-api.js';
import { dossierPaths, kindLabel } from './dossiers-common.js';
import { Pager } from '../../components/pager.js';

const FILTERS = ['insz', 'status', 'kind'] as const;
type Filter = (typeof FILTERS)[number];
const PAGE_SIZE = 25;
const PREFIX = 'dossier-filter';

/** The filters and page of the URL, as the API takes them; unknown values are left out. */
function queryOf(params: URLSearchParams): DossierListQueryData {
  const status = params.get('status');
  const kind = params.get('kind');
  return {
    insz: params.get('insz')?.trim() || undefined,
    status: isFormStatus(status) ? status : undefined,
    kind: isFormKind(kind) ? kind : undefined,
    page: Math.max(1, Number(params.get('page')) || 1),
    pageSize: PAGE_SIZE,
  };
}

function draftOf(params: URLSearchParams): Record<Filter, string> {
  const insz = params.get('insz') ?? '';
  return { insz: /^\d{11}$/.test(insz) ? displayInsz(insz) : insz, status: params.get('status') ?? '', kind: params.get('kind') ?? '' };
}

/**
 * "Dossiers sociaal onderzoek" (R9.1, R9.2, R9.4): the OCMW's dossiers, searched by INSZ and
 * filtered by the status and kind of their forms; the filters live in the URL. Below, the setting
 * for mergers (R9.4).
 */
export function DossierListPage() {
  const { t } = useTranslation();
  const language = useUiLanguage();
  const context = useSession().session?.context;
  const [params, setParams] = useSearchParams();
  const query = queryOf(params);
  const key = `${JSON.stringify(query)}|${language}`;
  // The answer carries the key it was asked for: the previous page stays on screen while the
  // next one loads, marked busy, so nobody reads the old rows as the new filter's.
  const { state } = useLoad(async (signal) => ({ key, page: await dossiersApi.list(query, signal) }), key);
  const [draft, setDraft] = useState<Record<Filter, string>>(() => draftOf(params));
  const [clientErrors, setClientErrors] = useState<FormErrors | undefined>();
  const [lastPage, setLastPage] = useState<DossierPage | undefined>();
  const title = t('dossiers.list.title');
  useDocumentTitle(title);

  useEffect(() => {
    preloadDossierSchema();
  }, []);

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

  async function onFilter(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    let insz: string | undefined;
    if (draft.insz.trim() !== '') {
      const checked = await normalizeInsz(draft.insz, t, language);
      if ('error' in checked) {
        setClientErrors((previous) => ({ attempt: (previous?.attempt ?? 0) + 1, fields: { insz: checked.error } }));
        return;
      }
      insz = checked.insz;
    }
    setClientErrors(undefined);
    update({ insz, status: draft.status, kind: draft.kind, page: undefined });
  }

  function onReset() {
    setClientErrors(undefined);
    setDraft(draftOf(new URLSearchParams()));
    update({ insz: undefined, status: undefined, kind: undefined, page: undefined });
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
    insz: t('dossiers.list.insz'),
    status: t('dossiers.list.status'),
    kind: t('dossiers.list.kind'),
  };

  return (
    <>
      <h1>{title}</h1>
      {context?.organisation ? <p className="lead">{t('dossiers.list.organisation', { name: choiceOrganisationName(context, t, language) })}</p> : null}
      <p>{t('dossiers.list.intro')}</p>
      <p>
        <Link to={dossierPaths.register} className="button button--primary">
          {t('dossiers.list.register')}
        </Link>
      </p>

      <section aria-labelledby="dossier-filter-title" className="panel">
        <h2 id="dossier-filter-title">{t('dossiers.list.filterTitle')}</h2>
        {errors ? (
          <ErrorSummary
            key={errors.attempt}
            title={t('form.errorSummary')}
            message={errors.message}
            fields={summaryLinks(errors, Object.fromEntries(FILTERS.map((f) => [f, { id: `${PREFIX}-${f}`, label: labels[f] }])))}
          />
        ) : null}
        <form className="form form--grid" noValidate onSubmit={(event) => void onFilter(event)} role="search" aria-labelledby="dossier-filter-title">
          <TextField
            id={`${PREFIX}-insz`}
            type="search"
            label={labels.insz}
            hint={t('dossiers.list.inszHint')}
            inputMode="numeric"
            autoComplete="off"
            spellCheck={false}
            error={fieldError(errors, 'insz')}
            value={draft.insz}
            onChange={(event) => setDraft({ ...draft, insz: event.target.value })}
          />
          <SelectField
            id={`${PREFIX}-status`}
            label={labels.status}
            hint={t('dossiers.list.statusHint')}
            error={fieldError(errors, 'status')}
            value={draft.status}
            onChange={(event) => setDraft({ ...draft, status: event.target.value })}
          >
            <option value="">{t('dossiers.list.allStatuses')}</option>
            {FORM_STATUS_LIST.map((status) => (
              <option key={status} value={status}>
                {t(`dossiers.status.${status}`)}
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
            <option value="">{t('dossiers.list.allKinds')}</option>
            {FORM_KIND_LIST.map((kind) => (
              <option key={kind} value={kind}>
                {kindLabel(kind, t)}
              </option>
            ))}
          </SelectField>
          <div className="actions form--grid__full">
            <button type="submit" className="button button--primary">
              {t('dossiers.list.search')}
            </button>
            <button type="button" className="button" onClick={onReset}>
              {t('dossiers.list.reset')}
            </button>
          </div>
        </form>
      </section>

      <div id="dossier-results" aria-busy={isBusy ? true : undefined}>
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
              {t('dossiers.list.found', { count: data.total })}
            </p>
            {data.items.length === 0 ? (
              <p className="notice">{isFiltered ? t('dossiers.list.emptyFiltered') : t('dossiers.list.empty')}</p>
            ) : (
              <div className="table-scroll" role="region" aria-labelledby="dossier-caption" tabIndex={0}>
                <table className="table">
                  <caption id="dossier-caption">{t('dossiers.list.caption', { page, pages: totalPages })}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('dossiers.insz')}</th>
                      <th scope="col">{t('dossiers.openedOn')}</th>
                      <th scope="col">{t('dossiers.closedOn')}</th>
                      <th scope="col">{t('dossiers.list.runningForms')}</th>
                      <th scope="col">{t('dossiers.list.forms')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {data.items.map((item) => (
                      <tr key={item.id}>
                        <th scope="row" className="nowrap">
                          <Link to={dossierPaths.detail(item.id)}>{displayInsz(item.insz)}</Link>
                        </th>
                        <td className="nowrap">{formatDate(item.openedOn)}</td>
                        <td className="nowrap">{item.closedOn ? formatDate(item.closedOn) : t('dossiers.notClosed')}</td>
                        <td>{item.runningForms}</td>
                        <td>{item.forms}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}

            <Pager
                label={t('dossiers.list.paging')}
                status={t('dossiers.list.pageOf', { page, pages: totalPages })}
                page={page}
                pages={data.total > data.pageSize ? totalPages : 1}
                onPage={(p) => update({ page: p > 1 ? p : undefined })}
              />
          </>
        ) : null}
      </div>

      <DossierSettingsPanel />
    </>
  );
}
