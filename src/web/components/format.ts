import type { TFunction } from 'i18next';
import type { RoleChoice } from '../../modules/auth/auth.schema.js';
import type { UiLanguage } from '../i18n/index.js';

export interface Names {
  nl: string;
  fr: string;
  de: string;
}

/** `2024-12-31` → `31/12/2024`; anything that is not an ISO date is shown as it came. */
export function formatDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

/** The name in the UI language; English has no official name, so it uses the Dutch one. */
export function localName(names: Names, language: UiLanguage): string {
  if (language === 'fr') return names.fr || names.nl;
  if (language === 'de') return names.de || names.nl;
  return names.nl;
}

/** "Maatschappelijk Welzijn - Gebruiker", or just the role when it has no domain (HTB, ADMIN). */
export function choiceRoleLabel(choice: RoleChoice, t: TFunction, language: UiLanguage): string {
  const role = t(`roles.${choice.role}`);
  return choice.domain ? `${localName(choice.domain.name, language)} - ${role}` : role;
}

/** The organisation name of a choice, or the portal itself for roles without an organisation. */
export function choiceOrganisationName(choice: RoleChoice, t: TFunction, language: UiLanguage): string {
  return choice.organisation ? localName(choice.organisation.name, language) : t('choice.noOrganisation');
}
