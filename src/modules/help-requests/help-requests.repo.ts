import { sql, type SQL } from 'drizzle-orm';
import { queryRows, queryRowsPrepared, type Db } from '../../db/db.js';
import { pgArray } from '../../db/arrays.js';
import { helpRequestEvents, helpRequests } from '../../db/schema.js';
import type { ListKey } from './vendor-cursor.js';
import { HELP_REQUEST_READER_APPLICATIONS } from '../../shared/applications.js';

/**
 * SQL for OCMW Online (R6). Reads the registry's areas and successions, the merger module's
 * `ocmw_successor()` and the configuration's `current_configuration` (published read models)
 * so that competence, visibility and reminders are each one set-based statement.
 */

export type HelpRequestRow = typeof helpRequests.$inferSelect;

/**
 * R6.2: the OCMWs competent for a municipality on a date: the OCMWs serving the NIS code or one
 * of its predecessors (successions up to the date), each followed to its successor on the date.
 */
export async function competentOcmws(db: Db, nis: string, date: string): Promise<{ id: string; nameNl: string; nameFr: string; nameDe: string }[]> {
  return queryRows(
    db,
    sql`
      with recursive codes(nis) as (
        select ${nis}::char(5)
        union
        select s.old_nis from municipality_successions s join codes c on s.new_nis = c.nis where s.effective_date <= ${date}::date
      ), serving as (
        select distinct a.organisation_id from ocmw_areas a join codes c on c.nis = a.nis
        where a.valid_from <= ${date}::date and (a.valid_to is null or a.valid_to > ${date}::date)
      ), successors as (
        select distinct ocmw_successor(organisation_id, ${date}::date) as id from serving
      )
      -- R1.6: the name the OCMW bears on the date (OCMW Bilzen-Hoeselt from 2025-01-01).
      select o.id, n.name_nl as "nameNl", n.name_fr as "nameFr", n.name_de as "nameDe"
      from successors s join organisations o on o.id = s.id
      cross join lateral organisation_name_on(o.id, ${date}::date) n
      where o.kind = 'ocmw'
      order by n.name_nl`,
  );
}

/**
 * The organisations whose requests an OCMW sees on a date (R6.7): itself, unless it merged into
 * another by then (what ocmw_successor(id, date) = id says, without calling the function: on
 * PostgreSQL 15 a SQL function's plan is not cached, which cost more than the rest of a list),
 * and, recursively, what merged into it.
 */
function visibleOrganisations(organisationId: string, date: string): SQL {
  return sql`(
    with recursive pred(id) as (
      select ${organisationId}::uuid
      where not exists (select 1 from merger_sources s join mergers m on m.id = s.merger_id
                        where s.organisation_id = ${organisationId}::uuid and m.effective_date <= ${date}::date and m.target_organisation_id <> ${organisationId}::uuid)
      union
      select s.organisation_id from pred p
      join mergers m on m.target_organisation_id = p.id and m.effective_date <= ${date}::date
      join merger_sources s on s.merger_id = m.id and s.organisation_id <> p.id
    ) select id from pred)`;
}

/**
 * R6.3: the next number of a receipt year, from its sequence (help_reference_<year>, made at the
 * first request of the year): never waits for another submission, unique, not gapless (a number
 * taken by a submission that fails afterwards is not used again).
 */
export async function nextSequence(db: Db, year: number): Promise<number> {
  // The function (plpgsql, which makes the sequence) only when it does not exist yet.
  const [row] = await queryRows<{ n: number }>(
    db,
    sql`select nextval(coalesce(to_regclass(${`help_reference_${year}`}), help_reference_sequence(${year})))::int as n`,
  );
  return row!.n;
}

/**
 * R6.3, issue 20: `count` numbers of a receipt year in one statement (a batch of submissions):
 * each from the sequence, like nextSequence, so other callers may take numbers in between.
 */
