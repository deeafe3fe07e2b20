import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router-dom';
import { SelectField, TextField } from '../../components/form-field.js';
import { choiceOrganisationName, formatDate, formatDateTime } from '../../components/format.js';
import { DataTable, FilterPanel, ListResults } from '../../components/list/data-list.js';
import { dateRangeCheck, pageOf, useListQuery } from '../../components/list/use-list-query.js';
import { useDocumentTitle } from '../../components/use-document-title.js';
import { useLoad } from '../../components/use-load.js';
import { useUiLanguage } from '../../components/use-ui-language.js';
import { useSession } from '../../session.js';
import { HELP_KIND_LIST, STATUS_FILTER_LIST, helpRequestsApi, isHelpKind, isStatusFilter } from './help-requests-api.js';
import type { HelpRequestListQuery, MailFailure } from './help-requests-api.js';
import { LateBadge, StatusBadge, helpRequestPaths, kindLabel } from './help-requests-common.js';
import { Notice } from '../../components/notice.js';

const FILTERS = ['status', 'kind', 'from', 'to', 'reference'] as const;
const PAGE_SIZE = 25;

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
    page: pageOf(params),
    pageSize: PAGE_SIZE,
  };
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
  const forwarded = forwardedOf(useLocation().state);
  const list = useListQuery({
    prefix: 'help-filter',
    filters: FILTERS,
    labels: {
      status: t('helpRequests.list.status'),
      kind: t('helpRequests.list.kind'),
      from: t('helpRequests.list.from'),
      to: t('helpRequests.list.to'),
      reference: t('helpRequests.list.reference'),
    },
    queryOf,
    load: (query, signal) => helpRequestsApi.list(query, signal),
    key: language,
    check: (draft) => dateRangeCheck(draft, 'from', 'to', t('helpRequests.list.toBeforeFrom')),
  });
  const failures = useLoad((signal) => helpRequestsApi.mailFailures(signal), `failures|${language}`);
  const title = t('helpRequests.list.title');
  useDocumentTitle(title);
  const mailFailures: MailFailure[] = failures.state.status === 'ready' ? failures.state.data : [];

  return (
    <>
      <h1>{title}</h1>
      {context?.organisation ? <p className="lead">{t('helpRequests.list.organisation', { name: choiceOrganisationName(context, t, language) })}</p> : null}
      <p>{t('helpRequests.list.intro')}</p>

      {forwarded ? <Notice tone="success">{t('helpRequests.list.forwarded', { reference: forwarded.reference, organisation: forwarded.to })}</Notice> : null}

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

      <FilterPanel list={list} title={t('helpRequests.list.filterTitle')} submitLabel={t('helpRequests.list.filter')} resetLabel={t('helpRequests.list.reset')}>
        <TextField type="search" hint={t('helpRequests.list.referenceHint')} autoComplete="off" spellCheck={false} {...list.fieldProps('reference')} />
        <SelectField {...list.fieldProps('status')}>
          <option value="">{t('helpRequests.list.all')}</option>
          {STATUS_FILTER_LIST.map((status) => (
            <option key={status} value={status}>
              {status === 'late' ? t('helpRequests.late') : t(`helpRequests.status.${status}`)}
            </option>
          ))}
        </SelectField>
        <SelectField {...list.fieldProps('kind')}>
          <option value="">{t('helpRequests.list.allKinds')}</option>
          {HELP_KIND_LIST.map((kind) => (
            <option key={kind} value={kind}>
              {kindLabel(kind, t)}
            </option>
          ))}
        </SelectField>
        <TextField type="date" {...list.fieldProps('from')} />
        <TextField type="date" {...list.fieldProps('to')} />
      </FilterPanel>

      <ListResults
        id="help-results"
        list={list}
        found={(count) => t('helpRequests.list.found', { count })}
        empty={list.isFiltered ? t('helpRequests.list.emptyFiltered') : t('helpRequests.list.empty')}
        paging={t('helpRequests.list.paging')}
        pageOf={(page, pages) => t('helpRequests.list.pageOf', { page, pages })}
      >
        {(rows) => (
          <DataTable
            id="help"
            caption={t('helpRequests.list.caption', { page: list.page, pages: list.totalPages })}
            rows={rows}
            rowKey={(item) => item.id}
            columns={[
              {
                key: 'reference',
                header: t('helpRequests.list.reference'),
                isRowHeader: true,
                className: 'nowrap',
                cell: (item) => <Link to={helpRequestPaths.detail(item.id)}>{item.reference}</Link>,
              },
              { key: 'receivedOn', header: t('helpRequests.receivedOn'), className: 'nowrap', cell: (item) => formatDate(item.receivedOn) },
              { key: 'kinds', header: t('helpRequests.kindsColumn'), cell: (item) => item.kinds.map((kind) => kindLabel(kind, t)).join(', ') },
              { key: 'municipality', header: t('helpRequests.municipality'), cell: (item) => item.municipality },
              { key: 'name', header: t('helpRequests.name'), cell: (item) => `${item.surname} ${item.firstName}` },
              { key: 'status', header: t('helpRequests.list.status'), cell: (item) => <StatusBadge status={item.status} /> },
              {
                key: 'deadline',
                header: t('helpRequests.deadline'),
                className: 'nowrap',
                cell: (item) => (
                  <>
                    {formatDate(item.deadline)}
                    {item.isLate ? (
                      <>
                        {' '}
                        <LateBadge />
                      </>
                    ) : null}
                  </>
                ),
              },
            ]}
          />
        )}
      </ListResults>
    </>
  );
}
