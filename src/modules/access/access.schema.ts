/**
 * Access management contracts (SPEC §2): zod schemas for the API, the forms of the web UI and
 * the CLI. Isomorphic.
 */
import { z } from 'zod';
import { APPLICATION_CODES } from '../../shared/applications.js';
import { Email, EVERY_PROBLEM, Insz, IsoDate, Language, PageQuery, pageOf } from '../../shared/schema.js';

export const MEMBERSHIP_TYPES = ['TB', 'CO_TB', 'USER'] as const;
export const MEMBERSHIP_STATUSES = ['active', 'blocked'] as const;
export const TITLES = ['DE_HEER', 'MEVROUW'] as const;

/** Type labels as the portal lists them (R2.2). */
export const TYPE_LABELS = { TB: 'LB', CO_TB: 'Co-LB', USER: 'USER' } as const;

export const ApplicationCode = z.enum(APPLICATION_CODES);
export const MembershipType = z.enum(MEMBERSHIP_TYPES);

/** A username (R2.6): unique system-wide; letters, digits and . _ - , 3–64 characters. */
export const Username = z
  .string()
  .trim()
  .min(3, { message: 'username.length' })
  .max(64, { message: 'username.length' })
  .regex(/^[A-Za-z0-9._-]+$/, { message: 'username.chars' });

const Name = z.string().trim().min(1).max(100);
const OptionalEmail = z.union([Email, z.literal('').transform(() => null), z.null()]).optional();

/** "Een gebruiker toevoegen": starts from the INSZ; a known person is reused (R2.5). */
/** The person look-up's body (issue 24: the INSZ never in a URL). */
export const PersonLookupBody = z.strictObject({ insz: Insz }).meta({ id: 'PersonLookupBody', description: 'The INSZ to look up (dots and dash allowed).', examples: [{ insz: '85073003328' }] });
export const PersonLookup = z.object({
  insz: z.string(),
  exists: z.boolean(),
  /** Only the name is shown for a person known elsewhere: other organisations' data stay theirs. */
  surname: z.string().nullable(),
  firstName: z.string().nullable(),
  /** Already a member of this domain (then there is nothing to add). */
  isMember: z.boolean(),
});

/** New person fields (R2.5); required only when the INSZ is not known yet. */
export const NewPersonFields = z.strictObject({
  username: Username,
  usernameConfirm: z.string(),
  password: z.string().min(1).max(200),
  passwordConfirm: z.string(),
  surname: Name,
  firstName: Name,
  title: z.enum(TITLES).nullable().optional(),
  language: Language.default('nl'),
  email: Email,
});

/** Adding a user or co-TB to a domain (R2.4, R2.5). */
export const AddMemberBody = z.strictObject({
  insz: Insz,
  type: z.enum(['CO_TB', 'USER']).default('USER'),
  localEmail: OptionalEmail,
  applications: z.array(ApplicationCode).max(APPLICATION_CODES.length).default([]),
  /** Required when the INSZ is new; must be absent for a known person. */
  person: NewPersonFields.optional(),
});
export type AddMemberBody = z.infer<typeof AddMemberBody>;

/** "Van Toegangsbeheerder veranderen" (R2.3). */
export const ChangeTbBody = z.strictObject({
  insz: Insz,
  localEmail: OptionalEmail,
  person: NewPersonFields.optional(),
});
export type ChangeTbBody = z.infer<typeof ChangeTbBody>;

export const UpdateMemberBody = z.strictObject({
  localEmail: OptionalEmail,
  applications: z.array(ApplicationCode).max(APPLICATION_CODES.length).optional(),
  status: z.enum(MEMBERSHIP_STATUSES).optional(),
});

export const SORT_COLUMNS = ['surname', 'firstName', 'username', 'type', 'status', 'insz', 'createdAt'] as const;