export async function nextSequences(db: Db, year: number, count: number): Promise<number[]> {
  const rows = await queryRows<{ n: number }>(
    db,
    sql`select nextval(x.s)::int as n
        from (select coalesce(to_regclass(${`help_reference_${year}`}), help_reference_sequence(${year})) as s) x
        cross join generate_series(1, ${count}::int)`,
  );
  return rows.map((r) => r.n);
}

/** A citizen's request to file, with the solved challenge it spends (issue 17) when it came through the form. */
export type NewSubmission = Omit<typeof helpRequests.$inferInsert, 'filedAt'> & { filedAt: Date; proof?: { signature: string; expiresAt: Date } };

/**
 * R6.3, issue 17, issue 20: files a batch of requests in one statement: each spends its solved
 * challenge (a replay, also within the batch, is not filed), and each filed request gets its
 * "filed" event. Returns the references filed with their ids; the caller refuses the rest.
 */
export async function insertSubmissions(db: Db, rows: NewSubmission[]): Promise<{ reference: string; id: string }[]> {
  if (rows.length === 0) return [];
  const input = JSON.stringify(
    rows.map((r) => ({
      reference: r.reference,
      organisation_id: r.organisationId,
      filed_at: r.filedAt.toISOString(),
      received_on: r.receivedOn,
      language: r.language,
      kinds: r.kinds,
      postcode: r.postcode,
      nis: r.nis,
      surname: r.surname,
      first_name: r.firstName,
      insz: r.insz ?? null,
      email: r.email ?? null,
      phone: r.phone ?? null,
      message: r.message,
      signature: r.proof?.signature ?? null,
      expires_at: r.proof?.expiresAt.toISOString() ?? null,
    })),
  );
  return queryRows(
    db,
    sql`
      with input as (
        select * from jsonb_to_recordset(${input}::jsonb) as x(
          reference text, organisation_id uuid, filed_at timestamptz, received_on date, language text, kinds text[],
          postcode text, nis text, surname text, first_name text, insz text, email text, phone text, message text,
          signature text, expires_at timestamptz)
      ), spent as (
        insert into citizen_proofs_spent (signature, expires_at)
        select signature, expires_at from input where signature is not null
        on conflict (signature) do nothing
        returning signature
      ), filed as (
        insert into help_requests (reference, organisation_id, filed_at, received_on, language, kinds, postcode, nis, surname, first_name, insz, email, phone, message)
        select reference, organisation_id, filed_at, received_on, language, kinds, postcode, nis, surname, first_name, insz, email, phone, message
        from input i where i.signature is null or i.signature in (select signature from spent)
        returning id, reference, organisation_id, filed_at
      ), events as (
        insert into help_request_events (request_id, kind, at, to_organisation_id)
        select id, 'filed', filed_at, organisation_id from filed
      )
      select reference, id from filed`,
  );
}

/**
 * Takes `count` consecutive numbers of a receipt year at once and returns the first: for bulk
 * loads (benchmarks, imports) while no citizen submits, since the step is not atomic.
 */
export async function reserveSequences(db: Db, year: number, count: number): Promise<number> {
  const [row] = await queryRows<{ first: number }>(
    db,
    sql`select (setval(s, nextval(s) + ${count - 1}) - ${count - 1})::int as first from (select help_reference_sequence(${year}) as s) x`,
  );
  return row!.first;
}

export async function insertRequest(db: Db, row: typeof helpRequests.$inferInsert): Promise<HelpRequestRow> {
  const [inserted] = await db.insert(helpRequests).values(row).returning();
  return inserted!;
}

export async function insertEvent(db: Db, row: typeof helpRequestEvents.$inferInsert): Promise<void> {
  await db.insert(helpRequestEvents).values(row);
}

export interface ListFilter {
  status?: 'unread' | 'read' | 'decided' | 'late';
  kind?: string;
  from?: string;
  to?: string;
  reference?: string;
  /** Vendor API: only requests filed at or after this instant. */
  since?: string;
}

