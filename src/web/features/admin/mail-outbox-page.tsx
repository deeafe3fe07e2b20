import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { request } from '../../api.js';
import { Badge } from '../../components/badge.js';
import type { BadgeTone } from '../../components/badge.js';
import { errorMessage } from '../../components/error-message.js';
import { useDocumentTitle } from '../../components/use-document-title.js';
import { DataTable, ListResults } from '../../components/list/data-list.js';
import type { Column } from '../../components/list/data-list.js';
import { pageOf, useListQuery } from '../../components/list/use-list-query.js';
import { useUiLanguage } from '../../components/use-ui-language.js';
import { queryString } from '../access/access-api.js';
import { formatDateTime } from '../../components/format.js';
import { mailKindLabel } from './mail-kinds.js';
import { UnreadableOcmwsNotice } from './unreadable-ocmws-notice.js';
import { Notice } from '../../components/notice.js';

/** A mail as `GET /admin/mails` lists it (notifications.routes.ts). */
export interface MailData {
  id: string;
  kind: string;
  toAddress: string;
  subject: string;
  bodyText: string;
  /** queued, sent, failed or outbox (no SMTP server: kept in the dev outbox). */
  status: string;
  attempts: number;
  lastError: string | null;
  createdAt: string;
  sentAt: string | null;
  /** A transient failure: when the next attempt is due (retried for at least 24 hours). */
  nextAttemptAt: string | null;
}

export interface MailPage {
  items: MailData[];
  total: number;
  page: number;
  pageSize: number;
}

/** The administrator's mail endpoint. */
export const mailsApi = {
  list: (query: { page: number; pageSize: number }, signal?: AbortSignal) => request<MailPage>(`/admin/mails${queryString({ ...query })}`, { signal }),
  resend: (id: string) => request<MailData>(`/admin/mails/${id}/resend`, { method: 'POST' }),
};

const PAGE_SIZE = 25;

const STATUS_TONES: Record<string, BadgeTone> = { sent: 'new', outbox: 'info', queued: 'demo', sending: 'demo', failed: 'warning' };

/**
 * "Verzonden e-mails / dev-outbox" (R6.4, R6.5, R6.10): every mail the portal sent or kept in the
 * dev outbox, newest first, with its delivery status; the text opens per mail. On the list pattern
 * without filters: the page lives in the URL, the table stacks on a phone.
 */
export function MailOutboxPage() {
  const { t } = useTranslation();
  const language = useUiLanguage();
  const list = useListQuery({
    prefix: 'mail',
    filters: [] as const,
    labels: {},
    queryOf: (params) => ({ page: pageOf(params), pageSize: PAGE_SIZE }),
    load: (query, signal) => mailsApi.list(query, signal),
    key: language,
  });
  const [resendError, setResendError] = useState<string | undefined>();
  const title = t('mails.title');
  useDocumentTitle(title);

  async function resend(id: string) {
    setResendError(undefined);
    try {
      await mailsApi.resend(id);
    } catch (error) {
      setResendError(errorMessage(error, t));
    }
    list.reload();
  }

  const columns: Column<MailData>[] = [
    {
      key: 'createdAt',
      header: t('mails.createdAt'),
      className: 'nowrap',
      cell: (mail) => <time dateTime={mail.createdAt}>{formatDateTime(mail.createdAt)}</time>,
    },
    { key: 'kind', header: t('mails.kind'), cell: (mail) => mailKindLabel(mail.kind, t) },
    { key: 'to', header: t('mails.to'), cell: (mail) => mail.toAddress },
    {
      key: 'subject',
      header: t('mails.subject'),
      isRowHeader: true,
      className: 'mail__subject',
      cell: (mail) => (
        <details>
          <summary>
            <span data-user-content="">{mail.subject}</span>
            <span className="visually-hidden"> – {t('mails.showBody')}</span>
          </summary>
          <pre data-user-content="" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', margin: '0.5rem 0 0' }}>
            {mail.bodyText}
          </pre>
        </details>
      ),
    },
    {
      key: 'status',
      header: t('mails.status'),
      cell: (mail) => (
        <>
          <Badge tone={STATUS_TONES[mail.status] ?? 'info'}>{t(`mails.statuses.${mail.status}`, { defaultValue: mail.status })}</Badge>
          {mail.sentAt ? (
            <>
              <br />
              <time dateTime={mail.sentAt} className="nowrap">
                {formatDateTime(mail.sentAt)}
              </time>
            </>
          ) : null}
        </>
      ),
    },
    { key: 'attempts', header: t('mails.attempts'), cell: (mail) => mail.attempts },
    {
      key: 'lastError',
      header: t('mails.lastError'),
      cell: (mail) => (
        <>
          {mail.lastError ?? <span className="visually-hidden">{t('mails.noError')}</span>}
          {mail.nextAttemptAt ? (
            <>
              <br />
              {t('mails.nextAttempt')} <time dateTime={mail.nextAttemptAt}>{formatDateTime(mail.nextAttemptAt)}</time>
            </>
          ) : null}
          {mail.status === 'failed' ? (
            <>
              <br />
              <button type="button" className="button" onClick={() => void resend(mail.id)}>
                {t('mails.resend')}
              </button>
            </>
          ) : null}
        </>
      ),
    },
  ];

  return (
    <>
      <h1>{title}</h1>
      <UnreadableOcmwsNotice />
      <p>{t('mails.intro')}</p>
      {resendError ? <Notice tone="error">{resendError}</Notice> : null}
      <ListResults
        id="mail-results"
        list={list}
        found={(count) => t('mails.found', { count })}
        empty={t('mails.empty')}
        paging={t('mails.paging')}
        pageOf={(page, pages) => t('mails.pageOf', { page, pages })}
      >
        {(rows) => <DataTable id="mails" caption={t('mails.caption', { page: list.page, pages: list.totalPages })} columns={columns} rows={rows} rowKey={(mail) => mail.id} />}
      </ListResults>
    </>
  );
}
