import { useTranslation } from 'react-i18next';
import { formatDate, formatDateTime, localName } from '../../components/format.js';
import { SelectField, TextField } from '../../components/form-field.js';
import { DataTable, FilterPanel, ListResults } from '../../components/list/data-list.js';
import { pageOf, useListQuery } from '../../components/list/use-list-query.js';
import { useDocumentTitle } from '../../components/use-document-title.js';
import { useLoad } from '../../components/use-load.js';
import { useUiLanguage } from '../../components/use-ui-language.js';
import { accessApi } from './access-api.js';
import { auditActionLabel } from '../../../modules/audit/audit-messages.js';
import { renderMessage } from '../../i18n/messages.js';
import { Breadcrumbs, accessPaths, usePermissions } from './access-common.js';
import { ExportLinks } from '../../components/list/export-links.js';

export const AUDIT_ACTIONS = [
  'person.create',
  'person.update',
  'person.password',
  'member.add',
  'member.remove',
  'member.block',
  'member.unblock',
  'member.update',
  'member.applications',
  'tb.appointed',
  'tb.replaced',
  'domain.update',
  'co-htb.add',
  'co-htb.remove',
] as const;
const FILTERS = ['action', 'from', 'to', 'domainId'] as const;
const PAGE_SIZE = 25;

/** The filters and page of the URL, as the API takes them. */
function queryOf(params: URLSearchParams) {
  return { ...Object.fromEntries(FILTERS.map((f) => [f, params.get(f) || undefined])), page: pageOf(params), pageSize: PAGE_SIZE };
}

/** A recorded value for the reader: a calendar date or an instant written the way of the UI language. */
function shown(v: unknown): string {
  if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v)) return formatDate(v);
  if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(v)) return formatDateTime(v);
  return String(v);
}

/** Before/after values as "field: value" lines instead of raw JSON. */
function Change({ value }: { value: unknown }) {
  const { t } = useTranslation();
  if (value === null || value === undefined) return <>—</>;
  if (typeof value !== 'object' || Array.isArray(value)) return <>{Array.isArray(value) ? value.map(shown).join(', ') : shown(value)}</>;
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length === 0) return <>—</>;
  return (
    <ul className="plain-list">
      {entries.map(([key, v]) => (
        <li key={key}>
          <span className="change__key">{t(`access.audit.fields.${key}`, { defaultValue: key })}</span>:{' '}
          {v === null || v === '' ? '—' : Array.isArray(v) ? v.map(shown).join(', ') || '—' : shown(v)}
        </li>
      ))}
    </ul>
  );
}

/** The audit log of access management (R2.12): who changed what, when, before and after. */
export function AuditPage() {
  const { t } = useTranslation();
  const language = useUiLanguage();
  // The same labels as the audit export (modules/audit/audit-messages.ts); an unknown code is named as it is.
  const actionLabel = (action: string) => {
    const label = auditActionLabel(action);
    return typeof label === 'string' ? t('access.audit.otherAction', { action: label }) : renderMessage(label, language);
  };
  const { domainId: ownDomain } = usePermissions();
  const list = useListQuery({
    prefix: 'audit',
    filters: FILTERS,
    labels: { action: t('access.audit.action'), from: t('access.audit.from'), to: t('access.audit.to'), domainId: t('access.home.domain') },
    queryOf,
    load: (query, signal) => accessApi.listAudit(query, signal),
    key: language,
  });
  const domains = useLoad((signal) => (ownDomain ? Promise.resolve([]) : accessApi.listDomains(signal)), `domains|${ownDomain ?? ''}`);
  useDocumentTitle(t('access.audit.title'));
  const filters = { ...list.query, page: undefined, pageSize: undefined };
  const domainName = (id: string | null) => {
    if (!id) return '—';
    const found = domains.state.status === 'ready' ? domains.state.data.find((d) => d.id === id) : undefined;
    return found ? localName(found.name, language) : '';
  };

  return (
    <>
      <Breadcrumbs items={[{ to: accessPaths.start, label: t('access.title') }, { label: t('access.audit.title') }]} />
      <h1>{t('access.audit.title')}</h1>
      <p>{t('access.audit.intro')}</p>
      <FilterPanel list={list} title={t('access.audit.filterTitle')} submitLabel={t('access.users.search')} resetLabel={t('access.users.clear')}>
        <SelectField {...list.fieldProps('action')}>
          <option value="">{t('access.users.all')}</option>
          {AUDIT_ACTIONS.map((a) => (
            <option key={a} value={a}>
              {actionLabel(a)}
            </option>
          ))}
        </SelectField>
        <TextField type="date" {...list.fieldProps('from')} />
        <TextField type="date" {...list.fieldProps('to')} />
        {!ownDomain && domains.state.status === 'ready' ? (
          <SelectField {...list.fieldProps('domainId')}>
            <option value="">{t('access.users.all')}</option>
            {domains.state.data.map((d) => (
              <option key={d.id} value={d.id}>
                {localName(d.name, language)}
              </option>
            ))}
          </SelectField>
        ) : null}
      </FilterPanel>

      <div className="toolbar">
        <ExportLinks id="audit-export-label" label={t('access.audit.export')} urlOf={(format) => accessApi.exportAuditUrl(format, filters)} />
      </div>

      <ListResults
        list={list}
        found={(count) => t('access.users.found', { count })}
        empty={t('access.audit.empty')}
        paging={t('access.users.paging')}
        pageOf={(page, pages) => t('access.users.pageOf', { page, pages })}
      >
        {(rows) => (
          <DataTable
            id="audit"
            caption={t('access.audit.caption', { page: list.page, pages: list.totalPages })}
            rows={rows}
            rowKey={(item) => String(item.id)}
            columns={[
              { key: 'at', header: t('access.audit.at'), isRowHeader: true, className: 'nowrap', cell: (item) => formatDateTime(item.at) },
              { key: 'actor', header: t('access.audit.actor'), cell: (item) => item.actorUsername ?? '—' },
              {
                key: 'role',
                header: t('access.audit.role'),
                cell: (item) => (item.actorRole ? t(`roles.${item.actorRole}`, { defaultValue: item.actorRole }) : '—'),
              },
              { key: 'action', header: t('access.audit.action'), cell: (item) => actionLabel(item.action) },
              { key: 'subject', header: t('access.audit.subject'), cell: (item) => item.subjectUsername ?? '—' },
              ...(ownDomain ? [] : [{ key: 'domain', header: t('access.home.domain'), cell: (item: (typeof rows)[number]) => domainName(item.domainId) }]),
              { key: 'before', header: t('access.audit.before'), cell: (item) => <Change value={item.before} /> },
              { key: 'after', header: t('access.audit.after'), cell: (item) => <Change value={item.after} /> },
            ]}
          />
        )}
      </ListResults>
    </>
  );
}