/** The list's condition on the requests of one visible organisation `v` (see listRequests). */
function whereOf(today: string, f: ListFilter): SQL {
  const deadline = sql`(r.received_on + 30)`;
  const parts: SQL[] = [sql`r.organisation_id = v.id`];
  if (f.status === 'unread') parts.push(sql`r.read_at is null and r.decided_at is null`);
  if (f.status === 'read') parts.push(sql`r.read_at is not null and r.decided_at is null`);
  if (f.status === 'decided') parts.push(sql`r.decided_at is not null`);
  if (f.status === 'late') parts.push(sql`r.decided_at is null and ${deadline} < ${today}::date`);
  if (f.kind) parts.push(sql`${f.kind} = any(r.kinds)`);
  if (f.from) parts.push(sql`r.received_on >= ${f.from}::date`);
  if (f.to) parts.push(sql`r.received_on <= ${f.to}::date`);
  if (f.reference) parts.push(sql`r.reference = ${f.reference}`);
  if (f.since) parts.push(sql`r.filed_at >= ${f.since}::timestamptz`);
  return sql.join(parts, sql` and `);
}

export interface SummaryRow {
  id: string;
  reference: string;
  filedAt: string;
  receivedOn: string;
  kinds: string[];
  nis: string;
  surname: string;
  firstName: string;
  readAt: string | null;
  decidedAt: string | null;
  /** The person's national number: the lists read it for the access log only (issue 24), never show it. */
  insz: string | null;
}

/** A list row with its filing instant to the microsecond: with receivedOn and id, its place in the list order (a cursor). */
export type KeyedSummaryRow = SummaryRow & { filedAtKey: string };

/**
 * The lists' order: newest receipt first, then filing instant, then id, all descending, so
 * that the place of a row is one row comparison, read backwards from the index help_requests_org
 * (organisation_id, received_on, filed_at, id).
 */
const listOrder = sql`r.received_on desc, r.filed_at desc, r.id desc`;
const filedAtKey = sql`to_char(r.filed_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as "filedAtKey"`;

const summaryColumns = sql`r.id, r.reference, to_char(r.filed_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as "filedAt",
  r.received_on::text as "receivedOn", r.kinds, r.nis, r.surname, r.first_name as "firstName",
  to_char(r.read_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as "readAt",
  to_char(r.decided_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as "decidedAt", r.insz`;

/**
 * The requests an OCMW sees on a date, newest receipt first, with the total for paging: one
 * statement (the visible organisations, the page and its total), one round trip. Only a page past
 * the end, which has no row to carry the total, costs a second one.
 */
export async function listRequests(db: Db, organisationId: string, today: string, f: ListFilter, offset: number, limit: number, visibleIds?: readonly string[]): Promise<{ rows: KeyedSummaryRow[]; total: number }> {
  const where = whereOf(today, f);
  // Read back from organisations so that the planner expects a handful of rows: it reckons ~200
  // for any recursive query, and then costs the list as 200 OCMWs' worth (JIT compilation at
  // ~40 ms per list on PostgreSQL 15, parallel scans). The vendor list gives the ids it keeps
  // (vendor-list.ts visibleSets): then the statement need not work them out again.
  const visible = visibleIds
    ? sql`visible as materialized (select id from unnest(${pgArray(visibleIds, 'uuid')}) as v(id))`
    : sql`visible as materialized (
    select o.id from organisations o where o.id = any(array(select id from ${visibleOrganisations(organisationId, today)} v)))`;
  // Per visible organisation (one, or a few after a merger): its newest offset + limit requests
  // from the index help_requests_org (or help_requests_due for the unread ones), read newest
  // first, and its count; the page is the newest of those. Each organisation's own estimate keeps
  // the plan small: over all of them at once PostgreSQL guessed ten times the rows and chose a
  // parallel bitmap scan of every request of the OCMW. Only the page goes through to_char.
  const order = listOrder;
  const total = sql`(select coalesce(sum(c.n), 0)::int from visible v cross join lateral (select count(*) as n from help_requests r where ${where}) c)`;
  const page = await queryRowsPrepared<KeyedSummaryRow & { total: number }>(
    db,
    sql`with ${visible}
        select ${summaryColumns}, ${filedAtKey}, r.total
        from (select r.*, ${total} as total
              from visible v cross join lateral (select r.* from help_requests r where ${where} order by ${order} limit ${offset + limit}) r
              order by ${order} limit ${limit} offset ${offset}) r
        order by ${order}`,
  );
  if (page.length > 0) return { rows: page.map(({ total: _total, ...row }) => row), total: page[0]!.total };
  if (offset === 0) return { rows: [], total: 0 };
  const [count] = await queryRows<{ n: number }>(db, sql`with ${visible} select ${total} as n`);
  return { rows: [], total: count?.n ?? 0 };
}

