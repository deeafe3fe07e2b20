import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Badge } from '../../components/badge.js';
import { errorMessage } from '../../components/error-message.js';
import { formatDate } from '../../components/format.js';
import { Notice } from '../../components/notice.js';
import type { LoadState } from '../../components/use-load.js';
import { useUiLanguage } from '../../components/use-ui-language.js';
import { mergersApi } from './mergers-api.js';
import type { MergerRunData } from './mergers-api.js';
import { actionLabel, formatTimestamp } from './mergers-common.js';
import { ExpandButton, ExpandedRow, PagedRows } from './paged-rows.js';

function shortJson(value: unknown): string {
  if (value === null || value === undefined) return '—';
  const text = JSON.stringify(value);
  return text.length > 160 ? `${text.slice(0, 157)}…` : text;
}

/** One run's journal: every row it wrote with the before-state, a page at a time. */
function JournalRows({ mergerId, run, id }: { mergerId: number; run: MergerRunData; id: string }) {
  const { t } = useTranslation();
  return (
    <PagedRows
      id={id}
      loadKey={String(run.id)}
      load={(page, pageSize, signal) => mergersApi.journal(mergerId, run.id, page, pageSize, signal)}
      texts={{
        loading: t('mergers.cutover.journalLoading'),
        empty: t('mergers.cutover.journalEmpty'),
        caption: (page, pages, count) => t('mergers.cutover.journalCaption', { run: run.id, page, pages, count }),
        pager: t('mergers.cutover.journalPages', { run: run.id }),
      }}
      headers={() => [
        t('mergers.cutover.colStep'),
        t('mergers.cutover.colTable'),
        t('mergers.cutover.colOp'),
        t('mergers.cutover.colRow'),
        t('mergers.cutover.colBefore'),
      ]}
      cells={(entry) => (
        <>
          <td>
            {entry.step}
            {entry.kind ? ` · ${actionLabel(entry.kind, t)}` : ''}
          </td>
          <td>
            <code>{entry.table}</code>
          </td>
          <td>{t(`mergers.cutover.ops.${entry.op}`, { defaultValue: entry.op })}</td>
          <td className="plan-rows__id">{entry.rowId ?? shortJson(entry.key)}</td>
          <td className="plan-rows__id">{entry.before === null || entry.before === undefined ? t('mergers.cutover.noBefore') : shortJson(entry.before)}</td>
        </>
      )}
    />
  );
}

/** The merger's runs and undos, newest first; a run that changed rows opens its journal under it. */
export function CutoverRuns({ mergerId, state }: { mergerId: number; state: LoadState<{ items: MergerRunData[] }> }) {
  const { t } = useTranslation();
  const language = useUiLanguage();
  const [openJournal, setOpenJournal] = useState<number | undefined>();
  return (
    <>
      <h3 id="cutover-runs-title">{t('mergers.cutover.runsTitle')}</h3>
      {state.status === 'loading' ? (
        <p role="status">{t('mergers.cutover.runsLoading')}</p>
      ) : state.status === 'error' ? <Notice tone="error">{errorMessage(state.error, t)}</Notice> : state.data.items.length === 0 ? (
        <p>{t('mergers.cutover.noRuns')}</p>
      ) : (
        <div className="table-scroll" role="region" aria-labelledby="cutover-runs-caption" tabIndex={0}>
          <table className="table">
            <caption id="cutover-runs-caption">{t('mergers.cutover.runsCaption', { count: state.data.items.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('mergers.cutover.colRun')}</th>
                <th scope="col">{t('mergers.cutover.colKind')}</th>
                <th scope="col">{t('mergers.cutover.colActor')}</th>
                <th scope="col">{t('mergers.detail.businessDate')}</th>
                <th scope="col">{t('mergers.cutover.colAt')}</th>
                <th scope="col">{t('mergers.cutover.colChanges')}</th>
                <th scope="col">{t('mergers.cutover.colJournal')}</th>
              </tr>
            </thead>
            <tbody>
              {state.data.items.map((run) => {
                const isOpen = openJournal === run.id;
                const journalId = `cutover-journal-${run.id}`;
                return (
                  <Fragment key={run.id}>
                    <tr>
                      <th scope="row">{run.id}</th>
                      <td>
                        {run.kind === 'undo' ? (
                          <Badge tone="warning">{t('mergers.cutover.kindUndo', { run: run.undoesRunId ?? '' })}</Badge>
                        ) : (
                          <Badge tone="info">{t('mergers.cutover.kindRun')}</Badge>
                        )}
                      </td>
                      <td>{run.actor}</td>
                      <td className="nowrap">{formatDate(run.businessDate)}</td>
                      <td className="nowrap">{formatTimestamp(run.startedAt, language)}</td>
                      <td>{run.changes}</td>
                      <td>
                        {run.changes > 0 ? (
                          <ExpandButton isOpen={isOpen} controls={journalId} which={t('mergers.cutover.runNumber', { run: run.id })} onToggle={() => setOpenJournal(isOpen ? undefined : run.id)}>
                            {t(isOpen ? 'mergers.cutover.hideJournal' : 'mergers.cutover.showJournal')}
                          </ExpandButton>
                        ) : (
                          '—'
                        )}
                      </td>
                    </tr>
                    {isOpen ? (
                      <ExpandedRow id={journalId} colSpan={7}>
                        <JournalRows mergerId={mergerId} run={run} id={journalId} />
                      </ExpandedRow>
                    ) : null}
                  </Fragment>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
