import { z } from 'zod';
import { Insz } from '../../shared/schema.js';

/** A mutation as an institution delivers it (the documents' example). */
export const MUTATION_EXAMPLE = { type: 'MURA', subType: 'H001', insz: '85073003328', occurredAt: '2026-03-11T08:00:00+01:00', payload: {} };

/** R5.1: one mutation as institutions deliver it (API body or one line of a .jsonl file). */
export const MutationInput = z.strictObject({
  type: z.enum(['MURG', 'MUFC', 'MUSE', 'MURN', 'MUIA', 'MUPF', 'MUPK', 'MURA', 'MUPS']),
  subType: z.string().regex(/^[HT]\d{3,4}$/).optional(),
  insz: Insz,
  occurredAt: z.iso.datetime({ offset: true }),
  payload: z.record(z.string(), z.unknown()).default({}),
}).superRefine((m, ctx) => {
  const needsSubType = m.type === 'MURA' || m.type === 'MUPS';
  if (needsSubType !== Boolean(m.subType)) {
    ctx.addIssue({ code: 'custom', path: ['subType'], message: needsSubType ? 'mutation.subtype_required' : 'mutation.subtype_forbidden', params: { messageKey: needsSubType ? 'mutation.subtype_required' : 'mutation.subtype_forbidden' } });
  }
}).meta({ examples: [MUTATION_EXAMPLE] });
export type MutationInput = z.infer<typeof MutationInput>;

/** The selection code an OCMW ticks for this mutation (R4.3). */
export function selectionCode(m: Pick<MutationInput, 'type' | 'subType'>): string {
  return m.subType ? `${m.type}-${m.subType}` : m.type;
}