/**
 * The organisations whose requests an OCMW sees on a date (R6.7), as ids: the vendor list keeps
 * them for a while instead of working them out in every statement.
 */
export async function visibleOrganisationIds(db: Db, organisationId: string, date: string): Promise<string[]> {
  const rows = await queryRows<{ id: string }>(db, sql`select id from ${visibleOrganisations(organisationId, date)} v`);
  return rows.map((r) => r.id);
}

/**
 * Issue 20, keyset paging: up to `limit` requests of the visible organisations after `after` in
 * the list order (from the start without it), without a total. Per organisation one backward
 * range of help_requests_org (filters applied on it), then the newest of those:
 * a page costs its own rows, however deep, and rows filed meanwhile never shift it.
 */
export async function listRequestsAfter(db: Db, visible: string[], today: string, f: ListFilter, after: ListKey | undefined, limit: number): Promise<KeyedSummaryRow[]> {
  const where = whereOf(today, f);
  const from = after ? sql` and (r.received_on, r.filed_at, r.id) < (${after.receivedOn}::date, ${after.filedAt}::timestamptz, ${after.id}::uuid)` : sql``;
  return queryRowsPrepared<KeyedSummaryRow>(
    db,
    sql`select ${summaryColumns}, ${filedAtKey}
        from (select r.* from unnest(${pgArray(visible, 'uuid')}) v(id)
              cross join lateral (select r.* from help_requests r where ${where}${from} order by ${listOrder} limit ${limit}) r
              order by ${listOrder} limit ${limit}) r
        order by ${listOrder}`,
  );
}

export interface DetailRow extends SummaryRow {
  organisationId: string;
  language: string;
  postcode: string;
  insz: string | null;
  email: string | null;
  phone: string | null;
  message: string;
}

/** One request, by id or reference, when the OCMW sees it on the date (otherwise undefined). */
export async function findVisibleRequest(db: Db, organisationId: string, today: string, key: { id?: string; reference?: string }): Promise<DetailRow | undefined> {
  const match = key.id ? sql`r.id = ${key.id}::uuid` : sql`r.reference = ${key.reference!}`;
  const [row] = await queryRows<DetailRow>(
    db,
    sql`select ${summaryColumns}, r.organisation_id as "organisationId", r.language, r.postcode, r.email, r.phone, r.message
        from help_requests r
        where ${match} and r.organisation_id in ${visibleOrganisations(organisationId, today)}`,
  );
  return row;
}

/** Issue 20: the LISTEN/NOTIFY channel on which every change to help requests and their history is announced (migration 0030). */
export const HELP_REQUEST_CHANGES = 'ocmw_help_requests';

export async function listEvents(db: Db, requestId: string) {
  return queryRows<{ kind: string; at: string; by: string | null; fromOrganisation: string | null; toOrganisation: string | null; reason: string | null }>(
    db,
    sql`select e.kind, to_char(e.at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as at, e.by,
               f.name_nl as "fromOrganisation", t.name_nl as "toOrganisation", e.reason
        from help_request_events e
        -- R1.6: each OCMW named as on the day of the event.
        left join lateral organisation_name_on(e.from_organisation_id, (e.at at time zone 'Europe/Brussels')::date) f on true
        left join lateral organisation_name_on(e.to_organisation_id, (e.at at time zone 'Europe/Brussels')::date) t on true
        where e.request_id = ${requestId}::uuid order by e.id`,
  );
}

