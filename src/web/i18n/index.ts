import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import de from './de.json' with { type: 'json' };
import en from './en.json' with { type: 'json' };
import fr from './fr.json' with { type: 'json' };
import nl from './nl.json' with { type: 'json' };

/** The portal's four languages; NL is the default (STYLE §10). */
export const UI_LANGUAGES = ['nl', 'fr', 'de', 'en'] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];

const STORAGE_KEY = 'ocmw.language';

export function isUiLanguage(value: unknown): value is UiLanguage {
  return typeof value === 'string' && (UI_LANGUAGES as readonly string[]).includes(value);
}

function storedLanguage(): UiLanguage {
  try {
    const value = globalThis.localStorage?.getItem(STORAGE_KEY);
    return isUiLanguage(value) ? value : 'nl';
  } catch {
    // Storage can be disabled (privacy settings): fall back to the default language.
    return 'nl';
  }
}

export const i18n = i18next.createInstance();

i18n.on('languageChanged', (lng) => {
  if (typeof document !== 'undefined') document.documentElement.lang = lng;
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, lng);
  } catch {
    // Not persisting the choice is harmless.
  }
});

void i18n.use(initReactI18next).init({
  resources: { nl: { translation: nl }, fr: { translation: fr }, de: { translation: de }, en: { translation: en } },
  lng: storedLanguage(),
  fallbackLng: 'nl',
  supportedLngs: [...UI_LANGUAGES],
  // React escapes output itself.
  interpolation: { escapeValue: false },
  // Resources are bundled: initialise synchronously so the first render is translated.
  initAsync: false,
});

if (typeof document !== 'undefined') document.documentElement.lang = i18n.language;

/** The language the UI shows now. */
export function currentLanguage(): UiLanguage {
  return isUiLanguage(i18n.language) ? i18n.language : 'nl';
}
