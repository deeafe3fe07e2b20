import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Badge } from '../../components/badge.js';
import { formatDate } from '../../components/format.js';

/** Paths of the Uniek verslag screens (SPEC R10.2). */
export const subsidyPaths = {
  list: '/uniek-verslag',
  detail: (id: string) => `/uniek-verslag/${encodeURIComponent(id)}`,
};

/** R10.2: the Uniek verslag is for users with the application "Uniek verslag". */
export const SUBSIDY_PERMISSION = 'app:uniek-verslag';

/** "Leefloon (staatstoelage)", "Andere subsidie"…; an unknown code is shown as it came. */
export function subsidyTypeLabel(code: string, t: TFunction): string {
  return t(`subsidy.types.${code}`, { defaultValue: code });
}

/** The status as text in a badge ("Ontwerp", "Ingediend"): the text says it, the colour only repeats it. */
export function ReportStatusBadge({ status }: { status: string }) {
  const { t } = useTranslation();
  return <Badge tone={status === 'submitted' ? 'info' : 'new'}>{t(`subsidy.status.${status}`, { defaultValue: status })}</Badge>;
}

/** "01/02/2025 – 28/02/2025". */
export function formatWindow(window: { from: string; to: string }): string {
  return `${formatDate(window.from)} – ${formatDate(window.to)}`;
}

/** Whether the filing window is still to come, open or over, as text. */
export function windowStateLabel(state: string, t: TFunction): string {
  return t(`subsidy.window.${state}`, { defaultValue: state });
}

/** What the editor tells the next screen (or itself, after creating the draft). */
export interface CreatedState {
  created: { year: number };
}

export function createdOf(state: unknown): CreatedState['created'] | undefined {
  const created = (state as Partial<CreatedState> | null)?.created;
  return created && typeof created.year === 'number' ? created : undefined;
}
