import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrganisationSummary } from '../../../modules/registry/registry.schema.js';
import { api } from '../../api.js';
import type { MergerListResponse } from '../../api.js';
import { formatDate, localName } from '../../components/format.js';
import { LoadStatus } from '../../components/load-status.js';
import { Notice } from '../../components/notice.js';
import { useDocumentTitle } from '../../components/use-document-title.js';
import { useLoad } from '../../components/use-load.js';
import { useUiLanguage } from '../../components/use-ui-language.js';
import { useSession } from '../../session.js';
import { EndAccessDialog } from './end-access-dialog.js';
import type { AccessAction, AccessOutcome } from './end-access-dialog.js';
import { OrganisationAccessTable, disappearingOf } from './organisation-access-table.js';
import type { DisappearingRow } from './organisation-access-table.js';
import { ReopenReportDialog } from './reopen-report-dialog.js';
import { UnreadableOcmwsNotice } from './unreadable-ocmws-notice.js';

/** Where the page lives (the administrator's "Beheer" area). */
export const ORGANISATION_ACCESS_PATH = '/beheer/verdwijnende-ocmws';

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
  const [pending, setPending] = useState<{ action: AccessAction; row: DisappearingRow } | undefined>();
  const [reopening, setReopening] = useState<{ organisationId: string; name: string; year: number } | undefined>();
  const [notice, setNotice] = useState<AccessOutcome | undefined>();
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
  function show(outcome: AccessOutcome) {
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

  return (
    <>
      <h1>{title}</h1>
      <p>{t('orgAccess.intro')}</p>
      <p>{t('orgAccess.rules')}</p>
      <UnreadableOcmwsNotice />
      {today ? <p>{t('orgAccess.today', { today: formatDate(today) })}</p> : null}

      {notice ? (
        <Notice tone={notice.kind} ref={noticeRef} isFocusable>
          {notice.text}
        </Notice>
      ) : null}

      <LoadStatus state={state}>
        {() =>
          rows.length === 0 ? (
            <Notice>{t('orgAccess.empty')}</Notice>
          ) : (
            <>
              <p className="result-count">{t('orgAccess.count', { count: rows.length, ended: endedCount })}</p>
              <OrganisationAccessTable
                rows={rows}
                today={today}
                nameOf={nameOf}
                onAccess={(row) => setPending({ action: row.organisation.accessEndedOn !== null ? 'restore' : 'end', row })}
                onReopen={({ organisation, merger }) =>
                  setReopening({ organisationId: organisation.id, name: nameOf(organisation), year: Number(merger.effectiveDate.slice(0, 4)) - 1 })
                }
              />
            </>
          )
        }
      </LoadStatus>

      <ReopenReportDialog
        target={reopening}
        onClose={(outcome) => {
          setReopening(undefined);
          if (outcome) show(outcome);
        }}
      />

      <EndAccessDialog
        pending={pending}
        today={today}
        nameOf={nameOf}
        onCancel={() => setPending(undefined)}
        onDone={(outcome, updated) => {
          if (updated && state.status === 'ready') setData(withOrganisation(state.data, updated));
          setPending(undefined);
          show(outcome);
        }}
      />
    </>
  );
}
