import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatDate } from '../../components/format.js';
import { useLoad } from '../../components/use-load.js';
import { useUiLanguage } from '../../components/use-ui-language.js';
import { eboxApi } from './ebox-api.js';
import type { EboxSummaryData } from './ebox-api.js';
import { eboxPaths } from './ebox-common.js';

/**
 * The home page's e-Box summary (R8.2): unread documents and whether the OCMW has disappeared in a
 * merger. Only asked for a role with "e-Box van de instelling" (others get 403); undefined until
 * known, and when it cannot be had (the home page works without it).
 */
export function useEboxSummary(enabled: boolean, contextKey: string): EboxSummaryData | undefined {
  const language = useUiLanguage();
  const { state } = useLoad(
    async (signal) => (enabled ? eboxApi.summary(signal) : undefined),
    `${enabled ? 'on' : 'off'}|${contextKey}|${language}`,
  );
  return state.status === 'ready' ? state.data : undefined;
}

/**
 * R8.2: a disappearing OCMW keeps receiving documents for months after the cut-over; the home
 * page says so prominently (a region with a heading, not an alert: it is there on every visit).
 */
export function EboxMergerNotice({ disappearing }: { disappearing: NonNullable<EboxSummaryData['disappearing']> }) {
  const { t } = useTranslation();
  return (
    <section className="notice notice--warning" aria-labelledby="ebox-merger-title">
      <h2 id="ebox-merger-title" className="notice__title">
        {t('ebox.home.title')}
      </h2>
      <p>{t('ebox.home.body', { date: formatDate(disappearing.effectiveDate), name: disappearing.mergedInto })}</p>
      <p>
        <Link to={eboxPaths.list}>{t('ebox.home.link')}</Link>
      </p>
    </section>
  );
}

/** The unread count on the e-Box tile, as text. */
export function eboxTileStatus(summary: EboxSummaryData | undefined, t: TFunction): string | undefined {
  if (!summary) return undefined;
  return summary.unread === 0 ? t('ebox.home.noUnread') : t('ebox.home.unread', { count: summary.unread });
}
