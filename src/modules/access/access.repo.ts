import { and, eq, sql, type SQL } from 'drizzle-orm';
import { queryRows, type Db } from '../../db/db.js';
import { searchKey } from '../../shared/search-key.js';
import { membershipApplications, memberships, organisationManagers, users } from '../../db/schema.js';

/** SQL for people, organisation managers (HTB/co-HTB) and domain memberships (TB, co-TB, user). */

export type UserRow = typeof users.$inferSelect;
export type NewUser = typeof users.$inferInsert;

export async function insertUsers(db: Db, rows: NewUser[]): Promise<{ id: string; username: string }[]> {
  if (rows.length === 0) return [];
  return db.insert(users).values(rows).returning({ id: users.id, username: users.username });
}

export async function findUser(db: Db, id: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(eq(users.id, id));
  return row;
}

export async function findUserByUsername(db: Db, username: string): Promise<UserRow | undefined> {
  const [row] = await db
    .select()
    .from(users)
    .where(sql`lower(${users.username}) = lower(${username})`);
  return row;
}

/**
 * Issue 21 (review): a person the development identity provider may sign in with the published
 * demo password: one with an INSZ whose own password is that same password (`verify` checks it
 * against the stored hash). A real person in the same database, with a password of their own or
 * none, is never reachable through it, whoever turns the provider on.
 */
export async function insertManagers(db: Db, rows: (typeof organisationManagers.$inferInsert)[]): Promise<void> {
  if (rows.length === 0) return;
  await db.insert(organisationManagers).values(rows).onConflictDoNothing();
}

export async function insertMemberships(
  db: Db,
  rows: (typeof memberships.$inferInsert & { applications?: string[] })[],
): Promise<void> {
  if (rows.length === 0) return;
  const inserted = await db
    .insert(memberships)
    .values(rows.map(({ applications: _, ...m }) => m))
    .returning({ id: memberships.id, domainId: memberships.domainId, userId: memberships.userId });
  const key = (d: string, u: string) => `${d}/${u}`;
  const ids = new Map(inserted.map((r) => [key(r.domainId, r.userId), r.id]));
  const apps = rows.flatMap((r) =>
    (r.applications ?? []).map((application) => ({ membershipId: ids.get(key(r.domainId, r.userId))!, application })),
  );
  if (apps.length) await db.insert(membershipApplications).values(apps).onConflictDoNothing();
}

export interface RoleChoiceRow {
  role: string;
  organisationId: string | null;
  domainId: string | null;
  domainCode: string | null;
  applications: string[];
}

/**
 * The roles a person may work with on a date (R2.13): HTB/co-HTB of an organisation, and
 * active (not blocked) memberships of a domain; organisations must have started and their
 * access must not have been ended by an administrator.
 */
export async function listRoleChoices(db: Db, userId: string, today: string): Promise<RoleChoiceRow[]> {
  return queryRows<RoleChoiceRow>(
    db,
    sql`
      select om.role, om.organisation_id as "organisationId", null::uuid as "domainId", null::text as "domainCode",
             '{}'::text[] as applications
      from organisation_managers om
      join organisations o on o.id = om.organisation_id
      where om.user_id = ${userId}
        and o.valid_from <= ${today}
        and (o.access_ended_on is null or o.access_ended_on > ${today})
      union all
      select m.type as role, d.organisation_id as "organisationId", d.id as "domainId", d.code as "domainCode",
             coalesce((select array_agg(a.application order by a.application) from membership_applications a
                       where a.membership_id = m.id), '{}') as applications
      from memberships m
      join domains d on d.id = m.domain_id
      join organisations o on o.id = d.organisation_id
      where m.user_id = ${userId}
        and m.status = 'active'
        and o.valid_from <= ${today}
        and (o.access_ended_on is null or o.access_ended_on > ${today})`,
  );
}

/**
 * The first day one of the person's roles starts, when every role is in an organisation that does
 * not exist yet on `today` (the new OCMW of a merger, R7.4′): the login says when it becomes active.
 */