/** User list filters (R2.9). Name filters match the start of the name, case-insensitively. */
export const UserListFilter = z.strictObject({
  surname: z.string().trim().max(100).optional(),
  firstName: z.string().trim().max(100).optional(),
  username: z.string().trim().max(64).optional(),
  type: MembershipType.optional(),
  insz: Insz.optional(),
  status: z.enum(MEMBERSHIP_STATUSES).optional(),
  application: ApplicationCode.optional(),
});
export type UserListFilter = z.infer<typeof UserListFilter>;

export const UserListQuery = PageQuery.extend({
  ...UserListFilter.shape,
  sort: z.enum(SORT_COLUMNS).default('surname'),
  order: z.enum(['asc', 'desc']).default('asc'),
});
export type UserListQuery = z.infer<typeof UserListQuery>;

/** `lang` sets the language of the column headers (a download link cannot send Accept-Language). */
export const ExportQuery = UserListQuery.omit({ page: true, pageSize: true }).extend({ format: z.enum(['csv', 'xlsx']), lang: Language.optional() });

/**
 * Issue 24: the INSZ never travels in a URL (request logs, proxies, browser history). The GETs of
 * the user list and its export take every filter but the INSZ (refused with 400 naming the field);
 * the POSTs take them all, the INSZ included, in a JSON body.
 */
export const UserListUrlQuery = UserListQuery.omit({ insz: true });
export const ExportUrlQuery = ExportQuery.omit({ insz: true });
const bodyPaging = {
  page: z.number().int().min(1).max(1_000_000).default(1),
  pageSize: z.number().int().min(1).max(100).default(10),
};
const bodySort = { sort: z.enum(SORT_COLUMNS).default('surname'), order: z.enum(['asc', 'desc']).default('asc') };
export const UserSearchBody = z
  .strictObject({ ...UserListFilter.shape, ...bodySort, ...bodyPaging })
  .meta({ id: 'UserSearch', description: 'The user list of a domain, filtered (every filter optional, combined with AND), sorted and paged; the INSZ in the body, never in a URL.', examples: [{ insz: '85073003328', sort: 'surname', order: 'asc', page: 1, pageSize: 10 }] });
export const UserExportBody = z
  .strictObject({ ...UserListFilter.shape, ...bodySort, format: z.enum(['csv', 'xlsx']), lang: Language.optional() })
  .meta({ id: 'UserExport', description: 'The filtered user list as a CSV or XLSX file; the INSZ in the body, never in a URL.', examples: [{ insz: '85073003328', format: 'csv', lang: 'nl' }] });

export const MemberSummary = z.object({
  userId: z.string(),
  username: z.string(),
  surname: z.string(),
  firstName: z.string(),
  insz: z.string().nullable(),
  type: MembershipType,
  typeLabel: z.string(),
  status: z.enum(MEMBERSHIP_STATUSES),
  applications: z.array(z.string()),
  /** The person's own e-mail; null when they are known in another organisation too. */
  email: z.string().nullable(),
  localEmail: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string().nullable(),
  /** What the viewer may do with this member (the UI offers only these). */
  allowed: z.object({ edit: z.boolean(), block: z.boolean(), remove: z.boolean() }),
});
export type MemberSummary = z.infer<typeof MemberSummary>;

export const MemberDetail = MemberSummary.extend({
  title: z.string().nullable(),
  language: z.string(),
});

export const MemberPage = pageOf(MemberSummary);

export const BULK_ACTIONS = ['remove', 'block', 'unblock', 'addApplications', 'removeApplications'] as const;
export const BulkBody = z
  .strictObject({
    action: z.enum(BULK_ACTIONS),
    userIds: z.array(z.uuid()).min(1).max(500),
    applications: z.array(ApplicationCode).max(APPLICATION_CODES.length).optional(),
  })
  .refine((b) => typeof b.action !== 'string' || !b.action.endsWith('Applications') || (Array.isArray(b.applications) && b.applications.length > 0), {
    path: ['applications'],
    message: 'bulk.applications_required',
    params: { messageKey: 'bulk.applications_required' },
    ...EVERY_PROBLEM,
  });
