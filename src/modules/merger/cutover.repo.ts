import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Db } from '../../db/db.js';
import type { Scenario } from './scenario.js';

/**
 * The cut-over's SQL (R7.3–R7.5). Every step is one set-based statement that both writes and
 * journals what it wrote (a data-modifying CTE feeding `merger_journal`), and the dry run counts
 * the very same candidate sets, so plan and run cannot disagree. A step selects only what is not
 * yet in its target state, which makes a second run write nothing (idempotency).
 *
 * Reads other modules' tables (memberships, dossiers, help requests): the cut-over is the one
 * place that works across the portal's services, as the guide's scenarios do.
 */

/** The facts of one merger the statements need. */
export interface CutoverScope {
  mergerId: number;
  code: string;
  scenario: Scenario;
  effectiveDate: string;
  targetId: string;
  sourceIds: string[];
  /** Sources whose running forms move (R9.3 per scenario), without those whose vendor does it (R9.4). */
  movingFormOrgIds: string[];
  /** Sources whose forms would move but whose vendor re-enters them (R9.4): listed instead. */
  vendorFormOrgIds: string[];
}

export const uuidArray = (ids: string[]): SQL => sql`${`{${ids.join(',')}}`}::uuid[]`;

/** The steps of a cut-over, in the order they run (undo replays them backwards). */
export const STEPS = [
  { step: 1, kind: 'create_domains', table: 'domains' },
  { step: 2, kind: 'add_co_htbs', table: 'organisation_managers' },
  { step: 3, kind: 'copy_memberships', table: 'memberships' },
  { step: 4, kind: 'co_tb_conversions', table: 'memberships' },
  { step: 5, kind: 'unite_applications', table: 'membership_applications' },
  { step: 6, kind: 'create_dossiers', table: 'dossiers' },
  { step: 7, kind: 'reenter_forms', table: 'dossier_forms' },
  { step: 8, kind: 'stop_forms', table: 'dossier_forms' },
] as const;
export type StepKind = (typeof STEPS)[number]['kind'];

// ── candidate sets (shared by plan and run) ─────────────────────────────────────────────────

/** Domains the target lacks: one per domain code of the sources. */
function domainsToCreate(s: CutoverScope): SQL {
  return sql`
    select distinct d.code
    from domains d
    where d.organisation_id = any(${uuidArray(s.sourceIds)}) and d.organisation_id <> ${s.targetId}::uuid
      and not exists (select 1 from domains t where t.organisation_id = ${s.targetId}::uuid and t.code = d.code)`;
}

/** The sources' HTBs and co-HTBs who are not yet a manager of the target: they become its co-HTBs. */
function coHtbsToAdd(s: CutoverScope): SQL {
  return sql`
    select om.user_id, min(om.organisation_id::text)::uuid as from_organisation_id
    from organisation_managers om
    where om.organisation_id = any(${uuidArray(s.sourceIds)}) and om.organisation_id <> ${s.targetId}::uuid
      and not exists (select 1 from organisation_managers t where t.organisation_id = ${s.targetId}::uuid and t.user_id = om.user_id)
    group by om.user_id`;
}

/**
 * One row per person and target domain, over the sources' memberships (one account per person:
 * R7.4). Only active source memberships bring a role (R7.4′): an active TB of a source becomes
 * co-TB; active when active in any source, else copied blocked as a plain user.
 */
function memberUnion(s: CutoverScope): SQL {
  return sql`
    select td.id as domain_id, m.user_id,
           case when bool_or(m.status = 'active' and m.type in ('TB', 'CO_TB')) then 'CO_TB' else 'USER' end as type,
           coalesce(bool_or(m.status = 'active' and m.type = 'TB'), false) as was_tb,
           case when bool_or(m.status = 'active') then 'active' else 'blocked' end as status,
           min(m.local_email) as local_email,
           count(*)::int as source_memberships
    from memberships m
    join domains sd on sd.id = m.domain_id
    join domains td on td.organisation_id = ${s.targetId}::uuid and td.code = sd.code
    where sd.organisation_id = any(${uuidArray(s.sourceIds)}) and sd.organisation_id <> ${s.targetId}::uuid
    group by td.id, m.user_id`;
}

/** Memberships to create in the target's domains (people who have none there yet). */
function membershipsToCopy(s: CutoverScope): SQL {
  return sql`
    select u.* from (${memberUnion(s)}) u
    where not exists (select 1 from memberships x where x.domain_id = u.domain_id and x.user_id = u.user_id)`;
}

/** Users of the target who are (co-)TB in a source: they become co-TB of the target (its TB stays). */
function membershipsToPromote(s: CutoverScope): SQL {
  return sql`
    select x.id, x.type as before_type, x.updated_at as before_updated_at
    from (${memberUnion(s)}) u
    join memberships x on x.domain_id = u.domain_id and x.user_id = u.user_id
    where u.type = 'CO_TB' and x.type = 'USER'`;
}

/** Applications the target's memberships lack, united over the sources' active memberships (R7.4′). */
function applicationsToAdd(s: CutoverScope): SQL {
  return sql`
    select distinct x.id as membership_id, a.application
    from memberships m
    join membership_applications a on a.membership_id = m.id
    join domains sd on sd.id = m.domain_id
    join domains td on td.organisation_id = ${s.targetId}::uuid and td.code = sd.code
    join memberships x on x.domain_id = td.id and x.user_id = m.user_id
    where sd.organisation_id = any(${uuidArray(s.sourceIds)}) and sd.organisation_id <> ${s.targetId}::uuid and m.status = 'active'
      and not exists (select 1 from membership_applications y where y.membership_id = x.id and y.application = a.application)`;
}

