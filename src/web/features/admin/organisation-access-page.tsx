import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadStatus } from '../../components/load-status.js';
import type { MergerSummary } from '../../../modules/merger/merger.schema.js';
import type { OrganisationSummary } from '../../../modules/registry/registry.schema.js';
import { api, request } from '../../api.js';
import type { MergerListResponse } from '../../api.js';
import { Badge } from '../../components/badge.js';
import { ConfirmDialog } from '../../components/confirm-dialog.js';
import { errorMessage } from '../../components/error-message.js';
import { TextAreaField } from '../../components/form-field.js';
import { ReopenReportDialog } from './reopen-report-dialog.js';
import { UnreadableOcmwsNotice } from './unreadable-ocmws-notice.js';
import { formatDate, localName } from '../../components/format.js';
import { useDocumentTitle } from '../../components/use-document-title.js';
import { useLoad } from '../../components/use-load.js';
import { useUiLanguage } from '../../components/use-ui-language.js';
import { useSession } from '../../session.js';
import { Notice } from '../../components/notice.js';

/** Where the page lives (the administrator's "Beheer" area). */
export const ORGANISATION_ACCESS_PATH = '/beheer/verdwijnende-ocmws';

/** R8.3: the administrator's end/restore endpoints (merger.routes.ts); both want the explicit confirmation. */
export const organisationAccessApi = {
  /** R8.3′: with open work (openWork) the server wants an override reason. */
  end: (organisationId: string, overrideReason?: string) =>
    request<OrganisationSummary>(`/admin/organisations/${organisationId}/end-access`, { method: 'POST', body: { confirm: true, ...(overrideReason ? { overrideReason } : {}) } }),
  openWork: (organisationId: string) => request<OpenWork>(`/admin/organisations/${organisationId}/open-work`),
  restore: (organisationId: string) => request<OrganisationSummary>(`/admin/organisations/${organisationId}/restore-access`, { method: 'POST', body: { confirm: true } }),
};

/** R8.3′: what the disappearing OCMW still has open (merger.service.ts `openWork`). */
interface OpenWork {
  unfiledReportYear: number | null;
  unreadDocuments: number;
}

/** A disappearing OCMW: a source of a merger whose target is another organisation. */
interface Row {
  organisation: OrganisationSummary;
  merger: MergerSummary;
}

type Action = 'end' | 'restore';
type Notice = { kind: 'success' | 'error'; text: string };

function disappearingOf(mergers: MergerSummary[]): Row[] {
  return mergers.flatMap((merger) => merger.sources.filter((source) => !source.keepsKbo).map((source) => ({ organisation: source.organisation, merger })));
}

/** The mergers with one organisation replaced by the API's answer. */
function withOrganisation(data: MergerListResponse, organisation: OrganisationSummary): MergerListResponse {
  return {
    ...data,
    items: data.items.map((merger) => ({
      ...merger,
      sources: merger.sources.map((source) => (source.organisation.id === organisation.id ? { ...source, organisation } : source)),
    })),
  };
}

/**
 * "Toegang van verdwijnende OCMW's" (R8.1, R8.3): every disappearing OCMW with its merger, the
 * effective date and whether its portal access was ended. The administrator ends it explicitly,
 * after a confirmation, and can restore it; the server refuses before the effective date and says why.
 */
