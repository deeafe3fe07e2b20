import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { pgArray } from '../../db/arrays.js';
import { queryRows, type Db } from '../../db/db.js';
import { lockAllForTransaction } from '../../db/lock.js';
import { subjectRequests } from '../../db/schema.js';
import { formatInsz } from '../../shared/identifiers.js';
import { dossiersRepo } from '../dossiers/index.js';
import { acknowledgementLockKey } from '../help-requests/index.js';
import { PSEUDONYMISE_HELP_REQUEST } from './retention.repo.js';

/**
 * SQL of a citizen's request (issue 24, GDPR art. 15/17): everything one OCMW holds on one INSZ in
 * the portal, read across the modules' tables (the privacy officer's view is the whole portal, as
 * the retention purge's is), and the erasures the law allows. Always scoped to one organisation.
 */

const iso = z.union([z.date(), z.string()]).transform((v) => (v instanceof Date ? v.toISOString() : new Date(v).toISOString()));
const isoOrNull = iso.nullable();
const day = z.union([z.date(), z.string()]).transform((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v.slice(0, 10)));

const HelpRequestRow = z.object({
  id: z.string(),
  reference: z.string(),
  filedAt: iso,
  receivedOn: day,
  language: z.string(),
  kinds: z.array(z.string()),
  postcode: z.string(),
  nis: z.string(),
  surname: z.string(),
  firstName: z.string(),
  insz: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  message: z.string(),
  readAt: isoOrNull,
  decidedAt: isoOrNull,
  events: z.array(z.object({ kind: z.string(), at: z.string(), by: z.string().nullable(), reason: z.string().nullable() })),
});

const FormRow = z.object({
  id: z.string(),
  dossierId: z.string(),
  kind: z.string(),
  subtype: z.string(),
  startDate: day,
  endDate: day.nullable(),
  status: z.string(),
  createdAt: iso,
  createdBy: z.string().nullable(),
  stoppedAt: isoOrNull,
  stoppedBy: z.string().nullable(),
  dossierOpenedOn: day,
  dossierClosedOn: day.nullable(),
});

const EboxRow = z.object({
  id: z.string(),
  senderName: z.string(),
  title: z.string(),
  category: z.string(),
  messageType: z.string(),
  documentDate: day,
  body: z.string(),
  receivedAt: iso,
  readAt: isoOrNull,
  attachmentName: z.string().nullable(),
  attachmentMime: z.string().nullable(),
  attachment: z.instanceof(Uint8Array).nullable(),
});

const MutationRow = z.object({
  id: z.coerce.number(),
  type: z.string(),
  subType: z.string().nullable(),
  occurredAt: iso,
  receivedAt: iso,
  source: z.string(),
  payload: z.unknown(),
  batchDate: day,
});

const MailRow = z.object({ id: z.string(), kind: z.string(), toAddress: z.string(), subject: z.string(), bodyText: z.string(), status: z.string(), createdAt: iso, sentAt: isoOrNull });

const AccountRow = z.object({
  username: z.string(),
  surname: z.string(),
  firstName: z.string(),
  email: z.string(),
  language: z.string(),
  createdAt: iso,
  memberships: z.array(z.object({ domain: z.string(), type: z.string(), status: z.string(), localEmail: z.string().nullable(), applications: z.array(z.string()) })),
  managerRole: z.string().nullable(),
});

const AccessRow = z.object({
  at: iso,
  businessDate: day,
  actorUserId: z.string().nullable(),
  actorRole: z.string().nullable(),
  actorAccount: z.string().nullable(),
  channel: z.string(),
  action: z.string(),
  objectKind: z.string(),
  objectId: z.string().nullable(),
});

export type SubjectHelpRequest = z.infer<typeof HelpRequestRow>;
export type SubjectForm = z.infer<typeof FormRow>;
export type SubjectEboxDocument = z.infer<typeof EboxRow>;

