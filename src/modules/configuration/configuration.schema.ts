/**
 * OCMW-configuratie contracts (SPEC §4): the mutation catalogue of the guide, and the three
 * saved sections (technical service providers, contact data, OCMW Online settings) with their
 * validation. Isomorphic: the web UI uses the same rules.
 */
import { z } from 'zod';
import { Email, Phone } from '../../shared/schema.js';

/** R4.3: the catalogue as the guide lists it; MURA and MUPS are selected per sub-type. */
export const MUTATION_CATALOGUE = [
  { code: 'MURG', group: null, description: 'Rijksregister, Wachtregister en Verblijfsvergunningen (Vervangt de MURN, MURA en MUPS)' },
  { code: 'MUFC', group: null, description: 'Rijksregister - informaties specifiek aan de gezinssamenstelling' },
  { code: 'MUSE', group: null, description: 'Activiteiten van zelfstandige (Vervangt de MUIA)' },
  { code: 'MURN', group: null, description: 'Rijksregister' },
  { code: 'MUIA', group: null, description: 'Activiteiten van zelfstandigen' },
  { code: 'MUPF', group: null, description: 'Personeelsbestand' },
  { code: 'MUPK', group: null, description: 'Pensioenkadaster' },
  { code: 'MURA-H205', group: 'MURA', description: 'Hoedanigheid van een persoon ingeschreven in het wachtregister (vluchteling, huwelijkspartner, kind) en van de datum van de aanvraag.' },
  { code: 'MURA-H206', group: 'MURA', description: 'Situatie van een persoon ingeschreven in het wachtregister en historiek.' },
  { code: 'MURA-H207', group: 'MURA', description: "OCMW's of opvangcentra die een persoon, ingeschreven in het wachtregister, te laste hebben." },
  { code: 'MURA-H210', group: 'MURA', description: 'Soort register waarin een persoon ingeschreven is' },
  { code: 'MURA-H211', group: 'MURA', description: 'Soort document gebruikt om de identiteit van een persoon op te maken voor haar inschrijving in een register.' },
  { code: 'MURA-H212', group: 'MURA', description: 'Verblijfplaats gekozen door een persoon' },
  { code: 'MURA-H213', group: 'MURA', description: 'Alias - andere namen en voornamen van een persoon' },
  { code: 'MUPS-T1195', group: 'MUPS', description: 'Verblijfsvergunning van een vreemdeling - identiteitsbewijs' },
  { code: 'MUPS-T1197', group: 'MUPS', description: 'Verblijfsvergunning van een vreemdeling - beroepskaart' },
  { code: 'MUPS-T1198', group: 'MUPS', description: 'Verblijfsvergunning van een vreemdeling - arbeidskaart' },
  { code: 'MUPS-T1202', group: 'MUPS', description: 'Verblijfsvergunning van een vreemdeling - speciale informaties' },
] as const;

export type MutationCode = (typeof MUTATION_CATALOGUE)[number]['code'];
export const MUTATION_CODES = MUTATION_CATALOGUE.map((m) => m.code) as [MutationCode, ...MutationCode[]];
export const MutationCodeSchema = z.enum(MUTATION_CODES);

export const MutationSelectionBody = z.strictObject({ selected: z.array(MutationCodeSchema).max(MUTATION_CODES.length) });

/** R4.5: the lists of the guide ("Ciral" in the guide's scan is Cipal). */
export const NETWORK_PROVIDERS = ['Cipal', 'Irisnet', 'Publilink', 'Publiwin', 'Schaubroeck', 'Telenet', 'Vera', 'Win', 'Andere'] as const;
export const SOFTWARE_VENDORS = ['Cevi - Logins', 'Cipal - Schaubroeck', 'Civadis', 'OCMW van Charleroi', 'Digipolis', 'POD-MI / Smals', 'Andere'] as const;
export const PROGRAMMES = ['Acropole Dossiers sociaux', 'KnutspuntBank', 'CPAS2000', 'EDS', 'Neptunus', 'NewHorizon (NH)', 'Pegasus sociale', 'PrimaWeb', 'Sierra 2.0', 'Sociabili'] as const;

const Text = (max: number) => z.string().trim().max(max);