export function OrganisationAccessPage() {
  const { t } = useTranslation();
  const language = useUiLanguage();
  const { session } = useSession();
  const { state, setData } = useLoad((signal) => api.listMergers(signal), 'mergers');
  const [pending, setPending] = useState<{ action: Action; row: Row } | undefined>();
  const [isBusy, setBusy] = useState(false);
  const [openWork, setOpenWork] = useState<OpenWork | 'loading' | undefined>();
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | undefined>();
  const [reopening, setReopening] = useState<{ organisationId: string; name: string; year: number } | undefined>();
  const [notice, setNotice] = useState<Notice | undefined>();
  const [noticeVersion, setNoticeVersion] = useState(0);
  const noticeRef = useRef<HTMLParagraphElement>(null);
  const title = t('orgAccess.title');
  useDocumentTitle(title);
  const today = session?.today ?? '';

  useEffect(() => {
    // After the dialog closed (and gave focus back to its button), take the user to the outcome.
    if (noticeVersion > 0) noticeRef.current?.focus();
  }, [noticeVersion]);

  const nameOf = (organisation: OrganisationSummary) => localName(organisation.name, language);
  const hasOpenWork = typeof openWork === 'object' && (openWork.unfiledReportYear !== null || openWork.unreadDocuments > 0);

  function ask(next: { action: Action; row: Row }) {
    setPending(next);
    setReason('');
    setReasonError(undefined);
    setOpenWork(undefined);
    // Before the effective date the server refuses the end anyway, and says why.
    if (next.action !== 'end' || today < next.row.merger.effectiveDate) return;
    // R8.3′: show what is still open before the administrator confirms; the server checks again.
    setOpenWork('loading');
    organisationAccessApi.openWork(next.row.organisation.id).then(setOpenWork, () => setOpenWork(undefined));
  }

  async function onConfirm() {
    if (!pending || state.status !== 'ready') return;
    const { action, row } = pending;
    const name = nameOf(row.organisation);
    if (action === 'end' && hasOpenWork && reason.trim().length < 5) {
      setReasonError(t('orgAccess.overrideRequired'));
      return;
    }
    setBusy(true);
    let outcome: Notice;
    try {
      const updated =
        action === 'end' ? await organisationAccessApi.end(row.organisation.id, hasOpenWork ? reason.trim() : undefined) : await organisationAccessApi.restore(row.organisation.id);
      setData(withOrganisation(state.data, updated));
      outcome =
        action === 'end'
          ? { kind: 'success', text: t('orgAccess.ended', { name, date: formatDate(updated.accessEndedOn ?? today) }) }
          : { kind: 'success', text: t('orgAccess.restored', { name }) };
    } catch (error) {
      outcome = { kind: 'error', text: t(action === 'end' ? 'orgAccess.endFailed' : 'orgAccess.restoreFailed', { name, reason: errorMessage(error, t) }) };
    }
    setBusy(false);
    setPending(undefined);
    setNotice(outcome);
    setNoticeVersion((v) => v + 1);
  }

  const rows =
    state.status === 'ready'
      ? disappearingOf(state.data.items).sort(
          (a, b) => a.merger.effectiveDate.localeCompare(b.merger.effectiveDate) || nameOf(a.organisation).localeCompare(nameOf(b.organisation), language),
        )
      : [];
  const endedCount = rows.filter((row) => row.organisation.accessEndedOn).length;
  const pendingName = pending ? nameOf(pending.row.organisation) : '';

  return (
    <>
      <h1>{title}</h1>
      <p>{t('orgAccess.intro')}</p>
      <p>{t('orgAccess.rules')}</p>
      <UnreadableOcmwsNotice />
      {today ? <p>{t('orgAccess.today', { today: formatDate(today) })}</p> : null}

      {notice ? (
        <p
          ref={noticeRef}
          tabIndex={-1}
          role={notice.kind === 'error' ? 'alert' : 'status'}
          className={notice.kind === 'error' ? 'notice notice--error' : 'notice notice--success'}
        >
          {notice.text}
        </p>
      ) : null}

      <LoadStatus state={state}>
        {() =>
          rows.length === 0 ? <Notice>{t('orgAccess.empty')}</Notice> : (
            <>
              <p className="result-count">{t('orgAccess.count', { count: rows.length, ended: endedCount })}</p>
              <div className="table-scroll" role="region" aria-labelledby="org-access-caption" tabIndex={0}>
                <table className="table">
                  <caption id="org-access-caption">{t('orgAccess.caption')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('orgAccess.colOrganisation')}</th>
                      <th scope="col">{t('orgAccess.colMerger')}</th>
                      <th scope="col">{t('orgAccess.colEffectiveDate')}</th>
                      <th scope="col">{t('orgAccess.colAccess')}</th>
                      <th scope="col">{t('orgAccess.colAction')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {rows.map((row) => {
                      const { organisation, merger } = row;
                      const name = nameOf(organisation);
                      const isEnded = organisation.accessEndedOn !== null;
                      return (
                        <tr key={organisation.id}>
                          <th scope="row">
                            {name}
                            {organisation.isDemo ? (
                              <>
                                {' '}
                                <Badge tone="demo" title={t('choice.demoLong')}>
                                  {t('choice.demo')}
                                </Badge>
                              </>
                            ) : null}
                            <br />
                            <span className="nowrap">{t('mergers.kbo', { kbo: organisation.kboFormatted })}</span>
                          </th>
                          <td>
                            {merger.name}
                            <br />
                            {t('orgAccess.mergesInto', { target: nameOf(merger.target.organisation) })}
                          </td>
                          <td className="nowrap">{formatDate(merger.effectiveDate)}</td>
                          <td>
                            {isEnded ? (
                              <Badge tone="warning">{t('orgAccess.stateEnded', { date: formatDate(organisation.accessEndedOn!) })}</Badge>
                            ) : (
                              <Badge tone="new">{t('orgAccess.stateActive')}</Badge>
                            )}
                            {!isEnded && today && today < merger.effectiveDate ? (
                              <>
                                <br />
                                {t('orgAccess.notYet', { date: formatDate(merger.effectiveDate) })}
                              </>
                            ) : null}
                          </td>
                          <td>
                            <button
                              type="button"
                              className={isEnded ? 'button' : 'button button--danger'}
                              onClick={() => ask({ action: isEnded ? 'restore' : 'end', row })}
                              disabled={isBusy}
                            >
                              {isEnded ? t('orgAccess.restore') : t('orgAccess.end')}
                              <span className="visually-hidden"> – {name}</span>
                            </button>
                            {today >= merger.effectiveDate ? (
                              <button
                                type="button"
                                className="button"
                                onClick={() => setReopening({ organisationId: organisation.id, name, year: Number(merger.effectiveDate.slice(0, 4)) - 1 })}
                                disabled={isBusy}
                              >
                                {t('orgAccess.reopen')}
                                <span className="visually-hidden"> – {name}</span>
                              </button>
                            ) : null}
                          </td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              </div>
            </>
          )
        }
      </LoadStatus>

      <ReopenReportDialog
        target={reopening}
        onClose={(outcome) => {
          setReopening(undefined);
          if (!outcome) return;
          setNotice(outcome);
          setNoticeVersion((v) => v + 1);
        }}
      />

      <ConfirmDialog
        open={pending !== undefined}
        title={pending?.action === 'restore' ? t('orgAccess.restoreTitle', { name: pendingName }) : t('orgAccess.endTitle', { name: pendingName })}
        confirmLabel={pending?.action === 'restore' ? t('orgAccess.restore') : t('orgAccess.end')}
        cancelLabel={t('form.cancel')}
        onConfirm={() => void onConfirm()}
        onCancel={() => setPending(undefined)}
        isBusy={isBusy}
      >
        {pending ? (
          pending.action === 'end' ? (
            <>
              <p>
                {t('orgAccess.endMerger', {
                  name: pendingName,
                  date: formatDate(pending.row.merger.effectiveDate),
                  target: nameOf(pending.row.merger.target.organisation),
                })}
              </p>
              <p>{t('orgAccess.endBody', { today: formatDate(today) })}</p>
              {openWork === 'loading' ? (
                <p role="status">{t('orgAccess.openLoading')}</p>
              ) : openWork && !hasOpenWork ? (
                <p>{t('orgAccess.openNone', { year: Number(pending.row.merger.effectiveDate.slice(0, 4)) - 1 })}</p>
              ) : openWork ? (
                <>
                  <p>{t('orgAccess.openTitle')}</p>
                  <ul>
                    {openWork.unfiledReportYear !== null ? <li>{t('orgAccess.openReport', { year: openWork.unfiledReportYear })}</li> : null}
                    {openWork.unreadDocuments > 0 ? <li>{t('orgAccess.openEbox', { count: openWork.unreadDocuments })}</li> : null}
                  </ul>
                  <TextAreaField
                    id="override-reason"
                    label={t('orgAccess.overrideLabel')}
                    required
                    error={reasonError}
                    value={reason}
                    onChange={(event) => setReason(event.target.value)}
                    rows={3}
                    maxLength={500}
                  />
                </>
              ) : null}
            </>
          ) : (
            <p>{t('orgAccess.restoreBody', { name: pendingName })}</p>
          )
        ) : null}
      </ConfirmDialog>
    </>
  );
}
