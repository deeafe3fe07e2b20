/**
 * Dossier contracts (SPEC R9): forms of a social investigation — integration decisions and A036
 * multifunctional certificates. Isomorphic: the web UI validates with the same rules.
 */
import { z } from 'zod';
import { EVERY_PROBLEM, Insz, IsoDate, PageQuery } from '../../shared/schema.js';

/** R9.1: the form kinds and, per kind, the types a social software package registers. */
export const FORM_TYPES = {
  integration: ['leefloon', 'equivalent-leefloon', 'gpmi', 'installatiepremie', 'art60-tewerkstelling'],
  a036: ['medische-kosten', 'farmaceutische-kosten', 'ziekenhuisopname', 'ambulante-zorg'],
} as const;
export const FORM_KINDS = ['integration', 'a036'] as const;
export const FormKind = z.enum(FORM_KINDS);
export type FormKind = z.infer<typeof FormKind>;
const ALL_TYPES = [...FORM_TYPES.integration, ...FORM_TYPES.a036] as const;

export const RegisterFormBody = z
  .strictObject({
    insz: Insz,
    kind: FormKind,
    subtype: z.enum(ALL_TYPES),
    startDate: IsoDate,
    endDate: IsoDate.optional(),
  })
  .superRefine((v, ctx) => {
    const types: readonly string[] | undefined = Object.hasOwn(FORM_TYPES, v.kind) ? FORM_TYPES[v.kind] : undefined;
    if (types && typeof v.subtype === 'string' && (ALL_TYPES as readonly string[]).includes(v.subtype) && !types.includes(v.subtype)) {
      ctx.addIssue({ code: 'custom', path: ['subtype'], message: 'dossier.subtype_kind', params: { messageKey: 'dossier.subtype_kind' } });
    }
    if (typeof v.endDate === 'string' && typeof v.startDate === 'string' && v.endDate < v.startDate) {
      ctx.addIssue({ code: 'custom', path: ['endDate'], message: 'dossier.end_before_start', params: { messageKey: 'dossier.end_before_start' } });
    }
  }, EVERY_PROBLEM)
  .meta({
    id: 'RegisterFormBody',
    description: 'A form to register in the person’s open dossier (R9.1–R9.2): an integration decision or an A036 certificate, from its start date to its end date (none: open-ended).',
    examples: [{ insz: '85.07.30-033.28', kind: 'integration', subtype: 'leefloon', startDate: '2025-02-01' }, { insz: '85073003328', kind: 'a036', subtype: 'medische-kosten', startDate: '2025-02-01', endDate: '2025-07-31' }],
  });
export type RegisterFormInput = z.infer<typeof RegisterFormBody>;

export const StopFormBody = z.strictObject({ endDate: IsoDate }).meta({ id: 'StopFormBody', description: 'The day the form stops: from its start date up to its current end date (a stop shortens, never lengthens).', examples: [{ endDate: '2025-04-30' }] });

const formFilters = {
  /** `ended`: running with an end date before the business date (issue 19). */
  status: z.enum(['running', 'stopped', 'cancelled', 'ended']).optional().describe('Only dossiers (forms) with a form in this status; `ended`: running with an end date before the business date'),
  kind: FormKind.optional().describe('Only this kind of form'),
};
const bodyPaging = {
  page: z.number().int().min(1).max(1_000_000).default(1).describe('The page, counted from 1'),
  pageSize: z.number().int().min(1).max(100).default(10).describe('Items per page (1–100, default 10)'),
};
const inszFilter = Insz.optional().describe("Only this person's (INSZ; dots and dash allowed)");

/**
 * The portal's GET list: by status and kind only. The INSZ never travels in a URL (URLs reach the
 * request log, proxies and browser history): `insz` in the query string is refused with 400 naming
 * the field; search by INSZ with POST /dossiers/search.
 */
export const DossierListQuery = PageQuery.extend(formFilters);

export const DossierSearchBody = z
  .strictObject({ insz: inszFilter, ...formFilters, ...bodyPaging })
  .meta({ id: 'DossierSearch', description: "Search of the OCMW's dossiers: every filter optional, combined with AND. The INSZ is in the body, never in a URL.", examples: [{ insz: '85073003328', status: 'running', page: 1, pageSize: 25 }] });

/**
 * The vendor API's GET page of forms (R9.2): the same filters, on the forms themselves. Its `insz`
 * still works for the clients generated before, but is deprecated: POST /dossiers/forms/search.
 */
export const FormListQuery = PageQuery.extend({
  // A copy of Insz (its own metadata, no id): inline in the document, so that it can say `deprecated`.
  insz: Insz.meta({ deprecated: true, description: "Deprecated: an INSZ does not belong in a URL (request logs, proxies). Use POST /vendor/v1/dossiers/forms/search with the INSZ in the body; a request with this parameter is answered with the headers `Deprecation: true` and `Link` to that operation." }).optional(),
  ...formFilters,
});

export const FormSearchBody = z
  .strictObject({ insz: inszFilter, ...formFilters, ...bodyPaging })
  .meta({ id: 'DossierFormSearch', description: "Search of the OCMW's forms, newest start first: every filter optional, combined with AND. The INSZ is in the body, never in a URL.", examples: [{ insz: '85073003328', status: 'running', page: 1, pageSize: 20 }] });

export const Form = z.object({
  id: z.string(),
  dossierId: z.string(),
  insz: z.string(),
  kind: FormKind,
  subtype: z.string(),
  startDate: z.string(),
  endDate: z.string().nullable(),
  status: z.enum(['running', 'stopped', 'cancelled', 'ended']),
  predecessorId: z.string().nullable(),
  createdBy: z.string().nullable(),
  stoppedBy: z.string().nullable(),
}).meta({
  id: 'DossierForm',
  description: 'A form of a dossier; `status` is read on the business date (a running form past its end date has ended).',
  examples: [
    {
      id: '0b8f2a61-5d3c-4f7e-9a10-6c2d8e4b7f35',
      dossierId: '7c1e9d24-3b6a-4f08-8e57-2d9a0c6b1f43',
      insz: '85073003328',
      kind: 'a036',
      subtype: 'medische-kosten',
      startDate: '2025-02-01',
      endDate: '2025-07-31',
      status: 'running',
      predecessorId: null,
      createdBy: 'rest:Sociale software',
      stoppedBy: null,
    },
  ],
});

export const DossierSummary = z.object({
  id: z.string(),
  insz: z.string(),
  openedOn: z.string(),
  closedOn: z.string().nullable(),
  runningForms: z.number().int(),
  forms: z.number().int(),
});

export const DossierDetail = DossierSummary.extend({ formList: z.array(Form) });

export const DossierSettingsBody = z.strictObject({ handledByVendor: z.boolean() });
export const DossierSettings = z.object({ handledByVendor: z.boolean(), updatedBy: z.string().nullable(), updatedAt: z.string().nullable() });
