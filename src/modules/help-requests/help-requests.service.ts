import { connectionsOf, type Db } from '../../db/db.js';
import { changeFeed, type ChangeFeed } from '../../db/notify.js';
import { lockForTransaction } from '../../db/lock.js';
import { addDays, businessNow, type Clock } from '../../domain/clock.js';
import { formatKbo } from '../../shared/identifiers.js';
import { receiptDate } from '../../domain/holidays.js';
import { AppError } from '../../shared/errors.js';
import { msg } from '../../shared/messages.js';
import { helpRequestMessages } from './help-requests-messages.js';
import { localized, type Language, type LocalizedText, type Message } from '../../shared/i18n.js';
import { correspondenceLanguages } from '../../domain/correspondence.js';
import { authContextOf, can, type Caller } from '../access/index.js';
import type { AuditService } from '../audit/index.js';
import type { ContactData, OnlineSettingsData } from '../configuration/index.js';
import type { NotificationsService } from '../notifications/index.js';
import type { Municipality, RegistryService } from '../registry/index.js';
import type { z } from 'zod';
import type { CitizenRequest, CitizenSubmission, HelpRequestListFilter, HelpRequestSummary } from './help-requests.schema.js';
import { PERMISSION_NAMES, type RestPermission } from '../channels/channels.schema.js';
import { HELP_REQUEST_READER_APPLICATIONS } from '../../shared/applications.js';
import * as repo from './help-requests.repo.js';
import { createProofOfWork, DEFAULT_POW_MAX_NUMBER, newProofSecret } from './citizen-proof.js';
import { readVendorRows, visibleSets, type VendorRowsQuery } from './vendor-list.js';
import { createSubmissionFiler, notificationMail, SERVER_BATCHES_IN_FLIGHT, shortLived } from './citizen-submissions.js';

export interface HelpRequestsDeps {
  db: Db;
  clock: Clock;
  registry: RegistryService;
  notifications: NotificationsService;
  audit: AuditService;
  /** How long a vendor list page is reused (VENDOR_LIST_CACHE_MS; 0: never). */
  vendorListCacheMs?: number;
  /** Acknowledgements one address may receive per 24 hours (OCMW_CITIZEN_MAILS_PER_ADDRESS_PER_DAY). */
  mailsPerAddressPerDay?: number;
  /**
   * Issue 17: the public form's proof of work: its HMAC key (OCMW_POW_SECRET; without it one made
   * once in the database, shared by every instance), difficulty (OCMW_POW_MAX_NUMBER) and how
   * long a challenge is accepted (OCMW_POW_TTL_MINUTES).
   */
  proof?: { secret?: string; maxNumber?: number; ttlMs?: number };
  /**
   * Issue 19: the platform administrators (address and own language), warned when a request
   * reaches an OCMW nobody can read; by default nobody.
   */
  platformAdmins?: () => Promise<{ email: string; language: Language }[]>;
}

/** Issue 19: the administrators' mail when requests reach an OCMW nobody can read (one a day per OCMW). */
export const UNREADABLE_OCMW_MAIL = 'admin-unreadable-ocmw';

/** A portal user acting for an OCMW (R6.8). */
export type OcmwUser = Caller & { username: string };

/** A REST account authenticated by its client certificate (R6.9). */
export interface VendorClient {
  accountId: string;
  accountName: string;
  organisationId: string;
  permissions: string[];
}

type VendorListQuery = VendorRowsQuery;
/** A page of the vendor list. A cached one is shared by the polls that get it: never change one. */
type Summary = Omit<z.infer<typeof HelpRequestSummary>, 'municipality'> & { municipality: string | LocalizedText };
/**
 * A list row: the summary, and the person's INSZ for the access log only (issue 24: a search by
 * INSZ finds the lists that showed the person). The response schema (HelpRequestSummary) leaves it out.
 */
type Listed = Summary & { insz: string | null };
/**
 * Frozen: the HTTP edge renders it once per language (src/http/localize.ts `rendered`). Issue 20:
 * nextCursor continues after its last row (null: no more); a page by number has page and total.
 */
export type VendorListPage = Readonly<{ items: Listed[]; pageSize: number; nextCursor: string | null; page?: number; total?: number }>;

export const DECISION_DAYS = 30; // R6.11
const FORWARD_DAYS = 5; // R6.11
/**
 * R6.5: OCMWs claimed and their mails recorded per transaction. A few round trips for many
 * OCMWs, yet short: on PGlite a transaction holds the only connection, and every request waits.
 */
