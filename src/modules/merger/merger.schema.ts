import { z } from 'zod';
import { Names, OrganisationSummary } from '../registry/registry.schema.js';
import { EVERY_PROBLEM, IsoDate, NisCode as Nis } from '../../shared/schema.js';

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
  htbDeadline: z.string(),
  /** planned, or applied by a cut-over (R7.4). */
  status: z.enum(['planned', 'applied']),
  scheduled: z.boolean(),
  /** Issue 19: a rehearsal merger of the demo ("oefenfusie"), never a real one. */
  rehearsal: z.boolean(),
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

/** A listed merger; a rehearsal one says what it is for in the reader's language (issue 19). */
export const MergerListItem = MergerSummary.extend({ rehearsalNote: z.string().nullable() });
export type MergerListItem = z.infer<typeof MergerListItem>;

export const MergerList = z.object({ items: z.array(MergerListItem), total: z.number().int() });

// ── the merger engine's API (R7.1–R7.4) ──


/** A merger as the administrator defines it: a target that is one of the sources, or a new organisation. */
export const MergerBody = z
  .strictObject({
    code: z.string().trim().min(3).max(80).regex(/^[a-z0-9-]+$/, 'lowercase letters, digits and hyphens'),
    name: z.string().trim().min(2).max(200),
    effectiveDate: IsoDate,
    htbDeadline: IsoDate.nullable().optional(),
    sources: z.array(z.strictObject({ organisationId: z.uuid(), nis: Nis })).min(2).max(20),
    targetOrganisationId: z.uuid().optional(),
    newTarget: z
      .strictObject({
        kbo: z.string().trim().min(9).max(16),
        nameNl: z.string().trim().min(2).max(200),
        nameFr: z.string().trim().max(200).optional(),
        nameDe: z.string().trim().max(200).optional(),
      })
      .optional(),
    targetNis: Nis,
    declaredScenario: z.union([z.literal(1), z.literal(2), z.literal(3)]).nullable().optional(),
  })
  .refine((b) => Boolean(b.targetOrganisationId) !== Boolean(b.newTarget), {
    message: 'give either targetOrganisationId (a source keeps its KBO) or newTarget (a new organisation)',
    path: ['targetOrganisationId'],
    ...EVERY_PROBLEM,
  });

export const MergerCreated = z.object({ id: z.number().int(), scenario: z.number().int() });

export const MergerImportReport = z.object({
  valid: z.boolean(),
  dryRun: z.boolean(),
  created: z.number().int(),
  mergers: z.array(
    z.object({
      merger: z.string(),
      code: z.string(),
      rows: z.array(z.number().int()),
      scenario: z.number().int().nullable(),
      action: z.enum(['create', 'unchanged']).nullable(),
      problems: z.array(z.string()),
    }),
  ),
});

const ByOrganisation = z.array(z.object({ organisationId: z.string(), name: z.string(), count: z.number().int() }));

export const MergerPlan = z.object({
  merger: z.object({ id: z.number().int(), code: z.string(), name: z.string(), effectiveDate: z.string(), status: z.string() }),
  scenario: z.number().int(),
  businessDate: z.string(),
  actions: z.array(
    z.object({
      kind: z.string(),
      count: z.number().int(),
      writes: z.boolean(),
      byOrganisation: ByOrganisation.optional(),
      deduplicated: z.number().int().optional(),
      coTbs: z.number().int().optional(),
    }),
  ),
  untouched: z.object({ channelAccounts: z.number().int(), configurationSections: z.number().int(), eboxDocuments: z.number().int() }),
  blockers: z.array(z.string()),
  changes: z.number().int(),
});

export const PlanRowsPage = z.object({
  kind: z.string(),
  page: z.number().int(),
  pageSize: z.number().int(),
  total: z.number().int(),
  items: z.array(z.record(z.string(), z.unknown())),
});

export const RunResult = z.object({
  mergerId: z.number().int(),
  runId: z.number().int(),
  scenario: z.number().int().optional(),
  changes: z.number().int(),
  actions: z.array(z.object({ kind: z.string(), count: z.number().int() })),
  status: z.enum(['planned', 'applied']),
});

/** `POST /admin/mergers/wave`: plan (dryRun) or run every merger of one effective date. */
export const WaveBody = z.strictObject({ date: IsoDate, dryRun: z.boolean().default(false) });

/** A wave's report (SPEC §13, the same document as `ocmw merger wave --json`). */
export const WaveReportSchema = z.object({
  date: z.string(),
  mergers: z.array(
    z.object({
      code: z.string(),
      scenario: z.number().int(),
      status: z.enum(['planned', 'applied', 'blocked', 'failed']),
      actions: z.array(z.object({ kind: z.string(), count: z.number().int() })),
      changes: z.number().int().optional(),
      blockers: z.array(z.string()),
    }),
  ),
});

const ChecklistItem = z.object({
  organisationId: z.string(),
  item: z.string(),
  label: z.string(),
  check: z.enum(['auto', 'manual']),
  status: z.enum(['done', 'open', 'not_needed']),
  deadline: z.string(),
  overdue: z.boolean(),
  detail: z.string(),
  /** The numbers in the detail (e.g. count: forms to stop, clashes: to review), as the dry run counts them. */
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
  tickedBy: z.string().optional(),
  tickedAt: z.string().optional(),
});

export const MergerChecklist = z.object({
  merger: z.object({
    id: z.number().int(),
    code: z.string(),
    name: z.string(),
    effectiveDate: z.string(),
    htbDeadline: z.string(),
    status: z.string(),
    scenario: z.number().int(),
  }),
  progress: z.number().int(),
  organisations: z.array(
    z.object({
      organisationId: z.string(),
      name: z.string(),
      role: z.enum(['new_target', 'keeper', 'disappearing']),
      progress: z.number().int(),
      items: z.array(ChecklistItem),
    }),
  ),
});

export const MergerRuns = z.object({
  items: z.array(
    z.object({
      id: z.number().int(),
      kind: z.string(),
      actor: z.string(),
      businessDate: z.string(),
      startedAt: z.unknown(),
      finishedAt: z.unknown(),
      changes: z.number().int(),
      summary: z.unknown(),
      undoesRunId: z.number().int().nullable(),
    }),
  ),
});

export const JournalPage = z.object({
  page: z.number().int(),
  pageSize: z.number().int(),
  total: z.number().int(),
  items: z.array(
    z.object({ step: z.number().int(), kind: z.string().nullable(), table: z.string(), op: z.string(), rowId: z.string().nullable(), key: z.unknown(), before: z.unknown() }),
  ),
});
