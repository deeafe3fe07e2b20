import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Badge } from '../../components/badge.js';
import { formatDate, formatDateTime } from '../../components/format.js';
import type { UiLanguage } from '../../i18n/index.js';
import { applicationName, displayInsz } from '../access/access-common.js';
import { kindLabel, subtypeLabel } from '../dossiers/dossiers-common.js';

/** The actions of a dry run and a cut-over, in the order the engine takes them (cutover.repo.ts). */
export const PLAN_ACTION_KINDS = [
  'create_domains',
  'add_co_htbs',
  'copy_memberships',
  'co_tb_conversions',
  'unite_applications',
  'create_dossiers',
  'stop_forms',
  'reenter_forms',
  'vendor_forms',
  'form_conflicts',
  'relink_help_requests',
  'routing_changes',
] as const;

/** Rows per page when an action or a journal is expanded. */
export const ROWS_PAGE_SIZE = 10;

/** The name of a dry-run or cut-over action; an unknown kind is shown as it came. */
export function actionLabel(kind: string, t: TFunction): string {
  return t(`mergers.actions.${kind}`, { defaultValue: kind });
}

/** A percentage as a bar with its number in text (the bar only repeats the text). */
export function ProgressBar({ value, label, id }: { value: number; label: string; id?: string }) {
  const { t } = useTranslation();
  const percent = Math.max(0, Math.min(100, Math.round(value)));
  return (
    <span className="merger-progress" id={id}>
      <progress className="merger-progress__bar" max={100} value={percent} aria-label={label}>
        {t('mergers.percent', { value: percent })}
      </progress>
      <span className="merger-progress__text">{t('mergers.percent', { value: percent })}</span>
    </span>
  );
}

/** "Gepland" or "Doorgevoerd", and "ingepland" when the cut-over runs on its own on the date. */
export function MergerStatus({ status, scheduled }: { status: string; scheduled: boolean }) {
  const { t } = useTranslation();
  return (
    <span className="merger-status">
      <Badge tone={status === 'applied' ? 'new' : 'info'}>{t(`mergers.status.${status}`, { defaultValue: status })}</Badge>
      {scheduled ? (
        <>
          {' '}
          <Badge tone="demo">{t('mergers.status.scheduled')}</Badge>
        </>
      ) : null}
    </span>
  );
}

/** The scenario number in its box and its name (R1). */
export function ScenarioLabel({ scenario }: { scenario: number }) {
  const { t } = useTranslation();
  return (
    <span className="scenario">
      <span className="scenario__number">{scenario}</span> {t(`mergers.scenario${scenario}`)}
    </span>
  );
}

/** `2026-11-29 06:15:50.202+00` (as PostgreSQL gives it) → `29/11/2026 07:15` in Brussels time. */
export function formatTimestamp(value: unknown, language: UiLanguage): string {
  return typeof value === 'string' || value instanceof Date ? formatDateTime(value, language) : '';
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** `2025-01-01`, -1 → `2024-12-31` (calendar days, no time zone involved). */
export function addDaysIso(iso: string, days: number): string {
  const date = new Date(`${iso}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** One value of a dry-run row, readable: dates, INSZ, roles, form kinds and statuses in the UI language. */
export function rowValue(key: string, value: unknown, t: TFunction, language: UiLanguage): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return value ? t('mergers.yes') : t('mergers.no');
  if (typeof value === 'number') return String(value);
  if (typeof value !== 'string') return JSON.stringify(value);
  if (ISO_DATE.test(value)) return formatDate(value);
  switch (key) {
    case 'insz':
      return displayInsz(value);
    case 'type':
      return t(`roles.${value}`, { defaultValue: value });
    case 'kind':
      return kindLabel(value, t);
    case 'subtype':
      return subtypeLabel(value, t);
    case 'status':
      return t(`mergers.rowStatus.${value}`, { defaultValue: value });
    case 'application':
      return applicationName(value, language);
    default:
      return value;
  }
}

/** The heading of a dry-run column; an unknown key is shown as it came. */
export function columnLabel(key: string, t: TFunction): string {
  return t(`mergers.columns.${key}`, { defaultValue: key });
}