export interface SubjectData {
  helpRequests: SubjectHelpRequest[];
  dossierForms: SubjectForm[];
  eboxDocuments: SubjectEboxDocument[];
  mutations: z.infer<typeof MutationRow>[];
  mails: z.infer<typeof MailRow>[];
  userAccount: z.infer<typeof AccountRow> | null;
  accessLog: z.infer<typeof AccessRow>[];
}

const parse = <T>(schema: z.ZodType<T>, rows: unknown[]): T[] => rows.map((r) => schema.parse(r));

/** The person's help requests at the OCMW (pseudonymised ones no longer carry the INSZ). */
function helpRequests(db: Db, org: string, insz: string) {
  return queryRows<unknown>(
    db,
    sql`select h.id, h.reference, h.filed_at as "filedAt", h.received_on as "receivedOn", h.language, h.kinds, h.postcode, h.nis,
          h.surname, h.first_name as "firstName", h.insz, h.email, h.phone, h.message, h.read_at as "readAt", h.decided_at as "decidedAt",
          coalesce((select json_agg(json_build_object('kind', e.kind, 'at', e.at, 'by', e.by, 'reason', e.reason) order by e.id)
                    from help_request_events e where e.request_id = h.id), '[]'::json) as events
        from help_requests h where h.organisation_id = ${org} and h.insz = ${insz} order by h.filed_at`,
  );
}

/**
 * The e-Box has no person field: a document concerns the person when its title, body or
 * attachment name carries the INSZ, as digits or written YY.MM.DD-XXX.CC, standing alone (not
 * inside a longer number: review, issue 24).
 */
function eboxMatch(insz: string) {
  const alone = (s: string) => `(^|[^0-9])${s.replace(/[.-]/g, (c) => `\\${c}`)}([^0-9]|$)`;
  const patterns = [alone(insz), alone(formatInsz(insz))];
  return sql`(title ~ any(${pgArray(patterns, 'text')}) or body ~ any(${pgArray(patterns, 'text')}) or coalesce(attachment_name, '') ~ any(${pgArray(patterns, 'text')}))`;
}

