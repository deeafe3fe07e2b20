import { useEffect, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { ApiError } from '../../api.js';
import { Badge } from '../../components/badge.js';
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
import { usePermissions } from '../access/access-common.js';
import { eboxApi } from './ebox-api.js';
import type { EboxDocumentData, EboxListQueryData, EboxPageData } from './ebox-api.js';
import { DeletedBadge, EBOX_PRIVILEGED_PERMISSION, ReadBadge, displayKbo, eboxPaths, formatSize, nextDay, startOfBrusselsDay } from './ebox-common.js';
import { Pager } from '../../components/pager.js';

const FILTERS = ['read', 'sender', 'messageType', 'category', 'from', 'to', 'view'] as const;
type Filter = (typeof FILTERS)[number];
const PAGE_SIZE = 25;
const PREFIX = 'ebox-filter';
const READ_VALUES = ['unread', 'read'] as const;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The URL's filters (`from`/`to` as Brussels calendar days) → the API's query. */
function queryOf(params: URLSearchParams, privileged: boolean): EboxListQueryData {
  const read = params.get('read');
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  return {
    page: Math.max(1, Number(params.get('page')) || 1),
    pageSize: PAGE_SIZE,
    read: read === 'read' ? true : read === 'unread' ? false : undefined,
    visible: privileged && params.get('view') === 'deleted' ? false : undefined,
    // "From" the start of that day (strictly after the millisecond before it), "to" the end of that day.
    receivedAfter: ISO_DATE.test(from) ? new Date(startOfBrusselsDay(from).getTime() - 1).toISOString() : undefined,
    receivedBefore: ISO_DATE.test(to) ? startOfBrusselsDay(nextDay(to)).toISOString() : undefined,
    sender: params.get('sender')?.trim() || undefined,
    messageType: params.get('messageType')?.trim() || undefined,
    category: params.get('category')?.trim() || undefined,
  };
}

function draftOf(params: URLSearchParams): Record<Filter, string> {
  return Object.fromEntries(FILTERS.map((f) => [f, params.get(f) ?? ''])) as Record<Filter, string>;
}

/** The API's field names for the form's, so the server's messages land on the right input. */
const API_FIELD: Record<string, Filter> = {
  read: 'read',
  visible: 'view',
  receivedAfter: 'from',
  receivedBefore: 'to',
  sender: 'sender',
  messageType: 'messageType',
  category: 'category',
};

/** One row: the title bold and marked "Ongelezen" in text while unread; "Terugzetten" for a deleted one. */
function DocumentRow({ item, onRestore, busy }: { item: EboxDocumentData; onRestore?: (item: EboxDocumentData) => void; busy: boolean }) {
  const { t } = useTranslation();
  const language = useUiLanguage();
  const title = (
    <Link to={eboxPaths.detail(item.id)} data-user-content="">
      {item.title}
    </Link>
  );
  return (
    <tr>
      <td>
        <ReadBadge read={item.read} />
        {item.visible ? null : (
          <>
            {' '}
            <DeletedBadge />
          </>
        )}
        {item.isRsz ? (
          <>
            {' '}
            <Badge tone="info">{t('ebox.rsz')}</Badge>
          </>
        ) : null}
      </td>
      <th scope="row">{item.read ? <span style={{ fontWeight: 400 }}>{title}</span> : <strong>{title}</strong>}</th>
      <td>
        {item.sender.name}
        {item.sender.kbo ? (
          <>
            <br />
            <span className="nowrap form__hint">{displayKbo(item.sender.kbo)}</span>
          </>
        ) : null}
      </td>
      {/* The sender's own classification (free text of the publishing institution). */}
      <td data-user-content="">{item.category}</td>
      <td data-user-content="">{item.messageType}</td>
      <td className="nowrap">{formatDate(item.documentDate)}</td>
      <td className="nowrap">
        <time dateTime={item.receivedAt}>{formatDateTime(item.receivedAt)}</time>
      </td>
      <td>{item.attachment ? t('ebox.list.attachmentYes', { size: formatSize(item.attachment.size, language, t) }) : t('ebox.list.attachmentNo')}</td>
      {onRestore ? (
        <td>
          <button type="button" className="button button--small" disabled={busy} onClick={() => onRestore(item)}>
            {t('ebox.restore')}
            <span className="visually-hidden"> {item.title}</span>
          </button>
        </td>
      ) : null}
    </tr>
  );
}

/**
 * "e-Box van de instelling" (R10.1): the organisation's documents, newest first, filtered by read
 * status, sender, message type, category and receipt date (in the URL); unread ones bold and
 * marked in text. Privileged users also see the deleted documents and put them back.
 */
export function EboxListPage() {
  const { t } = useTranslation();
  const language = useUiLanguage();
  const context = useSession().session?.context;
  const privileged = usePermissions().has(EBOX_PRIVILEGED_PERMISSION);
  const [params, setParams] = useSearchParams();
  const query = queryOf(params, privileged);
  const isDeletedView = query.visible === false;
  const key = `${JSON.stringify(query)}|${language}`;
  const { state, reload } = useLoad(async (signal) => ({ key, page: await eboxApi.list(query, signal) }), key);
  const [draft, setDraft] = useState<Record<Filter, string>>(() => draftOf(params));
  const [clientErrors, setClientErrors] = useState<FormErrors | undefined>();
  const [lastPage, setLastPage] = useState<EboxPageData | undefined>();
  const [restoring, setRestoring] = useState<string | undefined>();
  const [message, setMessage] = useState<{ text: string; isError: boolean; version: number } | undefined>();
  const messageRef = useRef<HTMLParagraphElement>(null);
  const title = t('ebox.list.title');
  useDocumentTitle(isDeletedView ? `${t('ebox.list.deletedTitle')} – ${title}` : title);

  useEffect(() => {
    if (state.status === 'ready') setLastPage(state.data.page);
  }, [state]);

  useEffect(() => {
    // The URL is the truth: back/forward and links with filters refill the form.
    setDraft(draftOf(params));
  }, [params]);

  useEffect(() => {
    if (message) messageRef.current?.focus();
  }, [message]);

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
    if (draft.from && draft.to && draft.from > draft.to) fields.to = t('ebox.list.toBeforeFrom');
    if (Object.keys(fields).length > 0) {
      setClientErrors((previous) => ({ attempt: (previous?.attempt ?? 0) + 1, fields }));
      return;
    }
    setClientErrors(undefined);
    setMessage(undefined);
    update({ ...Object.fromEntries(FILTERS.map((f) => [f, draft[f].trim()])), page: undefined });
  }

  function onReset() {
    setClientErrors(undefined);
    setMessage(undefined);
    setDraft(draftOf(new URLSearchParams()));
    update({ ...Object.fromEntries(FILTERS.map((f) => [f, undefined])), page: undefined });
  }

  async function onRestore(item: EboxDocumentData) {
    setRestoring(item.id);
    try {
      await eboxApi.restore(item.id);
      setMessage((previous) => ({ text: t('ebox.restored', { title: item.title }), isError: false, version: (previous?.version ?? 0) + 1 }));
      reload();
    } catch (error) {
      setMessage((previous) => ({ text: errorMessage(error, t), isError: true, version: (previous?.version ?? 0) + 1 }));
    } finally {
      setRestoring(undefined);
    }
  }

  const data = state.status === 'ready' ? state.data.page : lastPage;
  const isBusy = state.status === 'loading' || (state.status === 'ready' && state.data.key !== key);
  const totalPages = data ? Math.max(1, Math.ceil(data.total / data.pageSize)) : 1;
  const page = query.page;
  const isFiltered = FILTERS.some((f) => f !== 'view' && (params.get(f) ?? '') !== '');
  const listError = state.status === 'error' ? state.error : undefined;
  const serverErrors: FormErrors | undefined =
    listError instanceof ApiError && Object.keys(listError.fields).length > 0
      ? {
          attempt: 1,
          message: listError.message,
          fields: Object.fromEntries(Object.entries(listError.fields).map(([name, text]) => [API_FIELD[name] ?? name, text])),
        }
      : undefined;
  const errors = clientErrors ?? serverErrors;
  const labels: Record<Filter, string> = {
    read: t('ebox.list.readFilter'),
    sender: t('ebox.list.sender'),
    messageType: t('ebox.list.messageType'),
    category: t('ebox.list.category'),
    from: t('ebox.list.from'),
    to: t('ebox.list.to'),
    view: t('ebox.list.view'),
  };
  const emptyText = isDeletedView ? t('ebox.list.emptyDeleted') : isFiltered ? t('ebox.list.emptyFiltered') : t('ebox.list.empty');

  return (
    <>
      <h1>{isDeletedView ? t('ebox.list.deletedTitle') : title}</h1>
      {context?.organisation ? <p className="lead">{t('ebox.list.organisation', { name: choiceOrganisationName(context, t, language) })}</p> : null}
      <p>{t('ebox.list.intro')}</p>
      {data ? <p>{t('ebox.list.unreadCount', { count: data.unreadCount })}</p> : null}

      {message ? (
        <p
          key={message.version}
          ref={messageRef}
          tabIndex={-1}
          role={message.isError ? 'alert' : 'status'}
          className={message.isError ? 'notice notice--error' : 'notice notice--success'}
        >
          {message.text}
        </p>
      ) : null}

      <section aria-labelledby="ebox-filter-title" className="panel">
        <h2 id="ebox-filter-title">{t('ebox.list.filterTitle')}</h2>
        {errors ? (
          <ErrorSummary
            key={errors.attempt}
            title={t('form.errorSummary')}
            message={errors.message}
            fields={summaryLinks(errors, Object.fromEntries(FILTERS.map((f) => [f, { id: `${PREFIX}-${f}`, label: labels[f] }])))}
          />
        ) : null}
        <form className="form form--grid" noValidate onSubmit={onFilter} role="search" aria-labelledby="ebox-filter-title">
          {privileged ? (
            <SelectField
              id={`${PREFIX}-view`}
              label={labels.view}
              error={fieldError(errors, 'view')}
              value={draft.view}
              onChange={(event) => setDraft({ ...draft, view: event.target.value })}
            >
              <option value="">{t('ebox.list.viewVisible')}</option>
              <option value="deleted">{t('ebox.list.viewDeleted')}</option>
            </SelectField>
          ) : null}
          <SelectField
            id={`${PREFIX}-read`}
            label={labels.read}
            error={fieldError(errors, 'read')}
            value={draft.read}
            onChange={(event) => setDraft({ ...draft, read: event.target.value })}
          >
            <option value="">{t('ebox.list.readAll')}</option>
            {READ_VALUES.map((value) => (
              <option key={value} value={value}>
                {t(`ebox.${value}`)}
              </option>
            ))}
          </SelectField>
          <TextField
            id={`${PREFIX}-sender`}
            type="search"
            label={labels.sender}
            hint={t('ebox.list.senderHint')}
            autoComplete="off"
            spellCheck={false}
            maxLength={200}
            error={fieldError(errors, 'sender')}
            value={draft.sender}
            onChange={(event) => setDraft({ ...draft, sender: event.target.value })}
          />
          <TextField
            id={`${PREFIX}-messageType`}
            label={labels.messageType}
            hint={t('ebox.list.messageTypeHint')}
            autoComplete="off"
            spellCheck={false}
            maxLength={60}
            error={fieldError(errors, 'messageType')}
            value={draft.messageType}
            onChange={(event) => setDraft({ ...draft, messageType: event.target.value })}
          />
          <TextField
            id={`${PREFIX}-category`}
            label={labels.category}
            autoComplete="off"
            spellCheck={false}
            maxLength={60}
            error={fieldError(errors, 'category')}
            value={draft.category}
            onChange={(event) => setDraft({ ...draft, category: event.target.value })}
          />
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
              {t('ebox.list.filter')}
            </button>
            <button type="button" className="button" onClick={onReset}>
              {t('ebox.list.reset')}
            </button>
          </div>
        </form>
      </section>

      <div id="ebox-results" aria-busy={isBusy ? true : undefined}>
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
              {t('ebox.list.found', { count: data.total })}
            </p>
            {data.items.length === 0 ? (
              <p className="notice">{emptyText}</p>
            ) : (
              <div className="table-scroll" role="region" aria-labelledby="ebox-caption" tabIndex={0}>
                <table className="table">
                  <caption id="ebox-caption">
                    {t(isDeletedView ? 'ebox.list.captionDeleted' : 'ebox.list.caption', { page, pages: totalPages })}
                  </caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('ebox.list.status')}</th>
                      <th scope="col">{t('ebox.list.document')}</th>
                      <th scope="col">{t('ebox.list.sender')}</th>
                      <th scope="col">{t('ebox.list.category')}</th>
                      <th scope="col">{t('ebox.list.messageType')}</th>
                      <th scope="col">{t('ebox.documentDate')}</th>
                      <th scope="col">{t('ebox.receivedAt')}</th>
                      <th scope="col">{t('ebox.list.attachment')}</th>
                      {isDeletedView ? <th scope="col">{t('ebox.list.actions')}</th> : null}
                    </tr>
                  </thead>
                  <tbody>
                    {data.items.map((item) => (
                      <DocumentRow
                        key={item.id}
                        item={item}
                        busy={restoring !== undefined}
                        onRestore={isDeletedView ? (doc) => void onRestore(doc) : undefined}
                      />
                    ))}
                  </tbody>
                </table>
              </div>
            )}

            <Pager
                label={t('ebox.list.paging')}
                status={t('ebox.list.pageOf', { page, pages: totalPages })}
                page={page}
                pages={data.total > data.pageSize ? totalPages : 1}
                onPage={(p) => update({ page: p > 1 ? p : undefined })}
              />
          </>
        ) : null}
      </div>

      {privileged && !isDeletedView ? (
        <p>
          <Link to={eboxPaths.deleted}>{t('ebox.list.toDeleted')}</Link>
        </p>
      ) : null}
      {isDeletedView ? (
        <p>
          <Link to={eboxPaths.list}>{t('ebox.list.toVisible')}</Link>
        </p>
      ) : null}
    </>
  );
}