/**
 * The plan's view of the united applications: per person, target domain and application, what
 * the target's membership will lack — also for the memberships the copy step has yet to create
 * (the run unites their applications right after copying them).
 */
function applicationsToUnite(s: CutoverScope): SQL {
  return sql`
    select distinct td.id as domain_id, m.user_id, a.application
    from memberships m
    join membership_applications a on a.membership_id = m.id
    join domains sd on sd.id = m.domain_id
    join domains td on td.organisation_id = ${s.targetId}::uuid and td.code = sd.code
    where sd.organisation_id = any(${uuidArray(s.sourceIds)}) and sd.organisation_id <> ${s.targetId}::uuid and m.status = 'active'
      and not exists (select 1 from memberships x join membership_applications y on y.membership_id = x.id
                      where x.domain_id = td.id and x.user_id = m.user_id and y.application = a.application)`;
}

/**
 * R9.3′: every running form of the OCMWs whose forms move that runs on or after the effective
 * date — also one that starts after it. Each is stopped (or cancelled, when it starts on or after
 * the date) and re-entered under the merged OCMW from max(start, effective date), unless it would
 * overlap a running form of the same kind for the person there: the merged OCMW's own staying
 * form, or another moving form that comes first (start date, then id). Such a clash is stopped
 * all the same, not re-entered, and listed for a person to review. So the merged OCMW never has
 * two overlapping running forms of one kind for one person (R9.1).
 *
 * Excluded: the forms this merger itself re-entered, and (scenario 2) the keeper's forms
 * registered after the cut-over was applied — they are the merged OCMW's own, so a second run
 * writes nothing.
 */
function formCandidates(s: CutoverScope, orgIds: string[]): SQL {
  return sql`
    select c.id, c.organisation_id, c.insz, c.kind, c.subtype, c.start_date, c.end_date, false as conflict
    from dossier_forms c
    where c.organisation_id = any(${uuidArray(orgIds)}) and c.status = 'running'
      and (c.end_date is null or c.end_date >= ${s.effectiveDate}::date)
      and c.merger_id is distinct from ${s.mergerId}::int
      and (c.organisation_id <> ${s.targetId}::uuid
           or c.created_at <= coalesce((select applied_at from mergers where id = ${s.mergerId}::int), 'infinity'::timestamptz))`;
}

/** The candidates that are re-entered: no clash (NOT EXISTS runs as hash anti-joins). */
function formsToMove(s: CutoverScope): SQL {
  const from = (alias: string) => sql.raw(`greatest(${alias}.start_date, '${s.effectiveDate}'::date)`);
  return sql`
    select c.* from (${formCandidates(s, s.movingFormOrgIds)}) c
    where not exists (
        select 1 from dossier_forms g
        where g.organisation_id = ${s.targetId}::uuid and g.status = 'running' and g.insz = c.insz and g.kind = c.kind
          and not (g.organisation_id = any(${uuidArray(s.movingFormOrgIds)}))
          and (g.end_date is null or g.end_date >= ${from('c')}) and (c.end_date is null or c.end_date >= g.start_date))
      and not exists (
        select 1 from (${formCandidates(s, s.movingFormOrgIds)}) e
        where e.insz = c.insz and e.kind = c.kind and (e.start_date, e.id) < (c.start_date, c.id)
          and (e.end_date is null or e.end_date >= ${from('c')}) and (c.end_date is null or c.end_date >= ${from('e')}))`;
}

/**
 * The clashes to review: before the run, the candidates that will not be re-entered; after it,
 * the forms this merger stopped or cancelled without re-entering them (the review list lasts).
 */
function formClashes(s: CutoverScope): SQL {
  return sql`
    select c.* from (${formCandidates(s, s.movingFormOrgIds)}) c
    where not exists (select 1 from (${formsToMove(s)}) m where m.id = c.id)
    union all
    select f.id, f.organisation_id, f.insz, f.kind, f.subtype, f.start_date, f.end_date, true as conflict
    from dossier_forms f
    where f.organisation_id = any(${uuidArray(s.movingFormOrgIds)}) and f.status in ('stopped', 'cancelled') and f.stopped_by = ${`fusie:${s.code}`}
      and not exists (select 1 from dossier_forms r where r.predecessor_id = f.id and r.merger_id = ${s.mergerId}::int)`;
}

// ── dry run ─────────────────────────────────────────────────────────────────────────────────

export interface PlanCounts {
  createDomains: number;
  addCoHtbs: number;
  copyMemberships: number;
  sourceMemberships: number;
  /** Users of the target promoted to co-TB (rows updated). */
  coTbConversions: number;
  /** Of the copied memberships: the sources' active TBs, copied as co-TBs. */
  copiedTbs: number;
  uniteApplications: number;
  createDossiers: number;
  stopForms: { organisationId: string; count: number }[];
  moveForms: { organisationId: string; count: number }[];
  vendorForms: { organisationId: string; count: number }[];
  conflicts: { organisationId: string; count: number }[];
  relinkRequests: { organisationId: string; count: number }[];
  routing: { nis: string; organisationId: string }[];
  untouched: { channelAccounts: number; configurationSections: number; eboxDocuments: number };
}

