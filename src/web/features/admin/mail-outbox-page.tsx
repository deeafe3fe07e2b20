import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { request } from '../../api.js';
import { Badge } from '../../components/badge.js';
import type { BadgeTone } from '../../components/badge.js';
import { errorMessage } from '../../components/error-message.js';
import { useDocumentTitle } from '../../components/use-document-title.js';
import { useLoad } from '../../components/use-load.js';
import { useUiLanguage } from '../../components/use-ui-language.js';
import { queryString } from '../access/access-api.js';
import { formatDateTime } from '../../components/format.js';
import { Pager } from '../../components/pager.js';
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
 * dev outbox, newest first, with its delivery status; the text opens per mail.
 */
export function MailOutboxPage() {
  const { t } = useTranslation();
  const language = useUiLanguage();
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number(params.get('page')) || 1);
  const key = `${page}|${language}`;
  const { state, reload } = useLoad(async (signal) => ({ key, data: await mailsApi.list({ page, pageSize: PAGE_SIZE }, signal) }), key);
  const [resendError, setResendError] = useState<string | undefined>();

  async function resend(id: string) {
    setResendError(undefined);
    try {
      await mailsApi.resend(id);
    } catch (error) {
      setResendError(errorMessage(error, t));
    }
    reload();
  }
  const [last, setLast] = useState<MailPage | undefined>();
  const title = t('mails.title');
  useDocumentTitle(title);

  useEffect(() => {
    if (state.status === 'ready') setLast(state.data.data);
  }, [state]);

  function goTo(next: number) {
    const updated = new URLSearchParams(params);
    if (next <= 1) updated.delete('page');
    else updated.set('page', String(next));
    setParams(updated);
  }

  const data = state.status === 'ready' ? state.data.data : last;
  const isBusy = state.status === 'loading' || (state.status === 'ready' && state.data.key !== key);
  const totalPages = data ? Math.max(1, Math.ceil(data.total / data.pageSize)) : 1;

  return (
    <>
      <h1>{title}</h1>
      <UnreadableOcmwsNotice />
      <p>{t('mails.intro')}</p>
      {resendError ? <Notice tone="error">{resendError}</Notice> : null}

      <div id="mail-results" aria-busy={isBusy ? true : undefined}>
        {state.status === 'loading' && !data ? (
          <p role="status" className="loading">
            {t('app.loading')}
          </p>
        ) : state.status === 'error' ? <Notice tone="error">{errorMessage(state.error, t)}</Notice> : null}

        {data ? (
          <>
            <p role="status" className="result-count">
              {t('mails.found', { count: data.total })}
            </p>
            {data.items.length === 0 ? <Notice>{t('mails.empty')}</Notice> : (
              <div className="table-scroll" role="region" aria-labelledby="mails-caption" tabIndex={0}>
                <table className="table">
                  <caption id="mails-caption">{t('mails.caption', { page, pages: totalPages })}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('mails.createdAt')}</th>
                      <th scope="col">{t('mails.kind')}</th>
                      <th scope="col">{t('mails.to')}</th>
                      <th scope="col">{t('mails.subject')}</th>
                      <th scope="col">{t('mails.status')}</th>
                      <th scope="col">{t('mails.attempts')}</th>
                      <th scope="col">{t('mails.lastError')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {data.items.map((mail) => (
                      <tr key={mail.id}>
                        <td className="nowrap">
                          <time dateTime={mail.createdAt}>{formatDateTime(mail.createdAt)}</time>
                        </td>
                        <td>{mailKindLabel(mail.kind, t)}</td>
                        <td>{mail.toAddress}</td>
                        <th scope="row" style={{ fontWeight: 'normal', textAlign: 'left' }}>
                          <details>
                            <summary>
                              <span data-user-content="">{mail.subject}</span>
                              <span className="visually-hidden"> – {t('mails.showBody')}</span>
                            </summary>
                            <pre data-user-content="" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', margin: '0.5rem 0 0' }}>
                              {mail.bodyText}
                            </pre>
                          </details>
                        </th>
                        <td>
                          <Badge tone={STATUS_TONES[mail.status] ?? 'info'}>{t(`mails.statuses.${mail.status}`, { defaultValue: mail.status })}</Badge>
                          {mail.sentAt ? (
                            <>
                              <br />
                              <time dateTime={mail.sentAt} className="nowrap">
                                {formatDateTime(mail.sentAt)}
                              </time>
                            </>
                          ) : null}
                        </td>
                        <td>{mail.attempts}</td>
                        <td>
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
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}

            <Pager
                label={t('mails.paging')}
                status={t('mails.pageOf', { page, pages: totalPages })}
                page={page}
                pages={data.total > data.pageSize ? totalPages : 1}
                onPage={goTo}
              />
          </>
        ) : null}
      </div>
    </>
  );
}