export async function firstUpcomingStart(db: Db, userId: string, today: string): Promise<string | undefined> {
  const [row] = await queryRows<{ validFrom: string | null }>(
    db,
    sql`
      select min(o.valid_from)::text as "validFrom"
      from organisations o
      where o.valid_from > ${today}
        and (o.id in (select organisation_id from organisation_managers where user_id = ${userId})
             or o.id in (select d.organisation_id from memberships m join domains d on d.id = m.domain_id
                         where m.user_id = ${userId} and m.status = 'active'))`,
  );
  return row?.validFrom ?? undefined;
}

/** The platform administrators' addresses and own languages (a mail to each is written in theirs). */
export async function platformAdmins(db: Db): Promise<{ email: string; language: string }[]> {
  return db.select({ email: users.email, language: users.language }).from(users).where(eq(users.isPlatformAdmin, true));
}

/** The account a login names (case-insensitive), or undefined. */
export async function findLoginUser(db: Db, username: string): Promise<{ id: string; passwordHash: string; isPlatformAdmin: boolean } | undefined> {
  const [row] = await db
    .select({ id: users.id, passwordHash: users.passwordHash, isPlatformAdmin: users.isPlatformAdmin })
    .from(users)
    .where(sql`lower(${users.username}) = lower(${username})`);
  return row;
}

export async function isManager(db: Db, userId: string, organisationId: string, role: string): Promise<boolean> {
  const [row] = await db
    .select({ one: sql`1` })
    .from(organisationManagers)
    .where(
      and(
        eq(organisationManagers.userId, userId),
        eq(organisationManagers.organisationId, organisationId),
        eq(organisationManagers.role, role),
      ),
    );
  return row !== undefined;
}

// ── access management (issue #3) ───────────────────────────────────────────────────────────

export async function findUserByInsz(db: Db, insz: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(eq(users.insz, insz));
  return row;
}

export async function insertUser(db: Db, row: NewUser): Promise<string> {
  const [r] = await db.insert(users).values(row).returning({ id: users.id });
  return r!.id;
}

export async function updateUser(db: Db, id: string, fields: Partial<NewUser>): Promise<void> {
  await db.update(users).set(fields).where(eq(users.id, id));
}

export interface MembershipRow {
  id: string;
  domainId: string;
  userId: string;
  type: string;
  status: string;
  localEmail: string | null;
  createdAt: string;
  updatedAt: string | null;
  applications: string[];
}

const membershipSelect = sql`
  m.id, m.domain_id as "domainId", m.user_id as "userId", m.type, m.status, m.local_email as "localEmail",
  to_char(m.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as "createdAt",
  to_char(m.updated_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as "updatedAt",
  coalesce((select array_agg(a.application order by a.application) from membership_applications a where a.membership_id = m.id), '{}') as applications`;

export async function findMembership(db: Db, domainId: string, userId: string): Promise<MembershipRow | undefined> {
  const rows = await queryRows<MembershipRow>(
    db,
    sql`select ${membershipSelect} from memberships m where m.domain_id = ${domainId} and m.user_id = ${userId} for update`,
  );
  return rows[0];
}

export async function findTb(db: Db, domainId: string): Promise<MembershipRow | undefined> {
  const rows = await queryRows<MembershipRow>(db, sql`select ${membershipSelect} from memberships m where m.domain_id = ${domainId} and m.type = 'TB'`);
  return rows[0];
}

export async function insertMembership(
  db: Db,
  row: { domainId: string; userId: string; type: string; localEmail: string | null; applications: string[] },
): Promise<string> {
  const [m] = await db
    .insert(memberships)
    .values({ domainId: row.domainId, userId: row.userId, type: row.type, localEmail: row.localEmail })
    .returning({ id: memberships.id });
  if (row.applications.length) {
    await db.insert(membershipApplications).values(row.applications.map((application) => ({ membershipId: m!.id, application })));
  }
  return m!.id;
}

export async function updateMembership(
  db: Db,
  id: string,
  fields: { type?: string; status?: string; localEmail?: string | null },
  now: Date,
): Promise<void> {
  await db
    .update(memberships)
    .set({ ...fields, updatedAt: now })
    .where(eq(memberships.id, id));
}