const n = (v: unknown) => Number(v ?? 0);

export async function planCounts(db: Db, s: CutoverScope): Promise<PlanCounts> {
  const [access] = await queryRows<Record<string, unknown>>(
    db,
    sql`select
      (select count(*) from (${domainsToCreate(s)}) q) as create_domains,
      (select count(*) from (${coHtbsToAdd(s)}) q) as add_co_htbs,
      (select count(*) from (${membershipsToCopy(s)}) q) as copy_memberships,
      (select coalesce(sum(source_memberships), 0) from (${membershipsToCopy(s)}) q) as source_memberships,
      (select count(*) from (${membershipsToCopy(s)}) q where was_tb) as copied_tbs,
      (select count(*) from (${membershipsToPromote(s)}) q) as promoted,
      (select count(*) from (${applicationsToUnite(s)}) q) as applications`,
  );
  // Memberships and applications for domains that do not exist yet (scenario 1 before its run):
  // counted on the sources, as the run will create the domains first.
  const pending = n(access!.create_domains) > 0 ? await pendingDomainCounts(db, s) : null;
  const byOrg = async (query: SQL) => queryRows<{ organisationId: string; count: number }>(db, query);
  // The moving forms per OCMW and the dossiers they need at the target, from one pass over them.
  // The forms per OCMW: stopped (all candidates), re-entered (no clash), clashes to review, and
  // the dossiers the re-entered ones need at the target — one pass over the candidates.
  const forms = s.movingFormOrgIds.length ? await formCounts(db, s) : { stop: [], move: [], clashes: [], dossiers: 0 };
  const vendorForms = s.vendorFormOrgIds.length
    ? await byOrg(sql`select organisation_id as "organisationId", count(*)::int as count from (${formCandidates(s, s.vendorFormOrgIds)}) m group by 1`)
    : [];
  const relinkRequests = await byOrg(sql`
    select organisation_id as "organisationId", count(*)::int as count from help_requests
    where organisation_id = any(${uuidArray(s.sourceIds)}) and organisation_id <> ${s.targetId}::uuid group by 1`);
  const routing = await queryRows<{ nis: string; organisationId: string }>(
    db,
    sql`select distinct a.nis, a.organisation_id as "organisationId" from ocmw_areas a
        where a.organisation_id = any(${uuidArray(s.sourceIds)}) and a.organisation_id <> ${s.targetId}::uuid
          and a.valid_from < ${s.effectiveDate}::date and (a.valid_to is null or a.valid_to >= ${s.effectiveDate}::date)
        order by a.nis`,
  );
  const [untouched] = await queryRows<Record<string, unknown>>(
    db,
    sql`select
      (select count(*) from channel_accounts c join domains d on d.id = c.domain_id
        where d.organisation_id = any(${uuidArray(s.sourceIds)}) and c.deleted_at is null) as channels,
      (select count(*) from current_configuration where organisation_id = any(${uuidArray(s.sourceIds)})) as config,
      (select count(*) from ebox_documents where organisation_id = any(${uuidArray(s.sourceIds)})) as ebox`,
  );
  return {
    createDomains: n(access!.create_domains),
    addCoHtbs: n(access!.add_co_htbs),
    copyMemberships: pending ? pending.copy : n(access!.copy_memberships),
    sourceMemberships: pending ? pending.source : n(access!.source_memberships),
    coTbConversions: pending ? 0 : n(access!.promoted),
    copiedTbs: pending ? pending.coTb : n(access!.copied_tbs),
    uniteApplications: pending ? pending.applications : n(access!.applications),
    createDossiers: forms.dossiers,
    stopForms: forms.stop,
    moveForms: forms.move,
    vendorForms,
    conflicts: forms.clashes,
    relinkRequests,
    routing,
    untouched: { channelAccounts: n(untouched!.channels), configurationSections: n(untouched!.config), eboxDocuments: n(untouched!.ebox) },
  };
}

/** Per OCMW whose forms move: forms to stop, to re-enter, clashes to review; dossiers to open. */
async function formCounts(db: Db, s: CutoverScope) {
  const rows = await queryRows<{ organisationId: string; stop: number; move: number; clashes: number; dossiers: number }>(
    db,
    sql`with c as materialized (${formCandidates(s, s.movingFormOrgIds)}),
             m as materialized (${formsToMove(s)}),
             k as (${formClashes(s)}),
             o as (select organisation_id from c union select organisation_id from k)
        select o.organisation_id as "organisationId",
               (select count(*)::int from c where c.organisation_id = o.organisation_id) as stop,
               (select count(*)::int from m where m.organisation_id = o.organisation_id) as move,
               (select count(*)::int from k where k.organisation_id = o.organisation_id) as clashes,
               (select count(distinct x.insz)::int from m x
                where not exists (select 1 from dossiers d where d.organisation_id = ${s.targetId}::uuid and d.insz = x.insz)) as dossiers
        from o order by 1`,
  );
  const per = (key: 'stop' | 'move' | 'clashes') => rows.filter((r) => r[key] > 0).map((r) => ({ organisationId: r.organisationId, count: r[key] }));
  return { stop: per('stop'), move: per('move'), clashes: per('clashes'), dossiers: rows[0]?.dossiers ?? 0 };
}

