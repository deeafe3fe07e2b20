/**
 * ChaMan contracts (SPEC §3): senders, FTP/SFTP/SOAP/REST accounts, certificates and delegation
 * requests. Isomorphic: the web UI uses the same schemas and labels.
 */
import { z } from 'zod';
import { Email, Language } from '../../shared/schema.js';

/** A permission's name in every language, as ChaMan shows it. */
type PermissionName = Readonly<{ nl: string; fr: string; de: string; en: string }>;

/** R3.4: the secured permissions of an FTP/SFTP channel, named as the guide names them. */
export const FTP_PERMISSIONS = {
  'novaprima-knipperlichten': {
    nl: "Knipperlichten voor afwijkingen voor dossiers van NovaPrima",
    fr: "Clignotants pour anomalies dans les dossiers NovaPrima",
    de: "Warnsignale für Abweichungen in NovaPrima-Akten",
    en: "Warning lights for anomalies in NovaPrima files",
  },
  'mutaties-rijksregister': {
    nl: "Mutaties RijksRegister",
    fr: "Mutations Registre national",
    de: "Mutationen Nationalregister",
    en: "National Register mutations",
  },
  'mediprima-afrekening': {
    nl: "MediPrima-afrekening",
    fr: "Décompte MediPrima",
    de: "MediPrima-Abrechnung",
    en: "MediPrima settlement",
  },
  'novaprima-waarschuwingen': {
    nl: "NovaPrima: waarschuwingen naar FTP opsturen",
    fr: "NovaPrima : envoyer les avertissements vers FTP",
    de: "NovaPrima: Warnungen an FTP senden",
    en: "NovaPrima: send warnings to FTP",
  },
} as const satisfies Record<string, PermissionName>;

/**
 * R3.7: the secured permissions of a REST account (OCMW Online, R6.9), and [choice] one for the
 * dossiers' forms that the social software registers through the vendor API (R9.2).
 */
export const REST_PERMISSIONS = {
  'ocmw-online-admin': {
    nl: "Administratie van het OCMW Online-systeem",
    fr: "Administration du système CPAS en ligne",
    de: "Verwaltung des Systems ÖSHZ Online",
    en: "Administration of the OCMW Online system",
  },
  'ocmw-online-proces': {
    nl: "Beheer van het OCMW Online proces",
    fr: "Gestion du processus CPAS en ligne",
    de: "Verwaltung des Prozesses ÖSHZ Online",
    en: "Management of the OCMW Online process",
  },
  'signaletiek-bewerken': {
    nl: "Bewerken van de signaletieke gegevens van de OCMW's",
    fr: "Modification des données signalétiques des CPAS",
    de: "Bearbeiten der Stammdaten der ÖSHZ",
    en: "Editing the identification data of the OCMWs",
  },
  'signaletiek-raadplegen': {
    nl: "Raadpleging van de signaletieke gegevens van de OCMW's",
    fr: "Consultation des données signalétiques des CPAS",
    de: "Abfrage der Stammdaten der ÖSHZ",
    en: "Consulting the identification data of the OCMWs",
  },
  'dossiers-integraties': {
    nl: "Beheer van de integraties en A036 van de dossiers sociaal onderzoek",
    fr: "Gestion des intégrations et A036 des dossiers d'enquête sociale",
    de: "Verwaltung der Integrationen und A036 der Sozialuntersuchungsakten",
    en: "Management of the integrations and A036 of the social investigation dossiers",
  },
} as const satisfies Record<string, PermissionName>;

export type FtpPermission = keyof typeof FTP_PERMISSIONS;
export type RestPermission = keyof typeof REST_PERMISSIONS;
export const FtpPermissionCode = z.enum(Object.keys(FTP_PERMISSIONS) as [FtpPermission, ...FtpPermission[]]);
export const RestPermissionCode = z.enum(Object.keys(REST_PERMISSIONS) as [RestPermission, ...RestPermission[]]);