/** Marks read once; returns false when it already was (so the history gets one entry). */
export async function markRead(db: Db, id: string, at: Date, by: string): Promise<boolean> {
  const rows = await queryRows<{ id: string }>(db, sql`update help_requests set read_at = ${at}, read_by = ${by} where id = ${id}::uuid and read_at is null returning id`);
  return rows.length > 0;
}

export async function markDecided(db: Db, id: string, at: Date, by: string): Promise<boolean> {
  const rows = await queryRows<{ id: string }>(
    db,
    sql`update help_requests set decided_at = ${at}, decided_by = ${by}, read_at = coalesce(read_at, ${at}), read_by = coalesce(read_by, ${by})
        where id = ${id}::uuid and decided_at is null returning id`,
  );
  return rows.length > 0;
}

/** R6.11: the request goes to another OCMW, unread there; reference and receipt date stay. */
export async function reassign(db: Db, id: string, organisationId: string): Promise<void> {
  await db.execute(sql`update help_requests set organisation_id = ${organisationId}::uuid, read_at = null, read_by = null where id = ${id}::uuid`);
}

/** OCMWs (active on the date) whose name matches, for forwarding. */
export async function searchOcmws(db: Db, q: string, date: string, excludeId: string) {
  const pattern = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return queryRows<{ id: string; nameNl: string; nameFr: string; nameDe: string }>(
    db,
    sql`select o.id, n.name_nl as "nameNl", n.name_fr as "nameFr", n.name_de as "nameDe"
        from organisations o
        cross join lateral organisation_name_on(o.id, ${date}::date) n
        where o.kind = 'ocmw' and o.id <> ${excludeId}::uuid
          and o.valid_from <= ${date}::date and (o.valid_to is null or o.valid_to > ${date}::date)
          and ocmw_successor(o.id, ${date}::date) = o.id
          and (n.name_nl ilike ${pattern} or n.name_fr ilike ${pattern} or n.name_de ilike ${pattern})
        order by n.name_nl limit 20`,
  );
}

/** The current OCMW-configuratie section of one OCMW (the configuration module's published view). */
export async function currentSection<T>(db: Db, organisationId: string, section: 'contact' | 'online'): Promise<T | undefined> {
  const [row] = await queryRows<{ data: T }>(db, sql`select data from current_configuration where organisation_id = ${organisationId}::uuid and section = ${section}`);
  return row?.data;
}

/** currentSection for several organisations in one statement (issue 20: a batch of submissions). */
export async function currentSections<T>(db: Db, organisationIds: string[], section: 'contact' | 'online'): Promise<Map<string, T>> {
  if (organisationIds.length === 0) return new Map();
  const rows = await queryRows<{ organisationId: string; data: T }>(
    db,
    sql`select organisation_id as "organisationId", data from current_configuration
        where organisation_id = any(${pgArray(organisationIds, 'uuid')}) and section = ${section}`,
  );
  return new Map(rows.map((r) => [r.organisationId, r.data]));
}

export interface DueReminder {
  organisationId: string;
  kbo: string;
  to: string;
  references: string[];
}

/** A row of dueRemindersQuery: the references of one OCMW as one comma-separated text. */
export interface DueReminderRow {
  organisationId: string;
  kbo: string;
  to: string;
  references: string;
}

/**
 * R6.5 for one day, set-based: per OCMW (after mergers) with reminders on and not yet reminded
 * that day, the unread, undecided requests due: filed on s with d − s ≥ delay and
 * (d − s − delay) mod frequency = 0, in filing order (R6.5′: s is the day the request was filed,
 * not its receipt date, which moves a weekend request to the next working day). One row per OCMW with at least one, its
 * references joined by commas (a reference never contains one): one text per OCMW instead of
 * a text[] of ~1,500 elements, which both drivers parse element by element in JavaScript.
 */