/** Scenario 1 before its run: the target has no domain yet, so count per person over the sources. */
async function pendingDomainCounts(db: Db, s: CutoverScope) {
  const [row] = await queryRows<Record<string, unknown>>(
    db,
    sql`with u as (
          select sd.code, m.user_id, bool_or(m.status = 'active' and m.type = 'TB') as was_tb, count(*) as n
          from memberships m join domains sd on sd.id = m.domain_id
          where sd.organisation_id = any(${uuidArray(s.sourceIds)}) and sd.organisation_id <> ${s.targetId}::uuid
          group by sd.code, m.user_id
        ), a as (
          select distinct sd.code, m.user_id, a.application
          from memberships m join domains sd on sd.id = m.domain_id join membership_applications a on a.membership_id = m.id
          where sd.organisation_id = any(${uuidArray(s.sourceIds)}) and sd.organisation_id <> ${s.targetId}::uuid and m.status = 'active'
        )
        select (select count(*) from u) as copy, (select coalesce(sum(n), 0) from u) as source,
               (select count(*) from u where was_tb) as co_tb, (select count(*) from a) as applications`,
  );
  return { copy: n(row!.copy), source: n(row!.source), coTb: n(row!.co_tb), applications: n(row!.applications) };
}

// ── the rows behind an action (the plan's "expand") ──────────────────────────────────────────

export type PlanRowKind =
  | 'create_domains'
  | 'add_co_htbs'
  | 'copy_memberships'
  | 'co_tb_conversions'
  | 'unite_applications'
  | 'create_dossiers'
  | 'stop_forms'
  | 'move_forms'
  | 'vendor_forms'
  | 'form_conflicts'
  | 'relink_help_requests'
  | 'routing_changes';

export const PLAN_ROW_KINDS: PlanRowKind[] = [
  'create_domains',
  'add_co_htbs',
  'copy_memberships',
  'co_tb_conversions',
  'unite_applications',
  'create_dossiers',
  'stop_forms',
  'move_forms',
  'vendor_forms',
  'form_conflicts',
  'relink_help_requests',
  'routing_changes',
];

/** One page of the rows of an action, as plain labelled values (a table in the UI, JSON in the CLI). */
/**
 * R1.6: an organisation's name in every language (`{nl, fr, de}`, jsonb: it sorts and compares) as
 * it was on a date (`organisation_name_on`). The rows of a plan name a source as on the day before
 * the effective date and the merged OCMW as from it (Hoeselt's areas go to "Bilzen-Hoeselt", not
 * to "Bilzen"); the edge picks the reader's language.
 */
const nameOn = (id: SQL, on: SQL) =>
  sql`(select jsonb_build_object('nl', n.name_nl, 'fr', n.name_fr, 'de', n.name_de) from organisation_name_on(${id}, ${on}) n)`;
const dayBefore = (s: CutoverScope) => sql`(${s.effectiveDate}::date - 1)`;

export async function planRows(db: Db, s: CutoverScope, kind: PlanRowKind, limit: number, offset: number): Promise<{ rows: Record<string, unknown>[]; total: number }> {
  const sourceName = (alias: string) => nameOn(sql.raw(`${alias}.id`), dayBefore(s));
  const person = (alias: string) => sql`(select u.surname || ' ' || u.first_name from users u where u.id = ${sql.raw(alias)}.user_id) as person,
    (select u.insz from users u where u.id = ${sql.raw(alias)}.user_id) as insz`;
  let query: SQL;
  switch (kind) {
    case 'create_domains':
      query = sql`select q.code from (${domainsToCreate(s)}) q order by q.code`;
      break;
    case 'add_co_htbs':
      query = sql`select ${person('q')}, ${sourceName('o')} as "from" from (${coHtbsToAdd(s)}) q join organisations o on o.id = q.from_organisation_id order by 1`;
      break;
    case 'copy_memberships':
      query = sql`select ${person('q')}, q.type, q.status, q.source_memberships as "sourceMemberships" from (${membershipsToCopy(s)}) q order by 1, 2`;
      break;
    case 'co_tb_conversions':
      // The sources' TBs copied as co-TBs are rows of copy_memberships (type CO_TB), written once there.
      query = sql`select ${person('m')}, 'CO_TB' as type from (${membershipsToPromote(s)}) p join memberships m on m.id = p.id order by 1`;
      break;
    case 'unite_applications':
      query = sql`select ${person('q')}, q.application from (${applicationsToUnite(s)}) q order by 1, 3`;
      break;
    case 'create_dossiers':
      query = sql`select distinct m.insz from (${formsToMove(s)}) m
                  where not exists (select 1 from dossiers d where d.organisation_id = ${s.targetId}::uuid and d.insz = m.insz) order by 1`;
      break;
    case 'stop_forms':
    case 'move_forms':
    case 'vendor_forms':
    case 'form_conflicts': {
      const sources: Record<typeof kind, SQL> = {
        stop_forms: formCandidates(s, s.movingFormOrgIds),
        move_forms: formsToMove(s),
        vendor_forms: formCandidates(s, s.vendorFormOrgIds),
        form_conflicts: formClashes(s),
      };
      const empty = (kind === 'vendor_forms' ? s.vendorFormOrgIds : s.movingFormOrgIds).length === 0;
      if (empty) return { rows: [], total: 0 };
      // A stopped form is cancelled instead when it starts on or after the effective date.
      query = sql`select ${sourceName('o')} as ocmw, m.insz, m.kind, m.subtype, m.start_date::text as "startDate", m.end_date::text as "endDate", m.id as "formId",
                         case when m.start_date >= ${s.effectiveDate}::date then 'cancel' else 'stop' end as "atSource"
                  from (${sources[kind]}) m join organisations o on o.id = m.organisation_id order by 1, 2, 3, 5`;
      break;
    }
    case 'relink_help_requests':
      query = sql`select r.reference, ${sourceName('o')} as ocmw, r.received_on::text as "receivedOn",
                         case when r.decided_at is not null then 'decided' when r.read_at is not null then 'read' else 'unread' end as status
                  from help_requests r join organisations o on o.id = r.organisation_id
                  where r.organisation_id = any(${uuidArray(s.sourceIds)}) and r.organisation_id <> ${s.targetId}::uuid order by 3, 1`;
      break;
    case 'routing_changes':
      query = sql`select distinct a.nis, ${sourceName('o')} as "fromOcmw", ${nameOn(sql`${s.targetId}::uuid`, sql`${s.effectiveDate}::date`)} as "toOcmw", ${s.effectiveDate}::text as "from"
                  from ocmw_areas a join organisations o on o.id = a.organisation_id
                  where a.organisation_id = any(${uuidArray(s.sourceIds)}) and a.organisation_id <> ${s.targetId}::uuid
                    and a.valid_from < ${s.effectiveDate}::date and (a.valid_to is null or a.valid_to >= ${s.effectiveDate}::date)
                  order by 1`;
      break;
  }
  const rows = await queryRows<Record<string, unknown>>(db, sql`select *, count(*) over () as "__total" from (${query}) q limit ${limit} offset ${offset}`);
  const total = rows.length ? n(rows[0]!.__total) : offset === 0 ? 0 : n((await queryRows<{ n: number }>(db, sql`select count(*)::int as n from (${query}) q`))[0]!.n);
  return { rows: rows.map(({ __total: _t, ...r }) => r), total };
}

