import type { Transporter } from 'nodemailer';
import type { Db } from '../../db/db.js';
import type { Clock } from '../../domain/clock.js';
import type { Language, Message } from '../../shared/i18n.js';
import * as repo from './notifications.repo.js';

export interface MailConfig {
  /** smtp://user:pass@host:port (or smtps://); without it, mails go to the dev outbox. */
  smtpUrl?: string;
  from: string;
  /** Extra nodemailer transport options (tests: ignoreTLS). */
  transportOptions?: Record<string, unknown>;
}

export interface OutgoingMail {
  kind: string;
  organisationId?: string | null;
  to: string;
  subject: string;
  text: string;
}

/**
 * A mail as the domain says it (issue 18): keys, no text. The mail renderer — this module, an
 * edge — writes it in each of the recipient's languages (a person's own language; an OCMW's
 * correspondence language(s): Brussels NL and FR, the German-speaking area DE).
 */
export interface MessageMail {
  kind: string;
  organisationId?: string | null;
  to: string;
  subject: Message;
  body: Message;
  languages: readonly Language[];
}

export type RenderMessage = (message: Message, lang: Language) => string;

/** Between the languages of a mail written in several. */
export const LANGUAGE_SEPARATOR = '\n\n— — —\n\n';

/** Subject and text in each language, in the order given (NL, FR, DE for a bilingual OCMW). */
export function renderMail(mail: MessageMail, render: RenderMessage): OutgoingMail {
  const languages = mail.languages.length ? [...new Set(mail.languages)] : (['nl'] as const);
  return {
    kind: mail.kind,
    organisationId: mail.organisationId,
    to: mail.to,
    subject: languages.map((l) => render(mail.subject, l)).join(' / '),
    text: languages.map((l) => render(mail.body, l)).join(LANGUAGE_SEPARATOR),
  };
}

/** Attempts in one round (a few hundred ms apart); a round that fails transiently is retried later. */
const MAX_ATTEMPTS = 3;
/** A mail that cannot be delivered now is retried for at least this long, then marked failed. */
export const MAIL_RETRY_HOURS = 24;

