import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { SelectField, TextField } from '../../components/form-field.js';
import { choiceOrganisationName, formatDate } from '../../components/format.js';
import { DataTable, FilterPanel, ListResults } from '../../components/list/data-list.js';
import { pageOf, useListQuery } from '../../components/list/use-list-query.js';
import { useDocumentTitle } from '../../components/use-document-title.js';
import { useUiLanguage } from '../../components/use-ui-language.js';
import { useSession } from '../../session.js';
import { displayInsz } from '../access/access-common.js';
import { DossierSettingsPanel } from './dossier-settings-panel.js';
import { normalizeInsz, preloadDossierSchema } from './dossier-validation.js';
import { FORM_KIND_LIST, FORM_STATUS_LIST, dossiersApi, isFormKind, isFormStatus } from './dossiers-api.js';
import type { DossierListQueryData } from './dossiers-api.js';
import { dossierPaths, kindLabel } from './dossiers-common.js';

const FILTERS = ['insz', 'status', 'kind'] as const;
type Filter = (typeof FILTERS)[number];
const PAGE_SIZE = 25;

/**
 * The filters and page of the URL, and the INSZ the page holds, as the API takes them; unknown
 * values are left out. The INSZ is never in the URL (issue 24: browser history, proxies, logs): it
 * is the page's state, sent in the POST body.
 */
function queryOf(params: URLSearchParams, held: { insz?: string }): DossierListQueryData {
  const status = params.get('status');
  const kind = params.get('kind');
  return {
    insz: held.insz?.trim() || undefined,
    status: isFormStatus(status) ? status : undefined,
    kind: isFormKind(kind) ? kind : undefined,
    page: pageOf(params),
    pageSize: PAGE_SIZE,
  };
}

function draftOf(params: URLSearchParams, held: { insz?: string }): Record<Filter, string> {
  const insz = held.insz ?? '';
  return { insz: /^\d{11}$/.test(insz) ? displayInsz(insz) : insz, status: params.get('status') ?? '', kind: params.get('kind') ?? '' };
}

/**
 * "Dossiers sociaal onderzoek" (R9.1, R9.2, R9.4): the OCMW's dossiers, searched by INSZ and
 * filtered by the status and kind of their forms; the status and kind live in the URL, the INSZ in
 * the page's state. Below, the setting
 * for mergers (R9.4).
 */
export function DossierListPage() {
  const { t } = useTranslation();
  const language = useUiLanguage();
  const context = useSession().session?.context;
  const list = useListQuery({
    prefix: 'dossier-filter',
    filters: FILTERS,
    inPageState: ['insz'],
    labels: { insz: t('dossiers.list.insz'), status: t('dossiers.list.status'), kind: t('dossiers.list.kind') },
    queryOf,
    draftOf,
    load: (query, signal) => dossiersApi.list(query, signal),
    key: language,
    // The INSZ is checked (and written as 11 digits) before the page searches for it.
    check: async (draft) => {
      if (draft.insz.trim() === '') return {};
      const checked = await normalizeInsz(draft.insz, t, language);
      return 'error' in checked ? { fields: { insz: checked.error } } : { values: { insz: checked.insz } };
    },
  });
  const title = t('dossiers.list.title');
  useDocumentTitle(title);

  useEffect(() => {
    preloadDossierSchema();
  }, []);

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

      <FilterPanel list={list} title={t('dossiers.list.filterTitle')} submitLabel={t('dossiers.list.search')} resetLabel={t('dossiers.list.reset')}>
        <TextField type="search" hint={t('dossiers.list.inszHint')} inputMode="numeric" autoComplete="off" spellCheck={false} {...list.fieldProps('insz')} />
        <SelectField hint={t('dossiers.list.statusHint')} {...list.fieldProps('status')}>
          <option value="">{t('dossiers.list.allStatuses')}</option>
          {FORM_STATUS_LIST.map((status) => (
            <option key={status} value={status}>
              {t(`dossiers.status.${status}`)}
            </option>
          ))}
        </SelectField>
        <SelectField {...list.fieldProps('kind')}>
          <option value="">{t('dossiers.list.allKinds')}</option>
          {FORM_KIND_LIST.map((kind) => (
            <option key={kind} value={kind}>
              {kindLabel(kind, t)}
            </option>
          ))}
        </SelectField>
      </FilterPanel>

      <ListResults
        id="dossier-results"
        list={list}
        found={(count) => t('dossiers.list.found', { count })}
        empty={list.isFiltered ? t('dossiers.list.emptyFiltered') : t('dossiers.list.empty')}
        paging={t('dossiers.list.paging')}
        pageOf={(page, pages) => t('dossiers.list.pageOf', { page, pages })}
      >
        {(rows) => (
          <DataTable
            id="dossier"
            caption={t('dossiers.list.caption', { page: list.page, pages: list.totalPages })}
            rows={rows}
            rowKey={(item) => item.id}
            columns={[
              {
                key: 'insz',
                header: t('dossiers.insz'),
                isRowHeader: true,
                className: 'nowrap',
                cell: (item) => <Link to={dossierPaths.detail(item.id)}>{displayInsz(item.insz)}</Link>,
              },
              { key: 'openedOn', header: t('dossiers.openedOn'), className: 'nowrap', cell: (item) => formatDate(item.openedOn) },
              {
                key: 'closedOn',
                header: t('dossiers.closedOn'),
                className: 'nowrap',
                cell: (item) => (item.closedOn ? formatDate(item.closedOn) : t('dossiers.notClosed')),
              },
              { key: 'runningForms', header: t('dossiers.list.runningForms'), cell: (item) => item.runningForms },
              { key: 'forms', header: t('dossiers.list.forms'), cell: (item) => item.forms },
            ]}
          />
        )}
      </ListResults>

      <DossierSettingsPanel />
    </>
  );
}
