import { useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router-dom';
import { APPLICATIONS } from '../../../shared/applications.js';
import type { MEMBERSHIP_STATUSES, MEMBERSHIP_TYPES, SORT_COLUMNS as SortColumns } from '../../../modules/access/access.schema.js';
import { ConfirmDialog } from '../../components/confirm-dialog.js';
import { SelectField, TextField } from '../../components/form-field.js';
import { DataTable, FilterPanel, ListResults } from '../../components/list/data-list.js';
import type { Column } from '../../components/list/data-list.js';
import { pageOf, useListQuery } from '../../components/list/use-list-query.js';
import { useDocumentTitle } from '../../components/use-document-title.js';
import { useForm } from '../../components/use-form.js';
import { useUiLanguage } from '../../components/use-ui-language.js';
import { accessApi } from './access-api.js';
import type { BulkAction, MemberPageData } from './access-api.js';
import { Breadcrumbs, accessPaths, displayInsz, usePermissions } from './access-common.js';
import { DomainBanner } from './domain-banner.js';
import { BulkFieldset, BulkResultNotice } from './user-bulk.js';
import type { BulkResult } from './user-bulk.js';
import { Notice } from '../../components/notice.js';
import { ExportButtons } from '../../components/list/export-links.js';

const FILTERS = ['surname', 'firstName', 'username', 'type', 'insz', 'status', 'application'] as const;
type SortColumn = (typeof SortColumns)[number];
// The contract's lists, checked against it by type only: importing the values would pull zod into the bundle.
const SORT_COLUMNS = ['surname', 'firstName', 'username', 'type', 'status', 'insz', 'createdAt'] as const satisfies readonly SortColumn[];
const TYPES = ['TB', 'CO_TB', 'USER'] as const satisfies readonly (typeof MEMBERSHIP_TYPES)[number][];
const STATUSES = ['active', 'blocked'] as const satisfies readonly (typeof MEMBERSHIP_STATUSES)[number][];
const PAGE_SIZES = [10, 25, 50, 100];

type Member = MemberPageData['items'][number];

/**
 * The filters, sort and page of the URL, and the INSZ the page holds, as the API takes them. The
 * INSZ is never in the URL (issue 24: browser history, proxies, logs): it is sent in a POST body.
 */
function queryOf(params: URLSearchParams, held: { insz?: string }) {
  const pageSize = Number(params.get('pageSize'));
  const sort = params.get('sort');
  return {
    ...Object.fromEntries(FILTERS.map((f) => [f, (f === 'insz' ? held.insz : params.get(f)) || undefined])),
    pageSize: PAGE_SIZES.includes(pageSize) ? pageSize : 10,
    page: pageOf(params),
    sort: sort && (SORT_COLUMNS as readonly string[]).includes(sort) ? sort : 'surname',
    order: params.get('order') === 'desc' ? 'desc' : 'asc',
  };
}

/** "Gebruikers" (R2.9–R2.11): filter, sort, page, check users for a bulk action, export. */
export function UserListPage() {
  const { t } = useTranslation();
  const language = useUiLanguage();
  const { has } = usePermissions();
  const domainId = useParams().domainId ?? '';
  const removed = (useLocation().state as { removed?: unknown } | null)?.removed;
  const list = useListQuery({
    prefix: 'users-filter',
    filters: FILTERS,
    inPageState: ['insz'],
    labels: {
      surname: t('person.surname'),
      firstName: t('person.firstName'),
      username: t('person.username'),
      type: t('access.type'),
      insz: t('person.insz'),
      status: t('person.status'),
      application: t('access.applications'),
    },
    queryOf,
    load: (query, signal) => accessApi.listUsers(domainId, query, signal),
    key: `${domainId}|${language}`,
  });
  const bulk = useForm({
    prefix: 'bulk',
    labels: { action: t('access.bulk.action'), applications: t('access.applications') },
    known: { userIds: { id: 'users-caption', label: t('access.bulk.users') } },
    summaryTitle: t('access.bulk.errorSummary'),
  });
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [action, setAction] = useState<BulkAction | ''>('');
  const [bulkApplications, setBulkApplications] = useState<string[]>([]);
  const [isConfirming, setConfirming] = useState(false);
  const [result, setResult] = useState<BulkResult | undefined>();
  useDocumentTitle(t('access.users.title'));
  const queryKey = JSON.stringify(list.query);

  useEffect(() => {
    // Another filter, sort or page: what was checked is no longer on screen.
    setSelected(new Set());
  }, [queryKey]);

  const bulkActions: BulkAction[] = [
    ...(has('access.remove-user') ? (['remove'] as const) : []),
    ...(has('access.edit-user') ? (['block', 'unblock', 'addApplications', 'removeApplications'] as const) : []),
  ];
  const items = list.data?.items ?? [];
  const allOnPage = items.length > 0 && items.every((item) => selected.has(item.userId));

  function onExecute(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const fields: Record<string, string> = {};
    if (selected.size === 0) fields.userIds = t('access.bulk.noneSelected');
    if (action === '') fields.action = t('access.bulk.noAction');
    if (action.endsWith('Applications') && bulkApplications.length === 0) fields.applications = t('access.bulk.noApplications');
    if (Object.keys(fields).length > 0) return bulk.fail(fields);
    bulk.clear();
    setConfirming(true);
  }

  function onConfirm() {
    if (action === '') return;
    const names = new Map(items.map((item) => [item.userId, `${item.firstName} ${item.surname} (${item.username})`]));
    void bulk.run(async () => {
      try {
        const data = await accessApi.bulk(domainId, {
          action,
          userIds: [...selected],
          ...(action.endsWith('Applications') ? { applications: bulkApplications } : {}),
        });
        setResult({ data, names, action });
        setSelected(new Set());
        list.reload();
      } finally {
        setConfirming(false);
      }
    });
  }

  function toggle(userId: string, isChecked: boolean) {
    const next = new Set(selected);
    if (isChecked) next.add(userId);
    else next.delete(userId);
    setSelected(next);
  }

  const exportQuery = { ...list.query, page: undefined, pageSize: undefined };
  const sortable = (key: SortColumn, label: string, cell: (item: Member) => string, extra: Partial<Column<Member>> = {}): Column<Member> => ({
    key,
    header: t(label),
    sortKey: key,
    cell,
    ...extra,
  });
  const columns: Column<Member>[] = [
    {
      key: 'select',
      header: (
        <input
          type="checkbox"
          aria-label={t('access.users.selectAll')}
          checked={allOnPage}
          onChange={(event) => setSelected(event.target.checked ? new Set(items.map((item) => item.userId)) : new Set())}
        />
      ),
      cell: (item) => (
        <input
          type="checkbox"
          aria-label={t('access.users.select', { name: `${item.firstName} ${item.surname}`, username: item.username })}
          checked={selected.has(item.userId)}
          onChange={(event) => toggle(item.userId, event.target.checked)}
        />
      ),
    },
    sortable('surname', 'person.surname', (item) => item.surname, { isRowHeader: true }),
    sortable('firstName', 'person.firstName', (item) => item.firstName),
    sortable('username', 'person.username', (item) => item.username),
    sortable('type', 'access.type', (item) => t(`access.typeLabels.${item.type}`)),
    sortable('insz', 'person.insz', (item) => displayInsz(item.insz), { className: 'nowrap' }),
    sortable('status', 'person.status', (item) => t(`access.status.${item.status}`)),
    {
      key: 'details',
      header: t('access.users.action'),
      label: '',
      cell: (item) => (
        <Link to={accessPaths.user(domainId, item.userId)}>
          {t('access.users.details')}
          <span className="visually-hidden"> {t('access.users.detailsOf', { name: `${item.firstName} ${item.surname}`, username: item.username })}</span>
        </Link>
      ),
    },
  ];

  return (
    <>
      <Breadcrumbs items={[{ to: accessPaths.domain(domainId), label: t('access.title') }, { label: t('access.users.title') }]} />
      <h1>{t('access.users.title')}</h1>
      <DomainBanner domainId={domainId} />

      {typeof removed === 'string' ? <Notice tone="success">{t('access.users.removed', { username: removed })}</Notice> : null}

      {has('access.add-user') ? (
        <p>
          <Link to={accessPaths.addUser(domainId)} className="button button--primary">
            {t('access.add.title')}
          </Link>
        </p>
      ) : null}

      <FilterPanel list={list} title={t('access.users.filterTitle')} submitLabel={t('access.users.search')} resetLabel={t('access.users.clear')}>
        {(['surname', 'firstName', 'username'] as const).map((f) => (
          <TextField key={f} autoComplete="off" {...list.fieldProps(f)} />
        ))}
        <SelectField {...list.fieldProps('type')}>
          <option value="">{t('access.users.all')}</option>
          {TYPES.map((type) => (
            <option key={type} value={type}>
              {t(`access.typeLabels.${type}`)}
            </option>
          ))}
        </SelectField>
        <TextField autoComplete="off" inputMode="numeric" {...list.fieldProps('insz')} />
        <SelectField {...list.fieldProps('status')}>
          <option value="">{t('access.users.all')}</option>
          {STATUSES.map((status) => (
            <option key={status} value={status}>
              {t(`access.status.${status}`)}
            </option>
          ))}
        </SelectField>
        <SelectField {...list.fieldProps('application')}>
          <option value="">{t('access.users.all')}</option>
          {APPLICATIONS.map((app) => (
            <option key={app.code} value={app.code}>
              {app.name[language]}
            </option>
          ))}
        </SelectField>
      </FilterPanel>

      <div className="toolbar">
        <div className="toolbar__item">
          <label htmlFor="users-page-size" className="form__label">
            {t('access.users.pageSize')}
          </label>
          <select
            id="users-page-size"
            className="form__input form__input--small"
            value={list.query.pageSize}
            onChange={(event) => list.update({ pageSize: event.target.value })}
          >
            {PAGE_SIZES.map((size) => (
              <option key={size} value={size}>
                {size}
              </option>
            ))}
          </select>
        </div>
        <ExportButtons id="users-export-label" label={t('access.users.export')} download={(format) => accessApi.exportUsers(domainId, format, exportQuery)} />
      </div>

      {result ? <BulkResultNotice result={result} /> : null}

      <ListResults
        id="users-results"
        list={list}
        found={(count) => t('access.users.found', { count })}
        empty={t('access.users.empty')}
        paging={t('access.users.paging')}
        pageOf={(page, pages) => t('access.users.pageOf', { page, pages })}
      >
        {(rows) => (
          <form noValidate onSubmit={onExecute} aria-labelledby="users-caption">
            <DataTable id="users" caption={t('access.users.caption', { page: list.page, pages: list.totalPages })} rows={rows} rowKey={(item) => item.userId} columns={columns} sort={list} />
            {bulkActions.length > 0 ? (
              <BulkFieldset
                form={bulk}
                actions={bulkActions}
                action={action}
                onAction={setAction}
                applications={bulkApplications}
                onApplications={setBulkApplications}
                count={selected.size}
              />
            ) : null}
          </form>
        )}
      </ListResults>

      <ConfirmDialog
        open={isConfirming}
        title={t('access.bulk.confirmTitle')}
        confirmLabel={t('form.confirm')}
        cancelLabel={t('form.cancel')}
        isBusy={bulk.isBusy}
        onConfirm={onConfirm}
        onCancel={() => setConfirming(false)}
      >
        <p>{action ? t('access.bulk.confirmBody', { action: t(`access.bulk.actions.${action}`), count: selected.size }) : null}</p>
      </ConfirmDialog>
    </>
  );
}