export function dueRemindersQuery(day: string): SQL {
  const d = sql`${day}::date`;
  const open = sql`r.read_at is null and r.decided_at is null`;
  // The due references of an OCMW, in filing order, read from the partial index help_requests_reminders
  // (organisation, filing day, reference); with one source the index order is the list's order.
  const due = (sources: SQL, filedOn: SQL) =>
    sql`array_to_string(array(select r.reference from help_requests r where ${sources} and ${open} and ${filedOn} order by r.filed_on, r.reference), ',')`;
  const one = sql`r.organisation_id = w.sources[1]`;
  const many = sql`r.organisation_id = any(w.sources)`;
  // Frequency 1: every filing day up to d − delay (one range). Otherwise only the due dates
  // d − delay − k·frequency (k ≥ 0) down to the oldest open request, probed in the index,
  // instead of reading every open request and computing the rule per row.
  const upTo = sql`r.filed_on <= ${d} - w.delay`;
  const onDueDates = sql`r.filed_on = any(w.due_dates)`;
  const oldestOpen = sql`(select min(f.filed_on) from unnest(w.sources) s(id)
      cross join lateral (select r.filed_on from help_requests r where r.organisation_id = s.id and ${open} order by r.filed_on limit 1) f)`;
  return sql`
    with settings as materialized (
      -- OCMWs with reminders on that were not reminded that day yet (by another run or
      -- instance): every other OCMW is left out before a single request is read.
      select c.organisation_id, c.data->>'reminderAddress' as address,
             (c.data->>'reminderDelayDays')::int as delay, (c.data->>'reminderFrequencyDays')::int as frequency
      from current_configuration c
      where c.section = 'online' and (c.data->>'remindersEnabled')::boolean
        and not exists (select 1 from help_request_reminders h where h.organisation_id = c.organisation_id and h.day = ${d})
    ), owners as materialized (
      -- Each of them with the OCMWs whose requests it has on the day (R6.7): those whose
      -- ocmw_successor() it is. Only a merger source can have another successor than itself,
      -- so the function (whose plan PostgreSQL 15 does not cache) runs for those only.
      select s.organisation_id, s.address, s.delay, s.frequency, o.kbo, w.sources,
             case when s.frequency > 1 then
               array(select ${d} - s.delay - s.frequency * k
                     from generate_series((${d} - s.delay - ${oldestOpen}) / s.frequency, 0, -1) k)
             end as due_dates
      from settings s
      join organisations o on o.id = s.organisation_id
      join (select case when exists (select 1 from merger_sources m where m.organisation_id = o.id) then ocmw_successor(o.id, ${d}) else o.id end as owner,
                   array_agg(o.id) as sources
            from organisations o where o.kind = 'ocmw' group by 1) w on w.owner = s.organisation_id
    )
    select w.organisation_id as "organisationId", w.kbo, w.address as "to", x.refs as "references"
    from owners w
    -- offset 0 keeps the subquery as it is, so that the list is built once (not again for the filter).
    cross join lateral (
      select case when cardinality(w.sources) = 1 then (case when w.frequency = 1 then ${due(one, upTo)} else ${due(one, onDueDates)} end)
                  else (case when w.frequency = 1 then ${due(many, upTo)} else ${due(many, onDueDates)} end) end as refs
      offset 0) x
    where x.refs <> ''
    order by w.kbo`;
}

/** R6.5: the reminders due on a day, one per OCMW with at least one due reference. */
export async function dueReminders(db: Db, day: string): Promise<DueReminder[]> {
  const rows = await queryRows<DueReminderRow>(db, dueRemindersQuery(day));
  return rows.map((r) => ({ organisationId: r.organisationId, kbo: r.kbo, to: r.to, references: r.references.split(',') }));
}

/**
 * Claims the day's reminder of several OCMWs in one statement (with the references each mail
 * lists); returns the OCMWs claimed here, without those another run or instance already claimed.
 */
