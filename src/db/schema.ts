/**
 * Table definitions (Drizzle). Each block names the module that owns the tables: only that
 * module's repository reads or writes them. Column names are snake_case in SQL (Drizzle's
 * `casing: 'snake_case'`), camelCase here. Dates that are business dates are `date` columns
 * read as YYYY-MM-DD strings; validity periods are half-open [validFrom, validTo).
 */
import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  customType,
  boolean,
  char,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  pgView,
  primaryKey,
  serial,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';

const createdAt = () => timestamp({ withTimezone: true }).notNull().defaultNow();

// ── registry: organisations, domains, municipalities, postcodes, OCMW service areas ──────────

export const organisations = pgTable(
  'organisations',
  {
    id: uuid().primaryKey().defaultRandom(),
    kbo: char({ length: 10 }).notNull().unique(),
    kind: text().notNull(),
    nameNl: text().notNull(),
    nameFr: text().notNull(),
    nameDe: text().notNull(),
    validFrom: date({ mode: 'string' }).notNull(),
    validTo: date({ mode: 'string' }),
    isDemo: boolean().notNull().default(false),
    accessEndedOn: date({ mode: 'string' }),
    createdAt: createdAt(),
  },
  (t) => [
    check('organisations_kind_check', sql`${t.kind} in ('ocmw', 'vendor', 'institution')`),
    check('organisations_kbo_digits', sql`${t.kbo} ~ '^[01][0-9]{9}$'`),
    check('organisations_validity', sql`${t.validTo} is null or ${t.validTo} > ${t.validFrom}`),
  ],
);

/**
 * R1.6: later names of an organisation (e.g. OCMW Bilzen → OCMW Bilzen-Hoeselt on the merger's
 * effective date). Each holds from validFrom until the next one; before the first, the name in
 * `organisations` holds. SQL reads the name of a date with `organisation_name_on(id, date)`.
 */
export const organisationNames = pgTable(
  'organisation_names',
  {
    organisationId: uuid()
      .notNull()
      .references(() => organisations.id),
    validFrom: date({ mode: 'string' }).notNull(),
    nameNl: text().notNull(),
    nameFr: text().notNull(),
    nameDe: text().notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.validFrom] })],
);

export const domains = pgTable(
  'domains',
  {
    id: uuid().primaryKey().defaultRandom(),
    organisationId: uuid()
      .notNull()
      .references(() => organisations.id),
    code: text().notNull(),
    contactEmail: text(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('domains_organisation_code').on(t.organisationId, t.code),
    check('domains_code_check', sql`${t.code} in ('MW', 'RSZ', 'PPL', 'OZP')`),
  ],
);

export const municipalities = pgTable(
  'municipalities',
  {
    nis: char({ length: 5 }).notNull(),
    validFrom: date({ mode: 'string' }).notNull(),
    validTo: date({ mode: 'string' }),
    nameNl: text().notNull(),
    nameFr: text().notNull(),
    nameDe: text().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.nis, t.validFrom] }),
    check('municipalities_validity', sql`${t.validTo} is null or ${t.validTo} > ${t.validFrom}`),
  ],
);

/** Issue 20: the version (hash) of the reference data last loaded; one row. */
export const referenceDataState = pgTable(
  'reference_data_state',
  {
    id: smallint().primaryKey().default(1),
    version: text().notNull(),
    loadedAt: createdAt(),
  },
  (t) => [check('reference_data_state_one_row', sql`${t.id} = 1`)],
);

export const municipalitySuccessions = pgTable(
  'municipality_successions',
  {
    oldNis: char({ length: 5 }).notNull(),
    newNis: char({ length: 5 }).notNull(),
    effectiveDate: date({ mode: 'string' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.oldNis, t.newNis, t.effectiveDate] })],
);

export const postalCodes = pgTable(
  'postal_codes',
  {
    postcode: varchar({ length: 4 }).notNull(),
    nis: char({ length: 5 }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.postcode, t.nis] }), index('postal_codes_nis').on(t.nis)],
);

export const ocmwAreas = pgTable(
  'ocmw_areas',
  {
    organisationId: uuid()
      .notNull()
      .references(() => organisations.id),
    nis: char({ length: 5 }).notNull(),
    validFrom: date({ mode: 'string' }).notNull(),
    validTo: date({ mode: 'string' }),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.nis, t.validFrom] }),
    index('ocmw_areas_nis').on(t.nis, t.validFrom),
    check('ocmw_areas_validity', sql`${t.validTo} is null or ${t.validTo} > ${t.validFrom}`),
  ],
);

// ── merger: mergers as data (R1, R7.1) ─────────────────────────────────────────────────────

export const mergers = pgTable(
  'mergers',
  {
    id: serial().primaryKey(),
    code: text().notNull().unique(),
    name: text().notNull(),
    effectiveDate: date({ mode: 'string' }).notNull(),
    targetOrganisationId: uuid()
      .notNull()
      .references(() => organisations.id),
    targetNis: char({ length: 5 }).notNull(),
    declaredScenario: smallint(),
    /** R1.6: the date by which the region must know the merged OCMW's HTB (2024-11-15 for 2025). */
    htbDeadline: date({ mode: 'string' }),
    /** planned → applied (by a cut-over) → planned again (by an undo before the effective date). */
    status: text().notNull().default('planned'),
    /** The cut-over runs on its own on the effective date (pg-boss) when scheduled. */
    scheduled: boolean().notNull().default(false),
    /** Issue 19: a rehearsal merger of the demo ("oefenfusie"), to try the engine on; never scheduled. */
    rehearsal: boolean().notNull().default(false),
    appliedAt: timestamp({ withTimezone: true }),
    appliedBy: text(),
    createdAt: createdAt(),
    updatedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    check('mergers_declared_scenario', sql`${t.declaredScenario} is null or ${t.declaredScenario} in (1, 2, 3)`),
    check('mergers_status', sql`${t.status} in ('planned', 'applied')`),
  ],
);

