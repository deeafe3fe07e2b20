import { useTranslation } from 'react-i18next';
import { isUiLanguage } from '../i18n/index.js';
import type { UiLanguage } from '../i18n/index.js';

/** The current UI language; re-renders the caller when it changes. */
export function useUiLanguage(): UiLanguage {
  const { i18n } = useTranslation();
  return isUiLanguage(i18n.language) ? i18n.language : 'nl';
}
