import type { Db } from '../../db/db.js';
import { isDataError } from '../../db/errors.js';
import { lockAllForTransaction } from '../../db/lock.js';
import type { Clock } from '../../domain/clock.js';
import { formatHelpReference } from '../../domain/help-reference.js';
import { AppError } from '../../shared/errors.js';
import { msg } from '../../shared/messages.js';
import type { LocalizedText } from '../../shared/i18n.js';
import type { MessageMail, NotificationsService } from '../notifications/index.js';
import type { CitizenRequest } from './help-requests.schema.js';
import { helpRequestMessages } from './help-requests-messages.js';
import * as repo from './help-requests.repo.js';

/**
 * Issue 20: citizens' submissions are filed in batches (group commit). A submission waits at most
 * for the batch before it; the batch resolves each distinct postcode and OCMW once, takes its
 * reference numbers in one statement, files every request with its proof and event in one
 * statement and records every mail in one more (one transaction), then checks once per OCMW
 * whether anybody reads it (issue 19). So 1,000 submissions at once cost tens of statements, not
 * 15,000, and no submission holds a lock another waits for.
 */

/** A submission as the service hands it over: its instant and dates taken in the citizen's own request. */
export interface Submission {
  input: CitizenRequest;
  spend?: { signature: string; expiresAt: Date };
  at: Date;
  receivedOn: string;
  /** The business date of the request (SPEC intro: per request in tests). */
  today: string;
}

/** The OCMW as the citizen's receipt shows it: its name, address and contact data. */
export type OcmwView = { id: string; name: LocalizedText };

/** What the citizen's form needs to know of the OCMW on the receipt date. */
export interface OcmwForCitizens<V extends OcmwView = OcmwView> {
  id: string;
  view: V;
  /** The address block of the acknowledgement, in each language. */
  contactBlock: LocalizedText | string;
  /** R6.4: where its notification goes and in which languages; undefined when it has them off. */
  notify?: { to: string; languages: MessageMail['languages'] };
}

export interface Filed<V extends OcmwView = OcmwView> {
  reference: string;
  ocmw: V;
  acknowledged: boolean;
}

export interface SubmissionDeps<V extends OcmwView, O extends { id: string }> {
  db: Db;
  clock: Clock;
  notifications: NotificationsService;
  mailsPerAddressPerDay: number;
  /** R6.1–R6.2: the municipality and competent OCMW of a postcode on the receipt date (throws a validation error). */
  resolve(postcode: string, nis: string | undefined, date: string): Promise<{ nis: string; ocmw: O }>;
  /** The OCMWs as the citizen's receipt and mails need them on the receipt date (one batch's, at once). */
  ocmwsForCitizens(ocmws: O[], receivedOn: string): Promise<Map<string, OcmwForCitizens<V>>>;
  /** Issue 19: which of these OCMWs nobody can read on the date. */
  withoutReader(organisationIds: string[], date: string): Promise<string[]>;
  /** Issue 19: tells the administrators that a request reached an OCMW nobody reads (at most once a day per OCMW). */
  warnUnreadable(organisationId: string, reference: string, receivedOn: string): Promise<void>;
  /** Called after every committed batch (the vendor list's pages are dropped). */
  changed(): void;
  /** Batches at the database at once (default 1; the service gives SERVER_BATCHES_IN_FLIGHT on a server). */
  batchesInFlight?: number;
}

/** Submissions in one batch at most (the statement's JSON stays a few hundred kB). */
const BATCH_MAX = 500;
/**
 * Batches at the database at once: on PGlite one (its one connection runs one transaction; the
 * next fills while one is filed), on a server up to this many, each on its own connection. The
 * references come from the year's counter in one statement per batch, so overlapping batches
 * never share a number. Two, not more: the portal's event loop, not the server, is what a burst
 * waits for, and each batch costs it about ten round trips whatever its size; 1,000 citizens at
 * once took 1.4–1.6 s with one or two in flight, 1.9–2.2 s with four (same machine, same run).
 */
const BATCHES_IN_FLIGHT = 1;
export const SERVER_BATCHES_IN_FLIGHT = 2;
/** How long a batch waits for more submissions after its first (ms). */
const GATHER_MS = 10;
/**
 * Submissions waiting at most (ten full batches): beyond, the database cannot keep up, and a
 * new one is refused at once with 503 ("try again in a minute") instead of waiting without bound
 * while its citizen's browser gives up and the process's memory grows.
 */
const WAITING_MAX = 5_000;

