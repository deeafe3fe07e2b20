import type { TFunction } from 'i18next';
/** The kinds of mail the portal sends (the `kind` the services record); each has a label in the four languages. */
export const MAIL_KINDS = ['online-notification', 'online-acknowledgement', 'online-reminder', 'ebox-notification', 'certificate-expiry', 'ftp-password-reset', 'admin-unreadable-ocmw'] as const;

/** What a mail is, for people: "Ontvangstbevestiging aan de aanvrager", never `online-acknowledgement`. */
export function mailKindLabel(kind: string, t: TFunction): string {
  return (MAIL_KINDS as readonly string[]).includes(kind) ? t(`mails.kinds.${kind}`) : t('mails.kinds.other');
}
