/**
 * OCMW Online contracts (SPEC §6): the citizen's help request, the OCMW's views of it, and the
 * vendor API's shapes. Isomorphic: the web UI validates the citizen form with the same rules.
 */
import { z } from 'zod';
import { Email, EVERY_PROBLEM, Insz, IsoDate, Language, NisCode, PageQuery, Phone } from '../../shared/schema.js';
import { decodeCursor } from './vendor-cursor.js';

/** R6.1: the kinds of help a citizen can ask for. */
export const HELP_KINDS = ['leefloon', 'medische-kosten', 'huisvesting', 'energie', 'schuldhulp', 'andere'] as const;
export const HelpKind = z.enum(HELP_KINDS);
export type HelpKind = z.infer<typeof HelpKind>;

/** unread → read → decided; "late" is derived (not decided 30 days after receipt, R6.11). */
export const HELP_STATUSES = ['unread', 'read', 'decided'] as const;
export const HelpStatus = z.enum(HELP_STATUSES);

const Text = (max: number) => z.string().trim().max(max);
const Optional = <T extends z.ZodType>(schema: T) => z.union([schema, z.literal('')]).optional();

export const Postcode = z.string().trim().regex(/^\d{4}$/, { message: 'postcode.format' }).meta({ examples: ['8000'] });

/** R6.1: what the citizen fills in. E-mail and/or phone; the municipality when the postcode is ambiguous. */
const citizenFields = {
  language: Language,
  kinds: z.array(HelpKind).min(1, { message: 'online.kind_required' }).max(HELP_KINDS.length),
  postcode: Postcode,
  nis: NisCode.optional(),
  surname: Text(100).min(1, { message: 'field.required' }),
  firstName: Text(100).min(1, { message: 'field.required' }),
  insz: Optional(Insz),
  email: Optional(Email),
  phone: Optional(Phone),
  message: Text(5000).min(1, { message: 'field.required' }),
};
function citizenRules(v: { kinds: string[]; email?: string; phone?: string }, ctx: z.RefinementCtx) {
  if (Array.isArray(v.kinds) && new Set(v.kinds).size !== v.kinds.length) {
    ctx.addIssue({ code: 'custom', path: ['kinds'], message: 'online.kind_duplicate', params: { messageKey: 'online.kind_duplicate' } });
  }
  if (!v.email && !v.phone) {
    for (const path of ['email', 'phone']) {
      ctx.addIssue({ code: 'custom', path: [path], message: 'online.contact_required', params: { messageKey: 'online.contact_required' } });
    }
  }
}
/** The form as the citizen fills it in (the web UI validates it before sending). */
export const CitizenRequestBody = z.strictObject(citizenFields).superRefine(citizenRules, EVERY_PROBLEM);
export type CitizenRequestInput = z.input<typeof CitizenRequestBody>;
export type CitizenRequest = z.infer<typeof CitizenRequestBody>;

/**
 * Issue 17: the anti-automation check of the public form, a proof of work (ALTCHA v1, SHA-256):
 * the server signs a challenge (the hash of salt + a secret number ≤ maxnumber; the salt carries
 * the expiry); the browser finds the number. Nothing of the citizen's leaves the browser for it,
 * no third party is involved and no cookie is set.
 */
export const ProofChallenge = z.object({
  algorithm: z.literal('SHA-256'),
  challenge: z.string(),
  maxnumber: z.number().int(),
  salt: z.string(),
  signature: z.string(),
  /** When the challenge stops being accepted (ISO 8601). */
  expiresAt: z.string(),
});
export type ProofChallengeData = z.infer<typeof ProofChallenge>;
const Hex64 = z.string().regex(/^[0-9a-f]{64}$/, { message: 'online.proof_invalid' }).meta({ examples: ['9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08'] });
/** The solved challenge: the challenge as issued, with the number found. */
export const ProofSolution = z.strictObject({
  algorithm: z.literal('SHA-256'),
  challenge: Hex64,
  number: z.number().int().min(0).max(1_000_000_000),
  salt: z.string().min(1).max(200),
  signature: Hex64,
});
export type ProofSolutionData = z.infer<typeof ProofSolution>;

/** What the form sends: the citizen's request and the solved challenge. */
export const CitizenSubmissionBody = z.strictObject({ ...citizenFields, proof: ProofSolution }).superRefine(citizenRules, EVERY_PROBLEM);
export type CitizenSubmission = z.infer<typeof CitizenSubmissionBody>;

/** R4.6 as the citizen sees it: the OCMW's address in their language. */
export const OcmwContact = z.object({
  street: z.string(),
  number: z.string(),
  box: z.string().nullable(),
  postcode: z.string(),
  city: z.string(),
  phone: z.string(),
  email: z.string().nullable(),
});

export const CompetentOcmw = z.object({
  id: z.string(),
  name: z.string(),
  /** Null while the OCMW has not filled in its contact data (OCMW-configuratie). */
  contact: OcmwContact.nullable(),
});

/** Public lookup for the form: the municipalities of a postcode and, once clear, the competent OCMW. */
export const OcmwLookupQuery = z.strictObject({ postcode: Postcode, nis: NisCode.optional(), language: Language.default('nl') });
export const OcmwLookup = z.object({
  postcode: z.string(),
  /** The receipt date a request filed now would get (R6.10). */
  receiptDate: z.string(),
  municipalities: z.array(z.object({ nis: z.string(), name: z.string() })),
  /** Set when the postcode (and municipality) lead to exactly one OCMW. */
  ocmw: CompetentOcmw.nullable(),
});