/** The citizen's acknowledgement and the OCMW's notification (R6.4) of one filed request. */
function mailsOf(s: Submission, ocmw: OcmwForCitizens, reference: string, acknowledge: boolean): MessageMail[] {
  const mails: MessageMail[] = [];
  if (ocmw.notify) mails.push(notificationMail(ocmw.id, ocmw.notify, reference, s.receivedOn));
  // Issue 17: the address is not proven, so the mail carries no text of the citizen's.
  if (acknowledge) {
    mails.push({
      kind: 'online-acknowledgement',
      organisationId: null,
      to: s.input.email!,
      subject: helpRequestMessages.msg('mail.online_ack.subject', { reference }),
      body: helpRequestMessages.msg('mail.online_ack.body', { reference, receivedOn: s.receivedOn, ocmw: ocmw.view.name, contact: ocmw.contactBlock }),
      // Issue 18: in the language the citizen filed in.
      languages: [s.input.language],
    });
  }
  return mails;
}

/** R6.4: the OCMW's notification of a new (or forwarded) request: the reference only, in its correspondence language(s). */
export function notificationMail(organisationId: string, notify: NonNullable<OcmwForCitizens['notify']>, reference: string, receivedOn: string): MessageMail {
  return {
    kind: 'online-notification',
    organisationId,
    to: notify.to,
    subject: helpRequestMessages.msg('mail.online_notification.subject', { reference }),
    body: helpRequestMessages.msg('mail.online_notification.body', { reference, receivedOn }),
    languages: notify.languages,
  };
}

/**
 * Runs `run` over the items added, in batches: an item added while BATCHES_IN_FLIGHT batches are
 * running waits for one to end and goes with every other item waiting then. `run` settles each
 * item of its batch, in order.
 */
export interface BatchOutcome<R> {
  results: PromiseSettledResult<R>[];
  /** Work after the commit that the items' answers wait for, but the next batch does not. */
  after?: Promise<unknown>;
}

export function batcher<T, R>(run: (items: T[]) => Promise<PromiseSettledResult<R>[] | BatchOutcome<R>>, max = BATCH_MAX, inFlight = BATCHES_IN_FLIGHT, waitingMax = WAITING_MAX) {
  const waiting: { item: T; resolve: (r: R) => void; reject: (e: unknown) => void }[] = [];
  let running = 0;
  let scheduled = false;
  function schedule() {
    if (scheduled || waiting.length === 0 || running >= inFlight) return;
    scheduled = true;
    // A moment later: every request read meanwhile joins the batch. On PGlite a batch holds the
    // event loop (its WASM runs in this thread), so without the pause each batch would be one request.
    setTimeout(flush, GATHER_MS);
  }
  async function flush() {
    scheduled = false;
    if (running >= inFlight || waiting.length === 0) return;
    const batch = waiting.splice(0, max);
    running++;
    schedule();
    let outcome: BatchOutcome<R>;
    try {
      const ran = await run(batch.map((b) => b.item));
      outcome = Array.isArray(ran) ? { results: ran } : ran;
    } catch (error) {
      for (const b of batch) b.reject(error);
      return;
    } finally {
      running--;
      schedule();
    }
    // The slot is free: the next batch goes to the database while this one's follow-up runs.
    await outcome.after?.catch(() => undefined);
    batch.forEach((b, i) => {
      const r = outcome.results[i]!;
      if (r.status === 'fulfilled') b.resolve(r.value);
      else b.reject(r.reason);
    });
  }
  return (item: T) => new Promise<R>((resolve, reject) => {
    if (waiting.length >= waitingMax) return reject(new AppError('unavailable', msg('http.busy')));
    waiting.push({ item, resolve, reject });
    schedule();
  });
}

/**
 * A value per key kept for `ms` (a promise: concurrent askers share one query; a failed one is
 * not kept). Bounded: at 1,000 keys everything is dropped.
 */
export function shortLived<T>(now: () => number, ms: number) {
  const known = new Map<string, { until: number; value: Promise<T> }>();
  return (key: string, make: () => Promise<T>): Promise<T> => {
    const t = now();
    const hit = known.get(key);
    if (hit && hit.until > t) return hit.value;
    if (known.size >= 1_000) known.clear();
    const value = make();
    known.set(key, { until: t + ms, value });
    value.catch(() => known.get(key)?.value === value && known.delete(key));
    return value;
  };
}

const proofUsed = () => new AppError('validation', msg('http.validation'), { proof: helpRequestMessages.msg('online.proof_used') });

/** The advisory lock of the acknowledgements to one address (also taken by an erasure, privacy module). */
export function acknowledgementLockKey(address: string): string {
  return `online-acknowledgement:${address.toLowerCase()}`;
}

