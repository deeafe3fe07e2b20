import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DetailPending } from '../../components/load-status.js';
import { Link, useParams } from 'react-router-dom';
import { errorMessage } from '../../components/error-message.js';
import { formatDate, formatDateTime } from '../../components/format.js';
import { useDocumentTitle } from '../../components/use-document-title.js';
import { useLoad } from '../../components/use-load.js';
import { useUiLanguage } from '../../components/use-ui-language.js';
import { useSession } from '../../session.js';
import { Breadcrumbs, displayInsz } from '../access/access-common.js';
import { ForwardForm } from './forward-form.js';
import { helpRequestsApi } from './help-requests-api.js';
import type { HelpRequestDetailData, HelpRequestEventData } from './help-requests-api.js';
import { LateBadge, StatusBadge, helpRequestPaths, kindLabel } from './help-requests-common.js';

type Action = 'read' | 'decided';

/** One hop of the history (R6.11): what happened, when, by whom, from where to where, and why. */
function HistoryEntry({ event }: { event: HelpRequestEventData }) {
  const { t } = useTranslation();
  return (
    <li>
      <strong>{t(`helpRequests.history.${event.kind}`, { defaultValue: event.kind })}</strong>
      {' – '}
      <time dateTime={event.at}>{formatDateTime(event.at)}</time>
      {event.by ? <> {t('helpRequests.history.by', { name: event.by })}</> : null}
      {event.fromOrganisation || event.toOrganisation ? (
        <>
          <br />
          {event.fromOrganisation && event.toOrganisation
            ? t('helpRequests.history.fromTo', { from: event.fromOrganisation, to: event.toOrganisation })
            : event.toOrganisation
              ? t('helpRequests.history.to', { to: event.toOrganisation })
              : t('helpRequests.history.from', { from: event.fromOrganisation })}
        </>
      ) : null}
      {event.reason ? (
        <>
          <br />
          {t('helpRequests.history.reason', { reason: event.reason })}
        </>
      ) : null}
    </li>
  );
}

