/**
 * Issue 24: recording the access log. A read of a citizen's data calls `record()`, which only
 * pushes onto an in-memory buffer; the buffer is written set-based (one multi-row INSERT) every
 * `flushMs` or as soon as `maxRows` wait, and on shutdown (`close()`). The read never waits for
 * the write. A failed write keeps the rows and retries with a growing pause, logging each failure;
 * only a crash of the process loses the rows not yet written (at most `flushMs` of reads, or
 * `maxRows`, plus what a failing database held back — see the module README).
 */
import type { Db } from '../../db/db.js';
import type { Clock } from '../../domain/clock.js';
import { insertAccessEntries, type AccessRow } from './access-log.repo.js';

import type { AccessChannel } from './access-log-channels.js';
import { isDataError, sqlState } from '../../db/errors.js';

export type { AccessChannel } from './access-log-channels.js';

/** Who read: a person in a role, or a machine account (a vendor's API client, a channel account, the CLI's operator). */
export type AccessActor = { userId: string; role: string | null } | { account: string };

/** One read of one object (or one person in a list) by one actor. */
export interface AccessEntry {
  /** The OCMW whose data was read. */
  organisationId: string;
  actor: AccessActor;
  channel: AccessChannel;
  /** What was done, e.g. `help-request.read`, `users.export` (the object's kind, a dot, the verb). */
  action: string;
  objectKind: string;
  objectId?: string | null;
  insz?: string | null;
}

export interface AccessLogOptions {
  db: Db;
  clock: Clock;
  /** How long a row may wait in the buffer (ms). */
  flushMs?: number;
  /** A flush starts at once when this many rows wait. */
  maxRows?: number;
  /** Where a failed write is reported (the app's logger); stderr when absent. */
  log?: { error: (obj: object, msg: string) => void };
  /** Only the benchmark turns it off, to measure a read without it; the product never does. */
  enabled?: boolean;
  /** A list row shown again to the same reader within this window is not recorded again (ms; see `listKey`). */
  repeatWindowMs?: number;
  /** Wall time (ms) for the repeat window; tests give their own. */
  now?: () => number;
}

export interface AccessLog {
  /** Records reads (buffered); never throws and never waits for the database. */
  record(entries: AccessEntry | readonly AccessEntry[]): void;
  /** Writes everything buffered now; rejects when the database refuses (the rows stay buffered). */
  flush(): Promise<void>;
  /** Stops the timer and writes what is left (the app's close hook). */
  close(): Promise<void>;
  /** Rows waiting to be written (tests, metrics). */
  pending(): number;
}

const MAX_BATCH = 1_000;

/** Repeats within this window: a vendor polling every second would otherwise log the same 20 people 900 times in 15 minutes. */
export const LIST_REPEAT_WINDOW_MS = 15 * 60_000;
/** List rows remembered for the window at most (about 15 MB); beyond, the oldest are forgotten and may be written again. */
const MAX_REMEMBERED = 100_000;

/**
 * The lists whose rows are summaries (a name, a date, a status): a row shown again is a repeat.
 * Not the lists whose rows are the data itself — `mutation.list` (each mutation's content) and
 * `dossier-form.list` (the vendor API's only read of a person's forms) — which are recorded every
 * time, like a detail read, a download, an export and a search.
 */
export const SUMMARY_LISTS: ReadonlySet<string> = new Set([
  'help-request.list',
  'ebox-document.list',
  'dossier.list',
  'user.list',
  'manager.list',
  'mail.list',
  'channel-upload.list',
  'subject-request.list',
]);

/**
 * The key under which a summary list row's read counts as a repeat: the same reader (person and
 * role, or account), channel, OCMW, action, object and INSZ, on the same business date (a showing
 * after midnight is that day's). Null for every other read: recorded every time.
 */
export function listKey(e: AccessEntry, businessDate: string): string | null {
  if (!SUMMARY_LISTS.has(e.action) || !e.objectId) return null;
  const who = 'userId' in e.actor ? `u:${e.actor.userId}:${e.actor.role ?? ''}` : `a:${e.actor.account}`;
  return `${businessDate}|${who}|${e.channel}|${e.organisationId}|${e.action}|${e.objectKind}|${e.objectId}|${e.insz ?? ''}`;
}

const MAX_RETRY_MS = 30_000;
/** Rows kept at most while the database refuses writes (about 50 MB). */
const MAX_PENDING = 200_000;

function toRow(e: AccessEntry, at: Date, businessDate: string): AccessRow {
  const person = 'userId' in e.actor ? e.actor : null;
  return {
    at,
    businessDate,
    organisationId: e.organisationId,
    actorUserId: person?.userId ?? null,
    actorRole: person?.role ?? null,
    actorAccount: 'account' in e.actor ? e.actor.account : null,
    channel: e.channel,
    action: e.action,
    objectKind: e.objectKind,
    objectId: e.objectId ?? null,
    insz: e.insz ?? null,
  };
}