export async function setApplications(db: Db, membershipId: string, applications: string[]): Promise<void> {
  await db.delete(membershipApplications).where(eq(membershipApplications.membershipId, membershipId));
  if (applications.length) {
    await db.insert(membershipApplications).values(applications.map((application) => ({ membershipId, application })));
  }
}

export async function deleteMembership(db: Db, id: string): Promise<void> {
  await db.delete(memberships).where(eq(memberships.id, id));
}

export interface MemberListRow {
  userId: string;
  username: string;
  surname: string;
  firstName: string;
  insz: string | null;
  /** The person's own e-mail; null when the person is known in another organisation too (it is theirs, not this one's). */
  email: string | null;
  title: string | null;
  language: string;
  type: string;
  status: string;
  localEmail: string | null;
  createdAt: string;
  updatedAt: string | null;
  applications: string[];
}

export interface MemberFilter {
  surname?: string;
  firstName?: string;
  username?: string;
  type?: string;
  insz?: string;
  status?: string;
  application?: string;
  userId?: string;
}

/** Sort columns of memberships (a closed list: the value is put in the SQL text). */
const SORT_COLUMNS: Record<string, string> = {
  surname: 'surname_key',
  firstName: 'first_name_key',
  username: 'username_key',
  type: 'type',
  status: 'status',
  insz: 'insz',
  createdAt: 'created_at',
};

function prefix(value: string): string {
  return `${searchKey(value).replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

// Every filter reads columns of memberships (the person's keys are copied there by triggers),
// so one composite index per sort order serves filter, sort and paging together.
function memberWhere(domainId: string, f: MemberFilter): SQL {
  const parts: SQL[] = [sql`m.domain_id = ${domainId}`];
  if (f.surname) parts.push(sql`m.surname_key like ${prefix(f.surname)}`);
  if (f.firstName) parts.push(sql`m.first_name_key like ${prefix(f.firstName)}`);
  if (f.username) parts.push(sql`m.username_key like ${prefix(f.username)}`);
  if (f.type) parts.push(sql`m.type = ${f.type}`);
  if (f.status) parts.push(sql`m.status = ${f.status}`);
  if (f.insz) parts.push(sql`m.insz = ${f.insz}`);
  if (f.userId) parts.push(sql`m.user_id = ${f.userId}`);
  if (f.application) {
    parts.push(sql`exists (select 1 from membership_applications a where a.membership_id = m.id and a.application = ${f.application})`);
  }
  return sql.join(parts, sql` and `);
}

/** The number of members matching the filter: from the counters when the filter allows it. */
async function countMembers(db: Db, domainId: string, f: MemberFilter): Promise<number> {
  const onlyCounted = !f.surname && !f.firstName && !f.username && !f.insz && !f.userId;
  if (onlyCounted) {
    const [row] = await queryRows<{ n: number }>(
      db,
      sql`select coalesce(sum(n), 0)::int as n from membership_counts
          where domain_id = ${domainId} and application = ${f.application ?? '*'}
          ${f.type ? sql`and type = ${f.type}` : sql``} ${f.status ? sql`and status = ${f.status}` : sql``}`,
    );
    return row?.n ?? 0;
  }
  const [row] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from memberships m where ${memberWhere(domainId, f)}`);
  return row?.n ?? 0;
}

/** One page of a domain's members (R2.9), filtered and sorted in SQL, with the total count. */
export async function listMembers(
  db: Db,
  domainId: string,
  filter: MemberFilter,
  sort: { column: string; order: 'asc' | 'desc' },
  offset: number,
  limit: number | null,
): Promise<{ rows: MemberListRow[]; total: number }> {
  const where = memberWhere(domainId, filter);
  const column = SORT_COLUMNS[sort.column] ?? SORT_COLUMNS.surname!;
  const dir = sort.order === 'desc' ? 'desc' : 'asc';
  const rows = await queryRows<MemberListRow>(
    db,
    sql`
      select u.id as "userId", u.username, u.surname, u.first_name as "firstName", u.insz,
             case when ${knownOutside(sql`u.id`, sql`(select organisation_id from domains where id = ${domainId})`)} then null else u.email end as email,
             u.title, u.language,
             p.type, p.status, p.local_email as "localEmail",
             to_char(p.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as "createdAt",
             to_char(p.updated_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as "updatedAt",
             coalesce((select array_agg(a.application order by a.application) from membership_applications a where a.membership_id = p.id), '{}') as applications
      from (
        select m.* from memberships m
        where ${where}
        order by ${sql.raw(`m.${column} ${dir}, m.user_id ${dir}`)}
        ${limit === null ? sql`` : sql`limit ${limit}`} offset ${offset}
      ) p
      join users u on u.id = p.user_id
      order by ${sql.raw(`p.${column} ${dir}, p.user_id ${dir}`)}`,
  );
  return { rows, total: await countMembers(db, domainId, filter) };
}

