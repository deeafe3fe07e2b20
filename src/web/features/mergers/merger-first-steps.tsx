import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { RoleChoice } from '../../../modules/auth/auth.schema.js';
import { Badge } from '../../components/badge.js';
import { navigationFor } from '../../portal-services.js';
import type { MergerChecklistData } from './mergers-api.js';

type StepKey = 'appointTb' | 'waitTb' | 'channels' | 'configuration' | 'applications';

/** Which checklist items (R7.2) show that a step is done. */
const STEP_ITEMS: Record<StepKey, readonly string[]> = {
  appointTb: ['tb_appointed'],
  waitTb: ['tb_appointed'],
  channels: ['ftp_account', 'rest_account'],
  configuration: ['config_mutations', 'config_technical', 'config_contact', 'config_online'],
  applications: [],
};

/** Where a step is done: a service of the portal's list, opened only when the role may use it. */
const STEP_SERVICE: Partial<Record<StepKey, 'access' | 'chaman' | 'configuration'>> = {
  appointTb: 'access',
  channels: 'chaman',
  configuration: 'configuration',
  applications: 'access',
};

/**
 * The steps of each role of a scenario-1 OCMW (R7.4′): the OCMW starts without a TB, so its
 * (co-)HTB appoints one first; the TB (or a co-TB) then makes the ChaMan accounts and the
 * configuration. A co-TB meanwhile adds and edits users but removes nobody (R2.4).
 */
export function stepsFor(role: RoleChoice['role'], tbKnown: boolean): StepKey[] {
  if (role === 'HTB' || role === 'CO_HTB') return ['appointTb', 'channels', 'configuration'];
  if (role === 'TB') return ['channels', 'configuration', 'applications'];
  if (role === 'CO_TB') return [...(tbKnown ? [] : (['waitTb'] as const)), 'channels', 'configuration', 'applications'];
  return [];
}

/**
 * Issue 19: the first-login guide of the new OCMW of a scenario-1 merger, per role, from the
 * merger's checklist (the server's live data): what to do first, in order, with links to the
 * services this role may use and the others' part named.
 */
export function MergerFirstSteps({ checklist, context }: { checklist: MergerChecklistData; context: RoleChoice }) {
  const { t } = useTranslation();
  const own = checklist.organisations.find((o) => o.organisationId === context.organisation?.id);
  if (checklist.merger.scenario !== 1 || own?.role !== 'new_target') return null;
  const statusOf = (item: string) => own.items.find((i) => i.item === item)?.status;
  const tbKnown = statusOf('tb_appointed') === 'done';
  const steps = stepsFor(context.role, tbKnown);
  if (steps.length === 0) return null;
  const open = new Map(navigationFor(context).map((n) => [n.key, n.to]));
  const titleId = `first-steps-${checklist.merger.id}`;

  return (
    <section className="notice first-steps" aria-labelledby={titleId}>
      <h2 id={titleId} className="notice__title">
        {t('mergers.firstSteps.title', { name: own.name })}
      </h2>
      <p>{t(`mergers.firstSteps.intro.${context.role}`)}</p>
      <ol className="first-steps__list">
        {steps.map((step) => {
          const items = STEP_ITEMS[step];
          const isDone = items.length > 0 && items.every((item) => statusOf(item) === 'done');
          const service = STEP_SERVICE[step];
          const to = service ? open.get(service) : undefined;
          return (
            <li key={step} className="first-steps__step">
              <span className="first-steps__text">
                {to ? <Link to={to}>{t(`mergers.firstSteps.${step}.title`)}</Link> : <strong>{t(`mergers.firstSteps.${step}.title`)}</strong>}
                {isDone ? (
                  <>
                    {' '}
                    <Badge tone="new">{t('mergers.checklist.status.done')}</Badge>
                  </>
                ) : null}
              </span>
              <span className="first-steps__detail">{t(`mergers.firstSteps.${step}.${to || !service ? 'detail' : 'detailOther'}`)}</span>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