/**
 * Every permission's name in every language (one list: ChaMan's screens, and the vendor API's
 * refusals that name the missing permission).
 */
export const PERMISSION_NAMES: Readonly<Record<FtpPermission | RestPermission, PermissionName>> = { ...FTP_PERMISSIONS, ...REST_PERMISSIONS };
const MAX_FTP_PERMISSIONS = Object.keys(FTP_PERMISSIONS).length;
const MAX_REST_PERMISSIONS = Object.keys(REST_PERMISSIONS).length;

export const ACCOUNT_KINDS = ['FTP', 'SFTP', 'SOAP', 'REST'] as const;
export const DELEGATION_STATUSES = ['pending', 'accepted', 'refused', 'cancelled'] as const;

/** An uploaded certificate file: its name and its bytes in base64 (at most 64 KiB decoded). */
export const CertificateFile = z.strictObject({
  fileName: z.string().trim().min(1).max(200),
  contentBase64: z.string().max(90_000).regex(/^[A-Za-z0-9+/=\s]*$/, { message: 'cert.base64' }),
});

const AccountName = z.string().trim().min(1).max(100);

/** R3.2: contact data of the sender, asked at first use. */
export const SenderBody = z.strictObject({
  contactName: z.string().trim().min(1).max(100),
  phoneCode: z.string().trim().regex(/^\+\d{1,4}$/, { message: 'phone.code' }).default('+32'),
  phoneNumber: z.string().trim().regex(/^\d[\d ]{5,17}$/, { message: 'phone.number' }).meta({ examples: ['050 32 44 00'] }),
  email: Email,
  language: Language,
});

export const FtpAccountBody = z.strictObject({
  kind: z.enum(['FTP', 'SFTP']),
  name: AccountName,
  permissions: z.array(FtpPermissionCode).min(1, { message: 'chaman.permission_required' }).max(MAX_FTP_PERMISSIONS),
  certificateName: z.string().trim().min(1).max(100),
  certificate: CertificateFile,
  username: z.string().max(50),
  /** Omitted: the system generates a compliant password. Shown once either way. */
  password: z.string().max(50).optional(),
});

export const RestAccountBody = z.discriminatedUnion('management', [
  z.strictObject({
    management: z.literal('internal'),
    name: AccountName,
    permissions: z.array(RestPermissionCode).min(1, { message: 'chaman.permission_required' }).max(MAX_REST_PERMISSIONS),
    certificateName: z.string().trim().min(1).max(100),
    certificate: CertificateFile,
  }),
  z.strictObject({
    management: z.literal('external'),
    name: AccountName,
    permissions: z.array(RestPermissionCode).min(1, { message: 'chaman.permission_required' }).max(MAX_REST_PERMISSIONS),
    intermediaryOrganisationId: z.uuid(),
  }),
]);

export const SoapAccountBody = z.strictObject({
  name: AccountName,
  certificateName: z.string().trim().min(1).max(100),
  certificate: CertificateFile,
});

export const UpdateAccountBody = z.strictObject({
  name: AccountName.optional(),
  permissions: z.array(z.union([FtpPermissionCode, RestPermissionCode])).min(1).max(Math.max(MAX_FTP_PERMISSIONS, MAX_REST_PERMISSIONS)).optional(),
});

/** Issue 19: a new FTP/SFTP password; omitted, the system generates a compliant one. Shown once either way. */
export const ResetPasswordBody = z.strictObject({ password: z.string().max(50).optional() });
export const ResetPasswordAnswer = z.object({ account: z.lazy(() => AccountSummary), password: z.string() });

export const ReplaceCertificateBody = z.strictObject({ certificateName: z.string().trim().min(1).max(100), certificate: CertificateFile });
export const AcceptDelegationBody = ReplaceCertificateBody;
export const RefuseDelegationBody = z.strictObject({ reason: z.string().trim().max(500).optional() });