// ── the run ─────────────────────────────────────────────────────────────────────────────────

/** Runs one step: writes and journals in one statement; returns the number of rows written. */
export async function runStep(db: Db, s: CutoverScope, runId: number, kind: StepKind): Promise<number> {
  const step = STEPS.find((x) => x.kind === kind)!.step;
  const journal = (from: string, op: 'insert' | 'update', rowId: string, key: string, before: string) =>
    sql.raw(`insert into merger_journal (run_id, step, table_name, op, row_id, key, before)
             select ${runId}, ${step}, '${STEPS.find((x) => x.kind === kind)!.table}', '${op}', ${rowId}, ${key}, ${before} from ${from}`);
  let statement: SQL;
  switch (kind) {
    case 'create_domains':
      statement = sql`with w as (
          insert into domains (organisation_id, code) select ${s.targetId}::uuid, q.code from (${domainsToCreate(s)}) q returning id
        ) ${journal('w', 'insert', 'id', 'null', 'null')}`;
      break;
    case 'add_co_htbs':
      statement = sql`with w as (
          insert into organisation_managers (organisation_id, user_id, role) select ${s.targetId}::uuid, q.user_id, 'CO_HTB' from (${coHtbsToAdd(s)}) q
          returning organisation_id, user_id
        ) ${journal('w', 'insert', 'null', "jsonb_build_object('organisation_id', organisation_id, 'user_id', user_id)", 'null')}`;
      break;
    case 'copy_memberships':
      statement = sql`with w as (
          insert into memberships (domain_id, user_id, type, status, local_email)
          select q.domain_id, q.user_id, q.type, q.status, q.local_email from (${membershipsToCopy(s)}) q returning id
        ) ${journal('w', 'insert', 'id', 'null', 'null')}`;
      break;
    case 'co_tb_conversions':
      statement = sql`with p as (${membershipsToPromote(s)}), w as (
          update memberships m set type = 'CO_TB', updated_at = now() from p where m.id = p.id returning m.id, p.before_type, p.before_updated_at
        ) ${journal('w', 'update', 'id', 'null', "jsonb_build_object('type', before_type, 'updated_at', before_updated_at)")}`;
      break;
    case 'unite_applications':
      statement = sql`with w as (
          insert into membership_applications (membership_id, application) select q.membership_id, q.application from (${applicationsToAdd(s)}) q
          returning membership_id, application
        ) ${journal('w', 'insert', 'null', "jsonb_build_object('membership_id', membership_id, 'application', application)", 'null')}`;
      break;
    case 'create_dossiers':
      statement = sql`with w as (
          insert into dossiers (organisation_id, insz, opened_on)
          select distinct ${s.targetId}::uuid, m.insz, ${s.effectiveDate}::date from cutover_moving m
          where not m.conflict and not exists (select 1 from dossiers d where d.organisation_id = ${s.targetId}::uuid and d.insz = m.insz)
          returning id
        ) ${journal('w', 'insert', 'id', 'null', 'null')}`;
      break;
    case 'reenter_forms':
      statement = sql`with d as (
          select distinct on (insz) insz, id from dossiers where organisation_id = ${s.targetId}::uuid order by insz, opened_on, id
        ), w as (
          insert into dossier_forms (dossier_id, organisation_id, insz, kind, subtype, start_date, end_date, status, predecessor_id, merger_id, created_by)
          select d.id, ${s.targetId}::uuid, m.insz, m.kind, m.subtype, greatest(m.start_date, ${s.effectiveDate}::date), m.end_date, 'running', m.id, ${s.mergerId}, ${`fusie:${s.code}`}
          from cutover_moving m join d on d.insz = m.insz where not m.conflict
          returning id
        ) ${journal('w', 'insert', 'id', 'null', 'null')}`;
      break;
    case 'stop_forms':
      // A form that starts on or after the date never ran at the source: cancelled, its period kept.
      statement = sql`with w as (
          update dossier_forms f
          set status = case when m.start_date >= ${s.effectiveDate}::date then 'cancelled' else 'stopped' end,
              end_date = case when m.start_date >= ${s.effectiveDate}::date then m.end_date else ${s.effectiveDate}::date - 1 end,
              stopped_at = now(), stopped_by = ${`fusie:${s.code}`}
          from cutover_moving m where f.id = m.id
          returning f.id, m.end_date as before_end
        ) ${journal('w', 'update', 'id', 'null', "jsonb_build_object('end_date', before_end)")}`;
      break;
  }
  const result = (await db.execute(statement)) as unknown as { rowCount?: number | null; affectedRows?: number };
  return Number(result.rowCount ?? result.affectedRows ?? 0);
}

