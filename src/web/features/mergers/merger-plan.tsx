import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { errorMessage } from '../../components/error-message.js';
import { formatDate } from '../../components/format.js';
import { useLoad } from '../../components/use-load.js';
import { useUiLanguage } from '../../components/use-ui-language.js';
import { mergersApi } from './mergers-api.js';
import type { MergerPlanData, PlanActionData } from './mergers-api.js';
import { ScenarioLabel, actionLabel, addDaysIso, columnLabel, rowValue } from './mergers-common.js';
import { Notice } from '../../components/notice.js';
import { ExpandButton, ExpandedRow, PagedRows } from './paged-rows.js';

/** One action's rows, a page at a time, loaded when the action is expanded (R7.3). */
export function PlanRows({ mergerId, kind, label, id }: { mergerId: number; kind: string; label: string; id: string }) {
  const { t } = useTranslation();
  const language = useUiLanguage();
  return (
    <PagedRows
      id={id}
      loadKey={`${mergerId}|${kind}`}
      load={(page, pageSize, signal) => mergersApi.planRows(mergerId, kind, page, pageSize, signal)}
      texts={{
        loading: t('mergers.plan.rowsLoading'),
        empty: t('mergers.plan.noRows'),
        caption: (page, pages, count) => t('mergers.plan.rowsCaption', { action: label, page, pages, count }),
        pager: t('mergers.plan.rowsPages', { action: label }),
      }}
      headers={(first) => Object.keys(first).map((column) => columnLabel(column, t))}
      cells={(row) =>
        Object.keys(row).map((column) => (
          <td key={column} className={column === 'formId' ? 'plan-rows__id' : undefined}>
            {rowValue(column, row[column], t, language)}
          </td>
        ))
      }
    />
  );
}

/** What an action means at the cut-over: written, listed, or following from the date. */
function actionNote(action: PlanActionData, plan: MergerPlanData, t: TFunction): string {
  const date = formatDate(plan.merger.effectiveDate);
  const dayBefore = formatDate(addDaysIso(plan.merger.effectiveDate, -1));
  const note = t(`mergers.plan.notes.${action.kind}`, { date, dayBefore, defaultValue: '' });
  const written = action.writes ? t('mergers.plan.written') : t('mergers.plan.notWritten');
  return note ? `${written} ${note}` : written;
}

/**
 * The dry run (R7.3): every action of the cut-over with its count, per OCMW where it applies, each
 * expandable to its rows. Nothing is written.
 */
export function PlanSection({ mergerId }: { mergerId: number }) {
  const { t } = useTranslation();
  const language = useUiLanguage();
  const { state } = useLoad((signal) => mergersApi.plan(mergerId, signal), `${mergerId}|${language}`);
  const [expanded, setExpanded] = useState<Set<string>>(new Set());

  if (state.status === 'loading') return <p role="status">{t('mergers.plan.loading')}</p>;
  if (state.status === 'error') {
    return <Notice tone="error">{errorMessage(state.error, t)}</Notice>;
  }
  const plan = state.data;

  function toggle(kind: string) {
    setExpanded((previous) => {
      const next = new Set(previous);
      if (next.has(kind)) next.delete(kind);
      else next.add(kind);
      return next;
    });
  }

  return (
    <>
      <p>
        {t('mergers.plan.intro', { today: formatDate(plan.businessDate) })} <ScenarioLabel scenario={plan.scenario} />
      </p>
      {plan.blockers.length > 0 ? (
        <div className="notice notice--error" role="region" aria-labelledby="plan-blockers-title">
          <h3 id="plan-blockers-title" className="notice__title">
            {t('mergers.plan.blockers')}
          </h3>
          <ul>
            {plan.blockers.map((blocker) => (
              <li key={blocker}>{blocker}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <p className="result-count">{t('mergers.plan.changes', { count: plan.changes })}</p>
      <div className="table-scroll" role="region" aria-labelledby="plan-caption" tabIndex={0}>
        <table className="table">
          <caption id="plan-caption">{t('mergers.plan.caption', { name: plan.merger.name })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('mergers.plan.colAction')}</th>
              <th scope="col">{t('mergers.plan.colCount')}</th>
              <th scope="col">{t('mergers.plan.colPerOcmw')}</th>
              <th scope="col">{t('mergers.plan.colNote')}</th>
              <th scope="col">{t('mergers.plan.colRows')}</th>
            </tr>
          </thead>
          <tbody>
            {plan.actions.map((action) => {
              const label = actionLabel(action.kind, t);
              const isOpen = expanded.has(action.kind);
              const rowsId = `plan-rows-${action.kind}`;
              return (
                <Fragment key={action.kind}>
                  <tr>
                    <th scope="row">{label}</th>
                    <td className="nowrap">
                      <strong>{action.count}</strong>
                      {action.deduplicated ? <div className="plan__dedup">{t('mergers.plan.deduplicated', { count: action.deduplicated })}</div> : null}
                    </td>
                    <td>
                      {action.byOrganisation && action.byOrganisation.length > 0 ? (
                        <ul className="plain-list">
                          {action.byOrganisation.map((o) => (
                            <li key={o.organisationId}>{t('mergers.plan.perOcmw', { name: o.name, count: o.count })}</li>
                          ))}
                        </ul>
                      ) : (
                        '—'
                      )}
                    </td>
                    <td>{actionNote(action, plan, t)}</td>
                    <td>
                      {action.count > 0 ? (
                        <ExpandButton isOpen={isOpen} controls={rowsId} which={label} onToggle={() => toggle(action.kind)}>
                          {t(isOpen ? 'mergers.plan.hideRows' : 'mergers.plan.showRows')}
                        </ExpandButton>
                      ) : null}
                    </td>
                  </tr>
                  {isOpen ? (
                    <ExpandedRow id={rowsId} colSpan={5}>
                      <PlanRows mergerId={mergerId} kind={action.kind} label={label} id={rowsId} />
                    </ExpandedRow>
                  ) : null}
                </Fragment>
              );
            })}
          </tbody>
        </table>
      </div>
      <h3>{t('mergers.plan.untouchedTitle')}</h3>
      <p>
        {t('mergers.plan.untouched', {
          channels: plan.untouched.channelAccounts,
          sections: plan.untouched.configurationSections,
          documents: plan.untouched.eboxDocuments,
        })}
      </p>
    </>
  );
}
