import { z } from 'zod';
import { Names, OrganisationSummary } from '../registry/registry.schema.js';

export const MergerSource = z.object({
  organisation: OrganisationSummary,
  nis: z.string(),
  municipalityName: Names.nullable(),
  keepsKbo: z.boolean(),
});

export const MergerSummary = z.object({
  id: z.number().int(),
  code: z.string(),
  name: z.string(),
  scenario: z.union([z.literal(1), z.literal(2), z.literal(3)]),
  effectiveDate: z.string(),
  sources: z.array(MergerSource),
  target: z.object({
    organisation: OrganisationSummary,
    nis: z.string(),
    municipalityName: Names.nullable(),
    isNewOrganisation: z.boolean(),
    isNewNis: z.boolean(),
  }),
});
export type MergerSummary = z.infer<typeof MergerSummary>;

export const MergerList = z.object({ items: z.array(MergerSummary), total: z.number().int() });
