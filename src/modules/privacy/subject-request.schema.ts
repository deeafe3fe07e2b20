/**
 * A citizen's request (issue 24, GDPR art. 15/17): the HTTP contract. The INSZ travels in a POST
 * body, never in a URL (URLs end up in logs, which carry no national number). Isomorphic.
 */
import { z } from 'zod';
import { Insz } from '../../shared/schema.js';

/** The kinds of data an OCMW holds on a person in the portal, in the order the file lists them. */
export const SUBJECT_KINDS = ['helpRequests', 'dossierForms', 'eboxDocuments', 'mutations', 'mails', 'userAccount', 'accessLog'] as const;
export const SubjectKind = z.enum(SUBJECT_KINDS).meta({ id: 'SubjectKind', description: 'A kind of personal data held in the portal.' });
export type SubjectKind = z.infer<typeof SubjectKind>;

export const SubjectBody = z
  .strictObject({ insz: Insz })
  .meta({ id: 'SubjectRequestBody', description: "The person of the request, by national number (the privacy officer's own OCMW is searched)." });

export const ErasureBody = z
  .strictObject({
    insz: Insz,
    kinds: z.array(SubjectKind).min(1).max(SUBJECT_KINDS.length).meta({ description: 'What to erase; all or nothing (409 naming a kind the law keeps)' }),
    reason: z.string().trim().min(1).max(1000).meta({ description: "Why (the request, its date and reference): kept in the register of citizens' requests, which only the privacy officer reads (never in the audit log)" }),
    confirm: z.literal(true).meta({ description: 'Must be true: the erasure cannot be undone' }),
  })
  .meta({ id: 'SubjectErasureBody', description: "Erase the person's data of the given kinds at the OCMW (GDPR art. 17), with the reason." });
export type ErasureBody = z.infer<typeof ErasureBody>;

export const SubjectOverview = z
  .object({
    insz: z.string(),
    date: z.string().meta({ description: 'The business date of the answer' }),
    kinds: z.array(
      z.object({
        kind: SubjectKind,
        count: z.number().int().meta({ description: 'How many items of this kind the OCMW holds on the person' }),
        erasable: z.boolean().meta({ description: 'Whether the erasure of this kind is allowed today' }),
        reason: z.string().meta({ description: "Why it can or cannot be erased, in the reader's language" }),
      }),
    ),
  })
  .meta({ id: 'SubjectOverview', description: 'What the OCMW holds on one person, per kind, and what may be erased.' });

export const ErasureResult = z
  .object({ insz: z.string(), erased: z.partialRecord(SubjectKind, z.number().int()).meta({ description: 'Items erased per kind' }) })
  .meta({ id: 'SubjectErasureResult', description: 'What the erasure changed.' });

export const SubjectRegisterEntry = z
  .object({
    id: z.number().int(),
    kind: z.enum(['export', 'erasure']).meta({ description: 'An export (GDPR art. 15) or an erasure (art. 17)' }),
    insz: z.string(),
    reason: z.string().nullable().meta({ description: "The officer's reason (an erasure's; null for an export)" }),
    officer: z.string().nullable().meta({ description: 'The username of the privacy officer who made it' }),
    at: z.string().meta({ format: 'date-time', description: 'When it was made (ISO 8601, UTC)' }),
    businessDate: z.string().meta({ format: 'date', description: "The business clock's date then (YYYY-MM-DD)" }),
    counts: z.record(z.string(), z.number().int()).meta({ description: 'Per kind: what the export held, or what the erasure erased' }),
  })
  .meta({
    id: 'SubjectRegisterEntry',
    description: "One citizen's request in the organisation's register (issue 24).",
    examples: [{ id: 12, kind: 'erasure', insz: '85073003328', reason: 'Verzoek per brief van 2 maart 2026, ref. AV-2026-014', officer: 'an.peeters', at: '2026-03-04T10:12:00.000Z', businessDate: '2026-03-04', counts: { mails: 2 } }],
  });

export const SubjectRegisterPage = z
  .object({ items: z.array(SubjectRegisterEntry), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() })
  .meta({ id: 'SubjectRegisterPage', description: "A page of the register of citizens' requests, newest first (only the organisation's privacy officer)." });
