import { useEffect, useRef, useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { Badge } from '../../components/badge.js';
import { errorMessage } from '../../components/error-message.js';
import { SelectField, TextField } from '../../components/form-field.js';
import { choiceOrganisationName, formatDate, formatDateTime } from '../../components/format.js';
import { DataTable, FilterPanel, ListResults } from '../../components/list/data-list.js';
import type { Column } from '../../components/list/data-list.js';
import { dateRangeCheck, pageOf, useListQuery } from '../../components/list/use-list-query.js';
import { useDocumentTitle } from '../../components/use-document-title.js';
import { useUiLanguage } from '../../components/use-ui-language.js';
import type { UiLanguage } from '../../i18n/index.js';
import { useSession } from '../../session.js';
import { usePermissions } from '../access/access-common.js';
import { eboxApi } from './ebox-api.js';
import type { EboxDocumentData, EboxListQueryData } from './ebox-api.js';
import { DeletedBadge, EBOX_PRIVILEGED_PERMISSION, ReadBadge, displayKbo, eboxPaths, formatSize, nextDay, startOfBrusselsDay } from './ebox-common.js';

const FILTERS = ['read', 'sender', 'messageType', 'category', 'from', 'to', 'view'] as const;
type Filter = (typeof FILTERS)[number];
const PAGE_SIZE = 25;
const READ_VALUES = ['unread', 'read'] as const;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The URL's filters (`from`/`to` as Brussels calendar days) → the API's query. */
function queryOf(params: URLSearchParams, privileged: boolean): EboxListQueryData {
  const read = params.get('read');
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  return {
    page: pageOf(params),
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

/** The columns of a document row: the title bold and marked "Ongelezen" in text while unread. */
function documentColumns(t: TFunction, language: UiLanguage): Column<EboxDocumentData>[] {
  return [
    {
      key: 'status',
      header: t('ebox.list.status'),
      cell: (item) => (
        <>
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
        </>
      ),
    },
    {
      key: 'document',
      header: t('ebox.list.document'),
      isRowHeader: true,
      cell: (item) => {
        const title = (
          <Link to={eboxPaths.detail(item.id)} data-user-content="">
            {item.title}
          </Link>
        );
        return item.read ? <span style={{ fontWeight: 400 }}>{title}</span> : <strong>{title}</strong>;
      },
    },
    {
      key: 'sender',
      header: t('ebox.list.sender'),
      cell: (item) => (
        <>
          {item.sender.name}
          {item.sender.kbo ? (
            <>
              <br />
              <span className="nowrap form__hint">{displayKbo(item.sender.kbo)}</span>
            </>
          ) : null}
        </>
      ),
    },
    // The sender's own classification (free text of the publishing institution).
    { key: 'category', header: t('ebox.list.category'), cell: (item) => <span data-user-content="">{item.category}</span> },
    { key: 'messageType', header: t('ebox.list.messageType'), cell: (item) => <span data-user-content="">{item.messageType}</span> },
    { key: 'documentDate', header: t('ebox.documentDate'), className: 'nowrap', cell: (item) => formatDate(item.documentDate) },
    {
      key: 'receivedAt',
      header: t('ebox.receivedAt'),
      className: 'nowrap',
      cell: (item) => <time dateTime={item.receivedAt}>{formatDateTime(item.receivedAt)}</time>,
    },
    {
      key: 'attachment',
      header: t('ebox.list.attachment'),
      cell: (item) => (item.attachment ? t('ebox.list.attachmentYes', { size: formatSize(item.attachment.size, language, t) }) : t('ebox.list.attachmentNo')),
    },
  ];
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
  const [restoring, setRestoring] = useState<string | undefined>();
  const [message, setMessage] = useState<{ text: string; isError: boolean; version: number } | undefined>();
  const messageRef = useRef<HTMLParagraphElement>(null);
  const list = useListQuery({
    prefix: 'ebox-filter',
    filters: FILTERS,
    labels: {
      read: t('ebox.list.readFilter'),
      sender: t('ebox.list.sender'),
      messageType: t('ebox.list.messageType'),
      category: t('ebox.list.category'),
      from: t('ebox.list.from'),
      to: t('ebox.list.to'),
      view: t('ebox.list.view'),
    },
    queryOf: (params) => queryOf(params, privileged),
    load: (query, signal) => eboxApi.list(query, signal),
    key: language,
    apiFields: API_FIELD,
    narrowing: FILTERS.filter((f) => f !== 'view'),
    check: (draft) => {
      setMessage(undefined);
      return dateRangeCheck(draft, 'from', 'to', t('ebox.list.toBeforeFrom'));
    },
  });
  const isDeletedView = list.query.visible === false;
  const title = t('ebox.list.title');
  useDocumentTitle(isDeletedView ? `${t('ebox.list.deletedTitle')} – ${title}` : title);

  useEffect(() => {
    if (message) messageRef.current?.focus();
  }, [message]);

  async function onRestore(item: EboxDocumentData) {
    setRestoring(item.id);
    try {
      await eboxApi.restore(item.id);
      setMessage((previous) => ({ text: t('ebox.restored', { title: item.title }), isError: false, version: (previous?.version ?? 0) + 1 }));
      list.reload();
    } catch (error) {
      setMessage((previous) => ({ text: errorMessage(error, t), isError: true, version: (previous?.version ?? 0) + 1 }));
    } finally {
      setRestoring(undefined);
    }
  }

  const { data, page, totalPages } = list;
  const emptyText = isDeletedView ? t('ebox.list.emptyDeleted') : list.isFiltered ? t('ebox.list.emptyFiltered') : t('ebox.list.empty');

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

      <FilterPanel list={list} title={t('ebox.list.filterTitle')} submitLabel={t('ebox.list.filter')} resetLabel={t('ebox.list.reset')}>
        {privileged ? (
          <SelectField {...list.fieldProps('view')}>
            <option value="">{t('ebox.list.viewVisible')}</option>
            <option value="deleted">{t('ebox.list.viewDeleted')}</option>
          </SelectField>
        ) : null}
        <SelectField {...list.fieldProps('read')}>
          <option value="">{t('ebox.list.readAll')}</option>
          {READ_VALUES.map((value) => (
            <option key={value} value={value}>
              {t(`ebox.${value}`)}
            </option>
          ))}
        </SelectField>
        <TextField type="search" hint={t('ebox.list.senderHint')} autoComplete="off" spellCheck={false} maxLength={200} {...list.fieldProps('sender')} />
        <TextField hint={t('ebox.list.messageTypeHint')} autoComplete="off" spellCheck={false} maxLength={60} {...list.fieldProps('messageType')} />
        <TextField autoComplete="off" spellCheck={false} maxLength={60} {...list.fieldProps('category')} />
        <TextField type="date" {...list.fieldProps('from')} />
        <TextField type="date" {...list.fieldProps('to')} />
      </FilterPanel>

      <ListResults
        id="ebox-results"
        list={list}
        found={(count) => t('ebox.list.found', { count })}
        empty={emptyText}
        paging={t('ebox.list.paging')}
        pageOf={(p, pages) => t('ebox.list.pageOf', { page: p, pages })}
      >
        {(rows) => (
          <DataTable
            id="ebox"
            caption={t(isDeletedView ? 'ebox.list.captionDeleted' : 'ebox.list.caption', { page, pages: totalPages })}
            rows={rows}
            rowKey={(item) => item.id}
            columns={[
              ...documentColumns(t, language),
              ...(isDeletedView
                ? [
                    {
                      key: 'actions',
                      header: t('ebox.list.actions'),
                      cell: (item: EboxDocumentData) => (
                        <button type="button" className="button button--small" disabled={restoring !== undefined} onClick={() => void onRestore(item)}>
                          {t('ebox.restore')}
                          <span className="visually-hidden"> {item.title}</span>
                        </button>
                      ),
                    },
                  ]
                : []),
            ]}
          />
        )}
      </ListResults>

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