export const mergerSources = pgTable(
  'merger_sources',
  {
    mergerId: integer()
      .notNull()
      .references(() => mergers.id, { onDelete: 'cascade' }),
    organisationId: uuid()
      .notNull()
      .references(() => organisations.id),
    nis: char({ length: 5 }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.mergerId, t.organisationId] }), index('merger_sources_org').on(t.organisationId)],
);

/** R7.2: what only a person can confirm (e.g. "password passed to the vendor"): who ticked it, and when. */
export const mergerChecklistTicks = pgTable(
  'merger_checklist_ticks',
  {
    mergerId: integer()
      .notNull()
      .references(() => mergers.id, { onDelete: 'cascade' }),
    organisationId: uuid()
      .notNull()
      .references(() => organisations.id),
    item: text().notNull(),
    tickedBy: text().notNull(),
    tickedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.mergerId, t.organisationId, t.item] })],
);

/** R7.4: each cut-over and each undo, with what it changed per action. */
export const mergerRuns = pgTable(
  'merger_runs',
  {
    id: serial().primaryKey(),
    mergerId: integer()
      .notNull()
      .references(() => mergers.id, { onDelete: 'cascade' }),
    kind: text().notNull(),
    actor: text().notNull(),
    businessDate: date({ mode: 'string' }).notNull(),
    startedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp({ withTimezone: true }),
    changes: integer().notNull().default(0),
    summary: jsonb().notNull().default(sql`'[]'::jsonb`),
    /** The run an undo replays backwards. */
    undoesRunId: integer(),
  },
  (t) => [index('merger_runs_merger').on(t.mergerId, t.id), check('merger_runs_kind', sql`${t.kind} in ('run', 'undo')`)],
);

/**
 * R7.4: the journal — every row a run wrote: `insert` (the row did not exist), `update` (its
 * before-state in `before`), or, for an undo, `delete`/`restore` with the state it removed.
 * Narrow on purpose (the cut-over of a large merger writes millions of rows): the key is the
 * row's uuid, or `key` for the tables with a composite key.
 */
export const mergerJournal = pgTable(
  'merger_journal',
  {
    /** No foreign key on purpose: a check per journal row would slow a million-row cut-over. */
    runId: integer().notNull(),
    step: smallint().notNull(),
    tableName: text().notNull(),
    op: text().notNull(),
    rowId: uuid(),
    key: jsonb(),
    before: jsonb(),
  },
  (t) => [index('merger_journal_run').on(t.runId, t.step), check('merger_journal_op', sql`${t.op} in ('insert', 'update', 'delete', 'restore')`)],
);

/**
 * The merger module's published read model: an organisation is "disappearing" when it is a
 * source of a merger whose target is another organisation. Derived, so it cannot drift from
 * the mergers; every module may read it.
 */
export const organisationStatuses = pgView('organisation_statuses', {
  organisationId: uuid().notNull(),
  status: text().notNull(),
  mergerId: integer(),
  effectiveDate: date({ mode: 'string' }),
}).as(sql`
  select o.id as organisation_id,
         case when d.merger_id is null then 'active' else 'disappearing' end as status,
         d.merger_id,
         d.effective_date
  from organisations o
  left join lateral (
    select m.id as merger_id, m.effective_date
    from merger_sources ms
    join mergers m on m.id = ms.merger_id
    where ms.organisation_id = o.id and m.target_organisation_id <> o.id
    order by m.effective_date
    limit 1
  ) d on true
`);

// ── access: people, organisation managers (HTB), domain memberships (TB, co-TB, user) ──────

export const users = pgTable(
  'users',
  {
    id: uuid().primaryKey().defaultRandom(),
    username: text().notNull(),
    passwordHash: text().notNull(),
    insz: char({ length: 11 }).unique(),
    surname: text().notNull(),
    firstName: text().notNull(),
    title: text(),
    language: text().notNull().default('nl'),
    email: text().notNull(),
    isPlatformAdmin: boolean().notNull().default(false),
    /** A temporary password (HTB import, reset): the session allows only the password change until done. */
    mustChangePassword: boolean().notNull().default(false),
    failedAttempts: integer().notNull().default(0),
    lockedUntil: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    uniqueIndex('users_username_lower').on(sql`lower(${t.username})`),
    index('users_surname_lower').on(sql`lower(${t.surname}) text_pattern_ops`),
    index('users_first_name_lower').on(sql`lower(${t.firstName}) text_pattern_ops`),
    index('users_username_pattern').on(sql`lower(${t.username}) text_pattern_ops`),
    check('users_language_check', sql`${t.language} in ('nl', 'fr', 'de', 'en')`),
  ],
);

/** `ocmw admin create`: one-time setup links (the token SHA-256 hashed, expiring, single use). */
export const setupTokens = pgTable(
  'setup_tokens',
  {
    tokenHash: text().primaryKey(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    usedAt: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index('setup_tokens_user').on(t.userId)],
);

export const organisationManagers = pgTable(
  'organisation_managers',
  {
    organisationId: uuid()
      .notNull()
      .references(() => organisations.id),
    userId: uuid()
      .notNull()
      .references(() => users.id),
    role: text().notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.userId] }),
    uniqueIndex('organisation_managers_one_htb').on(t.organisationId).where(sql`${t.role} = 'HTB'`),
    index('organisation_managers_user').on(t.userId),
    check('organisation_managers_role_check', sql`${t.role} in ('HTB', 'CO_HTB')`),
  ],
);

