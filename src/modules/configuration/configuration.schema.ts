/**
 * OCMW-configuratie contracts (SPEC §4): the mutation catalogue of the guide, and the three
 * saved sections (technical service providers, contact data, OCMW Online settings) with their
 * validation. Isomorphic: the web UI uses the same rules.
 */
import { z } from 'zod';
import { Email, EVERY_PROBLEM, Phone } from '../../shared/schema.js';
import { MUTATION_CATALOGUE, type MutationCode } from './mutation-catalogue.js';

export { MUTATION_CATALOGUE, mutationDescription, type MutationCode } from './mutation-catalogue.js';

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
    if (Array.isArray(v.softwareVendors) && v.softwareVendors.includes('Andere') && !v.softwareVendorOther) {
      ctx.addIssue({ code: 'custom', path: ['softwareVendorOther'], message: 'config.other_required', params: { messageKey: 'config.other_required' } });
    }
  }, EVERY_PROBLEM);
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
}).meta({
  id: 'OcmwContact',
  description: 'The OCMW’s contact data for citizens (R4.6): street and city in Dutch, French and German.',
  examples: [
    {
      streetNl: 'Kartuizerinnenstraat',
      streetFr: 'Kartuizerinnenstraat',
      streetDe: 'Kartuizerinnenstraat',
      cityNl: 'Brugge',
      cityFr: 'Bruges',
      cityDe: 'Brügge',
      number: '4',
      postcode: '8000',
      receptionPhone: '+32 50 32 44 11',
      receptionEmail: 'onthaal@ocmw.brugge.example',
    },
  ],
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
  }, EVERY_PROBLEM)
  .meta({
    id: 'OnlineSettings',
    description: 'OCMW Online’s notification and reminder mails (R4.7); each address and number is required when its switch is on.',
    examples: [{ notificationsEnabled: true, notificationAddress: 'online@ocmw.brugge.example', remindersEnabled: true, reminderAddress: 'online@ocmw.brugge.example', reminderDelayDays: 5, reminderFrequencyDays: 2 }],
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
