import { and, eq, sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../db/db.js';
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
      select om.role, om.organisation_id as "organisationId", null::uuid as "domainId", null::text as "domainCode"
      from organisation_managers om
      join organisations o on o.id = om.organisation_id
      where om.user_id = ${userId}
        and o.valid_from <= ${today}
        and (o.access_ended_on is null or o.access_ended_on > ${today})
      union all
      select m.type as role, d.organisation_id as "organisationId", d.id as "domainId", d.code as "domainCode"
      from memberships m
      join domains d on d.id = m.domain_id
      join organisations o on o.id = d.organisation_id
      where m.user_id = ${userId}
        and m.status = 'active'
        and o.valid_from <= ${today}
        and (o.access_ended_on is null or o.access_ended_on > ${today})`,
  );
}

/** Reserves a login attempt atomically (see auth.service); undefined when locked or unknown. */
export async function reserveLoginAttempt(
  db: Db,
  username: string,
  now: Date,
  maxFailures: number,
  lockMinutes: number,
): Promise<{ id: string; passwordHash: string; attempts: number } | undefined> {
  const rows = await queryRows<{ id: string; passwordHash: string; attempts: number }>(
    db,
    sql`
      update users set
        failed_attempts = case when locked_until is not null and locked_until <= ${now.toISOString()}::timestamptz
                               then 1 else failed_attempts + 1 end,
        locked_until = case
          when locked_until is not null and locked_until <= ${now.toISOString()}::timestamptz then null
          when failed_attempts + 1 >= ${maxFailures}
            then ${now.toISOString()}::timestamptz + make_interval(mins => ${lockMinutes})
          else locked_until end
      where lower(username) = lower(${username})
        and (failed_attempts < ${maxFailures} or (locked_until is not null and locked_until <= ${now.toISOString()}::timestamptz))
      returning id, password_hash as "passwordHash", failed_attempts as attempts`,
  );
  return rows[0];
}

export async function resetLoginAttempts(db: Db, userId: string): Promise<void> {
  await db.update(users).set({ failedAttempts: 0, lockedUntil: null }).where(eq(users.id, userId));
}

export async function lockedUntil(db: Db, username: string): Promise<Date | null | undefined> {
  const [row] = await db
    .select({ lockedUntil: users.lockedUntil })
    .from(users)
    .where(sql`lower(${users.username}) = lower(${username})`);
  return row?.lockedUntil;
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