export async function claimReminders(db: Db, day: string, reminders: { organisationId: string; references: string[] }[]): Promise<Set<string>> {
  if (reminders.length === 0) return new Set();
  // The references travel as one comma-separated text per OCMW (they never contain a comma).
  const claims = JSON.stringify(reminders.map((r) => ({ id: r.organisationId, refs: r.references.join(',') })));
  const rows = await queryRows<{ organisationId: string }>(
    db,
    sql`insert into help_request_reminders (organisation_id, day, "references")
        select (c->>'id')::uuid, ${day}::date, string_to_array(c->>'refs', ',')
        from jsonb_array_elements(${claims}::jsonb) c
        on conflict do nothing returning organisation_id as "organisationId"`,
  );
  return new Set(rows.map((r) => r.organisationId));
}

/** Links each claimed reminder of the day to its recorded mail. */
export async function setReminderMails(db: Db, day: string, mails: { organisationId: string; mailId: string }[]): Promise<void> {
  if (mails.length === 0) return;
  await db.execute(
    sql`update help_request_reminders h set mail_id = m.mail_id
        from jsonb_to_recordset(${JSON.stringify(mails.map((m) => ({ organisation_id: m.organisationId, mail_id: m.mailId })))}::jsonb) as m(organisation_id uuid, mail_id uuid)
        where h.organisation_id = m.organisation_id and h.day = ${day}::date`,
  );
}

/** One OCMW to forward to, when it is active on the date and has no successor then. */
export async function searchOcmwById(db: Db, id: string, date: string) {
  return queryRows<{ id: string; nameNl: string; nameFr: string; nameDe: string }>(
    db,
    sql`select o.id, n.name_nl as "nameNl", n.name_fr as "nameFr", n.name_de as "nameDe"
        from organisations o
        cross join lateral organisation_name_on(o.id, ${date}::date) n
        where o.id = ${id}::uuid and o.kind = 'ocmw'
          and o.valid_from <= ${date}::date and (o.valid_to is null or o.valid_to > ${date}::date)
          and ocmw_successor(o.id, ${date}::date) = o.id`,
  );
}

/** Issue 17: the proof-of-work key made once for every instance (the first one to ask makes it). */
export async function proofSecret(db: Db, candidate: string): Promise<string> {
  await db.execute(sql`insert into citizen_proof_secret (id, secret) values (1, ${candidate}) on conflict (id) do nothing`);
  const [row] = await queryRows<{ secret: string }>(db, sql`select secret from citizen_proof_secret where id = 1`);
  return row!.secret;
}

/** Issue 17: records a solved challenge as used; false when it already was (a replay, on any instance). */
export async function spendProof(db: Db, signature: string, expiresAt: Date): Promise<boolean> {
  const rows = await queryRows(
    db,
    sql`insert into citizen_proofs_spent (signature, expires_at) values (${signature}, ${expiresAt.toISOString()}::timestamptz)
        on conflict (signature) do nothing returning signature`,
  );
  return rows.length === 1;
}

/** Issue 17: forgets used challenges that have expired (an expired one is refused anyway). */
export async function purgeSpentProofs(db: Db, now: Date): Promise<number> {
  const rows = await queryRows(db, sql`delete from citizen_proofs_spent where expires_at < ${now.toISOString()}::timestamptz returning signature`);
  return rows.length;
}

/**
 * The municipalities each organisation serves on a date (reference data, read-only), for the
 * correspondence language(s) of its mails (issue 18).
 */
export async function areaNisByOrganisation(db: Db, organisationIds: string[], on: string): Promise<Map<string, string[]>> {
  const rows = organisationIds.length
    ? await queryRows<{ organisationId: string; nis: string }>(
        db,
        sql`select organisation_id as "organisationId", nis from ocmw_areas
            where organisation_id = any(${pgArray(organisationIds, 'uuid')})
              and valid_from <= ${on}::date and (valid_to is null or valid_to > ${on}::date)`,
      )
    : [];
  const byOrganisation = new Map<string, string[]>(organisationIds.map((id) => [id, []]));
  for (const r of rows) byOrganisation.get(r.organisationId)?.push(r.nis);
  return byOrganisation;
}