/**
 * The forms this run stops, fixed once (so re-entry and stop work on the same set): the ones it
 * re-enters, then the clashes (`conflict`), which it stops without re-entering.
 */
export async function prepareMovingForms(db: Db, s: CutoverScope): Promise<number> {
  await db.execute(sql`drop table if exists cutover_moving`);
  await db.execute(sql`create temp table cutover_moving (id uuid, organisation_id uuid, insz char(11), kind text, subtype text, start_date date, end_date date, conflict boolean) on commit drop`);
  if (s.movingFormOrgIds.length === 0) return 0;
  await db.execute(sql`insert into cutover_moving ${formsToMove(s)}`);
  await db.execute(sql`insert into cutover_moving select c.id, c.organisation_id, c.insz, c.kind, c.subtype, c.start_date, c.end_date, true
                       from (${formCandidates(s, s.movingFormOrgIds)}) c where not exists (select 1 from cutover_moving m where m.id = c.id)`);
  // Temporary tables get no autovacuum: without statistics the steps' joins would be planned blind.
  await db.execute(sql`analyze cutover_moving`);
  const [row] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from cutover_moving`);
  return row!.n;
}

// ── undo ────────────────────────────────────────────────────────────────────────────────────

/**
 * Replays a run's journal backwards (R7.4 undo), journalling into the undo run what it removes
 * (the full row) and what it restores (the state it overwrote). Returns rows changed per step.
 */
export async function undoStep(db: Db, undoRunId: number, runId: number, kind: StepKind): Promise<number> {
  const step = STEPS.find((x) => x.kind === kind)!.step;
  const j = sql`(select row_id, key, before from merger_journal where run_id = ${runId} and step = ${step})`;
  const log = (table: string, op: 'delete' | 'restore', rowId: string, key: string, before: string) =>
    sql.raw(`insert into merger_journal (run_id, step, table_name, op, row_id, key, before)
             select ${undoRunId}, ${step}, '${table}', '${op}', ${rowId}, ${key}, ${before} from w`);
  let statement: SQL;
  switch (kind) {
    case 'stop_forms':
      statement = sql`with b as (
          select f.id, f.status, f.end_date, f.stopped_at, f.stopped_by, j.before from dossier_forms f join ${j} j on f.id = j.row_id
        ), w as (
          update dossier_forms f set status = 'running', end_date = (b.before->>'end_date')::date, stopped_at = null, stopped_by = null
          from b where f.id = b.id
          returning f.id, jsonb_build_object('status', b.status, 'end_date', b.end_date, 'stopped_at', b.stopped_at, 'stopped_by', b.stopped_by) as was
        ) ${log('dossier_forms', 'restore', 'id', 'null', 'was')}`;
      break;
    case 'reenter_forms':
    case 'create_dossiers':
    case 'copy_memberships':
    case 'create_domains': {
      const table = STEPS.find((x) => x.kind === kind)!.table;
      statement = sql`with w as (
          delete from ${sql.raw(table)} t using ${j} j where t.id = j.row_id returning to_jsonb(t) as was, t.id
        ) ${log(table, 'delete', 'id', 'null', 'was')}`;
      break;
    }
    case 'co_tb_conversions':
      statement = sql`with w as (
          update memberships m set type = j.before->>'type', updated_at = (j.before->>'updated_at')::timestamptz from ${j} j where m.id = j.row_id
          returning m.id, jsonb_build_object('type', 'CO_TB') as was
        ) ${log('memberships', 'restore', 'id', 'null', 'was')}`;
      break;
    case 'unite_applications':
      statement = sql`with w as (
          delete from membership_applications a using ${j} j
          where a.membership_id = (j.key->>'membership_id')::uuid and a.application = j.key->>'application'
          returning to_jsonb(a) as was
        ) ${log('membership_applications', 'delete', 'null', 'was', 'was')}`;
      break;
    case 'add_co_htbs':
      statement = sql`with w as (
          delete from organisation_managers om using ${j} j
          where om.organisation_id = (j.key->>'organisation_id')::uuid and om.user_id = (j.key->>'user_id')::uuid
          returning to_jsonb(om) as was
        ) ${log('organisation_managers', 'delete', 'null', "jsonb_build_object('organisation_id', was->>'organisation_id', 'user_id', was->>'user_id')", 'was')}`;
      break;
  }
  const result = (await db.execute(statement)) as unknown as { rowCount?: number | null; affectedRows?: number };
  return Number(result.rowCount ?? result.affectedRows ?? 0);
}

// ── the engine's own records: mergers, runs, ticks, facts for the checklist ─────────────────

export interface MergerRecordRow {
  id: number;
  code: string;
  name: string;
  effectiveDate: string;
  htbDeadline: string;
  status: 'planned' | 'applied';
  scheduled: boolean;
  appliedAt: string | null;
  appliedBy: string | null;
  targetOrganisationId: string;
  targetNis: string;
}

/** A merger and its sources; `lock` takes the row lock that serialises cut-overs. */
export async function loadMerger(db: Db, id: number, lock: boolean) {
  const [m] = await queryRows<MergerRecordRow>(
    db,
    sql`select id, code, name, effective_date::text as "effectiveDate", coalesce(htb_deadline, effective_date - 47)::text as "htbDeadline",
               status, scheduled, applied_at as "appliedAt", applied_by as "appliedBy",
               target_organisation_id as "targetOrganisationId", target_nis as "targetNis"
        from mergers where id = ${id} ${lock ? sql`for update` : sql``}`,
  );
  if (!m) return undefined;
  const sources = await queryRows<{ organisationId: string; nis: string }>(
    db,
    sql`select organisation_id as "organisationId", nis from merger_sources where merger_id = ${id} order by nis`,
  );
  return { ...m, sources };
}

export async function vendorHandledAmong(db: Db, organisationIds: string[]): Promise<string[]> {
  const rows = await queryRows<{ id: string }>(
    db,
    sql`select organisation_id as id from dossier_settings where handled_by_vendor and organisation_id = any(${uuidArray(organisationIds)})`,
  );
  return rows.map((r) => r.id);
}

export async function hasHtb(db: Db, organisationId: string): Promise<boolean> {
  const [row] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from organisation_managers where organisation_id = ${organisationId}::uuid and role = 'HTB'`);
  return row!.n > 0;
}