const REMINDERS_PER_TRANSACTION = 50;
/**
 * R6.9: vendor software polls its list. A page read from the database is reused by this instance
 * for this long; every change through this service (a new, read, decided or forwarded request)
 * drops all pages at once, so a vendor that marks a request read never sees it unread again here.
 * A change on another instance shows within this time, as with the certificate cache.
 */
export const VENDOR_LIST_CACHE_MS = 1_000;
/** Pages kept at most (a page is ≤ 100 requests): expired ones go first, then all. */
const VENDOR_LIST_CACHE_ENTRIES = 256;
/**
 * Issue 20: the organisations an OCMW sees on a date change only with a merger (planned ahead;
 * the date is in the key): the vendor list reuses them this long, like the certificate cache.
 */
const VISIBLE_SET_MS = 5_000;
/** Issue 20: how long a submission reuses the competent OCMW of a postcode and date (see VISIBLE_SET_MS). */
const COMPETENCE_MS = 1_000;
/** Municipality names are reference data (loaded at start); the lists reuse them this long. */
const MUNICIPALITY_NAMES_MS = 10 * 60_000;

type OrgNames = { nameNl: string; nameFr: string; nameDe: string };
/** An organisation's name in every language: the edge picks the reader's (issue 18). */
const namesOf = (o: OrgNames): LocalizedText => localized({ nl: o.nameNl, fr: o.nameFr, de: o.nameDe });

function contactOf(c: ContactData | undefined) {
  if (!c) return null;
  return {
    street: localized({ nl: c.streetNl, fr: c.streetFr, de: c.streetDe }),
    number: c.number,
    box: c.box || null,
    postcode: c.postcode,
    city: localized({ nl: c.cityNl, fr: c.cityFr, de: c.cityDe }),
    phone: c.receptionPhone,
    email: c.receptionEmail || null,
  };
}

/** The OCMW's address block of the citizen's acknowledgement, in each language. */
function contactBlock(c: ContactData | undefined): LocalizedText | string {
  if (!c) return '';
  const block = (street: string, city: string) =>
    `${street} ${c.number}${c.box ? ` ${c.box}` : ''}, ${c.postcode} ${city}\n${c.receptionPhone}${c.receptionEmail ? `\n${c.receptionEmail}` : ''}`;
  return { nl: block(c.streetNl, c.cityNl), fr: block(c.streetFr || c.streetNl, c.cityFr || c.cityNl), de: block(c.streetDe || c.streetNl, c.cityDe || c.cityNl) };
}

function validation(fields: Record<string, Message>): AppError {
  return new AppError('validation', msg('http.validation'), fields);
}


/**
 * OCMW Online (SPEC §6): citizens file help requests; the competent OCMW (merger-aware, R6.2)
 * reads them in the portal or through the vendor API, forwards them (R6.11) and gets
 * notification and reminder mails (R6.4, R6.5). Which OCMW sees a request on a date follows
 * from the mergers (R6.7): nothing is rewritten at a cut-over.
 */
