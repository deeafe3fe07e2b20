import { useTranslation } from 'react-i18next';
import { UI_LANGUAGES } from '../i18n/index.js';
import { useUiLanguage } from './use-ui-language.js';

/** NL / FR / DE / EN toggle buttons; the choice is kept in localStorage by the i18n module. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const current = useUiLanguage();
  return (
    <div className="language-switch" role="group" aria-label={t('header.language')}>
      {UI_LANGUAGES.map((lng) => (
        <button
          key={lng}
          type="button"
          lang={lng}
          className="language-switch__button"
          aria-pressed={current === lng}
          onClick={() => void i18n.changeLanguage(lng)}
        >
          {lng.toUpperCase()}
          <span className="visually-hidden"> {t(`languages.${lng}`, { lng })}</span>
        </button>
      ))}
    </div>
  );
}