export async function startRun(db: Db, row: { mergerId: number; kind: 'run' | 'undo'; actor: string; businessDate: string; undoesRunId?: number | null }): Promise<number> {
  const [r] = await queryRows<{ id: number }>(
    db,
    sql`insert into merger_runs (merger_id, kind, actor, business_date, undoes_run_id)
        values (${row.mergerId}, ${row.kind}, ${row.actor}, ${row.businessDate}, ${row.undoesRunId ?? null}) returning id`,
  );
  return r!.id;
}

export async function finishRun(db: Db, runId: number, changes: number, summary: { kind: string; count: number }[]): Promise<void> {
  await db.execute(sql`update merger_runs set finished_at = now(), changes = ${changes}, summary = ${JSON.stringify(summary)}::jsonb where id = ${runId}`);
}

export async function setMergerStatus(db: Db, id: number, status: 'planned' | 'applied', by: string | null): Promise<void> {
  await db.execute(
    status === 'applied'
      ? sql`update mergers set status = 'applied', applied_at = now(), applied_by = ${by}, updated_at = now() where id = ${id}`
      : sql`update mergers set status = 'planned', applied_at = null, applied_by = null, updated_at = now() where id = ${id}`,
  );
}

/** The runs with changes since the last undo: what an undo replays, newest first. */
export async function runsToUndo(db: Db, mergerId: number): Promise<number[]> {
  const rows = await queryRows<{ id: number }>(
    db,
    sql`select id from merger_runs where merger_id = ${mergerId} and kind = 'run' and changes > 0
          and id > coalesce((select max(id) from merger_runs where merger_id = ${mergerId} and kind = 'undo'), 0)
        order by id desc`,
  );
  return rows.map((r) => r.id);
}

/**
 * The live facts the checklist is checked against (R7.2), on the business date `at` (never the
 * database's clock). Its form counts are the dry run's: the same candidate queries.
 */
