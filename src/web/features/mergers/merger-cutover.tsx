import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../components/confirm-dialog.js';
import { errorMessage } from '../../components/error-message.js';
import { formatDate } from '../../components/format.js';
import { useLoad } from '../../components/use-load.js';
import { useUiLanguage } from '../../components/use-ui-language.js';
import { ReasonButton } from '../../components/reason-button.js';
import { renderMessage } from '../../i18n/messages.js';
import { useSession } from '../../session.js';
import { undoRefusal } from '../../../modules/merger/cutover-rules.js';
import { mergersApi } from './mergers-api.js';
import type { MergerSummaryData, RunResultData } from './mergers-api.js';
import { CutoverRuns } from './cutover-runs.js';
import { MergerStatus, actionLabel, addDaysIso } from './mergers-common.js';
import { Notice } from '../../components/notice.js';

type Outcome = { kind: 'run' | 'undo'; result: RunResultData } | { kind: 'error'; text: string };

/**
 * "Overgang" (R7.4): run the cut-over after a confirmation that says what will happen, see what it
 * changed, undo it before the effective date (the server says why not after), let it run on its
 * own on the date, and read every run's journal.
 */
export function CutoverSection({ merger, onMergerChanged }: { merger: MergerSummaryData; onMergerChanged: () => void }) {
  const { t } = useTranslation();
  const language = useUiLanguage();
  const today = useSession().session?.today ?? '';
  const [version, setVersion] = useState(0);
  const plan = useLoad((signal) => mergersApi.plan(merger.id, signal), `${merger.id}|${language}|${version}`);
  const runs = useLoad((signal) => mergersApi.runs(merger.id, signal), `${merger.id}|${version}`);
  const [dialog, setDialog] = useState<'run' | 'undo' | undefined>();
  const [isBusy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | undefined>();
  const [outcomeVersion, setOutcomeVersion] = useState(0);
  const [scheduled, setScheduled] = useState(merger.scheduled);
  const [scheduleNotice, setScheduleNotice] = useState<{ kind: 'success' | 'error'; text: string } | undefined>();
  const outcomeRef = useRef<HTMLDivElement>(null);
  const isApplied = merger.status === 'applied';
  const date = formatDate(merger.effectiveDate);
  const lastUndoDay = formatDate(addDaysIso(merger.effectiveDate, -1));

  useEffect(() => setScheduled(merger.scheduled), [merger.scheduled]);

  useEffect(() => {
    // After the dialog gave focus back to its button, take the user to what happened.
    if (outcomeVersion > 0) outcomeRef.current?.focus();
  }, [outcomeVersion]);

  async function onConfirm() {
    const kind = dialog;
    if (!kind) return;
    setBusy(true);
    let next: Outcome;
    try {
      next = { kind, result: kind === 'run' ? await mergersApi.run(merger.id) : await mergersApi.undo(merger.id) };
    } catch (error) {
      next = { kind: 'error', text: t(kind === 'run' ? 'mergers.cutover.runFailed' : 'mergers.cutover.undoFailed', { reason: errorMessage(error, t) }) };
    }
    setBusy(false);
    setDialog(undefined);
    setOutcome(next);
    setOutcomeVersion((v) => v + 1);
    if (next.kind !== 'error') {
      setVersion((v) => v + 1);
      onMergerChanged();
    }
  }

  async function onSchedule(value: boolean) {
    if (isBusy) return;
    const before = scheduled;
    // Shown at once as the user set it; set back if the server refuses.
    setScheduled(value);
    setBusy(true);
    try {
      const answer = await mergersApi.schedule(merger.id, value);
      setScheduled(answer.scheduled);
      setScheduleNotice({ kind: 'success', text: t(answer.scheduled ? 'mergers.cutover.scheduledOn' : 'mergers.cutover.scheduledOff', { date }) });
      onMergerChanged();
    } catch (error) {
      setScheduled(before);
      setScheduleNotice({ kind: 'error', text: t('mergers.cutover.scheduleFailed', { reason: errorMessage(error, t) }) });
    } finally {
      setBusy(false);
    }
  }

  const writes = plan.state.status === 'ready' ? plan.state.data.actions.filter((a) => a.writes && a.count > 0) : [];
  const blockers = plan.state.status === 'ready' ? plan.state.data.blockers : [];
  // The run is refused with the dry run's first blocker (the server refuses with the same one).
  const runBlocker = blockers[0];
  const undoBlocker = today ? undoRefusal(merger, today) : undefined;

  return (
    <>
      <p>{t('mergers.cutover.intro')}</p>
      <dl className="details">
        <dt>{t('mergers.detail.status')}</dt>
        <dd>
          <MergerStatus status={merger.status} scheduled={scheduled} />
        </dd>
        <dt>{t('mergers.detail.businessDate')}</dt>
        <dd>{formatDate(today)}</dd>
        <dt>{t('mergers.detail.effectiveDate')}</dt>
        <dd>{date}</dd>
        <dt>{t('mergers.cutover.undoUntil')}</dt>
        <dd>{lastUndoDay}</dd>
      </dl>

      {blockers.length > 0 ? (
        <div className="notice notice--warning" role="region" aria-labelledby="cutover-blockers-title">
          <h3 id="cutover-blockers-title" className="notice__title">
            {t('mergers.plan.blockers')}
          </h3>
          <ul>
            {blockers.map((blocker) => (
              <li key={blocker}>{blocker}</li>
            ))}
          </ul>
        </div>
      ) : null}

      {/* Issue 19: what the server would refuse is disabled here, with the same reason. */}
      <div className="actions">
        <ReasonButton
          id="cutover-run"
          className="button button--primary"
          busy={isBusy}
          disabledReason={runBlocker ? t('mergers.cutover.runBlocked', { reason: runBlocker }) : undefined}
          onClick={() => setDialog('run')}
        >
          {t(isApplied ? 'mergers.cutover.runAgain' : 'mergers.cutover.run')}
        </ReasonButton>
        {isApplied ? (
          <ReasonButton
            id="cutover-undo"
            className="button button--danger"
            busy={isBusy}
            disabledReason={undoBlocker ? renderMessage(undoBlocker, language) : undefined}
            onClick={() => setDialog('undo')}
          >
            {t('mergers.cutover.undo')}
          </ReasonButton>
        ) : null}
      </div>

      {outcome ? (
        <div ref={outcomeRef} tabIndex={-1} className="cutover__outcome" aria-labelledby="cutover-outcome-title" role="region">
          <h3 id="cutover-outcome-title">{t('mergers.cutover.outcomeTitle')}</h3>
          {outcome.kind === 'error' ? <Notice tone="error">{outcome.text}</Notice> : (
            <>
              <Notice tone="success">{t(outcome.kind === 'run' ? 'mergers.cutover.ran' : 'mergers.cutover.undone', { count: outcome.result.changes, run: outcome.result.runId })}</Notice>
              <div className="table-scroll" role="region" aria-labelledby="cutover-result-caption" tabIndex={0}>
                <table className="table">
                  <caption id="cutover-result-caption">{t('mergers.cutover.resultCaption', { run: outcome.result.runId })}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('mergers.plan.colAction')}</th>
                      <th scope="col">{t('mergers.cutover.colChanged')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {outcome.result.actions.map((action) => (
                      <tr key={action.kind}>
                        <th scope="row">{actionLabel(action.kind, t)}</th>
                        <td>{action.count}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </>
          )}
        </div>
      ) : null}

      <h3>{t('mergers.cutover.scheduleTitle')}</h3>
      {isApplied && !scheduled ? (
        <p>{t('mergers.cutover.scheduleApplied')}</p>
      ) : (
        <div className="checkbox">
          <input
            id="cutover-schedule"
            type="checkbox"
            className="checkbox__input"
            checked={scheduled}
            aria-busy={isBusy ? true : undefined}
            aria-describedby="cutover-schedule-hint"
            onChange={(event) => void onSchedule(event.target.checked)}
          />
          <label htmlFor="cutover-schedule" className="checkbox__label">
            {t('mergers.cutover.schedule', { date })}
          </label>
          <span id="cutover-schedule-hint" className="checkbox__description">
            {t('mergers.cutover.scheduleHint')}
          </span>
        </div>
      )}
      {scheduleNotice ? <Notice tone={scheduleNotice.kind}>{scheduleNotice.text}</Notice> : null}

      <CutoverRuns mergerId={merger.id} state={runs.state} />

      <ConfirmDialog
        open={dialog === 'run'}
        title={t('mergers.cutover.runTitle', { name: merger.name })}
        confirmLabel={t('mergers.cutover.run')}
        cancelLabel={t('form.cancel')}
        onConfirm={() => void onConfirm()}
        onCancel={() => setDialog(undefined)}
        isBusy={isBusy}
      >
        <p>{t('mergers.cutover.runBody', { today: formatDate(today) })}</p>
        {plan.state.status === 'ready' ? (
          writes.length > 0 ? (
            <ul>
              {writes.map((action) => (
                <li key={action.kind}>{t('mergers.cutover.runItem', { action: actionLabel(action.kind, t), count: action.count })}</li>
              ))}
            </ul>
          ) : (
            <p>{t('mergers.cutover.runNothing')}</p>
          )
        ) : (
          <p>{t('mergers.plan.loading')}</p>
        )}
        <p>{t('mergers.cutover.runUntouched')}</p>
        <p>{t('mergers.cutover.runUndo', { dayBefore: lastUndoDay, date })}</p>
      </ConfirmDialog>

      <ConfirmDialog
        open={dialog === 'undo'}
        title={t('mergers.cutover.undoTitle', { name: merger.name })}
        confirmLabel={t('mergers.cutover.undo')}
        cancelLabel={t('form.cancel')}
        onConfirm={() => void onConfirm()}
        onCancel={() => setDialog(undefined)}
        isBusy={isBusy}
      >
        <p>{t('mergers.cutover.undoBody', { dayBefore: lastUndoDay, date })}</p>
      </ConfirmDialog>
    </>
  );
}
