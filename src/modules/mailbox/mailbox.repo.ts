import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Db } from '../../db/db.js';
import { eboxDocuments } from '../../db/schema.js';

/**
 * SQL for the e-Box (R10.1, R8.2): `ebox_documents` and `ebox_notifications`. Reads the registry's
 * organisations and domains (sender KBO, the MW contact address) and, for the home-page warning,
 * the merger module's published view `organisation_statuses` with its merger's target.
 */

const iso = (column: string) => sql.raw(`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`);

export interface SummaryRow {
  id: string;
  /** The sender's name as stored at publication (Dutch); the fallback when there is no sender organisation. */
  senderName: string;
  senderKbo: string | null;
  /** The sending organisation's names today, null when the document has no sender organisation. */
  senderNameNl: string | null;
  senderNameFr: string | null;
  senderNameDe: string | null;
  title: string;
  category: string;
  messageType: string;
  isRsz: boolean;
  documentDate: string;
  receivedAt: string;
  readAt: string | null;
  visible: boolean;
  attachmentName: string | null;
  attachmentMime: string | null;
  attachmentSize: number | null;
  attachmentSha256: string | null;
}

export interface DetailRow extends SummaryRow {
  body: string;
  readBy: string | null;
  hiddenAt: string | null;
  hiddenBy: string | null;
}

const summaryColumns = sql`d.id, d.sender_name as "senderName", s.kbo as "senderKbo",
  s.name_nl as "senderNameNl", s.name_fr as "senderNameFr", s.name_de as "senderNameDe", d.title, d.category,
  d.message_type as "messageType", d.is_rsz as "isRsz", d.document_date::text as "documentDate",
  ${iso('d.received_at')} as "receivedAt", ${iso('d.read_at')} as "readAt", d.visible,
  d.attachment_name as "attachmentName", d.attachment_mime as "attachmentMime",
  d.attachment_size as "attachmentSize", d.attachment_sha256 as "attachmentSha256"`;

/** What the caller may see: RSZ documents only with "Documenten RSZ in e-Box", hidden ones only when privileged. */
export interface Scope {
  organisationId: string;
  includeRsz: boolean;
  includeHidden: boolean;
}

function scopeOf(s: Scope): SQL {
  const parts: SQL[] = [sql`d.organisation_id = ${s.organisationId}::uuid`];
  if (!s.includeRsz) parts.push(sql`not d.is_rsz`);
  if (!s.includeHidden) parts.push(sql`d.visible`);
  return sql.join(parts, sql` and `);
}

/**
 * Stores a document; the attachment travels as base64 and is decoded by the database (PGlite
 * binds a multi-megabyte bytea parameter an order of magnitude slower than the text).
 */
export async function insertDocument(db: Db, row: Omit<typeof eboxDocuments.$inferInsert, 'attachment'> & { attachmentBase64: string | null }): Promise<{ id: string }> {
  const { attachmentBase64, ...columns } = row;
  const [inserted] = await db
    .insert(eboxDocuments)
    .values({ ...columns, attachment: attachmentBase64 === null ? null : sql`decode(${attachmentBase64}, 'base64')` })
    .returning({ id: eboxDocuments.id });
  return inserted!;
}

export interface ListFilter {
  read?: boolean;
  visible: boolean;
  receivedAfter?: string;
  receivedBefore?: string;
  sender?: string;
  messageType?: string;
  category?: string;
}

function filterOf(f: ListFilter): SQL[] {
  const parts: SQL[] = [f.visible ? sql`d.visible` : sql`not d.visible`];
  if (f.read === true) parts.push(sql`d.read_at is not null`);
  if (f.read === false) parts.push(sql`d.read_at is null`);
  if (f.receivedAfter) parts.push(sql`d.received_at > ${f.receivedAfter}::timestamptz`);
  if (f.receivedBefore) parts.push(sql`d.received_at < ${f.receivedBefore}::timestamptz`);
  if (f.sender) {
    const pattern = `%${f.sender.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const digits = f.sender.replace(/[^0-9]/g, '');
    // The sender as the reader sees it (its name in any language) or as it was stored.
    const byName = sql`(d.sender_name ilike ${pattern} or s.name_nl ilike ${pattern} or s.name_fr ilike ${pattern} or s.name_de ilike ${pattern})`;
    parts.push(digits.length === 10 ? sql`(${byName} or s.kbo = ${digits})` : byName);
  }
  if (f.messageType) parts.push(sql`lower(d.message_type) = lower(${f.messageType})`);
  if (f.category) parts.push(sql`lower(d.category) = lower(${f.category})`);
  return parts;
}

/** One page of an organisation's documents in scope, newest first, with the total for paging. */
export async function listDocuments(db: Db, scope: Scope, f: ListFilter, offset: number, limit: number) {
  const where = sql.join([scopeOf(scope), ...filterOf(f)], sql` and `);
  const from = sql`from ebox_documents d left join organisations s on s.id = d.sender_organisation_id`;
  const rows = await queryRows<SummaryRow>(
    db,
    sql`select ${summaryColumns} ${from} where ${where} order by d.received_at desc, d.id limit ${limit} offset ${offset}`,
  );
  const [count] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n ${from} where ${where}`);
  return { rows, total: count?.n ?? 0 };
}