/** The buffered recorder of the access log (one per process; created in services.ts). */
export function createAccessLog({ db, clock, flushMs = 50, maxRows = 500, log, enabled = true, repeatWindowMs = LIST_REPEAT_WINDOW_MS, now = Date.now }: AccessLogOptions): AccessLog {
  let buffer: AccessRow[] = [];
  /** List rows recorded lately: key → until when a repeat is not written (insertion order is time order). */
  const remembered = new Map<string, number>();
  let timer: NodeJS.Timeout | undefined;
  let chain: Promise<void> = Promise.resolve();
  let failures = 0;
  let closed = false;
  const report = log ?? { error: (obj: object, msg: string) => process.stderr.write(`${msg} ${JSON.stringify(obj)}\n`) };

  function schedule(ms: number) {
    if (timer || closed) return;
    timer = setTimeout(() => {
      timer = undefined;
      void flush().catch(() => {});
    }, ms);
    // A waiting flush never keeps a CLI or a test process alive; close() writes the rest.
    timer.unref();
  }

  /**
   * A batch the database refuses for its data (SQLSTATE class 22 or 23: a value or a constraint) would
   * be refused at every retry and hold back every read after it: its rows are tried one by one, and
   * the ones refused again are logged (what was read, never the INSZ) and left out.
   */
  async function writeOneByOne(batch: AccessRow[]): Promise<void> {
    for (const row of batch) {
      try {
        await insertAccessEntries(db, [row]);
      } catch (error) {
        const code = sqlState(error);
        if (!isDataError(error)) throw error;
        report.error({ code, action: row.action, objectKind: row.objectKind, objectId: row.objectId, channel: row.channel }, 'access log: an entry refused by the database, left out');
      }
    }
  }

  async function writeAll(): Promise<void> {
    while (buffer.length > 0) {
      const batch = buffer.slice(0, MAX_BATCH);
      try {
        await insertAccessEntries(db, batch).catch((error: unknown) => (isDataError(error) ? writeOneByOne(batch) : Promise.reject(error)));
      } catch (error) {
        failures += 1;
        // The error's detail can name a row ("Failing row contains (…)"): only what it is, never what it held.
        const code = sqlState(error);
        const { name } = error as { name?: string };
        report.error({ code, name, rows: buffer.length, attempt: failures }, 'access log: write failed, rows kept for a retry');
        schedule(Math.min(MAX_RETRY_MS, flushMs * 2 ** Math.min(failures, 10)));
        throw error;
      }
      failures = 0;
      buffer = buffer.slice(batch.length);
    }
  }

  /** Whether a list row's read is new in its window (and remembers it); a read without a key always is. */
  function isNew(key: string | null, t: number): boolean {
    if (key === null || repeatWindowMs <= 0) return true;
    const until = remembered.get(key);
    if (until !== undefined && until > t) return false;
    remembered.delete(key);
    remembered.set(key, t + repeatWindowMs);
    if (remembered.size > MAX_REMEMBERED) {
      for (const [k, u] of remembered) {
        if (u > t && remembered.size <= MAX_REMEMBERED) break;
        remembered.delete(k);
      }
    }
    return true;
  }

  function flush(): Promise<void> {
    if (timer) {
      clearTimeout(timer);
      timer = undefined;
    }
    // One writer at a time: a flush waits for the one before it, then writes what came meanwhile.
    const next = chain.then(writeAll);
    chain = next.catch(() => {});
    return next;
  }

  return {
    record(entries) {
      if (!enabled) return;
      const list = Array.isArray(entries) ? entries : [entries as AccessEntry];
      if (list.length === 0) return;
      const t = now();
      const businessDate = clock.today();
      const fresh = list.filter((e) => isNew(listKey(e, businessDate), t));
      if (fresh.length === 0) return;
      const at = new Date(t);
      for (const e of fresh) buffer.push(toRow(e, at, businessDate));
      // While the database fails, the back-off's timer writes next: a full buffer does not make every read try again.
      if (buffer.length >= maxRows && failures === 0) void flush().catch(() => {});
      else schedule(flushMs);
      if (buffer.length > MAX_PENDING) {
        // Bounded: a database down for long must not take the process's memory with it. The oldest go, loudly.
        const dropped = buffer.length - MAX_PENDING;
        buffer = buffer.slice(dropped);
        // Their repeats must not be taken as recorded: the next showing of any list row is written again.
        remembered.clear();
        report.error({ dropped, pending: buffer.length, attempt: failures }, 'access log: the database has refused writes for too long; the oldest entries were dropped');
      }
    },
    flush,
    async close() {
      closed = true;
      await flush();
    },
    pending: () => buffer.length,
  };
}