/** Everything the organisation holds on the INSZ in the portal. */
export async function readSubject(db: Db, org: string, insz: string): Promise<SubjectData> {
  const requests = parse(HelpRequestRow, await helpRequests(db, org, insz));
  const forms = await queryRows<unknown>(
    db,
    sql`select f.id, f.dossier_id as "dossierId", f.kind, f.subtype, f.start_date as "startDate", f.end_date as "endDate", f.status,
          f.created_at as "createdAt", f.created_by as "createdBy", f.stopped_at as "stoppedAt", f.stopped_by as "stoppedBy",
          d.opened_on as "dossierOpenedOn", d.closed_on as "dossierClosedOn"
        from dossier_forms f join dossiers d on d.id = f.dossier_id
        where f.organisation_id = ${org} and f.insz = ${insz} order by f.start_date, f.created_at`,
  );
  const documents = await queryRows<unknown>(
    db,
    sql`select id, sender_name as "senderName", title, category, message_type as "messageType", document_date as "documentDate", body,
          received_at as "receivedAt", read_at as "readAt", attachment_name as "attachmentName", attachment_mime as "attachmentMime", attachment
        from ebox_documents where organisation_id = ${org} and ${eboxMatch(insz)} order by received_at`,
  );
  const mutations = await queryRows<unknown>(
    db,
    sql`select m.id, m.type, m.sub_type as "subType", m.occurred_at as "occurredAt", m.received_at as "receivedAt", m.source, m.payload, d.batch_date as "batchDate"
        from mutations m join mutation_deliveries d on d.mutation_id = m.id
        where d.organisation_id = ${org} and m.insz = ${insz} order by m.received_at, m.id`,
  );
  const [account] = await queryRows<unknown>(
    db,
    sql`select u.username, u.surname, u.first_name as "firstName", u.email, u.language, u.created_at as "createdAt",
          coalesce((select json_agg(json_build_object('domain', d.code, 'type', m.type, 'status', m.status, 'localEmail', m.local_email,
                      'applications', coalesce((select json_agg(a.application order by a.application) from membership_applications a where a.membership_id = m.id), '[]'::json))
                    order by d.code)
                    from memberships m join domains d on d.id = m.domain_id where m.user_id = u.id and d.organisation_id = ${org}), '[]'::json) as memberships,
          (select om.role from organisation_managers om where om.user_id = u.id and om.organisation_id = ${org}) as "managerRole"
        from users u where u.insz = ${insz}
          and (exists (select 1 from memberships m join domains d on d.id = m.domain_id where m.user_id = u.id and d.organisation_id = ${org})
               or exists (select 1 from organisation_managers om where om.user_id = u.id and om.organisation_id = ${org}))`,
  );
  const userAccount = account ? AccountRow.parse(account) : null;
  // The mails the portal sent the person: the acknowledgement of each of their requests, to the address
  // given with it and naming its reference. Not a mail merely sent to an address they typed: a citizen
  // who gives the OCMW's own address must not receive (or erase) its notifications and reminders,
  // which name other citizens' requests (review, issue 24). The other kinds all go to an organisation.
  const addresses = [...new Set(requests.map((r) => r.email).filter((e): e is string => !!e).map((e) => e.toLowerCase()))];
  const references = requests.map((r) => `%${r.reference}%`);
  const mails = addresses.length
    ? await queryRows<unknown>(
        db,
        sql`select id, kind, to_address as "toAddress", subject, body_text as "bodyText", status, created_at as "createdAt", sent_at as "sentAt"
            from mails where kind = 'online-acknowledgement' and lower(to_address) = any(${pgArray(addresses, 'text')})
              and (subject ilike any(${pgArray(references, 'text')}) or body_text ilike any(${pgArray(references, 'text')}))
            order by created_at`,
      )
    : [];
  const accessLog = await queryRows<unknown>(
    db,
    sql`select at, business_date as "businessDate", actor_user_id as "actorUserId", actor_role as "actorRole", actor_account as "actorAccount",
          channel, action, object_kind as "objectKind", object_id as "objectId"
        from access_log where organisation_id = ${org} and insz = ${insz} order by at, id`,
  );
  return {
    helpRequests: requests,
    dossierForms: parse(FormRow, forms),
    eboxDocuments: parse(EboxRow, documents),
    mutations: parse(MutationRow, mutations),
    mails: parse(MailRow, mails),
    userAccount,
    accessLog: parse(AccessRow, accessLog),
  };
}

/**
 * Before an erasure reads the person's data (review, issue 24): locks what the erasure checks and
 * changes, so that nothing about the person is decided, stopped, queued or re-sent between its read
 * and its commit. In one order, always: the person's help requests (`FOR UPDATE`, by id: a decision,
 * a forward or a read waits); then the advisory locks the writers of new rows take — the dossiers
 * module's per-person lock of a form's registration (`<organisation>:<insz>`) and the submissions'
 * per-address lock of an acknowledgement (`online-acknowledgement:<address>`), so a registration or
 * an acknowledgement in flight either commits first (and the read sees it) or waits until after;
 * then the person's forms and acknowledgements (`FOR UPDATE`, by id: a stop, a resend or a delivery
 * waits). Row locks and advisory locks work alike on PGlite (one connection) and the server.
 */
export async function lockSubject(tx: Db, org: string, insz: string): Promise<void> {
  const requests = z.array(z.object({ email: z.string().nullable() })).parse(
    await queryRows<unknown>(tx, sql`select email from help_requests where organisation_id = ${org} and insz = ${insz} order by id for update`),
  );
  const addresses = [...new Set(requests.map((r) => r.email?.toLowerCase()).filter((e): e is string => !!e))];
  await lockAllForTransaction(tx, [dossiersRepo.personLockKey(org, insz), ...addresses.map(acknowledgementLockKey)]);
  await tx.execute(sql`select id from dossier_forms where organisation_id = ${org} and insz = ${insz} order by id for update`);
  if (addresses.length) {
    await tx.execute(sql`select id from mails where kind = 'online-acknowledgement' and lower(to_address) = any(${pgArray(addresses, 'text')}) order by id for update`);
  }
}