export async function checklistFacts(db: Db, m: { id: number; effectiveDate: string; targetOrganisationId: string }, s: CutoverScope, at: Date) {
  const t = m.targetOrganisationId;
  const sourceIds = s.sourceIds;
  const lastYear = Number(m.effectiveDate.slice(0, 4)) - 1;
  const moving = s.movingFormOrgIds.length ? await formCounts(db, s) : { stop: [], clashes: [] };
  const vendor = s.vendorFormOrgIds.length
    ? await queryRows<{ organisationId: string; count: number }>(
        db,
        sql`select organisation_id as "organisationId", count(*)::int as count from (${formCandidates(s, s.vendorFormOrgIds)}) m group by 1`,
      )
    : [];
  const formCountsByOrg = [...moving.stop, ...vendor];
  const clashesByOrg = moving.clashes;
  const reports = await queryRows<{ organisationId: string; status: 'draft' | 'submitted' }>(
    db,
    sql`select organisation_id as "organisationId", status from subsidy_reports where year = ${lastYear} and organisation_id = any(${uuidArray(sourceIds)})`,
  );
  const [target] = await queryRows<{ htb: boolean; ftp: boolean; rest: boolean; tb: boolean; mutations: boolean; technical: boolean; contact: boolean; online: boolean }>(
    db,
    sql`select
      exists (select 1 from organisation_managers where organisation_id = ${t}::uuid and role = 'HTB') as htb,
      exists (select 1 from channel_accounts a join domains d on d.id = a.domain_id join certificates c on c.account_id = a.id and c.is_active
              where d.organisation_id = ${t}::uuid and a.kind in ('FTP', 'SFTP') and a.deleted_at is null and c.not_after > ${at.toISOString()}::timestamptz) as ftp,
      exists (select 1 from channel_accounts a join domains d on d.id = a.domain_id join certificates c on c.account_id = a.id and c.is_active
              where d.organisation_id = ${t}::uuid and a.kind = 'REST' and a.deleted_at is null and c.not_after > ${at.toISOString()}::timestamptz) as rest,
      exists (select 1 from memberships x join domains d on d.id = x.domain_id
              where d.organisation_id = ${t}::uuid and x.type = 'TB' and x.status = 'active') as tb,
      exists (select 1 from mutation_selections where organisation_id = ${t}::uuid and valid_to is null) as mutations,
      exists (select 1 from current_configuration where organisation_id = ${t}::uuid and section = 'technical') as technical,
      exists (select 1 from current_configuration where organisation_id = ${t}::uuid and section = 'contact') as contact,
      exists (select 1 from current_configuration where organisation_id = ${t}::uuid and section = 'online') as online`,
  );
  const ticks = await queryRows<{ organisationId: string; item: string; by: string; at: string }>(
    db,
    sql`select organisation_id as "organisationId", item, ticked_by as by, to_char(ticked_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as at from merger_checklist_ticks where merger_id = ${m.id}`,
  );
  return { formCounts: formCountsByOrg, clashes: clashesByOrg, reports, target: target!, ticks };
}

/** Ticks (stamped `at`: the business date-time the user sees) or unticks an item. */
export async function setTick(db: Db, mergerId: number, organisationId: string, item: string, ticked: boolean, by: string, at: Date): Promise<void> {
  await db.execute(
    ticked
      ? sql`insert into merger_checklist_ticks (merger_id, organisation_id, item, ticked_by, ticked_at) values (${mergerId}, ${organisationId}::uuid, ${item}, ${by}, ${at.toISOString()}::timestamptz)
            on conflict (merger_id, organisation_id, item) do nothing`
      : sql`delete from merger_checklist_ticks where merger_id = ${mergerId} and organisation_id = ${organisationId}::uuid and item = ${item}`,
  );
}

/** The mergers an organisation takes part in (as a source or the target), from a date on. */
export async function mergersOf(db: Db, organisationId: string, since: string): Promise<number[]> {
  const rows = await queryRows<{ id: number }>(
    db,
    sql`select distinct m.id from mergers m left join merger_sources s on s.merger_id = m.id
        where (s.organisation_id = ${organisationId}::uuid or m.target_organisation_id = ${organisationId}::uuid)
          and m.effective_date >= ${since}::date
        order by m.id`,
  );
  return rows.map((r) => r.id);
}

export async function listRuns(db: Db, mergerId: number) {
  return queryRows<{
    id: number;
    kind: string;
    actor: string;
    businessDate: string;
    startedAt: unknown;
    finishedAt: unknown;
    changes: number;
    summary: unknown;
    undoesRunId: number | null;
  }>(
    db,
    sql`select id, kind, actor, business_date::text as "businessDate", to_char(started_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "startedAt", to_char(finished_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "finishedAt", changes, summary, undoes_run_id as "undoesRunId"
        from merger_runs where merger_id = ${mergerId} order by id desc`,
  );
}

export async function runBelongsTo(db: Db, runId: number, mergerId: number): Promise<boolean> {
  const [r] = await queryRows<{ id: number }>(db, sql`select id from merger_runs where id = ${runId} and merger_id = ${mergerId}`);
  return r !== undefined;
}

export async function journalPage(db: Db, runId: number, limit: number, offset: number) {
  const rows = await queryRows<{ step: number; table: string; op: string; rowId: string | null; key: unknown; before: unknown; total: number }>(
    db,
    sql`select step, table_name as "table", op, row_id as "rowId", key, before, count(*) over () as total
        from merger_journal where run_id = ${runId} order by step, row_id limit ${limit} offset ${offset}`,
  );
  const kindOf = (step: number) => STEPS.find((x) => x.step === step)?.kind ?? null;
  return { total: rows.length ? Number(rows[0]!.total) : 0, items: rows.map(({ total: _t, ...x }) => ({ ...x, kind: kindOf(x.step) })) };
}

/** The effective dates with mergers the scheduler should run: scheduled, not applied, on or before the date. */
export async function dueScheduledDates(db: Db, today: string): Promise<string[]> {
  const rows = await queryRows<{ date: string }>(
    db,
    sql`select distinct effective_date::text as date from mergers where scheduled and status = 'planned' and effective_date <= ${today}::date order by 1`,
  );
  return rows.map((r) => r.date);
}

/** The mergers of one effective date (a wave), by code; `onlyScheduled`: those the scheduler runs. */
export async function mergersOn(db: Db, date: string, onlyScheduled: boolean): Promise<{ id: number; code: string }[]> {
  return queryRows<{ id: number; code: string }>(
    db,
    sql`select id, code from mergers where effective_date = ${date}::date ${onlyScheduled ? sql`and scheduled and status = 'planned'` : sql``} order by code`,
  );
}

export async function setScheduled(db: Db, id: number, scheduled: boolean): Promise<void> {
  await db.execute(sql`update mergers set scheduled = ${scheduled}, updated_at = now() where id = ${id}`);
}