/** The wait after the n-th failed round: 15 min, 30 min, 1 h, 2 h, then every 4 h (the housekeeping job picks it up). */
export function retryDelayMs(round: number): number {
  return Math.min(15 * 60_000 * 2 ** Math.max(0, round - 1), 4 * 3_600_000);
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The HTML part of a mail: its text, escaped, one paragraph per blank-line block, links clickable. */
export function textToHtml(text: string): string {
  const paragraphs = text.split(/\n{2,}/).map((p) =>
    `<p>${escapeHtml(p)
      .replace(/(https?:\/\/[^\s<]+)/g, '<a href="$1">$1</a>')
      .replace(/\n/g, '<br>')}</p>`,
  );
  return `<!doctype html><html><body style="font-family:sans-serif;line-height:1.4">${paragraphs.join('\n')}</body></html>`;
}
/**
 * A mail is recorded in the business transaction and sent after its commit: the sending process
 * first takes it (queued → sending, one statement, so no two processes send one mail). One still
 * queued this long after it was recorded lost its process before that: the housekeeping job
 * sends it.
 */
export const STALE_MAIL_MS = 10 * 60_000;
/**
 * A mail taken this long ago and never finished lost its process while sending (longer than the
 * three attempts with nodemailer's connection and socket timeouts can take): sent again. The
 * message id is the mail's id, so a receiving server can tell the rare duplicate.
 */
export const MAIL_LEASE_MS = 60 * 60_000;

/**
 * Mail (R6.4–R6.5, expiry warnings): every mail is recorded with its delivery status. With an
 * SMTP server it is sent through nodemailer, with retries for transient failures (4xx, network);
 * without one it stays in the dev outbox, which administrators see in the portal.
 */
/** A mail as the outbox shows it (dates as ISO strings). */
/** Mails sent at the same time by deliverLater. */
const BACKGROUND_SENDERS = 4;
/** Mails waiting for deliverLater at most; more are left to the housekeeping job (STALE_MAIL_MS). */
const BACKGROUND_QUEUE = 10_000;

/**
 * Issue 20: a request that records mails (a citizen's submission) answers without waiting for
 * SMTP: its mails, recorded as `queued` in its transaction, are sent here afterwards, a few at a
 * time. A mail this process does not get to (it stops, its queue is full, the database is
 * unreachable) stays queued, and the housekeeping job sends it after STALE_MAIL_MS.
 */
export function backgroundSender(send: (row: repo.MailRow) => Promise<unknown>) {
  const queue: repo.MailRow[] = [];
  let running = 0;
  let waiters: (() => void)[] = [];
  function pump() {
    while (running < BACKGROUND_SENDERS && queue.length > 0) {
      const row = queue.shift()!;
      running++;
      send(row)
        // Left queued (or taken): the housekeeping job sends it later.
        .catch(() => undefined)
        .finally(() => {
          running--;
          pump();
          if (running === 0 && queue.length === 0) {
            for (const w of waiters) w();
            waiters = [];
          }
        });
    }
  }
  return {
    add(row: repo.MailRow) {
      if (queue.length >= BACKGROUND_QUEUE) return;
      queue.push(row);
      pump();
    },
    idle(): Promise<void> {
      return running === 0 && queue.length === 0 ? Promise.resolve() : new Promise((resolve) => waiters.push(resolve));
    },
  };
}

export function mailView(r: repo.MailRow) {
  return { ...r, createdAt: r.createdAt.toISOString(), sentAt: r.sentAt?.toISOString() ?? null, nextAttemptAt: r.nextAttemptAt?.toISOString() ?? null };
}

export function createNotificationsService({ db, clock, config, render }: { db: Db; clock: Clock; config: MailConfig; render?: RenderMessage }) {
  const renderText: RenderMessage = render ?? ((m) => m.key);
  const smtpUrl = config.smtpUrl;
  // Issue 20: nodemailer is loaded with the first mail sent, not at start.
  let transport: Promise<Transporter> | undefined;
  const smtp = (url: string) =>
    (transport ??= import('nodemailer').then(({ default: nodemailer }) => nodemailer.createTransport(url, { ...(config.transportOptions ?? {}) })));
  // Without an SMTP server a mail is recorded in the dev outbox at once: delivering it would only set that.
  const recordedStatus = smtpUrl ? 'queued' : 'outbox';
  const later = backgroundSender((row) => deliver(row));
  function rowOf(mail: MessageMail) {
    const m = renderMail(mail, renderText);
    return { kind: m.kind, organisationId: m.organisationId ?? null, toAddress: m.to, subject: m.subject, bodyText: m.text, status: recordedStatus };
  }

  function isTransient(error: unknown): boolean {
    const e = error as { responseCode?: number; code?: string };
    if (e.responseCode) return e.responseCode >= 400 && e.responseCode < 500;
    return ['ECONNECTION', 'ETIMEDOUT', 'ECONNREFUSED', 'ESOCKET', 'EDNS'].includes(e.code ?? '');
  }

  /** Takes the mail and sends it; a mail another process has taken, or sent, is left alone. */
  async function deliver(row: repo.MailRow): Promise<repo.MailRow> {
    const claimed = await repo.claimMail(db, row.id, clock.now());
    return claimed ? sendClaimed(claimed) : row;
  }

  async function sendClaimed(row: repo.MailRow): Promise<repo.MailRow> {
    if (!smtpUrl) {
      await repo.updateMail(db, row.id, { status: 'outbox' });
      return { ...row, status: 'outbox' };
    }
    let attempts = row.attempts;
    for (let tries = 1; ; tries++) {
      // Issue 24: a mail erased meanwhile (a citizen's request) is not tried again.
      if (tries > 1 && !(await repo.isSending(db, row.id))) return row;
      attempts++;
      try {
        await (await smtp(smtpUrl)).sendMail({
          from: config.from,
          to: row.toAddress,
          subject: row.subject,
          text: row.bodyText,
          html: textToHtml(row.bodyText),
          messageId: `<${row.id}@ocmw-portal>`,
        });
        await repo.updateMail(db, row.id, { status: 'sent', attempts, sentAt: clock.now(), lastError: null, nextAttemptAt: null });
        return { ...row, status: 'sent', attempts };
      } catch (error) {
        const lastError = (error as Error).message.slice(0, 500);
        if (!isTransient(error)) return fail(row, attempts, lastError);
        if (tries >= MAX_ATTEMPTS) {
          // Not now: again later through the housekeeping job, until the retry window is over.
          const now = clock.now();
          const until = row.retryUntil ?? new Date(row.createdAt.getTime() + MAIL_RETRY_HOURS * 3_600_000);
          if (now >= until) return fail(row, attempts, lastError);
          const nextAttemptAt = new Date(now.getTime() + retryDelayMs(Math.ceil(attempts / MAX_ATTEMPTS)));
          await repo.updateMail(db, row.id, { status: 'queued', attempts, lastError, nextAttemptAt, claimedAt: null });
          return { ...row, status: 'queued', attempts, lastError, nextAttemptAt };
        }
        await repo.updateMail(db, row.id, { attempts, lastError });
        await new Promise((r) => setTimeout(r, 200 * tries));
      }
    }
  }

  async function fail(row: repo.MailRow, attempts: number, lastError: string): Promise<repo.MailRow> {
    await repo.updateMail(db, row.id, { status: 'failed', attempts, lastError, nextAttemptAt: null });
    return { ...row, status: 'failed', attempts, lastError };
  }

  return {
    hasSmtp: Boolean(smtpUrl),

    /** How many mails of `kind` went to each address since `since` (limits per address), keyed by the lower-case address (absent: none), each counted up to `cap`. */
    countSentToEach(kind: string, to: string[], since: Date, cap: number, tx: Db = db): Promise<Map<string, number>> {
      return repo.countMailsToEach(tx, kind, to, since, cap);
    },

    /** Issue 19: when the newest mail of a kind about an organisation was recorded (undefined: never). */
    lastAbout(kind: string, organisationId: string, tx: Db = db): Promise<Date | undefined> {
      return repo.lastMailAbout(tx, kind, organisationId);
    },

    /** Records the mail in the caller's transaction and returns its row; call deliver() after commit. */
    async record(tx: Db, mail: OutgoingMail) {
      return repo.insertMail(tx, { kind: mail.kind, organisationId: mail.organisationId ?? null, toAddress: mail.to, subject: mail.subject, bodyText: mail.text, status: recordedStatus });
    },

    /** Records a mail given as keys, written in the recipient's language(s) (issue 18). */
    async recordMessage(tx: Db, mail: MessageMail) {
      return repo.insertMail(tx, rowOf(mail));
    },

    /** Issue 20: recordMessage for several mails in one statement; rows in the order given. */
    recordMessages(tx: Db, list: MessageMail[]) {
      return repo.insertMails(tx, list.map(rowOf));
    },

    /** Sends a recorded mail (or leaves it in the dev outbox); never throws for SMTP trouble. */
    deliver,

    /**
     * Issue 20: sends recorded mails after the caller has answered (a few at a time, in this
     * process); see backgroundSender. The caller does not wait for SMTP.
     */
    deliverLater(rows: repo.MailRow[]) {
      for (const row of rows) if (row.status === 'queued') later.add(row);
    },

    /** Resolves once every mail handed to deliverLater has been tried (tests, shutdown). */
    idle: () => later.idle(),

    /** Records and sends at once. */
    async send(mail: OutgoingMail) {
      return deliver(await repo.insertMail(db, { kind: mail.kind, organisationId: mail.organisationId ?? null, toAddress: mail.to, subject: mail.subject, bodyText: mail.text }));
    },

    /** Sends the mails a stopped process left behind (STALE_MAIL_MS, MAIL_LEASE_MS); returns how many. */
    async redeliverStale(limit = 500): Promise<number> {
      const now = clock.now();
      const rows = await repo.claimStale(db, new Date(now.getTime() - STALE_MAIL_MS), new Date(now.getTime() - MAIL_LEASE_MS), now, limit);
      for (const row of rows) await sendClaimed(row);
      return rows.length;
    },

    /**
     * An administrator sends a failed mail again: queued with a new retry window
     * (MAIL_RETRY_HOURS) and delivered now. Undefined when the mail is unknown or not failed.
     */
    async resend(id: string): Promise<repo.MailRow | undefined> {
      const row = await repo.requeueFailed(db, id, new Date(clock.now().getTime() + MAIL_RETRY_HOURS * 3_600_000));
      return row && deliver(row);
    },

    /** The outbox for administrators: every mail with its status, newest first. */
    async list(page: number, pageSize: number) {
      const { rows, total } = await repo.listMails(db, (page - 1) * pageSize, pageSize);
      return {
        items: rows.map(mailView),
        total,
        page,
        pageSize,
      };
    },

    /** Mails to an organisation that could not be delivered (R6.4–R6.5: shown to the OCMW). */
    async listFailed(organisationId: string) {
      return (await repo.listFailedMails(db, organisationId)).map((r) => ({ ...r, createdAt: r.createdAt.toISOString() }));
    },

    async close() {
      await later.idle();
      (await transport)?.close();
    },
  };
}

export type NotificationsService = ReturnType<typeof createNotificationsService>;
