import { and, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../db/db.js';
import { certificateExpiryNotices, certificates, channelAccounts, delegationRequests, senders } from '../../db/schema.js';

/** SQL for ChaMan's tables: senders, channel accounts, certificates, delegation requests. */

export type SenderRow = typeof senders.$inferSelect;
export type AccountRow = typeof channelAccounts.$inferSelect;
export type CertificateRow = Omit<typeof certificates.$inferSelect, 'der'>;
export type DelegationRow = typeof delegationRequests.$inferSelect;

export async function findSender(db: Db, domainId: string): Promise<SenderRow | undefined> {
  const [row] = await db.select().from(senders).where(eq(senders.domainId, domainId));
  return row;
}

export async function upsertSender(db: Db, row: Omit<typeof senders.$inferInsert, 'senderNumber' | 'createdAt'>, now: Date): Promise<SenderRow> {
  const [r] = await db
    .insert(senders)
    .values(row)
    .onConflictDoUpdate({
      target: senders.domainId,
      set: { contactName: row.contactName, phoneCode: row.phoneCode, phoneNumber: row.phoneNumber, email: row.email, language: row.language, updatedAt: now },
    })
    .returning();
  return r!;
}

export async function listAccounts(db: Db, domainId: string): Promise<AccountRow[]> {
  return db
    .select()
    .from(channelAccounts)
    .where(and(eq(channelAccounts.domainId, domainId), isNull(channelAccounts.deletedAt)))
    .orderBy(channelAccounts.kind, channelAccounts.name);
}

/** The REST accounts of other organisations that an intermediary manages (it accepted their delegation, R3.8). */
export async function listManagedAccounts(db: Db, intermediaryOrganisationId: string): Promise<AccountRow[]> {
  return db
    .select()
    .from(channelAccounts)
    .where(and(eq(channelAccounts.intermediaryOrganisationId, intermediaryOrganisationId), eq(channelAccounts.management, 'external'), isNull(channelAccounts.deletedAt)))
    .orderBy(channelAccounts.name);
}

/** Locks a live (not deleted) account's row until the transaction ends; false when there is none. */
export async function lockLiveAccount(db: Db, id: string): Promise<boolean> {
  const rows = await db.select({ id: channelAccounts.id }).from(channelAccounts).where(and(eq(channelAccounts.id, id), isNull(channelAccounts.deletedAt))).for('update');
  return rows.length > 0;
}

export async function findAccount(db: Db, id: string): Promise<AccountRow | undefined> {
  const [row] = await db
    .select()
    .from(channelAccounts)
    .where(and(eq(channelAccounts.id, id), isNull(channelAccounts.deletedAt)));
  return row;
}

export async function findAccountOfKind(db: Db, domainId: string, kind: string): Promise<AccountRow | undefined> {
  const [row] = await db
    .select()
    .from(channelAccounts)
    .where(and(eq(channelAccounts.domainId, domainId), eq(channelAccounts.kind, kind), isNull(channelAccounts.deletedAt)));
  return row;
}

export async function isFtpUsernameTaken(db: Db, username: string): Promise<boolean> {
  const [row] = await db
    .select({ id: channelAccounts.id })
    .from(channelAccounts)
    .where(sql`lower(${channelAccounts.username}) = lower(${username}) and ${channelAccounts.deletedAt} is null`);
  return row !== undefined;
}

export async function insertAccount(db: Db, row: typeof channelAccounts.$inferInsert): Promise<AccountRow> {
  const [r] = await db.insert(channelAccounts).values(row).returning();
  return r!;
}

export async function updateAccount(db: Db, id: string, fields: Partial<typeof channelAccounts.$inferInsert>): Promise<void> {
  await db.update(channelAccounts).set(fields).where(eq(channelAccounts.id, id));
}

const certificateColumns = {
  id: certificates.id,
  accountId: certificates.accountId,
  name: certificates.name,
  fingerprint: certificates.fingerprint,
  subject: certificates.subject,
  issuer: certificates.issuer,
  keyType: certificates.keyType,
  signature: certificates.signature,
  selfSigned: certificates.selfSigned,
  notBefore: certificates.notBefore,
  notAfter: certificates.notAfter,
  isActive: certificates.isActive,
  uploadedBy: certificates.uploadedBy,
  uploadedByOrganisationId: certificates.uploadedByOrganisationId,
  uploadedAt: certificates.uploadedAt,
};

export async function activeCertificates(db: Db, accountIds: string[]): Promise<CertificateRow[]> {
  if (accountIds.length === 0) return [];
  return db
    .select(certificateColumns)
    .from(certificates)
    .where(and(inArray(certificates.accountId, accountIds), eq(certificates.isActive, true)));
}

export async function isFingerprintActive(db: Db, fingerprint: string): Promise<boolean> {
  const [row] = await db
    .select({ id: certificates.id })
    .from(certificates)
    .where(and(eq(certificates.fingerprint, fingerprint), eq(certificates.isActive, true)));
  return row !== undefined;
}

export async function insertCertificate(db: Db, row: typeof certificates.$inferInsert): Promise<void> {
  await db.insert(certificates).values(row);
}

export async function deactivateCertificates(db: Db, accountId: string): Promise<void> {
  await db.update(certificates).set({ isActive: false }).where(and(eq(certificates.accountId, accountId), eq(certificates.isActive, true)));
}

export async function insertDelegation(db: Db, row: typeof delegationRequests.$inferInsert): Promise<DelegationRow> {
  const [r] = await db.insert(delegationRequests).values(row).returning();
  return r!;
}

export async function findDelegation(db: Db, id: string): Promise<DelegationRow | undefined> {
  const [row] = await db.select().from(delegationRequests).where(eq(delegationRequests.id, id)).for('update');
  return row;
}

export async function findDelegationUnlocked(db: Db, id: string): Promise<DelegationRow | undefined> {
  const [row] = await db.select().from(delegationRequests).where(eq(delegationRequests.id, id));
  return row;
}

export async function updateDelegation(db: Db, id: string, fields: Partial<typeof delegationRequests.$inferInsert>): Promise<void> {
  await db.update(delegationRequests).set(fields).where(eq(delegationRequests.id, id));
}

export async function listDelegations(db: Db, filter: { domainId?: string; intermediaryId?: string; status?: string }): Promise<DelegationRow[]> {
  return db
    .select()
    .from(delegationRequests)
    .where(
      and(
        filter.domainId ? eq(delegationRequests.domainId, filter.domainId) : undefined,
        filter.intermediaryId ? eq(delegationRequests.intermediaryOrganisationId, filter.intermediaryId) : undefined,
        filter.status ? eq(delegationRequests.status, filter.status) : undefined,
      ),
    )
    .orderBy(desc(delegationRequests.requestedAt));
}

export interface ClaimedNotice {
  certificateId: string;
  thresholdDays: number;
  certificateName: string;
  notAfter: string;
  fingerprint: string;
  accountName: string;
  accountKind: string;
  organisationId: string;
  to: string;
  language: string;
  daysLeft: number;
}

/**
 * Claims, in one statement, the expiry warnings due on a date: the 30-day warning when
 * 7 < days left ≤ 30, the 7-day one when 0 ≤ days left ≤ 7. The primary key makes each
 * (certificate, threshold) claimable once, whatever the number of instances or reruns.
 */
export async function claimExpiryNotices(db: Db, date: string): Promise<ClaimedNotice[]> {
  return queryRows<ClaimedNotice>(
    db,
    sql`
      with due as (
        select c.id, th.days as threshold
        from certificates c
        join channel_accounts a on a.id = c.account_id and a.deleted_at is null
        cross join (values (30), (7)) th(days)
        where c.is_active
          and ((c.not_after at time zone 'Europe/Brussels')::date - ${date}::date) between case th.days when 30 then 8 else 0 end and th.days
      ), claimed as (
        insert into certificate_expiry_notices (certificate_id, threshold_days, sent_on)
        select id, threshold, ${date}::date from due
        on conflict do nothing
        returning certificate_id, threshold_days
      )
      select c.id as "certificateId", cl.threshold_days as "thresholdDays", c.name as "certificateName",
             to_char(c.not_after at time zone 'Europe/Brussels', 'YYYY-MM-DD') as "notAfter", c.fingerprint,
             a.name as "accountName", a.kind as "accountKind", d.organisation_id as "organisationId",
             s.email as "to", s.language,
             ((c.not_after at time zone 'Europe/Brussels')::date - ${date}::date) as "daysLeft"
      from claimed cl
      join certificates c on c.id = cl.certificate_id
      join channel_accounts a on a.id = c.account_id
      join domains d on d.id = a.domain_id
      join senders s on s.domain_id = a.domain_id`,
  );
}

export async function setNoticeMail(db: Db, certificateId: string, thresholdDays: number, mailId: string): Promise<void> {
  await db
    .update(certificateExpiryNotices)
    .set({ mailId })
    .where(and(eq(certificateExpiryNotices.certificateId, certificateId), eq(certificateExpiryNotices.thresholdDays, thresholdDays)));
}

/** The live FTP/SFTP account a channel login names (case-insensitive), or undefined. */
export async function findChannelLogin(db: Db, username: string): Promise<AccountRow | undefined> {
  const [account] = await db
    .select()
    .from(channelAccounts)
    .where(and(sql`lower(${channelAccounts.username}) = lower(${username})`, isNull(channelAccounts.deletedAt), inArray(channelAccounts.kind, ['FTP', 'SFTP'])));
  return account;
}

/** R6.9: the certificate with this fingerprint (the active one first) and its account's OCMW. */
export async function findCertificateOwner(db: Db, fingerprint: string) {
  const [row] = await queryRows<{
    isActive: boolean;
    notBefore: Date;
    notAfter: Date;
    accountId: string;
    accountName: string;
    kind: string;
    permissions: string[];
    deletedAt: Date | null;
    organisationId: string;
  }>(
    db,
    sql`select c.is_active as "isActive", c.not_before as "notBefore", c.not_after as "notAfter",
               a.id as "accountId", a.name as "accountName", a.kind, a.permissions, a.deleted_at as "deletedAt",
               d.organisation_id as "organisationId"
        from certificates c join channel_accounts a on a.id = c.account_id join domains d on d.id = a.domain_id
        where c.fingerprint = ${fingerprint}
        order by c.is_active desc, c.uploaded_at desc limit 1`,
  );
  return row;
}
