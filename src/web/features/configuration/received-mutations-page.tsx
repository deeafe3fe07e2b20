import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { SelectField, TextField } from '../../components/form-field.js';
import { choiceOrganisationName, formatDate, formatDateTime } from '../../components/format.js';
import { DataTable, FilterPanel, ListResults } from '../../components/list/data-list.js';
import { dateRangeCheck, pageOf, useListQuery } from '../../components/list/use-list-query.js';
import { useDocumentTitle } from '../../components/use-document-title.js';
import { useLoad } from '../../components/use-load.js';
import { useUiLanguage } from '../../components/use-ui-language.js';
import { mutationDescription } from '../../../modules/configuration/mutation-catalogue.js';
import { useSession } from '../../session.js';
import { Breadcrumbs, displayInsz } from '../access/access-common.js';
import { configurationApi } from './configuration-api.js';
import type { CatalogueEntry, DeliveredMutationQuery } from './configuration-api.js';
import { configurationPaths } from './configuration-common.js';
import { permissionLabel } from '../channels/chaman-common.js';

const FILTERS = ['code', 'from', 'to'] as const;
const PAGE_SIZE = 25;
const HTTPS_ENDPOINT = 'GET /api/v1/channel/mutation-files';

/** The filters and page of the URL, as the API takes them. */
function queryOf(params: URLSearchParams): DeliveredMutationQuery {
  return {
    code: params.get('code') || undefined,
    from: params.get('from') || undefined,
    to: params.get('to') || undefined,
    page: pageOf(params),
    pageSize: PAGE_SIZE,
  };
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
  const list = useListQuery({
    prefix: 'received-filter',
    filters: FILTERS,
    labels: { code: t('configuration.received.type'), from: t('configuration.received.from'), to: t('configuration.received.to') },
    queryOf,
    load: (query, signal) => configurationApi.receivedMutations(query, signal),
    key: language,
    check: (draft) => dateRangeCheck(draft, 'from', 'to', t('configuration.received.toBeforeFrom')),
  });
  const catalogue = useLoad((signal) => configurationApi.catalogue(signal), `catalogue|${language}`);
  const title = t('configuration.received.title');
  useDocumentTitle(title);

  const entries: CatalogueEntry[] = catalogue.state.status === 'ready' ? catalogue.state.data : [];
  const descriptions = new Map(entries.map((entry) => [entry.code, mutationDescription(entry.code, language) ?? entry.description]));
  const groups = [...new Set(entries.map((entry) => entry.group).filter((group): group is string => group !== null))];
  const option = (entry: CatalogueEntry) => (
    <option key={entry.code} value={entry.code}>
      {entry.code} – {descriptions.get(entry.code)}
    </option>
  );
  const code = list.draft.code;

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

      <FilterPanel
        list={list}
        title={t('configuration.received.filterTitle')}
        submitLabel={t('configuration.received.filter')}
        resetLabel={t('configuration.received.reset')}
      >
        <SelectField {...list.fieldProps('code')}>
          <option value="">{t('configuration.received.all')}</option>
          {entries.filter((entry) => entry.group === null).map(option)}
          {groups.map((group) => (
            <optgroup key={group} label={group}>
              {entries.filter((entry) => entry.group === group).map(option)}
            </optgroup>
          ))}
          {code && !descriptions.has(code) ? <option value={code}>{code}</option> : null}
        </SelectField>
        <TextField type="date" {...list.fieldProps('from')} />
        <TextField type="date" {...list.fieldProps('to')} />
      </FilterPanel>

      <ListResults
        id="received-results"
        list={list}
        found={(count) => t('configuration.received.found', { count })}
        empty={
          <div className="notice">
            <p>{list.isFiltered ? t('configuration.received.emptyFiltered') : t('configuration.received.empty')}</p>
            <p>
              {t('configuration.received.selectionHint')} <Link to={configurationPaths.section('mutations')}>{t('configuration.received.selectionLink')}</Link>
            </p>
          </div>
        }
        paging={t('configuration.received.paging')}
        pageOf={(page, pages) => t('configuration.received.pageOf', { page, pages })}
      >
        {(rows) => (
          <DataTable
            id="received"
            caption={t('configuration.received.caption', { page: list.page, pages: list.totalPages })}
            rows={rows}
            rowKey={(item) => `${item.id}-${item.batchDate}`}
            columns={[
              { key: 'batchDate', header: t('configuration.received.batchDate'), className: 'nowrap', cell: (item) => formatDate(item.batchDate) },
              {
                key: 'occurredAt',
                header: t('configuration.received.occurredAt'),
                className: 'nowrap',
                cell: (item) => <time dateTime={item.occurredAt}>{formatDateTime(item.occurredAt)}</time>,
              },
              {
                key: 'code',
                header: t('configuration.received.typeColumn'),
                cell: (item) => {
                  const description = descriptions.get(item.code);
                  return (
                    <>
                      <strong className="nowrap">{item.code}</strong>
                      {description ? ` ${description}` : null}
                    </>
                  );
                },
              },
              { key: 'insz', header: t('person.insz'), className: 'nowrap', cell: (item) => displayInsz(item.insz) },
              {
                key: 'payload',
                header: t('configuration.received.payload'),
                cell: (item) => {
                  const pairs = payloadPairs(item.payload);
                  return pairs.length > 0 ? (
                    pairs.join('; ')
                  ) : (
                    <>
                      <span aria-hidden="true">—</span>
                      <span className="visually-hidden">{t('configuration.received.noPayload')}</span>
                    </>
                  );
                },
              },
            ]}
          />
        )}
      </ListResults>
    </>
  );
}
