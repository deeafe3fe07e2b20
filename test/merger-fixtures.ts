/**
 * Test data for the cut-over tests (Outline's `buildUser()` idea): people, memberships and forms
 * of exactly the shape a test names, in the organisations of one demo merger, plus the checks
 * every cut-over must pass (R9.3′, R7.4′).
 */
import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Db } from '../src/db/db.js';

export interface MergerFacts {
  id: number;
  code: string;
  effectiveDate: string;
  targetId: string;
  sourceIds: string[];
  /** Sources that lose their KBO. */
  disappearing: string[];
  /** The source that keeps its KBO (scenarios 2 and 3). */
  keeper: string | undefined;
}

export async function mergerFacts(db: Db, code: string): Promise<MergerFacts> {
  const [m] = await queryRows<{ id: number; effectiveDate: string; targetId: string }>(
    db,
    sql`select id, effective_date::text as "effectiveDate", target_organisation_id as "targetId" from mergers where code = ${code}`,
  );
  const sources = await queryRows<{ id: string }>(db, sql`select organisation_id as id from merger_sources where merger_id = ${m!.id} order by nis`);
  const sourceIds = sources.map((s) => s.id);
  return {
    id: m!.id,
    code,
    effectiveDate: m!.effectiveDate,
    targetId: m!.targetId,
    sourceIds,
    disappearing: sourceIds.filter((id) => id !== m!.targetId),
    keeper: sourceIds.find((id) => id === m!.targetId),
  };
}

/** Gives the merged OCMW an HTB (from the region's file), so its cut-over is not blocked. */
export async function giveHtb(db: Db, organisationId: string, username: string): Promise<void> {
  await db.execute(sql`insert into organisation_managers (organisation_id, user_id, role)
                       select ${organisationId}::uuid, id, 'HTB' from users where username = ${username}
                       on conflict do nothing`);
}

/** A running form (and the person's dossier there); returns the form's id. */
export async function addForm(db: Db, f: { organisationId: string; insz: string; kind?: 'integration' | 'a036'; start: string; end?: string | null }): Promise<string> {
  await db.execute(sql`insert into dossiers (organisation_id, insz, opened_on)
                       select ${f.organisationId}::uuid, ${f.insz}, ${f.start}::date
                       where not exists (select 1 from dossiers where organisation_id = ${f.organisationId}::uuid and insz = ${f.insz})`);
  const [row] = await queryRows<{ id: string }>(
    db,
    sql`insert into dossier_forms (dossier_id, organisation_id, insz, kind, subtype, start_date, end_date, status, created_by)
        select d.id, d.organisation_id, d.insz, ${f.kind ?? 'integration'}, 'leefloon', ${f.start}::date, ${f.end ?? null}::date, 'running', 'fixture'
        from dossiers d where d.organisation_id = ${f.organisationId}::uuid and d.insz = ${f.insz} order by d.opened_on limit 1
        returning id`,
  );
  return row!.id;
}

/** A person with an account; returns the user id. */
export async function addPerson(db: Db, username: string, insz: string): Promise<string> {
  const [row] = await queryRows<{ id: string }>(
    db,
    sql`insert into users (username, password_hash, insz, surname, first_name, email)
        values (${username}, 'x', ${insz}, ${username}, 'Test', ${`${username}@demo.example`}) returning id`,
  );
  return row!.id;
}

/** A membership in the organisation's MW domain with its applications. */
export async function addMembership(
  db: Db,
  m: { organisationId: string; userId: string; type?: 'TB' | 'CO_TB' | 'USER'; status: 'active' | 'blocked'; applications?: string[] },
): Promise<void> {
  const [row] = await queryRows<{ id: string }>(
    db,
    sql`insert into memberships (domain_id, user_id, type, status)
        select id, ${m.userId}::uuid, ${m.type ?? 'USER'}, ${m.status} from domains where organisation_id = ${m.organisationId}::uuid and code = 'MW'
        returning id`,
  );
  for (const application of m.applications ?? []) {
    await db.execute(sql`insert into membership_applications (membership_id, application) values (${row!.id}::uuid, ${application})`);
  }
}

/** Removes the people and forms a test made (INSZ and usernames starting with the prefixes). */
export async function removeFixtures(db: Db, inszPrefix: string, usernamePrefix: string): Promise<void> {
  const like = `${inszPrefix}%`;
  await db.execute(sql`delete from dossier_forms where insz like ${like}`);
  await db.execute(sql`delete from dossiers where insz like ${like}`);
  const users = sql`(select id from users where username like ${`${usernamePrefix}%`})`;
  await db.execute(sql`delete from membership_applications where membership_id in (select id from memberships where user_id in ${users})`);
  await db.execute(sql`delete from memberships where user_id in ${users}`);
  await db.execute(sql`delete from users where username like ${`${usernamePrefix}%`}`);
}

const AFFECTED = ['domains', 'organisation_managers', 'memberships', 'membership_applications', 'dossiers', 'dossier_forms'];

/** A checksum per table a cut-over writes (membership_counts without its zero rows: a derived cache). */
export async function checksum(db: Db): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  const md5 = async (from: SQL) => (await queryRows<{ md5: string }>(db, sql`select md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as md5 from ${from}`))[0]!.md5;
  for (const t of AFFECTED) out[t] = await md5(sql.raw(`${t} t`));
  out.membership_counts = await md5(sql`membership_counts t where n <> 0`);
  return out;
}

/** R9.1 / R9.3′: pairs of overlapping running forms of one kind for one person in one OCMW (must be none). */
export async function overlappingRunningForms(db: Db) {
  return queryRows<{ organisationId: string; insz: string; kind: string }>(
    db,
    sql`select a.organisation_id as "organisationId", a.insz, a.kind from dossier_forms a join dossier_forms b
          on b.organisation_id = a.organisation_id and b.insz = a.insz and b.kind = a.kind and b.id > a.id
        where a.status = 'running' and b.status = 'running'
          and (a.end_date is null or a.end_date >= b.start_date) and (b.end_date is null or b.end_date >= a.start_date)`,
  );
}

/** The applications per membership of an organisation's domains, keyed `userId:domainCode`. */
export async function applicationsIn(db: Db, organisationIds: string[], onlyActive: boolean) {
  const rows = await queryRows<{ userId: string; code: string; application: string | null; status: string; type: string }>(
    db,
    sql`select m.user_id as "userId", d.code, a.application, m.status, m.type from memberships m join domains d on d.id = m.domain_id
        left join membership_applications a on a.membership_id = m.id
        where d.organisation_id = any(${`{${organisationIds.join(',')}}`}::uuid[]) ${onlyActive ? sql`and m.status = 'active'` : sql``}`,
  );
  const out = new Map<string, { status: string; type: string; applications: Set<string> }>();
  for (const r of rows) {
    const key = `${r.userId}:${r.code}`;
    const entry = out.get(key) ?? { status: r.status, type: r.type, applications: new Set<string>() };
    if (r.application) entry.applications.add(r.application);
    out.set(key, entry);
  }
  return out;
}