export const memberships = pgTable(
  'memberships',
  {
    id: uuid().primaryKey().defaultRandom(),
    domainId: uuid()
      .notNull()
      .references(() => domains.id),
    userId: uuid()
      .notNull()
      .references(() => users.id),
    type: text().notNull(),
    status: text().notNull().default('active'),
    /** "Lokaal e-mailadres": the address this organisation uses for the person (R2.5). */
    localEmail: text(),
    createdAt: createdAt(),
    updatedAt: timestamp({ withTimezone: true }),
    // Search and sort keys copied from the person by triggers (migration 0003), so the user
    // list of a domain pages through one index instead of sorting a join (R2.9, 100k accounts).
    surnameKey: text().notNull().default(''),
    firstNameKey: text().notNull().default(''),
    usernameKey: text().notNull().default(''),
    insz: char({ length: 11 }),
  },
  (t) => [
    uniqueIndex('memberships_domain_user').on(t.domainId, t.userId),
    index('memberships_domain_status_type').on(t.domainId, t.status, t.type),
    // The key columns are COLLATE "C" (migration 0002), so one btree serves both the prefix
    // filter (LIKE 'pee%') and the sort.
    index('memberships_domain_surname').on(t.domainId, t.surnameKey, t.userId),
    index('memberships_domain_first_name').on(t.domainId, t.firstNameKey, t.userId),
    index('memberships_domain_username').on(t.domainId, t.usernameKey, t.userId),
    index('memberships_domain_insz').on(t.domainId, t.insz),
    uniqueIndex('memberships_one_tb').on(t.domainId).where(sql`${t.type} = 'TB'`),
    index('memberships_user').on(t.userId),
    check('memberships_type_check', sql`${t.type} in ('TB', 'CO_TB', 'USER')`),
    check('memberships_status_check', sql`${t.status} in ('active', 'blocked')`),
  ],
);

/**
 * Member counts per domain × type × status × application ('*' = the membership itself),
 * kept by triggers (migration 0003): "N items gevonden" without counting 100k rows.
 */
export const membershipCounts = pgTable(
  'membership_counts',
  {
    domainId: uuid().notNull(),
    type: text().notNull(),
    status: text().notNull(),
    application: text().notNull(),
    n: integer().notNull(),
  },
  (t) => [primaryKey({ columns: [t.domainId, t.type, t.status, t.application] })],
);

export const membershipApplications = pgTable(
  'membership_applications',
  {
    membershipId: uuid()
      .notNull()
      .references(() => memberships.id, { onDelete: 'cascade' }),
    application: text().notNull(),
  },
  (t) => [primaryKey({ columns: [t.membershipId, t.application] }), index('membership_applications_app').on(t.application)],
);

/**
 * Audit log (R2.12): append-only. The application only inserts; a trigger (migration
 * 0001) refuses UPDATE and DELETE, so not even a bug can rewrite history.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
    actorUserId: uuid(),
    actorRole: text(),
    organisationId: uuid(),
    domainId: uuid(),
    action: text().notNull(),
    subjectUserId: uuid(),
    before: jsonb(),
    after: jsonb(),
  },
  (t) => [
    index('audit_log_org_at').on(t.organisationId, t.at),
    index('audit_log_domain_at').on(t.domainId, t.at),
    index('audit_log_subject').on(t.subjectUserId),
    index('audit_log_actor_action_at').on(t.actorUserId, t.action, t.at),
  ],
);

/**
 * Access log (issue 24): one row per read of a citizen's data — who, when, what, which INSZ,
 * which channel. Append-only (migration 0025): a trigger refuses UPDATE and TRUNCATE always,
 * and DELETE outside the retention purge (`SET LOCAL ocmw.retention_purge = 'on'`). The one
 * place that holds a national number next to who looked at it; readable only by the OCMW's
 * privacy officer (application `privacy-officer`). Owned by the privacy module.
 */
export const accessLog = pgTable(
  'access_log',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
    businessDate: date({ mode: 'string' }).notNull(),
    /** The OCMW whose data was read. */
    organisationId: uuid().notNull(),
    actorUserId: uuid(),
    actorRole: text(),
    /** A machine actor: the vendor's API client, a channel account, or the CLI's operator name. */
    actorAccount: text(),
    channel: text().notNull(),
    /** What was done, e.g. `help-request.read`, `dossier.read`, `users.export`. */
    action: text().notNull(),
    objectKind: text().notNull(),
    objectId: text(),
    insz: char({ length: 11 }),
  },
  (t) => [
    index('access_log_org_insz_at').on(t.organisationId, t.insz, t.at),
    index('access_log_org_at').on(t.organisationId, t.at),
    index('access_log_org_actor_at').on(t.organisationId, t.actorUserId, t.at),
    index('access_log_business_date').on(t.businessDate),
    check('access_log_channel_check', sql`${t.channel} in ('portal', 'vendor-api', 'institution-api', 'cli', 'sftp', 'file-https')`),
    check(
      'access_log_actor_check',
      sql`${t.actorUserId} is not null or ${t.actorAccount} is not null or ${t.channel} = 'cli'`,
    ),
  ],
);

