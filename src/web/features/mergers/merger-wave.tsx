import { useEffect, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { Badge } from '../../components/badge.js';
import type { BadgeTone } from '../../components/badge.js';
import { ConfirmDialog } from '../../components/confirm-dialog.js';
import { ErrorSummary } from '../../components/error-summary.js';
import { formErrorsOf, summaryLinks } from '../../components/form-errors.js';
import type { FormErrors } from '../../components/form-errors.js';
import { SelectField } from '../../components/form-field.js';
import { formatDate } from '../../components/format.js';
import { useSession } from '../../session.js';
import { mergerPaths, mergersApi } from './mergers-api.js';
import type { MergerSummaryData, WaveMergerData, WaveReportData } from './mergers-api.js';
import { ScenarioLabel } from './mergers-common.js';

const DATE_ID = 'wave-date';

/** What a merger of a wave came to: from the dry run, or from the run (with what the plan said before). */
type Outcome = 'ready' | 'done' | 'already' | 'blocked' | 'failed';

function outcomeOf(m: WaveMergerData, before?: WaveMergerData): Outcome {
  if (m.status === 'blocked' || m.status === 'failed') return m.status;
  if (!before) return m.status === 'applied' ? 'already' : 'ready';
  return before.status === 'applied' ? 'already' : 'done';
}

const TONE: Record<Outcome, BadgeTone> = { ready: 'info', done: 'new', already: 'info', blocked: 'warning', failed: 'warning' };

/** The effective dates that have mergers; the first one from today on is proposed. */
function wavesOf(mergers: MergerSummaryData[], today: string) {
  const dates = [...new Set(mergers.map((m) => m.effectiveDate))].sort();
  return { dates, proposed: dates.find((d) => d >= today) ?? dates.at(-1) ?? '' };
}

/** One wave's mergers, as planned or as run. */
function WaveTable({ id, caption, report, before, byCode }: { id: string; caption: string; report: WaveReportData; before?: WaveReportData; byCode: Map<string, MergerSummaryData> }) {
  const { t } = useTranslation();
  const planOf = new Map(before?.mergers.map((m) => [m.code, m]));
  return (
    <div className="table-scroll" role="region" aria-labelledby={`${id}-caption`} tabIndex={0}>
      <table className="table">
        <caption id={`${id}-caption`}>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('mergers.colName')}</th>
            <th scope="col">{t('mergers.colScenario')}</th>
            <th scope="col">{t('mergers.wave.colOutcome')}</th>
            <th scope="col">{t('mergers.wave.colChanges')}</th>
            <th scope="col">{t('mergers.wave.colBlockers')}</th>
          </tr>
        </thead>
        <tbody>
          {report.mergers.map((m) => {
            const merger = byCode.get(m.code);
            const outcome = outcomeOf(m, before ? (planOf.get(m.code) ?? { ...m, status: 'planned' }) : undefined);
            return (
              <tr key={m.code}>
                <th scope="row">{merger ? <Link to={mergerPaths.detail(merger.id)}>{merger.name}</Link> : m.code}</th>
                <td>
                  <ScenarioLabel scenario={m.scenario} />
                </td>
                <td>
                  <Badge tone={TONE[outcome]}>{t(`mergers.wave.outcome.${before ? 'run' : 'plan'}.${outcome}`)}</Badge>
                </td>
                <td>{m.changes ?? '—'}</td>
                <td>
                  {m.blockers.length > 0 ? (
                    <ul className="plain-list">
                      {m.blockers.map((blocker) => (
                        <li key={blocker}>{blocker}</li>
                      ))}
                    </ul>
                  ) : (
                    '—'
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

const count = (report: WaveReportData, before: WaveReportData | undefined, outcome: Outcome) =>
  report.mergers.filter((m) => outcomeOf(m, before ? (before.mergers.find((p) => p.code === m.code) ?? { ...m, status: 'planned' }) : undefined) === outcome).length;

/**
 * The wave (SPEC §13, the same service as `ocmw merger wave` and the daily job): every merger of
 * one effective date, first as a dry run that shows each merger's result and blockers, then run
 * after a confirmation, each merger in its own transaction; a blocked one does not stop the others.
 */
export function WaveSection({ mergers, onChanged }: { mergers: MergerSummaryData[]; onChanged: () => void }) {
  const { t } = useTranslation();
  const today = useSession().session?.today ?? '';
  const { dates, proposed } = wavesOf(mergers, today);
  const byCode = new Map(mergers.map((m) => [m.code, m]));
  const [date, setDate] = useState(proposed);
  const [plan, setPlan] = useState<WaveReportData | undefined>();
  const [ran, setRan] = useState<{ report: WaveReportData; before: WaveReportData } | undefined>();
  const [errors, setErrors] = useState<FormErrors | undefined>();
  const [isBusy, setBusy] = useState(false);
  const [isConfirming, setConfirming] = useState(false);
  const [shown, setShown] = useState(0);
  const resultRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (shown > 0) resultRef.current?.focus();
  }, [shown]);

  const current = plan && plan.date === date ? plan : undefined;
  const runnable = current ? current.mergers.filter((m) => m.status !== 'blocked').length : 0;
  const runBlockedReason = !current ? t('mergers.wave.runNeedsPlan') : runnable === 0 ? t('mergers.wave.runAllBlocked') : undefined;

  function onDate(value: string) {
    setDate(value);
    setErrors(undefined);
  }

  async function onPlan(event: FormEvent) {
    event.preventDefault();
    if (isBusy) return;
    if (!date) {
      setErrors((previous) => ({ attempt: (previous?.attempt ?? 0) + 1, fields: { date: t('mergers.wave.dateRequired') } }));
      return;
    }
    setBusy(true);
    try {
      setPlan(await mergersApi.wave(date, true));
      setRan(undefined);
      setErrors(undefined);
      setShown((v) => v + 1);
    } catch (error) {
      setErrors((previous) => formErrorsOf(error, t, previous));
    } finally {
      setBusy(false);
    }
  }

  async function onRun() {
    if (!current) return;
    setBusy(true);
    try {
      const report = await mergersApi.wave(current.date, false);
      setRan({ report, before: current });
      setErrors(undefined);
      // What the wave changed is now the plan's starting point: a new dry run is needed to run again.
      setPlan(undefined);
      onChanged();
      setShown((v) => v + 1);
    } catch (error) {
      // The error summary takes the focus.
      setErrors((previous) => formErrorsOf(error, t, previous));
    } finally {
      setBusy(false);
      setConfirming(false);
    }
  }

  const blocked = current?.mergers.filter((m) => m.status === 'blocked') ?? [];
  const already = current?.mergers.filter((m) => m.status === 'applied') ?? [];
  const label = (code: string) => byCode.get(code)?.name ?? code;

  return (
    <section aria-labelledby="wave-title" className="wave">
      <h2 id="wave-title">{t('mergers.wave.title')}</h2>
      <p>{t('mergers.wave.intro')}</p>
      {errors ? (
        <ErrorSummary
          key={errors.attempt}
          title={t('mergers.wave.errorSummary')}
          message={errors.message}
          fields={summaryLinks(errors, { date: { id: DATE_ID, label: t('mergers.wave.date') } })}
        />
      ) : null}
      <form onSubmit={(event) => void onPlan(event)} noValidate>
        <SelectField
          id={DATE_ID}
          label={t('mergers.wave.date')}
          hint={t('mergers.wave.dateHint', { today: formatDate(today) })}
          required
          value={date}
          error={errors?.fields.date}
          onChange={(event) => onDate(event.target.value)}
        >
          <option value="">{t('mergers.wave.chooseDate')}</option>
          {dates.map((d) => (
            <option key={d} value={d}>
              {t('mergers.wave.dateOption', { date: formatDate(d), count: mergers.filter((m) => m.effectiveDate === d).length })}
            </option>
          ))}
        </SelectField>
        <div className="actions">
          <button type="submit" className="button" disabled={isBusy} aria-busy={isBusy && !isConfirming ? true : undefined}>
            {t('mergers.wave.plan')}
          </button>
          <button
            type="button"
            className="button button--primary"
            disabled={isBusy || runBlockedReason !== undefined}
            aria-describedby={runBlockedReason ? 'wave-run-reason' : undefined}
            onClick={() => setConfirming(true)}
          >
            {t('mergers.wave.run')}
          </button>
        </div>
        {runBlockedReason ? (
          <p id="wave-run-reason" className="form__hint">
            {runBlockedReason}
          </p>
        ) : null}
      </form>

      {current || ran ? (
        <div ref={resultRef} tabIndex={-1} role="region" aria-labelledby="wave-result-title" className="wave__result">
          {ran ? (
            <>
              <h3 id="wave-result-title">{t('mergers.wave.runTitle', { date: formatDate(ran.report.date) })}</h3>
              <p role="status" className={count(ran.report, ran.before, 'blocked') + count(ran.report, ran.before, 'failed') > 0 ? 'notice notice--warning' : 'notice notice--success'}>
                {t('mergers.wave.runSummary', {
                  done: count(ran.report, ran.before, 'done'),
                  already: count(ran.report, ran.before, 'already'),
                  blocked: count(ran.report, ran.before, 'blocked'),
                  failed: count(ran.report, ran.before, 'failed'),
                })}
              </p>
              <WaveTable id="wave-run" caption={t('mergers.wave.runCaption', { date: formatDate(ran.report.date), count: ran.report.mergers.length })} report={ran.report} before={ran.before} byCode={byCode} />
            </>
          ) : current ? (
            <>
              <h3 id="wave-result-title">{t('mergers.wave.planTitle', { date: formatDate(current.date) })}</h3>
              <p role="status">
                {t('mergers.wave.planSummary', {
                  ready: count(current, undefined, 'ready'),
                  already: count(current, undefined, 'already'),
                  blocked: count(current, undefined, 'blocked'),
                })}
              </p>
              <WaveTable id="wave-plan" caption={t('mergers.wave.planCaption', { date: formatDate(current.date), count: current.mergers.length })} report={current} byCode={byCode} />
            </>
          ) : null}
        </div>
      ) : null}

      <ConfirmDialog
        open={isConfirming}
        title={t('mergers.wave.confirmTitle', { date: formatDate(current?.date ?? date) })}
        confirmLabel={t('mergers.wave.run')}
        cancelLabel={t('form.cancel')}
        onConfirm={() => void onRun()}
        onCancel={() => setConfirming(false)}
        isBusy={isBusy}
      >
        <p>{t('mergers.wave.confirmBody', { count: runnable, today: formatDate(today) })}</p>
        {blocked.length > 0 ? <p>{t('mergers.wave.confirmBlocked', { names: blocked.map((m) => label(m.code)).join(', ') })}</p> : null}
        {already.length > 0 ? <p>{t('mergers.wave.confirmAlready', { names: already.map((m) => label(m.code)).join(', ') })}</p> : null}
        <p>{t('mergers.wave.confirmUndo')}</p>
      </ConfirmDialog>
    </section>
  );
}
