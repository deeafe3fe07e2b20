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
    reason: z.string().trim().min(1).max(1000).meta({ description: 'Why (the request, its date and reference): kept in the audit log' }),
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