/** Files citizens' submissions in batches (see above); resolves each with its reference, or rejects it with its refusal. */
export function createSubmissionFiler<V extends OcmwView, O extends { id: string }>(deps: SubmissionDeps<V, O>) {
  const { db, clock, notifications, mailsPerAddressPerDay } = deps;

  /** A batch, and the warnings about OCMWs nobody reads as its follow-up (see batcher). */
  async function fileAndWarn(items: Submission[]): Promise<BatchOutcome<Filed<V>>> {
    const { results, warn } = await fileBatch(items);
    return { results, after: warn() };
  }

  async function fileBatch(items: Submission[]): Promise<{ results: PromiseSettledResult<Filed<V>>[]; warn: () => Promise<void> }> {
    const none = async () => undefined;
    // Each distinct postcode and OCMW once per batch (not longer: a change of settings counts at once).
    const memo = new Map<string, Promise<unknown>>();
    const once = <V>(key: string, f: () => Promise<V>): Promise<V> => {
      let p = memo.get(key) as Promise<V> | undefined;
      if (!p) memo.set(key, (p = f()));
      return p;
    };
    const results: PromiseSettledResult<Filed<V>>[] = items.map(() => ({ status: 'rejected', reason: undefined }));
    const resolved = await Promise.allSettled(
      items.map((s) => once(`${s.input.postcode}|${s.input.nis ?? ''}|${s.receivedOn}`, () => deps.resolve(s.input.postcode, s.input.nis, s.receivedOn))),
    );
    // The OCMWs of the batch, per receipt date, in one go.
    const ocmwsOn = new Map<string, Map<string, O>>();
    resolved.forEach((r, i) => {
      if (r.status === 'fulfilled') ocmwsOn.set(items[i]!.receivedOn, (ocmwsOn.get(items[i]!.receivedOn) ?? new Map()).set(r.value.ocmw.id, r.value.ocmw));
    });
    const known = new Map<string, Map<string, OcmwForCitizens<V>>>();
    let lookupError: unknown;
    for (const [day, ocmws] of ocmwsOn) {
      try {
        known.set(day, await deps.ocmwsForCitizens([...ocmws.values()], day));
      } catch (error) {
        lookupError = error;
      }
    }
    const prepared: PromiseSettledResult<{ nis: string; ocmw: OcmwForCitizens<V> }>[] = resolved.map((r, i) =>
      r.status === 'rejected'
        ? r
        : known.has(items[i]!.receivedOn)
          ? { status: 'fulfilled', value: { nis: r.value.nis, ocmw: known.get(items[i]!.receivedOn)!.get(r.value.ocmw.id)! } }
          : { status: 'rejected', reason: lookupError },
    );
    // Issue 17: a solution counts once; a second use within the batch is refused here, across batches by the statement.
    const signatures = new Set<string>();
    const ready: number[] = [];
    const places: { nis: string; ocmw: OcmwForCitizens<V> }[] = [];
    prepared.forEach((p, i) => {
      const signature = items[i]!.spend?.signature;
      if (p.status === 'rejected') results[i] = p;
      else if (signature !== undefined && signatures.has(signature)) results[i] = { status: 'rejected', reason: proofUsed() };
      else {
        if (signature !== undefined) signatures.add(signature);
        places[i] = p.value;
        ready.push(i);
      }
    });
    if (ready.length === 0) return { results, warn: none };

    // R6.3: the numbers, per receipt year, in one statement each: unique, not gapless.
    const references = new Map<number, string>();
    const byYear = new Map<number, number[]>();
    for (const i of ready) {
      const year = Number(items[i]!.receivedOn.slice(0, 4));
      byYear.set(year, [...(byYear.get(year) ?? []), i]);
    }
    for (const [year, of] of byYear) {
      const numbers = await repo.nextSequences(db, year, of.length);
      of.forEach((i, k) => references.set(i, formatHelpReference(year, numbers[k]!)));
    }
    // Issue 17: at most mailsPerAddressPerDay acknowledgements to one address in 24 hours.
    const emails = ready.map((i) => items[i]!.input.email).filter((e): e is string => Boolean(e));

    let filed: Set<string>;
    let mailRows: Awaited<ReturnType<NotificationsService['recordMessages']>>;
    const acknowledged = new Set<number>();
    try {
      mailRows = await db.transaction(async (txh) => {
        const tx = txh as unknown as Db;
        // Counted inside the transaction, under a lock per address: batches that overlap on a server
        // (and other instances) take turns for an address, so the limit holds across them.
        await lockAllForTransaction(tx, emails.map(acknowledgementLockKey));
        const sent = await notifications.countSentToEach('online-acknowledgement', emails, new Date(clock.now().getTime() - 86_400_000), mailsPerAddressPerDay, tx);
        const rows = await repo.insertSubmissions(
          tx,
          ready.map((i) => {
            const { input, spend, at, receivedOn } = items[i]!;
            const { nis, ocmw } = places[i]!;
            return {
              reference: references.get(i)!,
              organisationId: ocmw.id,
              filedAt: at,
              receivedOn,
              language: input.language,
              kinds: input.kinds,
              postcode: input.postcode,
              nis,
              surname: input.surname,
              firstName: input.firstName,
              insz: input.insz || null,
              email: input.email || null,
              phone: input.phone || null,
              message: input.message,
              proof: spend,
            };
          }),
        );
        filed = new Set(rows.map((r) => r.reference));
        const mails: MessageMail[] = [];
        for (const i of ready) {
          const reference = references.get(i)!;
          if (!filed.has(reference)) continue;
          const s = items[i]!;
          const address = s.input.email?.toLowerCase();
          const acknowledge = address !== undefined && address !== '' && (sent.get(address) ?? 0) < mailsPerAddressPerDay;
          if (acknowledge) {
            sent.set(address, (sent.get(address) ?? 0) + 1);
            acknowledged.add(i);
          }
          mails.push(...mailsOf(s, places[i]!.ocmw, reference, acknowledge));
        }
        return notifications.recordMessages(tx, mails);
      });
    } catch (error) {
      // One bad submission must not cost the others theirs: when the database refused the data, the
      // batch is filed again in halves (with new numbers), so one bad submission among n costs about
      // 2·log2(n) retries, not n. Any other failure (connection, timeout) would only repeat: the batch
      // is refused as a whole (each citizen sees an error and may send again; nothing was filed).
      if (!isDataError(error)) {
        for (const i of ready) results[i] = { status: 'rejected', reason: error };
        return { results, warn: none };
      }
      if (ready.length === 1) {
        results[ready[0]!] = { status: 'rejected', reason: error };
        return { results, warn: none };
      }
      const half = Math.ceil(ready.length / 2);
      const warnings: (() => Promise<void>)[] = [];
      for (const part of [ready.slice(0, half), ready.slice(half)]) {
        const settled = await fileBatch(part.map((i) => items[i]!));
        part.forEach((i, k) => (results[i] = settled.results[k]!));
        warnings.push(settled.warn);
      }
      return { results, warn: async () => void (await Promise.all(warnings.map((w) => w()))) };
    }
    // After the commit, outside the try above: nothing here may file the committed batch a second
    // time. Both only touch this process's memory (the vendor list's cache, the send queue); were
    // one to fail, the housekeeping job still sends the recorded mails.
    try {
      deps.changed();
      notifications.deliverLater(mailRows);
    } catch {
      // The requests are filed: their answers stand.
    }

    for (const i of ready) {
      const reference = references.get(i)!;
      results[i] = filed!.has(reference)
        ? { status: 'fulfilled', value: { reference, ocmw: places[i]!.ocmw.view, acknowledged: acknowledged.has(i) } }
        : { status: 'rejected', reason: proofUsed() };
    }
    // Issue 19: checked once per OCMW and date of the batch, and the administrators warned once per
    // OCMW. Best effort, after the commit: a failure here must not answer an error for a request that
    // was filed (the citizen would file it again); the admin page and the gauge read the state themselves.
    // It runs as the batch's follow-up: the answers wait for it, the next batch does not.
    const warn = async () => {
      const firstOf = new Map<string, number>();
      for (const i of ready) if (filed!.has(references.get(i)!)) firstOf.set(`${items[i]!.today}|${places[i]!.ocmw.id}`, firstOf.get(`${items[i]!.today}|${places[i]!.ocmw.id}`) ?? i);
      const days = new Set(items.map((s) => s.today));
      for (const day of days) {
        const ids = [...firstOf.keys()].filter((k) => k.startsWith(`${day}|`)).map((k) => k.slice(day.length + 1));
        const unreadable = await deps.withoutReader(ids, day).catch(() => []);
        for (const id of unreadable) {
          const i = firstOf.get(`${day}|${id}`)!;
          await clock.runWithToday(day, () => deps.warnUnreadable(id, references.get(i)!, items[i]!.receivedOn)).catch(() => undefined);
        }
      }
    };
    return { results, warn };
  }

  return batcher(fileAndWarn, BATCH_MAX, deps.batchesInFlight ?? BATCHES_IN_FLIGHT);
}
