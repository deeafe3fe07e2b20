import type { ReactNode } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Badge } from '../../components/badge.js';
import { RequirePermission, usePermissions } from '../access/access-common.js';
import type { HelpStatus, OcmwContactData } from './help-requests-api.js';
import { HELP_REQUEST_READER_APPLICATIONS } from '../../../shared/applications.js';

/** Paths of the OCMW Online screens. */
export const helpRequestPaths = {
  citizen: '/hulpaanvraag',
  list: '/ocmw-online',
  detail: (id: string) => `/ocmw-online/${encodeURIComponent(id)}`,
};

/** R6.8: the OCMW's side is for users with the "OCMW Online" or the "Sociale Agent" application. */
export const OCMW_ONLINE_PERMISSIONS = HELP_REQUEST_READER_APPLICATIONS.map((application) => `app:${application}` as const);

/** Shows the page when the role has one of the permissions; otherwise the portal's refusal. */
export function RequireAnyPermission({ permissions, children }: { permissions: readonly string[]; children: ReactNode }) {
  const { has } = usePermissions();
  if (permissions.some((permission) => has(permission))) return <>{children}</>;
  // None of them: RequirePermission renders the usual "Geen toegang" page.
  return <RequirePermission permission={permissions[0] ?? ''}>{children}</RequirePermission>;
}

const BRUSSELS = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Brussels',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The calendar day (YYYY-MM-DD) of a moment in Belgium. */
export function brusselsDate(iso: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(iso)) return iso;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso.slice(0, 10);
  const parts = Object.fromEntries(BRUSSELS.formatToParts(date).map((part) => [part.type, part.value]));
  return `${parts.year}-${parts.month}-${parts.day}`;
}

/** The label of a kind of help; an unknown code is shown as it came. */
export function kindLabel(kind: string, t: TFunction): string {
  return t(`helpRequests.kinds.${kind}`, { defaultValue: kind });
}

/** The status as text in a badge: the text says it, the colour only repeats it. */
export function StatusBadge({ status }: { status: HelpStatus | string }) {
  const { t } = useTranslation();
  const tone = status === 'unread' ? 'new' : 'info';
  return <Badge tone={tone}>{t(`helpRequests.status.${status}`, { defaultValue: status })}</Badge>;
}

/** "Te laat" as text (R6.11), never as colour alone. */
export function LateBadge() {
  const { t } = useTranslation();
  return <Badge tone="warning">{t('helpRequests.late')}</Badge>;
}

/** The OCMW's address, phone and e-mail (R4.6) as an <address>. */
export function ContactBlock({ contact }: { contact: OcmwContactData }) {
  const { t } = useTranslation();
  const street = [contact.street, contact.number].filter(Boolean).join(' ');
  return (
    <address style={{ marginBottom: '1rem' }}>
      {street}
      {contact.box ? ` ${t('helpRequests.contact.box', { box: contact.box })}` : null}
      <br />
      {contact.postcode} {contact.city}
      <br />
      {t('helpRequests.contact.phone')}: <a href={`tel:${contact.phone.replace(/[^\d+]/g, '')}`}>{contact.phone}</a>
      {contact.email ? (
        <>
          <br />
          {t('helpRequests.contact.email')}: <a href={`mailto:${contact.email}`}>{contact.email}</a>
        </>
      ) : null}
    </address>
  );
}