/**
 * Retention (issue 24, migration 0026): the operator's changes to a kind's retention in days
 * (`ocmw privacy retention set`); a kind without a row keeps its default
 * (src/modules/privacy/retention-rules.ts). Owned by the privacy module.
 */
export const retentionSettings = pgTable(
  'retention_settings',
  {
    kind: text().primaryKey(),
    days: integer().notNull(),
    updatedBy: text().notNull(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check('retention_settings_days', sql`${t.days} >= 0 and ${t.days} <= 36525`)],
);

/**
 * The register of a citizen's requests (issue 24, migration 0028): each export and erasure by an
 * OCMW's privacy officer, with the INSZ and the officer's reason. Readable only by that
 * organisation's privacy officer (the audit log, which the managers read, says only that it
 * happened). Append-only like the access log (migration 0031: a trigger refuses UPDATE, TRUNCATE
 * and DELETE outside `subject_requests_purge(cutoff, max_rows)`, SECURITY DEFINER, which never
 * removes an entry younger than 3,650 days). Purged with the access log (kind `access-log`). Owned
 * by the privacy module.
 */
export const subjectRequests = pgTable(
  'subject_requests',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    organisationId: uuid()
      .notNull()
      .references(() => organisations.id),
    kind: text().notNull(),
    insz: char({ length: 11 }).notNull(),
    reason: text(),
    officerUserId: uuid().notNull(),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
    businessDate: date({ mode: 'string' }).notNull(),
    counts: jsonb().notNull().default(sql`'{}'::jsonb`),
  },
  (t) => [
    index('subject_requests_org_id').on(t.organisationId, t.id),
    index('subject_requests_business_date').on(t.businessDate),
    check('subject_requests_kind_check', sql`${t.kind} in ('export', 'erasure')`),
    check('subject_requests_reason_check', sql`${t.kind} <> 'erasure' or ${t.reason} is not null`),
  ],
);

/** Each purge (issue 24): the daily job claims its business date once across instances; counts per kind. */
export const retentionPurgeRuns = pgTable(
  'retention_purge_runs',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    businessDate: date({ mode: 'string' }).notNull(),
    trigger: text().notNull(),
    instance: text().notNull(),
    startedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp({ withTimezone: true }),
    counts: jsonb().notNull().default(sql`'{}'::jsonb`),
  },
  (t) => [
    uniqueIndex('retention_purge_runs_one_job_per_day').on(t.businessDate).where(sql`${t.trigger} = 'job'`),
    check('retention_purge_runs_trigger', sql`${t.trigger} in ('job', 'cli')`),
  ],
);

// ── platform (src/db/lockout.ts): login throttling per account name and source (issue 17) ──
export const loginThrottles = pgTable('login_throttles', {
  /** SHA-256 of kind, lower-cased name and source address. */
  key: text().primaryKey(),
  failedAttempts: integer().notNull(),
  lockedUntil: timestamp({ withTimezone: true }),
  lastAttemptAt: timestamp({ withTimezone: true }).notNull(),
});

// ── auth: sessions (in the database, so several instances share them: N6) ──────────────────

export const sessions = pgTable(
  'sessions',
  {
    /** SHA-256 of the session token: a stolen table does not give usable cookies. */
    idHash: text().primaryKey(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    csrfToken: text().notNull(),
    organisationId: uuid().references(() => organisations.id),
    domainId: uuid().references(() => domains.id),
    role: text(),
    createdAt: createdAt(),
    lastSeenAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    /** Issue 21: the identity provider of a session opened through OpenID Connect, and its ID token (the logout hint). */
    oidcProvider: text(),
    oidcIdToken: text(),
  },
  (t) => [index('sessions_user').on(t.userId), index('sessions_expires').on(t.expiresAt)],
);

/** Issue 21: a sign-in through an identity provider in progress (state SHA-256, single use; bound to the browser). */
export const oidcTransactions = pgTable(
  'oidc_transactions',
  {
    stateHash: text().primaryKey(),
    browserHash: text().notNull(),
    providerId: text().notNull(),
    nonce: text().notNull(),
    codeVerifier: text().notNull(),
    createdAt: createdAt(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [index('oidc_transactions_expires').on(t.expiresAt)],
);

/** Issue 21: a provider's subject linked to a person after a sign-in with their INSZ. */
export const oidcIdentities = pgTable(
  'oidc_identities',
  {
    providerId: text().notNull(),
    subject: text().notNull(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    linkedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    lastSignInAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ name: 'oidc_identities_pk', columns: [t.providerId, t.subject] }), index('oidc_identities_user').on(t.userId)],
);

// ── channels: ChaMan — senders, technical channel accounts, certificates, delegations (R3) ──

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (v) => Buffer.from(v),
});

/** A sender (R3.2): one per organisation × domain, with the contact data asked at first use. */
export const senders = pgTable(
  'senders',
  {
    domainId: uuid()
      .primaryKey()
      .references(() => domains.id),
    /** "Uw verzendernummer", assigned by the system. */
    senderNumber: integer().notNull().unique().default(sql`nextval('sender_numbers')`),
    contactName: text().notNull(),
    phoneCode: text().notNull(),
    phoneNumber: text().notNull(),
    email: text().notNull(),
    language: text().notNull(),
    createdAt: createdAt(),
    updatedAt: timestamp({ withTimezone: true }),
  },
);