/**
 * Erases the person from decided help requests (the same pseudonymisation as the retention purge:
 * the reference, dates, kinds and municipality stay for the counts) and their forwarding reasons;
 * the number of requests changed.
 */
export async function pseudonymiseHelpRequests(tx: Db, ids: string[]): Promise<number> {
  if (ids.length === 0) return 0;
  await tx.execute(sql`update help_request_events set reason = null where request_id = any(${pgArray(ids, 'uuid')}) and reason is not null`);
  const rows = await queryRows<unknown>(
    tx,
    sql`with changed as (
          update help_requests set ${sql.raw(PSEUDONYMISE_HELP_REQUEST)}
          where id = any(${pgArray(ids, 'uuid')}) and decided_at is not null returning 1)
        select count(*)::int as n from changed`,
  );
  return z.object({ n: z.number() }).parse(rows[0]).n;
}

/**
 * Deletes the person's acknowledgements, whatever their status: a queued one is then never sent,
 * and one being sent is not tried again (notifications checks the row before each retry); only a
 * hand-over to the SMTP server already under way cannot be recalled. The number deleted.
 */
export async function deleteMails(tx: Db, ids: string[]): Promise<number> {
  if (ids.length === 0) return 0;
  const rows = await queryRows<unknown>(
    tx,
    sql`with gone as (delete from mails where id = any(${pgArray(ids, 'uuid')}) returning 1) select count(*)::int as n from gone`,
  );
  return z.object({ n: z.number() }).parse(rows[0]).n;
}

/** Deletes forms past their term, and their dossiers when closed and left without forms; the number of forms deleted. */
export async function deleteForms(tx: Db, ids: string[]): Promise<number> {
  if (ids.length === 0) return 0;
  const rows = await queryRows<unknown>(
    tx,
    sql`with gone as (delete from dossier_forms where id = any(${pgArray(ids, 'uuid')}) and status <> 'running' returning dossier_id)
        select count(*)::int as n, coalesce(array_agg(distinct dossier_id), '{}') as dossiers from gone`,
  );
  const { n, dossiers } = z.object({ n: z.number(), dossiers: z.array(z.string()) }).parse(rows[0]);
  if (dossiers.length) {
    await tx.execute(sql`delete from dossiers d where d.id = any(${pgArray(dossiers, 'uuid')}) and d.closed_on is not null
                         and not exists (select 1 from dossier_forms f where f.dossier_id = d.id)`);
  }
  return n;
}


const RegisterRow = z.object({
  id: z.coerce.number(),
  kind: z.enum(['export', 'erasure']),
  insz: z.string(),
  reason: z.string().nullable(),
  officer: z.string().nullable(),
  at: iso,
  businessDate: day,
  counts: z.record(z.string(), z.number()),
});
export type RegisterRow = z.infer<typeof RegisterRow>;

/** Adds a citizen's request to the organisation's register (the privacy officer's own history, migration 0028). */
export async function insertRegisterEntry(
  tx: Db,
  entry: { organisationId: string; kind: 'export' | 'erasure'; insz: string; reason: string | null; officerUserId: string; businessDate: string; counts: Record<string, number> },
): Promise<void> {
  await tx.insert(subjectRequests).values(entry);
}

/** A page of the organisation's register, newest first, with the officer's username; and the total. */
export async function listRegister(db: Db, organisationId: string, offset: number, limit: number): Promise<{ rows: RegisterRow[]; total: number }> {
  const rows = await queryRows<unknown>(
    db,
    sql`select s.id, s.kind, s.insz, s.reason, u.username as officer, s.at, s.business_date as "businessDate", s.counts
        from subject_requests s left join users u on u.id = s.officer_user_id
        where s.organisation_id = ${organisationId} order by s.id desc limit ${limit} offset ${offset}`,
  );
  const [count] = await queryRows<unknown>(db, sql`select count(*)::int as n from subject_requests where organisation_id = ${organisationId}`);
  return { rows: parse(RegisterRow, rows), total: z.object({ n: z.number() }).parse(count).n };
}