export const Contact = z.strictObject({
  surname: Text(100).min(1),
  firstName: Text(100).min(1),
  email: Email,
  phone: Phone,
});

export const TechnicalBody = z
  .strictObject({
    networkProvider: z.enum(NETWORK_PROVIDERS),
    networkProviderOther: Text(200).optional(),
    softwareVendors: z.array(z.enum(SOFTWARE_VENDORS)).min(1).max(SOFTWARE_VENDORS.length),
    softwareVendorOther: Text(200).optional(),
    programmes: z.array(z.enum(PROGRAMMES)).max(PROGRAMMES.length).default([]),
    programmeMapping: Text(2000).optional(),
    technicalContact: Contact,
    testContact: Contact,
    remarks: Text(2000).optional(),
  })
  .superRefine((v, ctx) => {
    if (v.networkProvider === 'Andere' && !v.networkProviderOther) {
      ctx.addIssue({ code: 'custom', path: ['networkProviderOther'], message: 'config.other_required', params: { messageKey: 'config.other_required' } });
    }
    if (v.softwareVendors.includes('Andere') && !v.softwareVendorOther) {
      ctx.addIssue({ code: 'custom', path: ['softwareVendorOther'], message: 'config.other_required', params: { messageKey: 'config.other_required' } });
    }
  });
export type TechnicalData = z.infer<typeof TechnicalBody>;

/** R4.6: street and city in the three languages; number, box, postcode, reception phone/e-mail. */
export const ContactBody = z.strictObject({
  streetNl: Text(200).min(1),
  streetFr: Text(200).min(1),
  streetDe: Text(200).min(1),
  cityNl: Text(100).min(1),
  cityFr: Text(100).min(1),
  cityDe: Text(100).min(1),
  number: Text(20).min(1),
  box: Text(20).optional(),
  postcode: z.string().trim().regex(/^\d{4}$/, { message: 'postcode.format' }),
  receptionPhone: Phone,
  receptionEmail: z.union([Email, z.literal('')]).optional(),
});
export type ContactData = z.infer<typeof ContactBody>;

const PositiveDays = z.coerce.number().int().min(1).max(365);

/** R4.7: notification and reminder mails; every field is required when its switch is on. */
export const OnlineSettingsBody = z
  .strictObject({
    notificationsEnabled: z.boolean(),
    notificationAddress: z.union([Email, z.literal('')]).optional(),
    remindersEnabled: z.boolean(),
    reminderAddress: z.union([Email, z.literal('')]).optional(),
    reminderDelayDays: PositiveDays.optional(),
    reminderFrequencyDays: PositiveDays.optional(),
  })
  .superRefine((v, ctx) => {
    const required = (path: string) =>
      ctx.addIssue({ code: 'custom', path: [path], message: 'field.required', params: { messageKey: 'field.required' } });
    if (v.notificationsEnabled && !v.notificationAddress) required('notificationAddress');
    if (v.remindersEnabled) {
      if (!v.reminderAddress) required('reminderAddress');
      if (v.reminderDelayDays === undefined) required('reminderDelayDays');
      if (v.reminderFrequencyDays === undefined) required('reminderFrequencyDays');
    }
  });
export type OnlineSettingsData = z.infer<typeof OnlineSettingsBody>;

export const SECTIONS = ['mutations', 'technical', 'contact', 'online'] as const;
export type Section = (typeof SECTIONS)[number];

export const ConfigurationView = z.object({
  organisation: z.object({ id: z.string(), name: z.string(), kbo: z.string() }),
  mutations: z.object({ selected: z.array(z.string()), since: z.record(z.string(), z.string()) }),
  technical: z.unknown().nullable(),
  contact: z.unknown().nullable(),
  online: z.unknown().nullable(),
  complete: z.object({ mutations: z.boolean(), technical: z.boolean(), contact: z.boolean(), online: z.boolean() }),
});

export const MutationHistoryItem = z.object({
  mutationType: z.string(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
  selectedBy: z.string().nullable(),
  unselectedBy: z.string().nullable(),
});
export const SectionHistoryItem = z.object({ id: z.number(), savedAt: z.string(), savedBy: z.string().nullable(), data: z.unknown() });