/** What the citizen sees after submitting (R6.2, R6.3, R6.10). */
export const CitizenReceipt = z.object({
  reference: z.string(),
  filedAt: z.string(),
  receivedOn: z.string(),
  ocmw: CompetentOcmw,
  /** The address the acknowledgement went to, when the citizen gave one. */
  acknowledgementTo: z.string().nullable(),
});

export const HelpRequestListQuery = PageQuery.extend({
  status: z.enum([...HELP_STATUSES, 'late']).optional(),
  kind: HelpKind.optional(),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  reference: z.string().trim().max(30).optional(),
});
export type HelpRequestListFilter = z.infer<typeof HelpRequestListQuery>;

/** Issue 22: one help request as the API documents show it in their examples. */
const HELP_REQUEST_EXAMPLE = {
  id: '5d0c2f9e-7a41-4b6e-8f3c-1e9b2a7d4c60',
  reference: 'OO-2025-0001234-9',
  filedAt: '2025-03-10T09:41:12.000Z',
  receivedOn: '2025-03-10',
  kinds: ['leefloon', 'huisvesting'],
  municipality: 'Brugge',
  surname: 'Peeters',
  firstName: 'An',
  status: 'unread',
  deadline: '2025-04-09',
  isLate: false,
} as const;

export const HelpRequestSummary = z.object({
  id: z.string(),
  reference: z.string(),
  filedAt: z.string(),
  receivedOn: z.string(),
  kinds: z.array(z.string()),
  municipality: z.string(),
  surname: z.string(),
  firstName: z.string(),
  status: HelpStatus,
  /** R6.11: receipt date + 30 days. */
  deadline: z.string(),
  isLate: z.boolean(),
}).meta({ id: 'HelpRequestSummary', description: 'A help request as a list shows it (R6.5, R6.9).', examples: [HELP_REQUEST_EXAMPLE] });

export const HelpRequestEvent = z.object({
  kind: z.enum(['filed', 'forwarded', 'read', 'decided', 'relinked']),
  at: z.string(),
  by: z.string().nullable(),
  fromOrganisation: z.string().nullable(),
  toOrganisation: z.string().nullable(),
  reason: z.string().nullable(),
});

export const HelpRequestDetail = HelpRequestSummary.extend({
  language: z.string(),
  postcode: z.string(),
  nis: z.string(),
  insz: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  message: z.string(),
  readAt: z.string().nullable(),
  decidedAt: z.string().nullable(),
  /** R6.11: the last day it can be forwarded (receipt + 5 days), and whether it still can today. */
  forwardUntil: z.string(),
  canForward: z.boolean(),
  history: z.array(HelpRequestEvent),
}).meta({
  id: 'HelpRequestDetail',
  description: 'A help request whole, with its history (R6.6–R6.9).',
  examples: [
    {
      ...HELP_REQUEST_EXAMPLE,
      status: 'read',
      language: 'nl',
      postcode: '8000',
      nis: '31005',
      insz: '85073003328',
      email: 'an.peeters@example.org',
      phone: null,
      message: 'Ik zoek hulp bij het betalen van mijn huur.',
      readAt: '2025-03-11T08:15:00.000Z',
      decidedAt: null,
      forwardUntil: '2025-03-15',
      canForward: true,
      history: [
        { kind: 'filed', at: '2025-03-10T09:41:12.000Z', by: null, fromOrganisation: null, toOrganisation: 'OCMW Brugge', reason: null },
        { kind: 'read', at: '2025-03-11T08:15:00.000Z', by: 'rest:Sociale software', fromOrganisation: null, toOrganisation: null, reason: null },
      ],
    },
  ],
});

export const ForwardBody = z.strictObject({
  organisationId: z.uuid(),
  reason: Text(1000).min(1, { message: 'field.required' }),
});

export const ForwardTarget = z.object({ id: z.string(), name: z.string() });
export const ForwardTargetQuery = z.strictObject({ q: z.string().trim().min(2).max(100) });

/** The vendor API's request shape (R6.9): the portal detail without the OCMW-only fields. */
export const VendorListQuery = PageQuery.extend({
  unread: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  since: z.iso.datetime({ offset: true }).optional(),
  /** Issue 20: keyset paging: the page after this row (a previous answer's nextCursor); page is then ignored. */
  cursor: z.string().refine((c) => decodeCursor(c) !== undefined, { message: 'online.cursor_invalid' }).optional(),
});

/** Issue 20: a page of the vendor list; nextCursor continues after its last row (null: no more). Page-numbered answers carry page and total. */
export const VendorListPage = z.object({
  items: z.array(HelpRequestSummary),
  pageSize: z.number().int(),
  nextCursor: z.string().nullable(),
  page: z.number().int().optional(),
  total: z.number().int().optional(),
}).meta({
  id: 'VendorHelpRequestPage',
  description: 'A page of the OCMW’s help requests; `nextCursor` continues after its last row (null: no more).',
  examples: [{ items: [HELP_REQUEST_EXAMPLE], pageSize: 10, nextCursor: null }],
});

/** Issue 19: the OCMWs that have unread help requests and nobody who can read them (platform administrators). */
export const UnreadableOcmws = z.object({
  date: z.string(),
  items: z.array(
    z.object({
      organisationId: z.string(),
      name: z.string(),
      kbo: z.string(),
      unread: z.number().int(),
      oldestReceivedOn: z.string(),
    }),
  ),
});
export type UnreadableOcmws = z.infer<typeof UnreadableOcmws>;