export async function memberCounts(db: Db, domainId: string): Promise<{ total: number; active: number; blocked: number }> {
  const [row] = await queryRows<{ total: number; active: number; blocked: number }>(
    db,
    sql`select count(*)::int as total,
               count(*) filter (where status = 'active')::int as active,
               count(*) filter (where status = 'blocked')::int as blocked
        from memberships where domain_id = ${domainId}`,
  );
  return row ?? { total: 0, active: 0, blocked: 0 };
}

export interface ManagerRow {
  userId: string;
  surname: string;
  firstName: string;
  username: string;
  role: string;
  since: string;
  /** For the access log only (issue 24): the list does not show it. */
  insz: string | null;
}

export async function listManagers(db: Db, organisationId: string): Promise<ManagerRow[]> {
  return queryRows<ManagerRow>(
    db,
    sql`select u.id as "userId", u.surname, u.first_name as "firstName", u.username, om.role,
               to_char(om.created_at at time zone 'UTC', 'YYYY-MM-DD') as since, u.insz
        from organisation_managers om join users u on u.id = om.user_id
        where om.organisation_id = ${organisationId}
        order by case om.role when 'HTB' then 0 else 1 end, lower(u.surname), lower(u.first_name)`,
  );
}

/** SQL: is the person a member or (co-)HTB of an organisation other than `organisationId`? */
function knownOutside(userId: SQL, organisationId: SQL): SQL {
  return sql`(exists (select 1 from memberships km join domains kd on kd.id = km.domain_id where km.user_id = ${userId} and kd.organisation_id <> ${organisationId})
           or exists (select 1 from organisation_managers ko where ko.user_id = ${userId} and ko.organisation_id <> ${organisationId}))`;
}

/** Whether the person is a member or (co-)HTB of the organisation (then its managers may see their account). */
export async function isKnownInOrganisation(db: Db, userId: string, organisationId: string): Promise<boolean> {
  const [row] = await queryRows<{ known: boolean }>(
    db,
    sql`select (exists (select 1 from memberships m join domains d on d.id = m.domain_id where m.user_id = ${userId} and d.organisation_id = ${organisationId})
             or exists (select 1 from organisation_managers o where o.user_id = ${userId} and o.organisation_id = ${organisationId})) as known`,
  );
  return row?.known === true;
}

export async function findManager(db: Db, organisationId: string, userId: string): Promise<{ role: string } | undefined> {
  const [row] = await db
    .select({ role: organisationManagers.role })
    .from(organisationManagers)
    .where(and(eq(organisationManagers.organisationId, organisationId), eq(organisationManagers.userId, userId)));
  return row;
}

export async function findHtb(db: Db, organisationId: string): Promise<{ userId: string } | undefined> {
  const [row] = await db
    .select({ userId: organisationManagers.userId })
    .from(organisationManagers)
    .where(and(eq(organisationManagers.organisationId, organisationId), eq(organisationManagers.role, 'HTB')));
  return row;
}

export async function setManagerRole(db: Db, organisationId: string, userId: string, role: string): Promise<void> {
  await db
    .update(organisationManagers)
    .set({ role })
    .where(and(eq(organisationManagers.organisationId, organisationId), eq(organisationManagers.userId, userId)));
}

export async function deleteManager(db: Db, organisationId: string, userId: string): Promise<void> {
  await db
    .delete(organisationManagers)
    .where(and(eq(organisationManagers.organisationId, organisationId), eq(organisationManagers.userId, userId)));
}

export async function isUsernameTaken(db: Db, username: string): Promise<boolean> {
  return (await findUserByUsername(db, username)) !== undefined;
}
