import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Badge } from '../../components/badge.js';

/** Paths of the dossier screens (SPEC §9). */
export const dossierPaths = {
  list: '/dossiers',
  register: '/dossiers/nieuw',
  settings: '/dossiers/instellingen',
  detail: (id: string) => `/dossiers/${encodeURIComponent(id)}`,
};

/**
 * "Formulier registreren" with the person already filled in: the INSZ travels in the
 * navigation's state, not in the URL (issue 24: no national number in browser history).
 */
export const registerFor = (insz: string) => ({ to: dossierPaths.register, state: { insz } });

/** R9.1–R9.2: dossiers and their forms are for users with the "Sociale Agent" application. */
export const DOSSIER_PERMISSION = 'app:sociale-agent';
/** R9.4: the OCMW-configuratie administrators change the "handled by the software vendor" setting. */
export const SETTINGS_EDIT_PERMISSION = 'app:ocmw-configuratie';
/** Who may read the R9.4 setting: the agents and the OCMW-configuratie administrators. */
export const SETTINGS_READ_PERMISSIONS = [DOSSIER_PERMISSION, SETTINGS_EDIT_PERMISSION] as const;

/** "Integratiebeslissing", "A036-attest"; an unknown code is shown as it came. */
export function kindLabel(kind: string, t: TFunction): string {
  return t(`dossiers.kinds.${kind}`, { defaultValue: kind });
}

/** "Leefloon", "Medische kosten"…; an unknown code is shown as it came. */
export function subtypeLabel(subtype: string, t: TFunction): string {
  return t(`dossiers.subtypes.${subtype}`, { defaultValue: subtype });
}

/** The status of a form as text in a badge: the text says it, the colour only repeats it. */
export function FormStatusBadge({ status }: { status: string }) {
  const { t } = useTranslation();
  return <Badge tone={status === 'running' ? 'new' : 'info'}>{t(`dossiers.status.${status}`, { defaultValue: status })}</Badge>;
}
