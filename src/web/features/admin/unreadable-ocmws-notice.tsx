import { useTranslation } from 'react-i18next';
import type { UnreadableOcmws } from '../../../modules/help-requests/help-requests.schema.js';
import { request } from '../../api.js';
import { formatDate } from '../../components/format.js';
import { useLoad } from '../../components/use-load.js';

/** Issue 19: the OCMWs with unread help requests and nobody who can read them (help-requests.routes.ts). */
export const unreadableOcmwsApi = {
  list: (signal?: AbortSignal) => request<UnreadableOcmws>('/admin/help-requests/unreadable', { signal }),
};

/**
 * The platform administrator's warning: help requests reached OCMWs where nobody can read OCMW
 * Online. Shows nothing while loading, on an error (the page it sits on has its own) or when
 * every OCMW with requests has a reader.
 */
export function UnreadableOcmwsNotice() {
  const { t } = useTranslation();
  const { state } = useLoad((signal) => unreadableOcmwsApi.list(signal), 'unreadable-ocmws');
  if (state.status !== 'ready' || state.data.items.length === 0) return null;
  return (
    <section className="notice notice--warning" aria-labelledby="unreadable-ocmws-title" data-testid="unreadable-ocmws">
      <h2 id="unreadable-ocmws-title">{t('unreadableOcmws.title')}</h2>
      <p>{t('unreadableOcmws.intro')}</p>
      <ul>
        {state.data.items.map((item) => (
          <li key={item.organisationId}>
            {t('unreadableOcmws.item', { name: item.name, kbo: item.kbo, count: item.unread, date: formatDate(item.oldestReceivedOn) })}
          </li>
        ))}
      </ul>
    </section>
  );
}
