import { useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { ApiError } from '../../api.js';
import { ErrorSummary } from '../../components/error-summary.js';
import { errorMessage } from '../../components/error-message.js';
import { fieldError, summaryLinks } from '../../components/form-errors.js';
import type { FormErrors } from '../../components/form-errors.js';
import { formatDate, formatDateTime, localName } from '../../components/format.js';
import { SelectField, TextField } from '../../components/form-field.js';
import { useDocumentTitle } from '../../components/use-document-title.js';
import { useLoad } from '../../components/use-load.js';
import { useUiLanguage } from '../../components/use-ui-language.js';
import { accessApi } from './access-api.js';
import { auditActionLabel } from '../../../modules/audit/audit-messages.js';
import { renderMessage } from '../../i18n/messages.js';
import { Breadcrumbs, accessPaths, usePermissions } from './access-common.js';

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
type Filter = (typeof FILTERS)[number];
const PAGE_SIZE = 25;

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
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number(params.get('page')) || 1);
  const filters = Object.fromEntries(FILTERS.map((f) => [f, params.get(f) ?? undefined])) as Record<Filter, string | undefined>;
  const query = { ...filters, page, pageSize: PAGE_SIZE };
  const { state } = useLoad((signal) => accessApi.listAudit(query, signal), `${JSON.stringify(query)}|${language}`);
  const domains = useLoad((signal) => (ownDomain ? Promise.resolve([]) : accessApi.listDomains(signal)), `domains|${ownDomain ?? ''}`);
  const [draft, setDraft] = useState<Record<Filter, string>>(() => Object.fromEntries(FILTERS.map((f) => [f, params.get(f) ?? ''])) as Record<Filter, string>);
  useDocumentTitle(t('access.audit.title'));

  useEffect(() => {
    setDraft(Object.fromEntries(FILTERS.map((f) => [f, params.get(f) ?? ''])) as Record<Filter, string>);
  }, [params]);

  function onFilter(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const next = new URLSearchParams();
    for (const f of FILTERS) if (draft[f]) next.set(f, draft[f]);
    setParams(next);
  }

  function goTo(p: number) {
    const next = new URLSearchParams(params);
    next.set('page', String(p));
    setParams(next);
  }

  const error = state.status === 'error' ? state.error : undefined;
  const filterErrors: FormErrors | undefined =
    error instanceof ApiError && Object.keys(error.fields).length > 0 ? { attempt: 1, message: error.message, fields: error.fields } : undefined;
  const data = state.status === 'ready' ? state.data : undefined;
  const pages = data ? Math.max(1, Math.ceil(data.total / data.pageSize)) : 1;
  const domainName = (id: string | null) => {
    if (!id) return '—';
    const found = domains.state.status === 'ready' ? domains.state.data.find((d) => d.id === id) : undefined;
    return found ? localName(found.name, language) : '';
  };
  const labels: Record<Filter, string> = {
    action: t('access.audit.action'),
    from: t('access.audit.from'),
    to: t('access.audit.to'),
    domainId: t('access.home.domain'),
  };

  return (
    <>
      <Breadcrumbs items={[{ to: accessPaths.start, label: t('access.title') }, { label: t('access.audit.title') }]} />
      <h1>{t('access.audit.title')}</h1>
      <p>{t('access.audit.intro')}</p>
      <section aria-labelledby="audit-filter-title" className="panel">
        <h2 id="audit-filter-title">{t('access.audit.filterTitle')}</h2>
        {filterErrors ? (
          <ErrorSummary
            title={t('form.errorSummary')}
            message={filterErrors.message}
            fields={summaryLinks(filterErrors, Object.fromEntries(FILTERS.map((f) => [f, { id: `audit-${f}`, label: labels[f] }])))}
          />
        ) : null}
        <form className="form form--grid" noValidate onSubmit={onFilter} role="search" aria-labelledby="audit-filter-title">
          <SelectField id="audit-action" label={labels.action} value={draft.action} onChange={(event) => setDraft({ ...draft, action: event.target.value })}>
            <option value="">{t('access.users.all')}</option>
            {AUDIT_ACTIONS.map((a) => (
              <option key={a} value={a}>
                {actionLabel(a)}
              </option>
            ))}
          </SelectField>
          <TextField id="audit-from" label={labels.from} type="date" error={fieldError(filterErrors, 'from')} value={draft.from} onChange={(event) => setDraft({ ...draft, from: event.target.value })} />
          <TextField id="audit-to" label={labels.to} type="date" error={fieldError(filterErrors, 'to')} value={draft.to} onChange={(event) => setDraft({ ...draft, to: event.target.value })} />
          {!ownDomain && domains.state.status === 'ready' ? (
            <SelectField id="audit-domainId" label={labels.domainId} value={draft.domainId} onChange={(event) => setDraft({ ...draft, domainId: event.target.value })}>
              <option value="">{t('access.users.all')}</option>
              {domains.state.data.map((d) => (
                <option key={d.id} value={d.id}>
                  {localName(d.name, language)}
                </option>
              ))}
            </SelectField>
          ) : null}
          <div className="actions form--grid__full">
            <button type="submit" className="button button--primary">
              {t('access.users.search')}
            </button>
            <button type="button" className="button" onClick={() => setParams(new URLSearchParams())}>
              {t('access.users.clear')}
            </button>
          </div>
        </form>
      </section>

      <div className="toolbar">
        <div className="toolbar__item toolbar__exports">
          <span id="audit-export-label">{t('access.audit.export')}</span>{' '}
          <a className="button" href={accessApi.exportAuditUrl('csv', filters)} download aria-describedby="audit-export-label">
            {t('access.users.exportCsv')}
          </a>{' '}
          <a className="button" href={accessApi.exportAuditUrl('xlsx', filters)} download aria-describedby="audit-export-label">
            {t('access.users.exportXlsx')}
          </a>
        </div>
      </div>

      {state.status === 'loading' ? (
        <p role="status">{t('app.loading')}</p>
      ) : error && !filterErrors ? (
        <p role="alert" className="notice notice--error">
          {errorMessage(error, t)}
        </p>
      ) : null}
      {data ? (
        <>
          <p role="status" className="result-count">
            {t('access.users.found', { count: data.total })}
          </p>
          {data.items.length === 0 ? (
            <p className="notice">{t('access.audit.empty')}</p>
          ) : (
            <div className="table-scroll" role="region" aria-labelledby="audit-caption" tabIndex={0}>
              <table className="table">
                <caption id="audit-caption">{t('access.audit.caption', { page, pages })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('access.audit.at')}</th>
                    <th scope="col">{t('access.audit.actor')}</th>
                    <th scope="col">{t('access.audit.role')}</th>
                    <th scope="col">{t('access.audit.action')}</th>
                    <th scope="col">{t('access.audit.subject')}</th>
                    {ownDomain ? null : <th scope="col">{t('access.home.domain')}</th>}
                    <th scope="col">{t('access.audit.before')}</th>
                    <th scope="col">{t('access.audit.after')}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.items.map((item) => (
                    <tr key={item.id}>
                      <th scope="row" className="nowrap">
                        {formatDateTime(item.at)}
                      </th>
                      <td>{item.actorUsername ?? '—'}</td>
                      <td>{item.actorRole ? t(`roles.${item.actorRole}`, { defaultValue: item.actorRole }) : '—'}</td>
                      <td>{actionLabel(item.action)}</td>
                      <td>{item.subjectUsername ?? '—'}</td>
                      {ownDomain ? null : <td>{domainName(item.domainId)}</td>}
                      <td>
                        <Change value={item.before} />
                      </td>
                      <td>
                        <Change value={item.after} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <nav className="pager" aria-label={t('access.users.paging')}>
            <button type="button" className="button" disabled={page <= 1} onClick={() => goTo(page - 1)}>
              {t('access.users.previous')}
            </button>
            <span className="pager__status">{t('access.users.pageOf', { page, pages })}</span>
            <button type="button" className="button" disabled={page >= pages} onClick={() => goTo(page + 1)}>
              {t('access.users.next')}
            </button>
          </nav>
        </>
      ) : null}
    </>
  );
}
