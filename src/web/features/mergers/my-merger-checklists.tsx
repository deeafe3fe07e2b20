import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../components/format.js';
import { useLoad } from '../../components/use-load.js';
import { useUiLanguage } from '../../components/use-ui-language.js';
import { useSession } from '../../session.js';
import { ChecklistView } from './merger-checklist.js';
import { MergerFirstSteps } from './merger-first-steps.js';
import { mergersApi } from './mergers-api.js';
import type { MergerChecklistData } from './mergers-api.js';
import { HelpdeskLink } from '../help/help-page.js';
import { ProgressBar } from './mergers-common.js';

/** The roles that tick their own OCMW's manual items (as the server allows). */
const MANAGER_ROLES = ['HTB', 'CO_HTB', 'TB', 'CO_TB'];

/**
 * On the home page (R7.2): the readiness checklist of each merger the chosen OCMW takes part in,
 * compact; its (co-)HTB and (co-)TB tick the items only a person can confirm. Nothing is shown
 * when the OCMW is in no merger.
 */
export function MyMergerChecklists() {
  const { t } = useTranslation();
  const language = useUiLanguage();
  const { session } = useSession();
  const context = session?.context;
  const organisationId = context?.organisation?.id;
  const isManager = context ? MANAGER_ROLES.includes(context.role) : false;
  const { state, setData } = useLoad(
    async (signal) => (organisationId ? (await mergersApi.myChecklists(signal)).items : []),
    `${context?.id ?? ''}|${language}|${session?.today ?? ''}`,
  );
  if (state.status !== 'ready' || state.data.length === 0) return null;
  const lists = state.data;

  function replace(updated: MergerChecklistData) {
    setData(lists.map((list) => (list.merger.id === updated.merger.id ? updated : list)));
  }

  return (
    <>
      {lists.map((list) => {
        const titleId = `home-merger-${list.merger.id}-title`;
        return (
          <Fragment key={list.merger.id}>
            {/* Issue 19: the new OCMW's first steps, per role, before the full checklist. */}
            {context ? <MergerFirstSteps checklist={list} context={context} /> : null}
            <section className="home-merger" aria-labelledby={titleId}>
              <h2 id={titleId}>{t('mergers.home.title', { name: list.merger.name })}</h2>
              <p>
                {t(list.merger.status === 'applied' ? 'mergers.home.introApplied' : 'mergers.home.intro', {
                  date: formatDate(list.merger.effectiveDate),
                  scenario: list.merger.scenario,
                  scenarioName: t(`mergers.scenario${list.merger.scenario}`),
                })}
              </p>
              <p className="checklist__summary">
                <ProgressBar value={list.progress} label={t('mergers.progressOf', { name: list.merger.name })} />
              </p>
              <ChecklistView
                checklist={list}
                canTick={(id) => isManager && id === organisationId}
                onTick={(_organisationId, item, ticked) => mergersApi.tickMine(list.merger.id, item, ticked)}
                onChange={replace}
                headingLevel={3}
                idPrefix={`home-merger-${list.merger.id}`}
                compact
              />
              <HelpdeskLink />
            </section>
          </Fragment>
        );
      })}
    </>
  );
}
