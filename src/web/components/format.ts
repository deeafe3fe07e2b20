import type { TFunction } from 'i18next';
import type { RoleChoice } from '../../modules/auth/auth.schema.js';
import { formatDate as sharedFormatDate, formatDateTime as sharedFormatDateTime, formatNumber as sharedFormatNumber } from '../../shared/i18n.js';
import { currentLanguage } from '../i18n/index.js';
import type { UiLanguage } from '../i18n/index.js';

export interface Names {
  nl: string;
  fr: string;
  de: string;
}

/**
 * Dates and numbers on screen (issue 18): the one place the UI writes them, through the shared
 * formatters (src/shared/i18n.ts) in the UI language — nl/fr 31/12/2024, de 31.12.2024,
 * en 31 December 2024; moments in Brussels time. Without a language the current UI language is
 * used (a component that shows them re-renders on a language change through useTranslation).
 */
type Moment = string | Date | null | undefined;

/** A timestamp as PostgreSQL writes it (`2026-11-29 06:15:50.202+00`) in ISO form; others as they are. */
function isoMoment(value: string): string {
  return /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}/.test(value) ? value.replace(' ', 'T').replace(/([+-]\d{2})$/, '$1:00') : value;
}

/** `2024-12-31` → `31/12/2024` (de `31.12.2024`, en `31 December 2024`); a moment → its day in Brussels; empty → ''. */
export function formatDate(value: Moment, language: UiLanguage = currentLanguage()): string {
  if (value === null || value === undefined || value === '') return '';
  return sharedFormatDate(typeof value === 'string' ? isoMoment(value) : value, language);
}

/** `2026-03-03T09:05:00Z` → `03/03/2026 10:05` (Brussels time; de `03.03.2026 10:05`); a plain date → the date only. */
export function formatDateTime(value: Moment, language: UiLanguage = currentLanguage()): string {
  if (value === null || value === undefined || value === '') return '';
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return sharedFormatDate(value, language);
  if (typeof value === 'string' && Number.isNaN(new Date(isoMoment(value)).getTime())) return value;
  return sharedFormatDateTime(typeof value === 'string' ? isoMoment(value) : value, language);
}

/** 1234 → `1.234` (nl, de), `1 234` (fr), `1,234` (en). */
export function formatNumber(value: number, language: UiLanguage = currentLanguage()): string {
  return sharedFormatNumber(value, language);
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
