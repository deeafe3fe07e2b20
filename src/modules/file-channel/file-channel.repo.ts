import { and, desc, eq, gte, isNotNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/db.js';
import { channelUploads, eboxDocuments, organisations, sftpHostKeys } from '../../db/schema.js';

/** The SSH host key, if one was made already. */
export async function findHostKey(db: Db): Promise<{ privateKey: string; fingerprint: string } | undefined> {
  const [row] = await db.select({ privateKey: sftpHostKeys.privateKey, fingerprint: sftpHostKeys.fingerprint }).from(sftpHostKeys).where(eq(sftpHostKeys.id, 1));
  return row;
}

/** Stores the host key unless another instance stored one first (then theirs stays). */
export async function insertHostKey(db: Db, key: { privateKey: string; fingerprint: string }): Promise<void> {
  await db.insert(sftpHostKeys).values({ id: 1, ...key }).onConflictDoNothing();
}

const uploadColumns = {
  id: channelUploads.id,
  reference: channelUploads.reference,
  organisationId: channelUploads.organisationId,
  institutionId: channelUploads.institutionId,
  institutionKbo: organisations.kbo,
  fileName: channelUploads.fileName,
  size: channelUploads.size,
  sha256: channelUploads.sha256,
  receivedAt: channelUploads.receivedAt,
  fetchedAt: channelUploads.fetchedAt,
};
export type UploadRow = { id: string; reference: string; organisationId: string; institutionId: string; institutionKbo: string; fileName: string; size: number; sha256: string; receivedAt: Date; fetchedAt: Date | null };

/** Inserts an accepted upload; undefined when the same bytes from this OCMW to this institution are there already. */
export async function insertUpload(db: Db, row: typeof channelUploads.$inferInsert): Promise<{ id: string } | undefined> {
  const [inserted] = await db.insert(channelUploads).values(row).onConflictDoNothing().returning({ id: channelUploads.id });
  return inserted;
}

/** The upload with the same bytes from this OCMW to this institution. */
export async function findSameUpload(db: Db, organisationId: string, institutionId: string, sha256: string): Promise<UploadRow | undefined> {
  const [row] = await db
    .select(uploadColumns)
    .from(channelUploads)
    .innerJoin(organisations, eq(organisations.id, channelUploads.institutionId))
    .where(and(eq(channelUploads.organisationId, organisationId), eq(channelUploads.institutionId, institutionId), eq(channelUploads.sha256, sha256)));
  return row;
}

/** An OCMW's uploads (their acknowledgements), newest first. */
export async function listUploadsOf(db: Db, organisationId: string): Promise<UploadRow[]> {
  return db
    .select(uploadColumns)
    .from(channelUploads)
    .innerJoin(organisations, eq(organisations.id, channelUploads.institutionId))
    .where(eq(channelUploads.organisationId, organisationId))
    .orderBy(desc(channelUploads.receivedAt))
    .limit(1000);
}

/** The files addressed to an institution, newest first (a page). */
export async function listUploadsFor(db: Db, institutionId: string, offset: number, limit: number): Promise<{ rows: (UploadRow & { senderKbo: string })[]; total: number }> {
  const sender = sql<string>`(select o.kbo from organisations o where o.id = ${channelUploads.organisationId})`;
  const rows = await db
    .select({ ...uploadColumns, senderKbo: sender })
    .from(channelUploads)
    .innerJoin(organisations, eq(organisations.id, channelUploads.institutionId))
    .where(eq(channelUploads.institutionId, institutionId))
    .orderBy(desc(channelUploads.receivedAt))
    .offset(offset)
    .limit(limit);
  const [count] = await db.select({ n: sql<number>`count(*)::int` }).from(channelUploads).where(eq(channelUploads.institutionId, institutionId));
  return { rows, total: count?.n ?? 0 };
}

/** One file addressed to the institution, with its bytes; marks it fetched the first time. */
export async function fetchUploadFor(db: Db, institutionId: string, id: string, now: Date) {
  const [row] = await db
    .update(channelUploads)
    .set({ fetchedAt: sql`coalesce(${channelUploads.fetchedAt}, ${now.toISOString()}::timestamptz)` })
    .where(and(eq(channelUploads.id, id), eq(channelUploads.institutionId, institutionId)))
    .returning({ reference: channelUploads.reference, fileName: channelUploads.fileName, sha256: channelUploads.sha256, content: channelUploads.content, organisationId: channelUploads.organisationId });
  return row;
}

/** The e-Box attachments published for channel delivery to the OCMW since the date (retention). */
export async function listEboxFiles(db: Db, organisationId: string, since: Date) {
  return db
    .select({ id: eboxDocuments.id, attachmentName: eboxDocuments.attachmentName, size: eboxDocuments.attachmentSize, receivedAt: eboxDocuments.receivedAt })
    .from(eboxDocuments)
    // Never RSZ documents: in the portal they need "Documenten RSZ in e-Box", which no channel carries.
    .where(and(eq(eboxDocuments.organisationId, organisationId), eq(eboxDocuments.channelDelivery, true), eq(eboxDocuments.isRsz, false), eq(eboxDocuments.visible, true), isNotNull(eboxDocuments.attachment), gte(eboxDocuments.receivedAt, since)))
    .orderBy(desc(eboxDocuments.receivedAt))
    .limit(1000);
}

/**
 * One e-Box attachment's bytes (the caller checked it is the OCMW's and published for the channel),
 * with the document's texts, which say whose it is (the access log's INSZ, issue 24; not sent).
 */
export async function eboxAttachment(db: Db, organisationId: string, id: string): Promise<{ content: Buffer; texts: string[] } | undefined> {
  const [row] = await db
    .select({ content: eboxDocuments.attachment, title: eboxDocuments.title, body: eboxDocuments.body, name: eboxDocuments.attachmentName })
    .from(eboxDocuments)
    .where(and(eq(eboxDocuments.id, id), eq(eboxDocuments.organisationId, organisationId)));
  return row?.content ? { content: row.content, texts: [row.title, row.body, row.name ?? ''] } : undefined;
}