export const channelAccounts = pgTable(
  'channel_accounts',
  {
    id: uuid().primaryKey().defaultRandom(),
    domainId: uuid()
      .notNull()
      .references(() => domains.id),
    kind: text().notNull(),
    name: text().notNull(),
    permissions: text().array().notNull(),
    /** FTP/SFTP only (R3.5, R3.6); the password is stored only as an argon2id hash. */
    username: text(),
    passwordHash: text(),
    /** FTP/SFTP: wrong passwords in a row at the channel login, and the lock they led to (N5). */
    failedAttempts: integer().notNull().default(0),
    lockedUntil: timestamp({ withTimezone: true }),
    /** REST only: internal (the OCMW uploads) or external (a technical intermediary does, R3.7). */
    management: text(),
    intermediaryOrganisationId: uuid().references(() => organisations.id),
    createdAt: createdAt(),
    updatedAt: timestamp({ withTimezone: true }),
    deletedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    // R3.3: at most one FTP, one SFTP and one SOAP account per domain.
    uniqueIndex('channel_accounts_one_per_kind').on(t.domainId, t.kind).where(sql`${t.kind} in ('FTP', 'SFTP', 'SOAP') and ${t.deletedAt} is null`),
    uniqueIndex('channel_accounts_ftp_username').on(sql`lower(${t.username})`).where(sql`${t.username} is not null and ${t.deletedAt} is null`),
    index('channel_accounts_domain').on(t.domainId),
    check('channel_accounts_kind_check', sql`${t.kind} in ('FTP', 'SFTP', 'SOAP', 'REST')`),
    check('channel_accounts_management_check', sql`${t.management} is null or ${t.management} in ('internal', 'external')`),
  ],
);

export const certificates = pgTable(
  'certificates',
  {
    id: uuid().primaryKey().defaultRandom(),
    accountId: uuid()
      .notNull()
      .references(() => channelAccounts.id),
    name: text().notNull(),
    /** SHA-256 of the DER, lowercase hex (R3.10). */
    fingerprint: text().notNull(),
    der: bytea().notNull(),
    subject: text().notNull(),
    issuer: text().notNull(),
    keyType: text().notNull(),
    signature: text().notNull(),
    selfSigned: boolean().notNull(),
    notBefore: timestamp({ withTimezone: true }).notNull(),
    notAfter: timestamp({ withTimezone: true }).notNull(),
    /** False once replaced or once its account is deleted. */
    isActive: boolean().notNull().default(true),
    uploadedBy: uuid(),
    uploadedByOrganisationId: uuid(),
    uploadedAt: createdAt(),
  },
  (t) => [
    // R3.10: one certificate cannot be active on two accounts.
    uniqueIndex('certificates_active_fingerprint').on(t.fingerprint).where(sql`${t.isActive}`),
    index('certificates_account').on(t.accountId),
    index('certificates_not_after').on(t.notAfter).where(sql`${t.isActive}`),
  ],
);

export const delegationRequests = pgTable(
  'delegation_requests',
  {
    id: uuid().primaryKey().defaultRandom(),
    domainId: uuid()
      .notNull()
      .references(() => domains.id),
    intermediaryOrganisationId: uuid()
      .notNull()
      .references(() => organisations.id),
    accountName: text().notNull(),
    permissions: text().array().notNull(),
    status: text().notNull().default('pending'),
    requestedBy: uuid(),
    requestedAt: createdAt(),
    decidedBy: uuid(),
    decidedAt: timestamp({ withTimezone: true }),
    reason: text(),
    accountId: uuid().references(() => channelAccounts.id),
  },
  (t) => [
    index('delegation_requests_domain').on(t.domainId, t.status),
    index('delegation_requests_intermediary').on(t.intermediaryOrganisationId, t.status),
    check('delegation_requests_status_check', sql`${t.status} in ('pending', 'accepted', 'refused', 'cancelled')`),
  ],
);

/** R3 (beyond the guide): one expiry warning per certificate per threshold (30 and 7 days). */
export const certificateExpiryNotices = pgTable(
  'certificate_expiry_notices',
  {
    certificateId: uuid()
      .notNull()
      .references(() => certificates.id),
    thresholdDays: integer().notNull(),
    sentOn: date({ mode: 'string' }).notNull(),
    mailId: uuid(),
  },
  (t) => [primaryKey({ columns: [t.certificateId, t.thresholdDays] })],
);

// ── notifications: every mail the system sends, with its delivery status ─────────────────────

export const mails = pgTable(
  'mails',
  {
    id: uuid().primaryKey().defaultRandom(),
    kind: text().notNull(),
    organisationId: uuid(),
    toAddress: text().notNull(),
    subject: text().notNull(),
    bodyText: text().notNull(),
    /**
     * queued → sending (taken by one process, claimed_at) → sent | failed (permanent), or outbox
     * when no SMTP server is configured (dev).
     */
    status: text().notNull().default('queued'),
    claimedAt: timestamp({ withTimezone: true }),
    /** A transient failure: the housekeeping job tries again from then on (backoff). */
    nextAttemptAt: timestamp({ withTimezone: true }),
    /** Retried until at least then (default created_at + 24 h; a resend starts a new window). */
    retryUntil: timestamp({ withTimezone: true }),
    attempts: integer().notNull().default(0),
    lastError: text(),
    createdAt: createdAt(),
    sentAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    index('mails_created').on(t.createdAt),
    index('mails_org').on(t.organisationId, t.createdAt),
    // The limit per address (countMailsToEach), read at every citizen submission.
    index('mails_to').on(t.kind, sql`lower(${t.toAddress})`, t.createdAt),
    // The housekeeping job's look for mails a stopped process left behind.
    index('mails_pending').on(t.createdAt).where(sql`${t.status} in ('queued', 'sending')`),
    check('mails_status_check', sql`${t.status} in ('queued', 'sending', 'sent', 'failed', 'outbox')`),
  ],
);

