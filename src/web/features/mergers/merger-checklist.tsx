import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Badge } from '../../components/badge.js';
import { errorMessage } from '../../components/error-message.js';
import { formatDate } from '../../components/format.js';
import { useUiLanguage } from '../../components/use-ui-language.js';
import type { ChecklistItemData, ChecklistOrganisationData, MergerChecklistData } from './mergers-api.js';
import { ProgressBar, formatTimestamp } from './mergers-common.js';

type Notice = { kind: 'success' | 'error'; text: string };

export interface ChecklistViewProps {
  checklist: MergerChecklistData;
  /** Whether this user may tick the manual items of an organisation (the server checks again). */
  canTick: (organisationId: string) => boolean;
  /** Ticks or unticks an item; answers the checklist as it is afterwards. */
  onTick: (organisationId: string, item: string, ticked: boolean) => Promise<MergerChecklistData>;
  /** The checklist after a tick, for the caller to keep. */
  onChange: (checklist: MergerChecklistData) => void;
  /** The level of each organisation's heading (the page's own h1/h2 come above it). */
  headingLevel: 2 | 3;
  /** Unique per checklist on the page (ids of headings and inputs). */
  idPrefix: string;
  /** On the home page: the items that need nothing are folded into one line. */
  compact?: boolean;
}

function StatusBadge({ item }: { item: ChecklistItemData }) {
  const { t } = useTranslation();
  if (item.status === 'not_needed') return <span className="checklist__muted-status">{t('mergers.checklist.status.not_needed')}</span>;
  return <Badge tone={item.status === 'done' ? 'new' : 'info'}>{t(`mergers.checklist.status.${item.status}`)}</Badge>;
}

/**
 * The readiness checklist of a merger (R7.2) per merging OCMW: each item with its status,
 * deadline and whether it is late; what the data shows is checked automatically, the rest is
 * ticked by a person, and the tick says who and when. "Geen acties nodig" items are muted.
 */