export const CertificateSummary = z.object({
  id: z.string(),
  name: z.string(),
  fingerprint: z.string(),
  subject: z.string(),
  issuer: z.string(),
  keyType: z.string(),
  signature: z.string(),
  selfSigned: z.boolean(),
  notBefore: z.string(),
  notAfter: z.string(),
  /** ok, expiring (≤ 30 days) or expired, on the business date. */
  expiry: z.enum(['ok', 'expiring', 'expired']),
  daysLeft: z.number().int(),
}).meta({ id: 'CertificateSummary', description: 'A certificate of a ChaMan account: what was read from it, and how long it is still valid on the business date.' });

export const AccountSummary = z.object({
  id: z.string(),
  kind: z.enum(ACCOUNT_KINDS),
  name: z.string(),
  permissions: z.array(z.string()),
  username: z.string().nullable(),
  management: z.enum(['internal', 'external']).nullable(),
  intermediary: z.object({ id: z.string(), name: z.string(), kbo: z.string() }).nullable(),
  certificate: CertificateSummary.nullable(),
  createdAt: z.string(),
  updatedAt: z.string().nullable(),
}).meta({ id: 'AccountSummary', description: 'A technical channel account of ChaMan (FTP, SFTP, SOAP or REST), without secrets.' });

export const DelegationSummary = z.object({
  id: z.string(),
  accountName: z.string(),
  permissions: z.array(z.string()),
  status: z.enum(DELEGATION_STATUSES),
  intermediary: z.object({ id: z.string(), name: z.string(), kbo: z.string() }),
  /** For the vendor's view: who asked. */
  requester: z.object({ organisationName: z.string(), kbo: z.string(), domain: z.string() }),
  requestedAt: z.string(),
  decidedAt: z.string().nullable(),
  reason: z.string().nullable(),
  accountId: z.string().nullable(),
}).meta({ id: 'DelegationSummary', description: 'A request to a software vendor to manage a REST account (R3.7–R3.8).' });

export const Sender = z.object({
  senderNumber: z.number().int(),
  contactName: z.string(),
  phoneCode: z.string(),
  phoneNumber: z.string(),
  email: z.string(),
  language: z.string(),
}).meta({ id: 'Sender', description: 'The contact data of a sender (R3.2), with the sender number the portal assigned.' });

export const ChamanHome = z.object({
  organisation: z.object({ id: z.string(), name: z.string(), kbo: z.string(), kind: z.string() }),
  domain: z.object({ id: z.string(), code: z.string(), name: z.string() }),
  /** Null until the contact data of first use are filled in (R3.2). */
  sender: Sender.nullable(),
  accounts: z.array(AccountSummary),
  delegations: z.array(DelegationSummary),
  /** The vendor's view: delegation requests addressed to this organisation (R3.1, R3.8). */
  incoming: z.array(DelegationSummary),
  /** For a vendor (R3.8): the REST accounts of other organisations it accepted and keeps the certificate of. */
  managed: z.array(z.object({ owner: z.object({ organisationName: z.string(), kbo: z.string(), domain: z.string() }), account: AccountSummary })),
}).meta({ id: 'ChamanHome', description: "ChaMan as the caller sees it: the domain's sender, accounts and delegation requests; for a vendor, also the requests addressed to it and the accounts it manages." });

export const DelegationQuery = z.strictObject({ status: z.enum(DELEGATION_STATUSES).optional() });

/** The account as created: the FTP password is returned this once (R3.6). */
export const CreatedAccount = z.object({
  account: AccountSummary.nullable(),
  delegation: DelegationSummary.nullable(),
  password: z.string().nullable(),
});

export const Intermediary = z.object({ id: z.string(), name: z.string(), kbo: z.string(), kboFormatted: z.string() });

export type AccountSummary = z.infer<typeof AccountSummary>;
export type DelegationSummary = z.infer<typeof DelegationSummary>;