/** Unread, visible documents in scope (the badge and the home page). */
export async function countUnread(db: Db, scope: Scope): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from ebox_documents d where ${scopeOf({ ...scope, includeHidden: false })} and d.read_at is null`,
  );
  return row?.n ?? 0;
}

/** One document in scope, with its main content; undefined when absent or out of scope. */
export async function findDocument(db: Db, scope: Scope, id: string): Promise<DetailRow | undefined> {
  const [row] = await queryRows<DetailRow>(
    db,
    sql`select ${summaryColumns}, d.body, d.read_by as "readBy", ${iso('d.hidden_at')} as "hiddenAt", d.hidden_by as "hiddenBy"
        from ebox_documents d left join organisations s on s.id = d.sender_organisation_id
        where d.id = ${id}::uuid and ${scopeOf(scope)}`,
  );
  return row;
}

/** The attachment of a document in scope; undefined when absent, out of scope or without one. */
export async function findAttachment(db: Db, scope: Scope, id: string) {
  // Hex text, like the insert: much faster on PGlite than its bytea decoding, and the same on PostgreSQL.
  const [row] = await queryRows<{ name: string; mime: string; sha256: string; hex: string; title: string; body: string }>(
    db,
    sql`select d.attachment_name as name, d.attachment_mime as mime, d.attachment_sha256 as sha256, encode(d.attachment, 'hex') as hex, d.title, d.body
        from ebox_documents d
        where d.id = ${id}::uuid and ${scopeOf(scope)} and d.attachment is not null`,
  );
  // The title and body only say whose document it is (the access log's INSZ, issue 24); they are not sent.
  return row && { name: row.name, mime: row.mime, sha256: row.sha256, content: Buffer.from(row.hex, 'hex'), title: row.title, body: row.body };
}

/** Marks read once (the first opening counts); false when it already was. */
export async function markRead(db: Db, id: string, at: Date, by: string): Promise<boolean> {
  const rows = await queryRows<{ id: string }>(
    db,
    sql`update ebox_documents set read_at = ${at}, read_by = ${by} where id = ${id}::uuid and read_at is null returning id`,
  );
  return rows.length > 0;
}

/** Hides ("deletes") or shows a document again; false when it already was in that state. */
export async function setVisible(db: Db, id: string, visible: boolean, at: Date, by: string): Promise<boolean> {
  const rows = await queryRows<{ id: string }>(
    db,
    visible
      ? sql`update ebox_documents set visible = true, hidden_at = null, hidden_by = null where id = ${id}::uuid and not visible returning id`
      : sql`update ebox_documents set visible = false, hidden_at = ${at}, hidden_by = ${by} where id = ${id}::uuid and visible returning id`,
  );
  return rows.length > 0;
}

/**
 * The cutoff of a night's notification: the end of that Brussels day, or `now` when the night
 * is still going on (a document arriving later that night waits for the next run).
 */
export async function nightCutoff(db: Db, night: string, now: Date): Promise<Date> {
  const [row] = await queryRows<{ cutoff: string }>(
    db,
    sql`select to_char(least(((${night}::date + 1)::timestamp at time zone 'Europe/Brussels'), ${now.toISOString()}::timestamptz) at time zone 'UTC',
                       'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as cutoff`,
  );
  return new Date(row!.cutoff);
}

export interface ClaimedNotification {
  organisationId: string;
  documents: number;
  to: string;
  nameNl: string;
  nameFr: string | null;
  nameDe: string | null;
  areaNis: string[];
}

/**
 * Set-based claim of a night's notifications: per organisation with a Maatschappelijk Welzijn
 * contact address, the unread, visible documents received before the cutoff that no earlier
 * notification covered (one whose cutoff, kept in `created_at`, is after their arrival). The
 * (organisation, night) row is the idempotency key: a rerun or a second instance claims nothing.
 */
export async function claimNotifications(db: Db, night: string, cutoff: Date): Promise<ClaimedNotification[]> {
  const at = cutoff.toISOString();
  return queryRows<ClaimedNotification>(
    db,
    sql`with due as (
          select d.organisation_id, count(*)::int as documents
          from ebox_documents d
          where d.read_at is null and d.visible and d.received_at < ${at}::timestamptz
            and not exists (
              select 1 from ebox_notifications n where n.organisation_id = d.organisation_id and n.created_at > d.received_at
            )
          group by d.organisation_id
        ), claimed as (
          insert into ebox_notifications (organisation_id, night, documents, created_at)
          select due.organisation_id, ${night}::date, due.documents, ${at}::timestamptz
          from due
          join domains dom on dom.organisation_id = due.organisation_id and dom.code = 'MW'
          where coalesce(dom.contact_email, '') <> ''
          on conflict do nothing
          returning organisation_id, documents
        )
        select c.organisation_id as "organisationId", c.documents, dom.contact_email as "to", n.name_nl as "nameNl",
               n.name_fr as "nameFr", n.name_de as "nameDe",
               -- the municipalities it serves that night: its correspondence language(s), issue 18
               array(select a.nis from ocmw_areas a where a.organisation_id = c.organisation_id
                       and a.valid_from <= ${night}::date and (a.valid_to is null or a.valid_to > ${night}::date)) as "areaNis"
        from claimed c
        join domains dom on dom.organisation_id = c.organisation_id and dom.code = 'MW'
        join organisations o on o.id = c.organisation_id
        cross join lateral organisation_name_on(o.id, ${night}::date) n -- R1.6: the name of that night
        order by o.kbo`,
  );
}

export async function setNotificationMail(db: Db, organisationId: string, night: string, mailId: string): Promise<void> {
  await db.execute(sql`update ebox_notifications set mail_id = ${mailId}::uuid where organisation_id = ${organisationId}::uuid and night = ${night}::date`);
}