// ── configuration: OCMW-configuratie (R4) — mutation selection history and saved sections ────

/** R4.3/R4.4: a period during which the OCMW had a mutation type selected, [validFrom, validTo). */
export const mutationSelections = pgTable(
  'mutation_selections',
  {
    id: serial().primaryKey(),
    organisationId: uuid()
      .notNull()
      .references(() => organisations.id),
    mutationType: text().notNull(),
    validFrom: date({ mode: 'string' }).notNull(),
    validTo: date({ mode: 'string' }),
    selectedBy: uuid(),
    unselectedBy: uuid(),
  },
  (t) => [
    index('mutation_selections_org_type').on(t.organisationId, t.mutationType, t.validFrom),
    uniqueIndex('mutation_selections_one_open').on(t.organisationId, t.mutationType).where(sql`${t.validTo} is null`),
    check('mutation_selections_validity', sql`${t.validTo} is null or ${t.validTo} >= ${t.validFrom}`),
  ],
);

/** R4.5–R4.7: every save of a section is kept; the newest is the current one. */
export const configurationVersions = pgTable(
  'configuration_versions',
  {
    id: serial().primaryKey(),
    organisationId: uuid()
      .notNull()
      .references(() => organisations.id),
    section: text().notNull(),
    data: jsonb().notNull(),
    savedBy: uuid(),
    savedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('configuration_versions_current').on(t.organisationId, t.section, t.id),
    check('configuration_versions_section', sql`${t.section} in ('technical', 'contact', 'online')`),
  ],
);

// ── dossiers: social investigations (R9). Minimal here (issue #5 routes mutations by them);
//    issue #7 adds forms and A036 certificates. ─────────────────────────────────────────────

export const dossiers = pgTable(
  'dossiers',
  {
    id: uuid().primaryKey().defaultRandom(),
    organisationId: uuid()
      .notNull()
      .references(() => organisations.id),
    insz: char({ length: 11 }).notNull(),
    openedOn: date({ mode: 'string' }).notNull(),
    closedOn: date({ mode: 'string' }),
    createdAt: createdAt(),
  },
  (t) => [
    index('dossiers_insz').on(t.insz, t.organisationId),
    index('dossiers_org').on(t.organisationId),
    check('dossiers_period', sql`${t.closedOn} is null or ${t.closedOn} >= ${t.openedOn}`),
  ],
);

// ── mutations: data-change notices from the registers and their delivery (R5) ──────────────

export const mutations = pgTable(
  'mutations',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    type: text().notNull(),
    subType: text(),
    /** The selection code the OCMWs tick: the type, or type-subtype for MURA and MUPS. */
    code: text().notNull(),
    insz: char({ length: 11 }).notNull(),
    occurredAt: timestamp({ withTimezone: true }).notNull(),
    payload: jsonb().notNull(),
    source: text().notNull(),
    receivedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** The institution's token that delivered it (null: the CLI). */
    apiClientId: uuid().references(() => apiClients.id),
  },
  (t) => [index('mutations_insz').on(t.insz)],
);

export const mutationDeliveries = pgTable(
  'mutation_deliveries',
  {
    mutationId: bigint({ mode: 'number' })
      .notNull()
      .references(() => mutations.id),
    organisationId: uuid()
      .notNull()
      .references(() => organisations.id),
    /** The business date of delivery: the day's batch file of the OCMW. */
    batchDate: date({ mode: 'string' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.mutationId, t.organisationId] }), index('mutation_deliveries_batch').on(t.organisationId, t.batchDate)],
);

/** Machine credentials of institutions that deliver data (mutations, e-Box documents): bearer tokens, stored hashed. */
export const apiClients = pgTable(
  'api_clients',
  {
    id: uuid().primaryKey().defaultRandom(),
    organisationId: uuid()
      .notNull()
      .references(() => organisations.id),
    name: text().notNull(),
    tokenHash: text().notNull().unique(),
    createdAt: createdAt(),
    revokedAt: timestamp({ withTimezone: true }),
    /** SPEC §13: what the token may do (mutations:write, ebox:publish, ebox:publish-rsz, channel:read). */
    scopes: text().array().notNull().default(sql`'{}'`),
    expiresAt: timestamp({ withTimezone: true }),
  },
);

/** Every authenticated use of a machine credential (issue 17): which token, when, which route. */
export const apiClientUses = pgTable(
  'api_client_uses',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    clientId: uuid()
      .notNull()
      .references(() => apiClients.id),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
    method: text().notNull(),
    route: text().notNull(),
  },
  (t) => [index('api_client_uses_client_at').on(t.clientId, t.at)],
);

// ── help-requests: OCMW Online (R6). The request stays assigned to the OCMW it was sent or
//    forwarded to; which OCMW sees it on a date follows from the mergers (R6.7), so no row is
//    rewritten at a cut-over. ───────────────────────────────────────────────────────────────

// R6.3: a reference's number comes from the sequence help_reference_<year>, made on first use by
// help_reference_sequence(year) (migration 0020; not in this schema: one per receipt year).