export function createHelpRequestsService({ db, clock, registry, notifications, audit, vendorListCacheMs = VENDOR_LIST_CACHE_MS, mailsPerAddressPerDay = 3, proof = {}, platformAdmins = async () => [] }: HelpRequestsDeps) {
  const proofOfWork = createProofOfWork({
    secret: async () => proof.secret ?? (await repo.proofSecret(db, newProofSecret())),
    maxNumber: proof.maxNumber ?? DEFAULT_POW_MAX_NUMBER,
    ttlMs: proof.ttlMs,
    now: () => clock.now(),
  });
  // The vendor list's pages (see VENDOR_LIST_CACHE_MS). A change clears them after its commit,
  // which also drops a page whose query was still running and might predate the change.
  const vendorPages = new Map<string, { until: number; page: Promise<VendorListPage> }>();
  // Changes this instance made or heard of: part of the vendor list's stamp, so that this
  // instance's own change ends its 304s at once, before the database's announcement of it arrives.
  let changes = 0;
  function changed() {
    changes++;
    vendorPages.clear();
  }
  // Issue 20: the help requests' change feed (migration 0030, src/db/notify.ts), opened at the first
  // conditional poll, until close(). An announcement from any instance also drops this one's pages.
  let feed: ChangeFeed | undefined;
  let closed = false;
  const feedStamp = () => {
    if (closed) return undefined;
    const heard = (feed ??= changeFeed(db, repo.HELP_REQUEST_CHANGES, changed)).stamp();
    return heard === undefined ? undefined : `${heard}.${changes}`;
  };
  // Issue 20: the organisations each OCMW sees, reused by the vendor list (vendor-list.ts).
  const visibleOf = visibleSets(db, () => clock.now().getTime(), VISIBLE_SET_MS);
  async function readVendorPage(organisationId: string, today: string, q: VendorListQuery): Promise<VendorListPage> {
    const { rows, ...paging } = await readVendorRows(db, visibleOf, organisationId, today, q);
    const names = await municipalityNames(rows, today);
    // Frozen: the HTTP edge renders a frozen page once per language and keeps it (src/http/localize.ts).
    return Object.freeze({ items: rows.map((r): Listed => ({ ...toSummary(r, today, names), insz: r.insz })), pageSize: q.pageSize, ...paging });
  }
  /** The page, as answered: the same object for every poll within the time (its JSON can be kept with it). */
  async function vendorPage(organisationId: string, today: string, q: VendorListQuery): Promise<VendorListPage> {
    if (vendorListCacheMs <= 0) return readVendorPage(organisationId, today, q);
    const key = pageKey(organisationId, today, q);
    const now = clock.now().getTime();
    const cached = vendorPages.get(key);
    if (cached && cached.until > now) return cached.page;
    // Concurrent polls of the same page share one query.
    const page = readVendorPage(organisationId, today, q);
    if (vendorPages.size >= VENDOR_LIST_CACHE_ENTRIES) {
      for (const [k, v] of vendorPages) if (v.until <= now) vendorPages.delete(k);
      if (vendorPages.size >= VENDOR_LIST_CACHE_ENTRIES) vendorPages.clear();
    }
    vendorPages.set(key, { until: now + vendorListCacheMs, page });
    try {
      return await page;
    } catch (error) {
      if (vendorPages.get(key)?.page === page) vendorPages.delete(key);
      throw error;
    }
  }

  /** A page of the vendor list: one instant written in several ways (Z, +00:00, fractions) is one page. */
  function pageKey(organisationId: string, today: string, q: VendorListQuery) {
    const since = q.since ? new Date(q.since).toISOString() : '';
    return `${organisationId}|${today}|${q.unread ? 'unread' : ''}|${since}|${q.cursor ?? q.page}|${q.pageSize}`;
  }

  function requireOcmwOnline(caller: Caller): string {
    const ctx = authContextOf(caller.context);
    const target = ctx?.organisationId ? { organisationId: ctx.organisationId, domainId: ctx.domainId } : undefined;
    if (!ctx?.organisationId || !HELP_REQUEST_READER_APPLICATIONS.some((application) => can(ctx, `app:${application}`, target))) {
      throw new AppError('forbidden', msg('auth.forbidden'));
    }
    return ctx.organisationId;
  }

  /**
   * Issue 19: a request reached an OCMW where nobody can read OCMW Online (no active member with
   * OCMW Online or Sociale Agent): each platform administrator is told, in their own language,
   * at most once a day per OCMW. One query when the OCMW has a reader (the usual case); none when
   * the caller checked already (`known`: a batch of submissions checks each OCMW once).
   */
  // Per OCMW, until when its last warning counts (24 hours after it).
  const warnedUntil = new Map<string, number>();
  // Warnings under way, per OCMW: concurrent ones in this process share one (one mail a day, not one per request).
  const warnings = new Map<string, Promise<void>>();
  function warnIfUnreadable(organisationId: string, reference: string, receivedOn: string, known = false): Promise<void> {
    const running = warnings.get(organisationId);
    if (running) return running;
    const warning = warnUnreadable(organisationId, reference, receivedOn, known).finally(() => warnings.delete(organisationId));
    warnings.set(organisationId, warning);
    return warning;
  }
  async function warnUnreadable(organisationId: string, reference: string, receivedOn: string, known: boolean) {
    if (!known && (await repo.withoutReader(db, [organisationId], clock.today())).length === 0) return;
    // The newest warning's day is remembered: no query until it is over (issue 20: a burst of submissions).
    if ((warnedUntil.get(organisationId) ?? 0) > clock.now().getTime()) return;
    const admins = await platformAdmins();
    if (admins.length === 0) return;
    // R1.6: named as on the date (OCMW Bilzen-Hoeselt from 2025), in each administrator's language.
    const ocmw = await registry.getOrganisation(organisationId, { on: clock.today() });
    const params = { ocmw: localized(ocmw.name), kbo: ocmw.kboFormatted, reference, receivedOn };
    // Once a day per OCMW across instances: the check and the mails are one step, under a lock per OCMW.
    const mails = await db.transaction(async (txh) => {
      const tx = txh as unknown as Db;
      await lockForTransaction(tx, `${UNREADABLE_OCMW_MAIL}:${organisationId}`);
      const last = await notifications.lastAbout(UNREADABLE_OCMW_MAIL, organisationId, tx);
      if (last && last.getTime() + 86_400_000 > clock.now().getTime()) {
        warnedUntil.set(organisationId, last.getTime() + 86_400_000);
        return [];
      }
      const recorded = [];
      for (const admin of admins) {
        recorded.push(
          await notifications.recordMessage(tx, {
            kind: UNREADABLE_OCMW_MAIL,
            organisationId,
            to: admin.email,
            subject: helpRequestMessages.msg('mail.admin.unreadable_ocmw.subject', params),
            body: helpRequestMessages.msg('mail.admin.unreadable_ocmw.body', params),
            languages: [admin.language],
          }),
        );
      }
      return recorded;
    });
    if (mails.length) warnedUntil.set(organisationId, clock.now().getTime() + 86_400_000);
    notifications.deliverLater(mails);
  }

  function requireVendor(client: VendorClient, permission: string) {
    if (!client.permissions.includes(permission)) throw new AppError('forbidden', msg('vendor.permission', { permission: PERMISSION_NAMES[permission as RestPermission] ?? permission }));
  }

  /** R6.1–R6.2: the municipality (chosen when the postcode is ambiguous) and its competent OCMW on the date. */
  async function resolve(postcode: string, nis: string | undefined, date: string, strict: boolean) {
    const { municipalities } = await registry.lookupPostcode(postcode, date);
    if (municipalities.length === 0) throw validation({ postcode: helpRequestMessages.msg('online.postcode_unknown') });
    let chosen = municipalities.length === 1 ? municipalities[0] : undefined;
    if (nis) {
      chosen = municipalities.find((m) => m.nis === nis);
      if (!chosen) throw validation({ nis: helpRequestMessages.msg('online.municipality_mismatch') });
    }
    if (!chosen) {
      if (strict) throw validation({ nis: helpRequestMessages.msg('online.municipality_required') });
      return { municipalities, chosen: undefined, ocmw: undefined };
    }
    const ocmws = await repo.competentOcmws(db, chosen.nis, date);
    if (ocmws.length !== 1) {
      if (strict) throw validation({ postcode: helpRequestMessages.msg('online.no_ocmw') });
      return { municipalities, chosen, ocmw: undefined };
    }
    return { municipalities, chosen, ocmw: ocmws[0] };
  }

  const publicView = (o: { id: string } & OrgNames, contact: ContactData | undefined) => ({ id: o.id, name: namesOf(o), contact: contactOf(contact) });

  /** R6.4: where the OCMW's notifications go, in its correspondence language(s) on the date; undefined when it has them off. */
  async function notifyOf(tx: Db, organisationId: string, receivedOn: string) {
    const settings = await repo.currentSection<OnlineSettingsData>(tx, organisationId, 'online');
    if (!settings?.notificationsEnabled || !settings.notificationAddress) return undefined;
    const areas = await repo.areaNisByOrganisation(tx, [organisationId], receivedOn);
    // Issue 18: in the OCMW's correspondence language(s).
    return { to: settings.notificationAddress, languages: correspondenceLanguages(areas.get(organisationId) ?? []) };
  }

  /** Records the notification mail for the OCMW when it has them on (R6.4): the reference only. */
  async function recordNotification(tx: Db, organisationId: string, reference: string, receivedOn: string) {
    const notify = await notifyOf(tx, organisationId, receivedOn);
    return notify && notifications.recordMessage(tx, notificationMail(organisationId, notify, reference, receivedOn));
  }

  // Issue 20: the competent OCMW of a postcode on a date follows from reference data and mergers
  // (planned ahead; the date is in the key): submissions reuse it for COMPETENCE_MS.
  const competence = shortLived<{ nis: string; ocmw: { id: string } & OrgNames }>(() => clock.now().getTime(), COMPETENCE_MS);

  // Issue 20: submissions are filed in batches (citizen-submissions.ts).
  const fileSubmission = createSubmissionFiler({
    db,
    clock,
    // On a server, batches overlap on their own connections (half the pool at most, the rest serves reads).
    batchesInFlight: Math.max(1, Math.min(SERVER_BATCHES_IN_FLIGHT, Math.floor(connectionsOf(db) / 2))),
    notifications,
    mailsPerAddressPerDay,
    resolve: (postcode, nis, date) => competence(`${postcode}|${nis ?? ''}|${date}`, async () => {
      const { chosen, ocmw } = await resolve(postcode, nis, date, true);
      return { nis: chosen!.nis, ocmw: ocmw! };
    }),
    async ocmwsForCitizens(ocmws, receivedOn) {
      const ids = ocmws.map((o) => o.id);
      const [contacts, settings] = await Promise.all([repo.currentSections<ContactData>(db, ids, 'contact'), repo.currentSections<OnlineSettingsData>(db, ids, 'online')]);
      const notified = ids.filter((id) => settings.get(id)?.notificationsEnabled && settings.get(id)?.notificationAddress);
      const areas = await repo.areaNisByOrganisation(db, notified, receivedOn);
      return new Map(
        ocmws.map((o) => {
          const contact = contacts.get(o.id);
          const to = notified.includes(o.id) ? settings.get(o.id)!.notificationAddress : undefined;
          return [o.id, { id: o.id, view: publicView(o, contact), contactBlock: contactBlock(contact), notify: to ? { to, languages: correspondenceLanguages(areas.get(o.id) ?? []) } : undefined }];
        }),
      );
    },
    withoutReader: (organisationIds, date) => repo.withoutReader(db, organisationIds, date),
    warnUnreadable: (organisationId, reference, receivedOn) => warnIfUnreadable(organisationId, reference, receivedOn, true),
    changed,
  });

  // R6.10: the receipt date of a filing date, worked out once per date (the holidays of its year are computed).
  const receiptDates = new Map<string, string>();
  function receiptDateOf(filedOn: string) {
    let date = receiptDates.get(filedOn);
    if (date === undefined) {
      if (receiptDates.size >= 64) receiptDates.clear();
      receiptDates.set(filedOn, (date = receiptDate(filedOn)));
    }
    return date;
  }

  // A page's rows share few receipt dates: their deadlines are computed once.
  const deadlines = new Map<string, string>();
  function deadlineOf(receivedOn: string) {
    let deadline = deadlines.get(receivedOn);
    if (deadline === undefined) {
      if (deadlines.size >= 4_096) deadlines.clear();
      deadline = addDays(receivedOn, DECISION_DAYS);
      deadlines.set(receivedOn, deadline);
    }
    return deadline;
  }

  function toSummary(row: repo.SummaryRow, today: string, names: Map<string, LocalizedText>) {
    const deadline = deadlineOf(row.receivedOn);
    return {
      id: row.id,
      reference: row.reference,
      filedAt: row.filedAt,
      receivedOn: row.receivedOn,
      kinds: row.kinds,
      municipality: names.get(row.nis) ?? row.nis,
      surname: row.surname,
      firstName: row.firstName,
      status: row.decidedAt ? ('decided' as const) : row.readAt ? ('read' as const) : ('unread' as const),
      deadline,
      isLate: !row.decidedAt && today > deadline,
    };
  }

  // The names of the NIS codes in the lists, per business date (the registry picks the period
  // valid on it), kept for MUNICIPALITY_NAMES_MS: a page of the list costs no registry query.
  let knownNames = { date: '', until: 0, byNis: new Map<string, Municipality | null>() };

  async function municipalityNames(rows: repo.SummaryRow[], today: string) {
    const now = clock.now().getTime();
    if (knownNames.date !== today || knownNames.until <= now) knownNames = { date: today, until: now + MUNICIPALITY_NAMES_MS, byNis: new Map() };
    const known = knownNames.byNis;
    const missing = [...new Set(rows.map((r) => r.nis))].filter((nis) => !known.has(nis));
    if (missing.length > 0) {
      const found = await registry.municipalityNames(missing, today);
      for (const nis of missing) known.set(nis, found.get(nis) ?? null);
    }
    const names = new Map<string, LocalizedText>();
    for (const { nis } of rows) {
      const m = known.get(nis);
      if (m && !names.has(nis)) names.set(nis, localized(m.name));
    }
    return names;
  }

  async function detail(organisationId: string, key: { id?: string; reference?: string }) {
    const today = clock.today();
    const row = await repo.findVisibleRequest(db, organisationId, today, key);
    if (!row) throw new AppError('not_found', msg('http.not_found'));
    const summary = toSummary(row, today, await municipalityNames([row], today));
    const forwardUntil = addDays(row.receivedOn, FORWARD_DAYS);
    return {
      ...summary,
      organisationId: row.organisationId,
      language: row.language,
      postcode: row.postcode,
      nis: row.nis,
      insz: row.insz,
      email: row.email,
      phone: row.phone,
      message: row.message,
      readAt: row.readAt,
      decidedAt: row.decidedAt,
      forwardUntil,
      canForward: !row.decidedAt && today <= forwardUntil,
      history: (await repo.listEvents(db, row.id)) as { kind: 'filed' | 'forwarded' | 'read' | 'decided'; at: string; by: string | null; fromOrganisation: string | null; toOrganisation: string | null; reason: string | null }[],
    };
  }

  async function markRead(organisationId: string, key: { id?: string; reference?: string }, by: string) {
    const current = await detail(organisationId, key);
    await db.transaction(async (txh) => {
      const tx = txh as unknown as Db;
      if (await repo.markRead(tx, current.id, clock.now(), by)) await repo.insertEvent(tx, { requestId: current.id, kind: 'read', at: clock.now(), by });
    });
    changed();
    return detail(organisationId, key);
  }

  function stripInternal<T extends { organisationId: string }>(d: T): Omit<T, 'organisationId'> {
    const { organisationId: _omit, ...rest } = d;
    return rest;
  }

  const service = {
    /** The form's lookup: municipalities of the postcode and, once clear, the competent OCMW. */
    async lookup(q: { postcode: string; nis?: string }) {
      const date = receiptDate(clock.today());
      const r = await resolve(q.postcode, q.nis, date, false);
      return {
        postcode: q.postcode,
        receiptDate: date,
        municipalities: r.municipalities.map((m) => ({ nis: m.nis, name: localized(m.name) })),
        ocmw: r.ocmw ? publicView(r.ocmw, await repo.currentSection<ContactData>(db, r.ocmw.id, 'contact')) : null,
      };
    },

    /**
     * R6.1–R6.4, R6.10: registers the request with its receipt date and reference, sends the
     * citizen's acknowledgement and the OCMW's notification (recorded in its transaction, sent
     * after the answer; failures are recorded).
     */
    async submit(input: CitizenRequest, spend?: { signature: string; expiresAt: Date }) {
      const at = businessNow(clock);
      const today = clock.today();
      const receivedOn = receiptDateOf(today);
      const filed = await fileSubmission({ input, spend, at, receivedOn, today });
      return {
        reference: filed.reference,
        filedAt: at.toISOString(),
        receivedOn,
        ocmw: filed.ocmw,
        acknowledgementTo: filed.acknowledged ? input.email || null : null,
      };
    },

    /**
     * Issue 19 (platform administrators): the OCMWs that have unread help requests on the
     * business date (R6.7: also those of OCMWs merged into them) and nobody who can read them.
     */
    async unreadableOcmws() {
      const rows = await repo.unreadableOcmws(db, clock.today());
      return {
        date: clock.today(),
        items: rows.map((r) => ({ organisationId: r.organisationId, name: namesOf(r), kbo: formatKbo(r.kbo), unread: r.unread, oldestReceivedOn: r.oldestReceivedOn })),
      };
    },

    /** Issue 17: a signed proof-of-work challenge for the public form. */
    proofChallenge() {
      return proofOfWork.challenge();
    },

    /**
     * Issue 17: the public form: the solved challenge is checked before anything else (one hash,
     * one HMAC), and recorded as used in the transaction that files the request.
     */
    async submitFromPublicForm({ proof: solution, ...input }: CitizenSubmission) {
      const checked = await proofOfWork.check(solution);
      if (!checked.ok) {
        throw validation({ proof: helpRequestMessages.msg(checked.reason === 'expired' ? 'online.proof_expired' : 'online.proof_invalid') });
      }
      return service.submit(input, checked);
    },

    /** Issue 17: forgets the used challenges that have expired (housekeeping). */
    purgeSpentProofs() {
      return repo.purgeSpentProofs(db, clock.now());
    },

    /** R6.8: the requests the caller's OCMW sees today. */
    async list(caller: Caller, q: HelpRequestListFilter) {
      const organisationId = requireOcmwOnline(caller);
      const today = clock.today();
      const { rows, total } = await repo.listRequests(db, organisationId, today, q, (q.page - 1) * q.pageSize, q.pageSize);
      const names = await municipalityNames(rows, today);
      return { items: rows.map((r): Listed => ({ ...toSummary(r, today, names), insz: r.insz })), total, page: q.page, pageSize: q.pageSize };
    },

    async get(caller: Caller, id: string) {
      return stripInternal(await detail(requireOcmwOnline(caller), { id }));
    },

    /** R6.6: reading stops the reminders; a second read changes nothing. */
    async markRead(caller: OcmwUser, id: string) {
      return stripInternal(await markRead(requireOcmwOnline(caller), { id }, caller.username));
    },

    async markDecided(caller: OcmwUser, id: string) {
      const organisationId = requireOcmwOnline(caller);
      const current = await detail(organisationId, { id });
      await db.transaction(async (txh) => {
        const tx = txh as unknown as Db;
        if (await repo.markDecided(tx, current.id, clock.now(), caller.username)) {
          await repo.insertEvent(tx, { requestId: current.id, kind: 'decided', at: clock.now(), by: caller.username });
        }
      });
      changed();
      return stripInternal(await detail(organisationId, { id }));
    },

    /** OCMWs to forward to: active ones (no successor on the date) other than the caller's. */
    async forwardTargets(caller: Caller, q: string) {
      const organisationId = requireOcmwOnline(caller);
      const rows = await repo.searchOcmws(db, q, clock.today(), organisationId);
      return rows.map((r) => ({ id: r.id, name: namesOf(r) }));
    },

    /**
     * R6.11: a non-competent OCMW forwards within 5 days of receipt, with a reason. The
     * reference and receipt date stay; the new OCMW gets it unread (and a notification).
     */
    async forward(caller: OcmwUser, id: string, body: { organisationId: string; reason: string }) {
      const organisationId = requireOcmwOnline(caller);
      const current = await detail(organisationId, { id });
      if (current.decidedAt) throw validation({ organisationId: helpRequestMessages.msg('online.forward_decided') });
      if (!current.canForward) throw validation({ organisationId: helpRequestMessages.msg('online.forward_too_late', { date: current.forwardUntil }) });
      const [target] = (await repo.searchOcmwById(db, body.organisationId, clock.today())).filter((t) => t.id !== organisationId);
      if (!target) throw validation({ organisationId: helpRequestMessages.msg('online.forward_target') });
      const mail = await db.transaction(async (txh) => {
        const tx = txh as unknown as Db;
        await repo.reassign(tx, current.id, target.id);
        await repo.insertEvent(tx, {
          requestId: current.id,
          kind: 'forwarded',
          at: clock.now(),
          by: caller.username,
          fromOrganisationId: organisationId,
          toOrganisationId: target.id,
          reason: body.reason,
        });
        await audit.record(tx, {
          actorUserId: caller.userId,
          actorRole: caller.context?.role ?? null,
          organisationId,
          domainId: caller.context?.domain?.id ?? null,
          action: 'online.request.forward',
          before: { reference: current.reference, organisationId },
          // The reason is free text about the person: it stays with the request's events, which the retention purge clears (issue 24).
          after: { reference: current.reference, organisationId: target.id },
        });
        return recordNotification(tx, target.id, current.reference, current.receivedOn);
      });
      changed();
      if (mail) await notifications.deliver(mail);
      // Best effort, after the request's own work is committed: a failure here must not answer an
      // error for a request that was filed (the citizen would file it again). The admin page and the
      // gauge read the unreadable OCMWs themselves, so the warning is not lost.
      await warnIfUnreadable(target.id, current.reference, current.receivedOn).catch(() => undefined);
      return { reference: current.reference, forwardedTo: { id: target.id, name: namesOf(target) } };
    },

    /**
     * Mails to the caller's OCMW that could not be delivered: for OCMW Online users and for the
     * OCMW's administrators of OCMW-configuratie, who set the addresses.
     */
    async mailFailures(caller: Caller) {
      const ctx = authContextOf(caller.context);
      const target = ctx?.organisationId ? { organisationId: ctx.organisationId, domainId: ctx.domainId } : undefined;
      const organisationId = ctx?.organisationId && can(ctx, 'app:ocmw-configuratie', target) ? ctx.organisationId : requireOcmwOnline(caller);
      return notifications.listFailed(organisationId);
    },

    /**
     * R6.5 for one day: per OCMW with reminders on, one mail listing the due references. Each
     * OCMW's reminder of the day is claimed first, so a rerun or a second instance sends nothing.
     */
    async runReminders(day: string = clock.today(), options: { dryRun?: boolean } = {}) {
      const due = await repo.dueReminders(db, day);
      if (options.dryRun) return { date: day, mails: due.map((r) => ({ ocmw: r.kbo, to: r.to, references: r.references })) };
      const result: { ocmw: string; to: string; references: string[] }[] = [];
      for (let i = 0; i < due.length; i += REMINDERS_PER_TRANSACTION) {
        const batch = due.slice(i, i + REMINDERS_PER_TRANSACTION);
        const recorded = await db.transaction(async (txh) => {
          const tx = txh as unknown as Db;
          const claimed = await repo.claimReminders(tx, day, batch);
          const areas = await repo.areaNisByOrganisation(tx, [...claimed], day);
          const mails = [];
          for (const r of batch.filter((b) => claimed.has(b.organisationId))) {
            const mail = await notifications.recordMessage(tx, {
              kind: 'online-reminder',
              organisationId: r.organisationId,
              to: r.to,
              subject: helpRequestMessages.msg('mail.online_reminder.subject', { count: r.references.length }),
              body: helpRequestMessages.msg('mail.online_reminder.body', { references: r.references.map((x) => `- ${x}`).join('\n') }),
              // Issue 18: in the OCMW's correspondence language(s).
              languages: correspondenceLanguages(areas.get(r.organisationId) ?? []),
            });
            mails.push({ reminder: r, mail });
          }
          await repo.setReminderMails(tx, day, mails.map(({ reminder, mail }) => ({ organisationId: reminder.organisationId, mailId: mail.id })));
          return mails;
        });
        for (const { reminder: r, mail } of recorded) {
          await notifications.deliver(mail);
          result.push({ ocmw: r.kbo, to: r.to, references: r.references });
        }
      }
      return { date: day, mails: result };
    },

    // ── vendor API (R6.9): the REST account's OCMW, by permission ──

    async vendorList(client: VendorClient, q: VendorListQuery): Promise<VendorListPage> {
      requireVendor(client, 'ocmw-online-proces');
      return vendorPage(client.organisationId, clock.today(), q);
    },

    /**
     * Issue 20: what a conditional poll of the list needs before reading it: the page's key (the
     * OCMW, business date and query) and the change feed's stamp. The route answers 304 without
     * reading the page when the tag it gave for this key was made at this stamp. No stamp (the feed
     * is not subscribed, e.g. its connection dropped): the page is read and its tag compared.
     */
    vendorListStamp(client: VendorClient, q: VendorListQuery): { key: string; stamp: string | undefined } {
      requireVendor(client, 'ocmw-online-proces');
      return { key: pageKey(client.organisationId, clock.today(), q), stamp: feedStamp() };
    },

    /** Ends the change feed's subscription (the vendor app's close); a later conditional poll reads the page. */
    async close() {
      closed = true;
      await feed?.close();
    },

    async vendorGet(client: VendorClient, reference: string) {
      requireVendor(client, 'ocmw-online-proces');
      return stripInternal(await detail(client.organisationId, { reference }));
    },

    /** Issue 24: the organisation and INSZ of the requests with these reference numbers (the access log of the mails naming them). */
    async ownersOf(references: readonly string[]): Promise<Map<string, { organisationId: string; insz: string | null }>> {
      const rows = await repo.findRequestOwners(db, [...new Set(references)]);
      return new Map(rows.map((r) => [r.reference, { organisationId: r.organisationId, insz: r.insz }]));
    },

    async vendorMarkRead(client: VendorClient, reference: string) {
      requireVendor(client, 'ocmw-online-proces');
      return stripInternal(await markRead(client.organisationId, { reference }, `rest:${client.accountName}`));
    },

    requireVendor,
  };
  return service;
}

export type HelpRequestsService = ReturnType<typeof createHelpRequestsService>;
