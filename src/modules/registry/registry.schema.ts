import { z } from 'zod';
import { PageQuery, pageOf } from '../../shared/schema.js';

export const ORGANISATION_KINDS = ['ocmw', 'vendor', 'institution'] as const;
export const DOMAIN_CODES = ['MW', 'RSZ', 'PPL', 'OZP'] as const;
export type DomainCode = (typeof DOMAIN_CODES)[number];

export const Names = z.object({ nl: z.string(), fr: z.string(), de: z.string() }).meta({ description: 'A name in Dutch, French and German.', examples: [{ nl: 'OCMW Brugge', fr: 'CPAS de Bruges', de: 'ÖSHZ Brügge' }] });

/** A name in the reader's language (English readers get the Dutch name, as the portal does). */
export const nameIn = (n: z.infer<typeof Names>, lang: string): string => (lang === 'fr' ? n.fr : lang === 'de' ? n.de : n.nl);

/** An organisation as every module and the UI see it. Status is derived from the mergers. */
export const OrganisationSummary = z.object({
  id: z.string(),
  kbo: z.string(),
  kboFormatted: z.string(),
  kind: z.enum(ORGANISATION_KINDS),
  name: Names,
  status: z.enum(['active', 'disappearing']),
  isDemo: z.boolean(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
  accessEndedOn: z.string().nullable(),
});
export type OrganisationSummary = z.infer<typeof OrganisationSummary>;

export const DomainSummary = z.object({ id: z.string(), code: z.enum(DOMAIN_CODES), name: Names });
export type DomainSummary = z.infer<typeof DomainSummary>;

export const OrganisationListQuery = PageQuery.extend({
  kind: z.enum(ORGANISATION_KINDS).optional(),
  q: z.string().trim().max(100).optional(),
});
export const OrganisationPage = pageOf(OrganisationSummary);

export const Municipality = z.object({
  nis: z.string(),
  name: Names,
  validFrom: z.string(),
  validTo: z.string().nullable(),
});
export type Municipality = z.infer<typeof Municipality>;

export const PostcodeQuery = z.object({
  postcode: z.string().regex(/^\d{4}$/, { message: 'postcode.format' }),
  date: z.string().optional(),
});
export const PostcodeLookup = z.object({ postcode: z.string(), date: z.string(), municipalities: z.array(Municipality) });

/** Names of the domains (hoedanigheden) as the portal shows them. */
export const DOMAIN_NAMES: Record<DomainCode, z.infer<typeof Names>> = {
  MW: { nl: 'Maatschappelijk Welzijn', fr: 'Bien-être social', de: 'Soziales Wohlergehen' },
  RSZ: { nl: 'Werkgever RSZ', fr: 'Employeur ONSS', de: 'Arbeitgeber LSS' },
  PPL: { nl: 'Werkgever PPL', fr: 'Employeur APL', de: 'Arbeitgeber PPL' },
  OZP: { nl: 'Onderneming zonder personeel', fr: 'Entreprise sans personnel', de: 'Unternehmen ohne Personal' },
};

/** SPEC §13: what an institution's machine credential may do. */
export const API_SCOPES = ['mutations:write', 'ebox:publish', 'ebox:publish-rsz', 'channel:read'] as const;
export type ApiScope = (typeof API_SCOPES)[number];