export const helpRequests = pgTable(
  'help_requests',
  {
    id: uuid().primaryKey().defaultRandom(),
    reference: text().notNull().unique(),
    /** The OCMW it was sent to (competent on the receipt date) or last forwarded to. */
    organisationId: uuid()
      .notNull()
      .references(() => organisations.id),
    filedAt: timestamp({ withTimezone: true }).notNull(),
    /** R6.10: the filing day, or the next working day when filed on a weekend or legal holiday. */
    receivedOn: date({ mode: 'string' }).notNull(),
    /** R6.5′: the day it was filed (Brussels date of filedAt), from which the reminder delay counts. */
    filedOn: date({ mode: 'string' })
      .notNull()
      .generatedAlwaysAs(sql`(filed_at at time zone 'Europe/Brussels')::date`),
    language: text().notNull(),
    kinds: text().array().notNull(),
    postcode: varchar({ length: 4 }).notNull(),
    nis: char({ length: 5 }).notNull(),
    surname: text().notNull(),
    firstName: text().notNull(),
    insz: char({ length: 11 }),
    email: text(),
    phone: text(),
    message: text().notNull(),
    readAt: timestamp({ withTimezone: true }),
    readBy: text(),
    decidedAt: timestamp({ withTimezone: true }),
    decidedBy: text(),
    /** Issue 24: when the retention purge removed the person (name, INSZ, contact, free text). */
    pseudonymisedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    // The lists' order (received_on desc, filed_at desc, id desc): a keyset page is one range of it.
    index('help_requests_org').on(t.organisationId, t.receivedOn, t.filedAt, t.id),
    // The daily reminders (R6.5) and the "unread" filter read only the open requests.
    index('help_requests_due').on(t.organisationId, t.receivedOn, t.reference).where(sql`${t.readAt} is null and ${t.decidedAt} is null`),
    index('help_requests_reminders').on(t.organisationId, t.filedOn, t.reference).where(sql`${t.readAt} is null and ${t.decidedAt} is null`),
    check('help_requests_language', sql`${t.language} in ('nl', 'fr', 'de', 'en')`),
  ],
);

/** The history of a request: filed, each forwarding hop (R6.11), read, decided. */
export const helpRequestEvents = pgTable(
  'help_request_events',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    requestId: uuid()
      .notNull()
      .references(() => helpRequests.id),
    kind: text().notNull(),
    at: timestamp({ withTimezone: true }).notNull(),
    by: text(),
    fromOrganisationId: uuid().references(() => organisations.id),
    toOrganisationId: uuid().references(() => organisations.id),
    reason: text(),
  },
  (t) => [index('help_request_events_request').on(t.requestId, t.id), check('help_request_events_kind', sql`${t.kind} in ('filed', 'forwarded', 'read', 'decided')`)],
);

/** R6.5: one reminder per OCMW per day; the primary key makes a rerun or a second instance a no-op. */
export const helpRequestReminders = pgTable(
  'help_request_reminders',
  {
    organisationId: uuid()
      .notNull()
      .references(() => organisations.id),
    day: date({ mode: 'string' }).notNull(),
    mailId: uuid(),
    references: text().array().notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.day] })],
);

/**
 * Issue 17: the HMAC key of the public form's proof of work when OCMW_POW_SECRET is not set,
 * made once and shared by every instance on the database (one row).
 */
export const citizenProofSecret = pgTable(
  'citizen_proof_secret',
  {
    id: smallint().primaryKey().default(1),
    secret: text().notNull(),
    createdAt: createdAt(),
  },
  (t) => [check('citizen_proof_secret_one_row', sql`${t.id} = 1`)],
);