// ── issue 19: requests that nobody can read ──

/**
 * Whether someone can read an OCMW's help requests on a date (R6.8): an active membership with
 * OCMW Online or Sociale Agent in a domain of the OCMW, whose portal access has not ended. An
 * (co-)HTB or a TB without these applications cannot (src/modules/access/authorization.ts).
 */
function hasReader(organisationId: SQL, date: string): SQL {
  return sql`exists (
    select 1 from memberships rm
    join domains rd on rd.id = rm.domain_id
    join organisations ro on ro.id = rd.organisation_id
    join membership_applications ra on ra.membership_id = rm.id and ra.application = any(${pgArray(HELP_REQUEST_READER_APPLICATIONS, 'text')})
    where rd.organisation_id = ${organisationId} and rm.status = 'active'
      and ro.valid_from <= ${date}::date and (ro.access_ended_on is null or ro.access_ended_on > ${date}::date))`;
}

/** Of these OCMWs, the ones nobody can read help requests of on the date. */
export async function withoutReader(db: Db, organisationIds: string[], date: string): Promise<string[]> {
  if (organisationIds.length === 0) return [];
  const rows = await queryRows<{ id: string }>(
    db,
    sql`select o.id from organisations o
        where o.id in (${sql.join(organisationIds.map((id) => sql`${id}::uuid`), sql`, `)})
          and not ${hasReader(sql`o.id`, date)}`,
  );
  return rows.map((r) => r.id);
}

export interface UnreadableOcmwRow {
  organisationId: string;
  kbo: string;
  nameNl: string;
  nameFr: string;
  nameDe: string;
  /** Requests not read nor decided that this OCMW has on the date (R6.7: also its sources'). */
  unread: number;
  oldestReceivedOn: string;
}

/**
 * Issue 19: the OCMWs that have unread help requests on the date (their own and, R6.7, those of
 * the OCMWs merged into them) and nobody who can read them. From the partial index of open
 * requests; only a merger source can have another successor than itself (as in the reminders).
 */
export async function unreadableOcmws(db: Db, date: string): Promise<UnreadableOcmwRow[]> {
  return queryRows<UnreadableOcmwRow>(
    db,
    sql`
      with open as (
        select r.organisation_id, count(*)::int as n, min(r.received_on) as oldest
        from help_requests r
        where r.read_at is null and r.decided_at is null and r.received_on <= ${date}::date
        group by r.organisation_id
      ), owned as (
        select case when exists (select 1 from merger_sources s where s.organisation_id = o.organisation_id)
                    then ocmw_successor(o.organisation_id, ${date}::date) else o.organisation_id end as owner, o.n, o.oldest
        from open o
      ), owners as (
        select owner, sum(n)::int as unread, min(oldest) as oldest from owned group by owner
      )
      select w.owner as "organisationId", org.kbo, n.name_nl as "nameNl", n.name_fr as "nameFr", n.name_de as "nameDe",
             w.unread, w.oldest::text as "oldestReceivedOn"
      from owners w
      join organisations org on org.id = w.owner
      cross join lateral organisation_name_on(org.id, ${date}::date) n
      where not ${hasReader(sql`w.owner`, date)}
      order by w.unread desc, n.name_nl`,
  );
}

/** Issue 24: whose requests these reference numbers are (organisation and INSZ), for the access log of a mail that names one. */
export async function findRequestOwners(db: Db, references: readonly string[]): Promise<{ reference: string; organisationId: string; insz: string | null }[]> {
  if (references.length === 0) return [];
  return queryRows(
    db,
    sql`select reference, organisation_id as "organisationId", insz from help_requests where reference = any(${pgArray(references, 'text')})`,
  );
}
