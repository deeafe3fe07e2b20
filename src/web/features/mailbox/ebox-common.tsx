import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { LOCALES } from '../../../shared/i18n.js';
import { formatKbo } from '../../../shared/identifiers.js';
import { Badge } from '../../components/badge.js';
import type { UiLanguage } from '../../i18n/index.js';

/** Paths of the e-Box screens (SPEC R10.1). */
export const eboxPaths = {
  list: '/e-box',
  detail: (id: string) => `/e-box/${encodeURIComponent(id)}`,
  /** The deleted documents (privileged users). */
  deleted: '/e-box?view=deleted',
};

/** R10.1: "e-Box van de instelling" reads; RSZ documents also need "Documenten RSZ in e-Box". */
export const EBOX_PERMISSION = 'app:ebox';
/** "e-Box Bevoorrechte gebruiker": deletes documents, puts them back, sees the deleted ones. */
export const EBOX_PRIVILEGED_PERMISSION = 'app:ebox-privileged';


/** A file size as people read it: "512 bytes", "12,3 KB", "1,5 MB" (1 KB = 1024 bytes). */
export function formatSize(bytes: number, language: UiLanguage, t: TFunction): string {
  if (bytes < 1024) return t('ebox.size.bytes', { count: bytes });
  const number = new Intl.NumberFormat(LOCALES[language], { maximumFractionDigits: 1 });
  if (bytes < 1024 * 1024) return t('ebox.size.kb', { size: number.format(bytes / 1024) });
  return t('ebox.size.mb', { size: number.format(bytes / 1024 / 1024) });
}

/** `0212235604` → `0212.235.604`; anything else as it came. */
export function displayKbo(kbo: string | null): string {
  if (!kbo) return '';
  return /^\d{10}$/.test(kbo) ? formatKbo(kbo) : kbo;
}

/** "Ongelezen" / "Gelezen" as text: the list's bold type only repeats it. */
export function ReadBadge({ read }: { read: boolean }) {
  const { t } = useTranslation();
  return read ? <Badge tone="info">{t('ebox.read')}</Badge> : <Badge tone="new">{t('ebox.unread')}</Badge>;
}

/** "Verwijderd": a hidden document, seen only by privileged users. */
export function DeletedBadge() {
  const { t } = useTranslation();
  return <Badge tone="warning">{t('ebox.deleted')}</Badge>;
}

const BRUSSELS = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Brussels',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** How far Brussels is ahead of UTC at an instant, in milliseconds (1 or 2 hours). */
function brusselsOffset(utcMs: number): number {
  const p = Object.fromEntries(BRUSSELS.formatToParts(new Date(utcMs)).map((part) => [part.type, Number(part.value)]));
  return Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!) - utcMs;
}

/**
 * The instant a Brussels calendar day (YYYY-MM-DD) begins. Daylight saving changes at 01:00 UTC,
 * never around midnight, so the offset at 00:00 UTC of that day is the one at its start.
 */
export function startOfBrusselsDay(date: string): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const utcMidnight = Date.UTC(y, m - 1, d);
  return new Date(utcMidnight - brusselsOffset(utcMidnight));
}

/** The day after a calendar day (YYYY-MM-DD). */
export function nextDay(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
}