/** Issue 17: the signatures of solved challenges already used (a replay is refused on every instance) until they expire. */
export const citizenProofsSpent = pgTable(
  'citizen_proofs_spent',
  {
    signature: text().primaryKey(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [index('citizen_proofs_spent_expires').on(t.expiresAt)],
);

// ── dossiers (R9): forms of a social investigation — integration decisions and A036
//    certificates — with dates, status and the link a cut-over leaves between a stopped form
//    and its re-entry under the merged OCMW. ──────────────────────────────────────────────────

export const dossierForms = pgTable(
  'dossier_forms',
  {
    id: uuid().primaryKey().defaultRandom(),
    dossierId: uuid()
      .notNull()
      .references(() => dossiers.id),
    /** Copied from the dossier: the overlap rule and the cut-over select on them. */
    organisationId: uuid()
      .notNull()
      .references(() => organisations.id),
    insz: char({ length: 11 }).notNull(),
    /** integration (a decision such as the living wage) or a036 (multifunctional certificate). */
    kind: text().notNull(),
    /** The decision or certificate type, e.g. leefloon, equivalent-leefloon, medische-kosten. */
    subtype: text().notNull(),
    startDate: date({ mode: 'string' }).notNull(),
    endDate: date({ mode: 'string' }),
    status: text().notNull().default('running'),
    /** The form this one re-enters after a cut-over (R9.3). */
    predecessorId: uuid(),
    mergerId: integer(),
    createdBy: text(),
    createdAt: createdAt(),
    stoppedBy: text(),
    stoppedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    index('dossier_forms_person').on(t.organisationId, t.insz, t.kind),
    index('dossier_forms_running').on(t.organisationId).where(sql`${t.status} = 'running'`),
    index('dossier_forms_dossier').on(t.dossierId),
    check('dossier_forms_kind', sql`${t.kind} in ('integration', 'a036')`),
    check('dossier_forms_status', sql`${t.status} in ('running', 'stopped', 'cancelled')`),
    check('dossier_forms_period', sql`${t.endDate} is null or ${t.endDate} >= ${t.startDate}`),
  ],
);

/** R9.4: per OCMW, whether its software vendor re-enters the forms itself at a cut-over. */
export const dossierSettings = pgTable('dossier_settings', {
  organisationId: uuid()
    .primaryKey()
    .references(() => organisations.id),
  handledByVendor: boolean().notNull().default(false),
  updatedBy: text(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

// ── mailbox: the e-Box of each organisation (R10.1, R8.2) ───────────────────────────────────

export const eboxDocuments = pgTable(
  'ebox_documents',
  {
    id: uuid().primaryKey().defaultRandom(),
    organisationId: uuid()
      .notNull()
      .references(() => organisations.id),
    senderOrganisationId: uuid().references(() => organisations.id),
    senderName: text().notNull(),
    title: text().notNull(),
    /** A category of the institution's choice; RSZ documents need "Documenten RSZ in e-Box". */
    category: text().notNull(),
    messageType: text().notNull(),
    isRsz: boolean().notNull().default(false),
    /** The document's own date (as the sender gives it). */
    documentDate: date({ mode: 'string' }).notNull(),
    /** The main content; opening it marks the document read. */
    body: text().notNull(),
    attachmentName: text(),
    attachmentMime: text(),
    attachment: bytea(),
    attachmentSha256: text(),
    attachmentSize: integer(),
    receivedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp({ withTimezone: true }),
    readBy: text(),
    /** "Deleting" hides the document; a privileged user can show it again. */
    visible: boolean().notNull().default(true),
    hiddenAt: timestamp({ withTimezone: true }),
    hiddenBy: text(),
    /** Issue 23: also offered in /ebox/ of the OCMW's SFTP file channel. */
    channelDelivery: boolean().notNull().default(false),
  },
  (t) => [
    index('ebox_documents_org').on(t.organisationId, t.receivedAt),
    index('ebox_documents_unread').on(t.organisationId).where(sql`${t.readAt} is null and ${t.visible}`),
  ],
);

/** The nightly e-Box notification: one row per organisation per night (idempotency key). */
export const eboxNotifications = pgTable(
  'ebox_notifications',
  {
    organisationId: uuid()
      .notNull()
      .references(() => organisations.id),
    night: date({ mode: 'string' }).notNull(),
    mailId: uuid(),
    documents: integer().notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.night] })],
);

// ── file-channel: the SFTP server of the FTP/SFTP channel accounts (issue 23) ──────────────────

/** The SSH host key (one row): every instance on one database presents the same fingerprint. */
export const sftpHostKeys = pgTable(
  'sftp_host_keys',
  {
    id: integer().primaryKey(),
    privateKey: text().notNull(),
    fingerprint: text().notNull(),
    createdAt: createdAt(),
  },
  (t) => [check('sftp_host_keys_one_row', sql`${t.id} = 1`)],
);

/** A batch file an OCMW put in /in/ for an institution, kept once its upload closed cleanly. */
export const channelUploads = pgTable(
  'channel_uploads',
  {
    id: uuid().primaryKey().defaultRandom(),
    reference: text().notNull().unique(),
    organisationId: uuid()
      .notNull()
      .references(() => organisations.id),
    accountId: uuid()
      .notNull()
      .references(() => channelAccounts.id),
    institutionId: uuid()
      .notNull()
      .references(() => organisations.id),
    fileName: text().notNull(),
    size: integer().notNull(),
    sha256: text().notNull(),
    content: bytea().notNull(),
    receivedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    fetchedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    uniqueIndex('channel_uploads_same_file').on(t.organisationId, t.institutionId, t.sha256),
    index('channel_uploads_institution').on(t.institutionId, t.receivedAt),
  ],
);

// ── subsidy-report: the Uniek verslag per OCMW per subsidy year (R10.2) ─────────────────────

export const subsidyReports = pgTable(
  'subsidy_reports',
  {
    id: uuid().primaryKey().defaultRandom(),
    organisationId: uuid()
      .notNull()
      .references(() => organisations.id),
    year: integer().notNull(),
    status: text().notNull().default('draft'),
    createdBy: text(),
    createdAt: createdAt(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    submittedAt: timestamp({ withTimezone: true }),
    submittedBy: text(),
  },
  (t) => [uniqueIndex('subsidy_reports_org_year').on(t.organisationId, t.year), check('subsidy_reports_status', sql`${t.status} in ('draft', 'submitted')`)],
);

/** R10.2′: the filing window of one OCMW's year, reopened by a platform administrator until a date (audited). */
export const subsidyWindowReopenings = pgTable(
  'subsidy_window_reopenings',
  {
    organisationId: uuid()
      .notNull()
      .references(() => organisations.id),
    year: integer().notNull(),
    until: date({ mode: 'string' }).notNull(),
    reason: text().notNull(),
    reopenedBy: text().notNull(),
    reopenedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.year] })],
);

export const subsidyReportLines = pgTable(
  'subsidy_report_lines',
  {
    id: uuid().primaryKey().defaultRandom(),
    reportId: uuid()
      .notNull()
      .references(() => subsidyReports.id, { onDelete: 'cascade' }),
    position: integer().notNull(),
    subsidyType: text().notNull(),
    /** Euro cents, so sums are exact. */
    amountGrantedCents: bigint({ mode: 'number' }).notNull(),
    amountUsedCents: bigint({ mode: 'number' }).notNull(),
    justification: text().notNull(),
  },
  (t) => [
    index('subsidy_report_lines_report').on(t.reportId, t.position),
    check('subsidy_report_lines_amounts', sql`${t.amountGrantedCents} >= 0 and ${t.amountUsedCents} >= 0`),
  ],
);