export const BulkResult = z.object({
  results: z.array(z.object({ userId: z.string(), outcome: z.enum(['done', 'refused', 'unchanged']), reason: z.string().optional() })),
  done: z.number().int(),
  refused: z.number().int(),
});

export const DomainHome = z.object({
  organisation: z.object({ id: z.string(), name: z.string(), kbo: z.string(), kboFormatted: z.string() }),
  domain: z.object({ id: z.string(), code: z.string(), name: z.string(), contactEmail: z.string().nullable(), createdAt: z.string() }),
  tb: z.object({ userId: z.string(), surname: z.string(), firstName: z.string() }).nullable(),
  counts: z.object({ total: z.number().int(), active: z.number().int(), blocked: z.number().int() }),
  permissions: z.array(z.string()),
});

export const UpdateDomainBody = z.strictObject({ contactEmail: Email });

export const ManagerSummary = z.object({
  userId: z.string(),
  surname: z.string(),
  firstName: z.string(),
  username: z.string(),
  role: z.enum(['HTB', 'CO_HTB']),
  since: z.string(),
});
export const AddCoHtbBody = z.strictObject({ insz: Insz, person: NewPersonFields.optional() });

export const AuditQuery = PageQuery.extend({
  domainId: z.uuid().optional(),
  action: z.string().max(60).optional(),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
});
export const AuditExportQuery = AuditQuery.omit({ page: true, pageSize: true }).extend({ format: z.enum(['csv', 'xlsx']), lang: Language.optional() });
export const AuditItem = z.object({
  id: z.number(),
  at: z.string(),
  actorUsername: z.string().nullable(),
  actorRole: z.string().nullable(),
  domainId: z.string().nullable(),
  action: z.string(),
  subjectUsername: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
});
export const AuditPage = pageOf(AuditItem);

export const MeBody = z.strictObject({
  surname: Name,
  firstName: Name,
  title: z.enum(TITLES).nullable(),
  language: Language,
  email: Email,
});
export const Me = MeBody.extend({ username: z.string(), insz: z.string().nullable() });
export const PasswordBody = z.strictObject({
  currentPassword: z.string().min(1).max(200),
  newPassword: z.string().min(1).max(200),
  newPasswordConfirm: z.string().max(200),
});

/** R2.14: one row of the region's HTB file. */
export const HtbImportRow = z.object({
  row: z.number().int(),
  sourceKbo: z.string(),
  targetKbo: z.string(),
  insz: z.string(),
  surname: z.string(),
  firstName: z.string(),
  email: z.string(),
});
export const HtbImportReport = z.object({
  valid: z.boolean(),
  dryRun: z.boolean(),
  rows: z.array(
    z.object({
      row: z.number().int(),
      sourceKbo: z.string(),
      targetKbo: z.string(),
      insz: z.string(),
      problems: z.array(z.string()),
      action: z.enum(['appoint', 'unchanged', 'replace']).nullable(),
    }),
  ),
  applied: z.number().int(),
  /** People the import created, with a temporary password shown this once. */
  newAccounts: z.array(z.object({ insz: z.string(), username: z.string(), temporaryPassword: z.string() })),
});

export const PersonReview = z.object({
  insz: z.string(),
  inszFormatted: z.string(),
  isNew: z.boolean(),
  /** null for a person known only in other organisations: they see the name, not the account. */
  username: z.string().nullable(),
  surname: z.string(),
  firstName: z.string(),
  title: z.string().nullable(),
  language: z.string().nullable(),
  email: z.string().nullable(),
});
export const AddMemberReview = z.object({
  person: PersonReview,
  type: z.enum(['CO_TB', 'USER']),
  applications: z.array(z.string()),
  localEmail: z.string().nullable(),
  userId: z.string().nullable(),
});
export const ChangeTbReview = z.object({ person: PersonReview, localEmail: z.string().nullable(), previousTbUserId: z.string().nullable() });
export const CoHtbReview = z.object({ person: PersonReview });
export const DomainParams = z.strictObject({ domainId: z.uuid() });
export const MemberParams = z.strictObject({ domainId: z.uuid(), userId: z.uuid() });