export function ChecklistView({ checklist, canTick, onTick, onChange, headingLevel, idPrefix, compact }: ChecklistViewProps) {
  const { t } = useTranslation();
  const language = useUiLanguage();
  // The tick being saved, shown at once as the user set it (and set back if the server refuses).
  const [pending, setPending] = useState<{ key: string; ticked: boolean } | undefined>();
  const [notice, setNotice] = useState<Notice | undefined>();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';

  async function toggle(organisation: ChecklistOrganisationData, item: ChecklistItemData, ticked: boolean) {
    const key = `${organisation.organisationId}:${item.item}`;
    if (pending) return;
    setPending({ key, ticked });
    try {
      const updated = await onTick(organisation.organisationId, item.item, ticked);
      // The answer may list more organisations than this view shows (an OCMW sees its own list).
      const shown = new Set(checklist.organisations.map((o) => o.organisationId));
      onChange({ ...updated, organisations: updated.organisations.filter((o) => shown.has(o.organisationId)) });
      setNotice({
        kind: 'success',
        text: t(ticked ? 'mergers.checklist.ticked' : 'mergers.checklist.unticked', { item: item.label, organisation: organisation.name }),
      });
    } catch (error) {
      setNotice({ kind: 'error', text: t('mergers.checklist.tickFailed', { item: item.label, reason: errorMessage(error, t) }) });
    } finally {
      setPending(undefined);
    }
  }

  function itemRow(organisation: ChecklistOrganisationData, item: ChecklistItemData) {
    const key = `${organisation.organisationId}:${item.item}`;
    const inputId = `${idPrefix}-${organisation.organisationId}-${item.item}`;
    const isMuted = item.status === 'not_needed';
    const mayTick = item.check === 'manual' && !isMuted && canTick(organisation.organisationId);
    return (
      <tr key={key} className={isMuted ? 'checklist__row checklist__row--muted' : 'checklist__row'}>
        <th scope="row">
          <span className="checklist__label">{item.label}</span>
          <span className="checklist__check">{t(`mergers.checklist.check.${item.check}`)}</span>
        </th>
        <td className="nowrap">
          <StatusBadge item={item} />
        </td>
        <td className="nowrap">
          {formatDate(item.deadline)}
          {item.overdue ? (
            <>
              {' '}
              <Badge tone="warning">{t('mergers.checklist.overdue')}</Badge>
            </>
          ) : null}
        </td>
        <td>
          {item.detail}
          {item.tickedBy ? (
            <span className="checklist__ticked">
              {t('mergers.checklist.tickedBy', { name: item.tickedBy, at: formatTimestamp(item.tickedAt, language) })}
            </span>
          ) : null}
        </td>
        <td>
          {mayTick ? (
            <span className="checklist__tick">
              <input
                id={inputId}
                type="checkbox"
                className="checkbox__input"
                checked={pending?.key === key ? pending.ticked : item.status === 'done'}
                disabled={pending !== undefined && pending.key !== key}
                aria-busy={pending?.key === key ? true : undefined}
                onChange={(event) => void toggle(organisation, item, event.target.checked)}
              />
              <label htmlFor={inputId}>
                {t('mergers.checklist.tick')}
                <span className="visually-hidden">
                  {' '}
                  – {item.label} ({organisation.name})
                </span>
              </label>
            </span>
          ) : item.check === 'manual' && !isMuted ? (
            <span className="checklist__muted-status">{t('mergers.checklist.tickNotYours')}</span>
          ) : null}
        </td>
      </tr>
    );
  }

  return (
    <div className="checklist">
      {notice ? (
        <p role={notice.kind === 'error' ? 'alert' : 'status'} className={notice.kind === 'error' ? 'notice notice--error' : 'notice notice--success'}>
          {notice.text}
        </p>
      ) : null}
      {checklist.organisations.map((organisation) => {
        const headingId = `${idPrefix}-${organisation.organisationId}-title`;
        const needed = organisation.items.filter((i) => i.status !== 'not_needed');
        const notNeeded = organisation.items.filter((i) => i.status === 'not_needed');
        const rows = compact ? needed : organisation.items;
        const overdue = organisation.items.filter((i) => i.overdue).length;
        return (
          <section key={organisation.organisationId} className="checklist__organisation" aria-labelledby={headingId}>
            <Heading id={headingId} className="checklist__title">
              {organisation.name}{' '}
              <Badge tone={organisation.role === 'disappearing' ? 'warning' : organisation.role === 'new_target' ? 'new' : 'info'}>
                {t(`mergers.checklist.role.${organisation.role}`)}
              </Badge>
            </Heading>
            <p className="checklist__summary">
              <ProgressBar value={organisation.progress} label={t('mergers.checklist.progressOf', { name: organisation.name })} />{' '}
              {overdue > 0 ? <Badge tone="warning">{t('mergers.checklist.overdueCount', { count: overdue })}</Badge> : null}
            </p>
            {rows.length > 0 ? (
              <div className="table-scroll" role="region" aria-labelledby={`${headingId}-caption`} tabIndex={0}>
                <table className="table checklist__table">
                  <caption id={`${headingId}-caption`} className="visually-hidden">
                    {t('mergers.checklist.caption', { name: organisation.name })}
                  </caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('mergers.checklist.colItem')}</th>
                      <th scope="col">{t('mergers.checklist.colStatus')}</th>
                      <th scope="col">{t('mergers.checklist.colDeadline')}</th>
                      <th scope="col">{t('mergers.checklist.colDetail')}</th>
                      <th scope="col">{t('mergers.checklist.colTick')}</th>
                    </tr>
                  </thead>
                  <tbody>{rows.map((item) => itemRow(organisation, item))}</tbody>
                </table>
              </div>
            ) : null}
            {compact && notNeeded.length > 0 ? (
              <details className="checklist__not-needed">
                <summary>{t('mergers.checklist.notNeededCount', { count: notNeeded.length })}</summary>
                <ul className="checklist__muted">
                  {notNeeded.map((item) => (
                    <li key={item.item}>{item.label}</li>
                  ))}
                </ul>
              </details>
            ) : null}
          </section>
        );
      })}
    </div>
  );
}
