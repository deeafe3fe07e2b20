import { useTranslation } from 'react-i18next';
import { useLoad } from '../../components/use-load.js';
import { useUiLanguage } from '../../components/use-ui-language.js';
import { accessApi } from './access-api.js';

/** "Benaming … Hoedanigheid …": which organisation and domain the screen is about. */
export function DomainBanner({ domainId }: { domainId: string }) {
  const { t } = useTranslation();
  const language = useUiLanguage();
  const { state } = useLoad((signal) => accessApi.getDomain(domainId, signal), `${domainId}|${language}`);
  if (state.status !== 'ready') return null;
  const home = state.data;
  return (
    <p className="domain-banner">
      {t('access.banner', {
        organisation: home.organisation.name,
        kbo: home.organisation.kboFormatted,
        domain: home.domain.name,
      })}
    </p>
  );
}