/** A help request in full (R6.8, R6.11): data, deadline, history; mark read/decided; forward. */
export function HelpRequestDetailPage() {
  const { t } = useTranslation();
  const language = useUiLanguage();
  const today = useSession().session?.today;
  const id = useParams().id ?? '';
  const { state, setData } = useLoad((signal) => helpRequestsApi.detail(id, signal), `${id}|${language}`);
  const [busyAction, setBusyAction] = useState<Action | undefined>();
  const [done, setDone] = useState<Action | undefined>();
  const [actionError, setActionError] = useState<string | undefined>();
  const [isForwarding, setForwarding] = useState(false);
  const messageRef = useRef<HTMLParagraphElement>(null);
  const detail = state.status === 'ready' ? state.data : undefined;
  const title = detail ? t('helpRequests.detail.title', { reference: detail.reference }) : t('helpRequests.detail.titleLoading');
  useDocumentTitle(title);

  useEffect(() => {
    // The button pressed disappears with the new status: keep keyboard users on the outcome.
    if (done || actionError) messageRef.current?.focus();
  }, [done, actionError]);

  async function mark(action: Action) {
    setBusyAction(action);
    setActionError(undefined);
    setDone(undefined);
    try {
      const updated: HelpRequestDetailData = action === 'read' ? await helpRequestsApi.markRead(id) : await helpRequestsApi.markDecided(id);
      setData(updated);
      setDone(action);
    } catch (error) {
      setActionError(errorMessage(error, t));
    } finally {
      setBusyAction(undefined);
    }
  }

  const crumbs = <Breadcrumbs items={[{ to: helpRequestPaths.list, label: t('helpRequests.list.title') }, { label: detail?.reference ?? t('helpRequests.detail.titleLoading') }]} />;

  if (state.status !== 'ready' || !detail) {
    return <DetailPending crumbs={crumbs} title={title} state={state} back={{ to: helpRequestPaths.list, label: t('helpRequests.detail.backToList') }} />;
  }

  const forwardExpired = today !== undefined && today > detail.forwardUntil;

  return (
    <>
      {crumbs}
      <h1>{title}</h1>
      <p>
        <StatusBadge status={detail.status} />
        {detail.isLate ? (
          <>
            {' '}
            <LateBadge />
          </>
        ) : null}
      </p>

      {done || actionError ? (
        <p
          ref={messageRef}
          tabIndex={-1}
          role={actionError ? 'alert' : 'status'}
          className={actionError ? 'notice notice--error' : 'notice notice--success'}
        >
          {actionError ?? t(`helpRequests.detail.marked.${done}`)}
        </p>
      ) : null}

      {detail.status !== 'decided' ? (
        <div className="actions">
          {detail.status === 'unread' ? (
            <button type="button" className="button button--primary" disabled={busyAction !== undefined} onClick={() => void mark('read')}>
              {t('helpRequests.detail.markRead')}
            </button>
          ) : null}
          <button
            type="button"
            className={detail.status === 'unread' ? 'button' : 'button button--primary'}
            disabled={busyAction !== undefined}
            onClick={() => void mark('decided')}
          >
            {t('helpRequests.detail.markDecided')}
          </button>
        </div>
      ) : null}

      <h2>{t('helpRequests.detail.requestTitle')}</h2>
      <dl className="details">
        <dt>{t('helpRequests.detail.reference')}</dt>
        <dd>{detail.reference}</dd>
        <dt>{t('helpRequests.detail.filedAt')}</dt>
        <dd>{formatDateTime(detail.filedAt)}</dd>
        <dt>{t('helpRequests.receivedOn')}</dt>
        <dd>{formatDate(detail.receivedOn)}</dd>
        <dt>{t('helpRequests.deadline')}</dt>
        <dd>
          {formatDate(detail.deadline)}
          {detail.isLate ? (
            <>
              {' '}
              <LateBadge />
            </>
          ) : null}
          <br />
          {t('helpRequests.detail.deadlineRule')}
        </dd>
        <dt>{t('helpRequests.detail.status')}</dt>
        <dd>
          {t(`helpRequests.status.${detail.status}`)}
          {detail.readAt ? (
            <>
              <br />
              {t('helpRequests.detail.readAt', { at: formatDateTime(detail.readAt) })}
            </>
          ) : null}
          {detail.decidedAt ? (
            <>
              <br />
              {t('helpRequests.detail.decidedAt', { at: formatDateTime(detail.decidedAt) })}
            </>
          ) : null}
        </dd>
        <dt>{t('helpRequests.kindsColumn')}</dt>
        <dd>
          <ul className="plain-list">
            {detail.kinds.map((kind) => (
              <li key={kind}>{kindLabel(kind, t)}</li>
            ))}
          </ul>
        </dd>
        <dt>{t('helpRequests.detail.language')}</dt>
        <dd>{t(`languages.${detail.language}`, { defaultValue: detail.language })}</dd>
      </dl>

      <h2>{t('helpRequests.detail.citizenTitle')}</h2>
      <dl className="details">
        <dt>{t('helpRequests.citizen.surname')}</dt>
        <dd>{detail.surname}</dd>
        <dt>{t('helpRequests.citizen.firstName')}</dt>
        <dd>{detail.firstName}</dd>
        <dt>{t('helpRequests.citizen.insz')}</dt>
        <dd>{detail.insz ? displayInsz(detail.insz) : t('helpRequests.citizen.notGiven')}</dd>
        <dt>{t('helpRequests.detail.residence')}</dt>
        <dd>
          {detail.postcode} {detail.municipality} <span className="nowrap">({t('helpRequests.detail.nis', { nis: detail.nis })})</span>
        </dd>
        <dt>{t('helpRequests.citizen.email')}</dt>
        <dd>{detail.email ? <a href={`mailto:${detail.email}`}>{detail.email}</a> : t('helpRequests.citizen.notGiven')}</dd>
        <dt>{t('helpRequests.citizen.phone')}</dt>
        <dd>{detail.phone ? <a href={`tel:${detail.phone.replace(/[^\d+]/g, '')}`}>{detail.phone}</a> : t('helpRequests.citizen.notGiven')}</dd>
      </dl>

      <h2>{t('helpRequests.detail.messageTitle')}</h2>
      {/* The citizen's own words, in the language they wrote in: not translated (issue 18). */}
      <blockquote className="panel" lang={detail.language} data-user-content="" style={{ whiteSpace: 'pre-wrap', marginLeft: 0, marginRight: 0, paddingBottom: '0.75rem' }}>
        {detail.message}
      </blockquote>

      <h2 id="help-history-title">{t('helpRequests.detail.historyTitle')}</h2>
      {detail.history.length === 0 ? (
        <p>{t('helpRequests.detail.historyEmpty')}</p>
      ) : (
        <ol className="link-list" aria-labelledby="help-history-title">
          {detail.history.map((event, index) => (
            <HistoryEntry key={`${event.kind}-${event.at}-${index}`} event={event} />
          ))}
        </ol>
      )}

      <h2 id="help-forward-title">{t('helpRequests.forward.title')}</h2>
      {detail.canForward ? (
        <>
          <p>{t('helpRequests.forward.intro', { date: formatDate(detail.forwardUntil) })}</p>
          {isForwarding ? (
            <ForwardForm detail={detail} onCancel={() => setForwarding(false)} />
          ) : (
            <p>
              <button type="button" className="button" onClick={() => setForwarding(true)}>
                {t('helpRequests.forward.open')}
              </button>
            </p>
          )}
        </>
      ) : (
        <p>
          {forwardExpired
            ? t('helpRequests.forward.expired', { date: formatDate(detail.forwardUntil) })
            : t('helpRequests.forward.notPossible', { date: formatDate(detail.forwardUntil) })}
        </p>
      )}

      <p>
        <Link to={helpRequestPaths.list}>{t('helpRequests.detail.backToList')}</Link>
      </p>
    </>
  );
}
