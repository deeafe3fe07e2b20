import { createHash } from 'node:crypto';
import type { z } from 'zod';
import type { Db } from '../../db/db.js';
import { addDays, businessNow as businessNowOf, isIsoDate, type Clock } from '../../domain/clock.js';
import { AppError, type FieldMessages } from '../../shared/errors.js';
import { localized, type LocalizedText } from '../../shared/i18n.js';
import { isMessageKey, msg } from '../../shared/messages.js';
import { issueToMessage } from '../../shared/validation-messages.js';
import { authContextOf, can, type Caller } from '../access/index.js';
import type { AuditService } from '../audit/index.js';
import type { NotificationsService } from '../notifications/index.js';
import type { RegistryService } from '../registry/index.js';
import { contentProblem, decodedSize, fileNameProblem, normaliseBase64 } from './attachment-rules.js';
import { correspondenceLanguages } from '../../domain/correspondence.js';
import { isMailboxMessageKey, mailboxMessages } from './mailbox-messages.js';
import {
  EBOX_ATTACHMENT_MAX_BYTES,
  PublishDocumentFile,
  type EboxDocumentSummary,
  type EboxListFilter,
  type PublishDocument,
} from './mailbox.schema.js';
import * as repo from './mailbox.repo.js';

export interface MailboxDeps {
  db: Db;
  clock: Clock;
  registry: RegistryService;
  notifications: NotificationsService;
  audit: AuditService;
}

/** A portal user reading the e-Box of the organisation of their chosen role. */
export type EboxUser = Caller & { username: string };

/** The organisation that publishes, and the name of its credential (API client, CLI source) for the audit log. */
export interface Institution {
  organisationId: string;
  name: string;
  /** A token's scopes and id (the API); absent for the operator's CLI. */
  scopes?: string[];
  clientId?: string;
}


function validation(fields: FieldMessages): AppError {
  return new AppError('validation', msg('http.validation'), fields);
}

const knownKey = (key: string) => isMailboxMessageKey(key) || isMessageKey(key);

/** Zod issues (CLI input) → field → message (the e-Box's own keys where a schema names one). */
function fieldErrorsOf(issues: z.core.$ZodIssue[]): FieldMessages {
  const fields: FieldMessages = {};
  for (const issue of issues) fields[issue.path.join('.') || '_'] ??= issueToMessage(issue as Parameters<typeof issueToMessage>[0], knownKey);
  return fields;
}

/**
 * The sender in every language, as the rest of the portal names organisations: FR and DE their
 * own name (the Dutch one when it is empty), EN the Dutch one; the edge picks the reader's. The
 * name stored at publication stands in for a document without a sender organisation.
 */
function senderNames(row: repo.SummaryRow): LocalizedText | string {
  if (row.senderNameNl === null) return row.senderName;
  const nl = row.senderNameNl || row.senderName;
  return localized({ nl, fr: row.senderNameFr || nl, de: row.senderNameDe || nl });
}

type Summary = Omit<EboxDocumentSummary, 'sender'> & { sender: { name: LocalizedText | string; kbo: string | null } };

function toSummary(row: repo.SummaryRow): Summary {
  return {
    id: row.id,
    sender: { name: senderNames(row), kbo: row.senderKbo },
    title: row.title,
    category: row.category,
    messageType: row.messageType,
    isRsz: row.isRsz,
    documentDate: row.documentDate,
    receivedAt: row.receivedAt,
    read: row.readAt !== null,
    visible: row.visible,
    attachment:
      row.attachmentName && row.attachmentMime && row.attachmentSha256 && row.attachmentSize !== null
        ? { name: row.attachmentName, mime: row.attachmentMime, size: row.attachmentSize, sha256: row.attachmentSha256 }
        : null,
  };
}

function toDetail(row: repo.DetailRow) {
  return { ...toSummary(row), body: row.body, readAt: row.readAt, readBy: row.readBy, hiddenAt: row.hiddenAt, hiddenBy: row.hiddenBy };
}

/**
 * The e-Box of each organisation (SPEC R10.1, R8.2). Institutions publish documents (API with a
 * machine credential, CLI); users of the organisation read them with "e-Box van de instelling",
 * RSZ documents also need "Documenten RSZ in e-Box", and "e-Box Bevoorrechte gebruiker" deletes
 * (hides) and restores. A nightly mail announces documents still unread. Nothing here looks at
 * merger status except the home-page warning: a disappearing OCMW keeps receiving (R8.2).
 */
export function createMailboxService({ db, clock, registry, notifications, audit }: MailboxDeps) {
  /** Now, moved to the business date when that is fixed (tests, demos), on that Brussels date. */
  const businessNow = () => businessNowOf(clock);

  /** The caller's e-Box rights; throws forbidden without "e-Box van de instelling". */
  function rightsOf(caller: Caller) {
    const ctx = authContextOf(caller.context);
    const target = ctx?.organisationId ? { organisationId: ctx.organisationId, domainId: ctx.domainId } : undefined;
    if (!ctx?.organisationId || !target || !can(ctx, 'app:ebox', target)) {
      throw new AppError('forbidden', mailboxMessages.msg('ebox.app_required'));
    }
    return {
      organisationId: ctx.organisationId,
      includeRsz: can(ctx, 'app:ebox-rsz', target),
      privileged: can(ctx, 'app:ebox-privileged', target),
    };
  }

  function scopeOf(rights: ReturnType<typeof rightsOf>): repo.Scope {
    return { organisationId: rights.organisationId, includeRsz: rights.includeRsz, includeHidden: rights.privileged };
  }

  async function getDetail(scope: repo.Scope, id: string) {
    const row = await repo.findDocument(db, scope, id);
    if (!row) throw new AppError('not_found', msg('http.not_found'));
    return row;
  }

  async function changeVisibility(caller: EboxUser, id: string, visible: boolean) {
    const rights = rightsOf(caller);
    if (!rights.privileged) throw new AppError('forbidden', mailboxMessages.msg('ebox.privileged_required'));
    const scope = scopeOf(rights);
    const current = await getDetail(scope, id);
    await db.transaction(async (txh) => {
      const tx = txh as unknown as Db;
      if (!(await repo.setVisible(tx, current.id, visible, businessNow(), caller.username))) return;
      await audit.record(tx, {
        actorUserId: caller.userId,
        actorRole: caller.context?.role ?? null,
        organisationId: rights.organisationId,
        domainId: caller.context?.domain?.id ?? null,
        action: visible ? 'ebox.document.restore' : 'ebox.document.hide',
        before: { id: current.id, title: current.title, visible: !visible },
        after: { id: current.id, title: current.title, visible },
      });
    });
    return toSummary(await getDetail(scope, id));
  }

  const service = {
    /**
     * R10.1: an institution publishes a document to an organisation's e-Box (any organisation,
     * a disappearing OCMW included). Throws payload_too_large over 5 MiB, validation (with the
     * field) for an unknown recipient, an unsafe file name or content that is not of its type.
     */
    async publishAs(institution: Institution, input: PublishDocument) {
      if (input.rsz && institution.scopes && !institution.scopes.includes('ebox:publish-rsz')) {
        throw new AppError('forbidden', msg('token.scope_missing', { scope: 'ebox:publish-rsz' }));
      }
      const fields: FieldMessages = {};
      let attachment: { name: string; mime: string; base64: string; size: number; sha256: string } | undefined;
      if (input.attachment) {
        const a = input.attachment;
        const base64 = normaliseBase64(a.contentBase64);
        if (base64 && decodedSize(base64) > EBOX_ATTACHMENT_MAX_BYTES) {
          const message = mailboxMessages.msg('ebox.too_large', { max: EBOX_ATTACHMENT_MAX_BYTES / 1024 / 1024 });
          throw new AppError('payload_too_large', message, { 'attachment.contentBase64': message });
        }
        const nameProblem = fileNameProblem(a.fileName, a.mimeType);
        if (nameProblem) fields['attachment.fileName'] = mailboxMessages.msg(nameProblem.key, nameProblem.params);
        if (!base64) fields['attachment.contentBase64'] = mailboxMessages.msg('ebox.base64');
        else {
          const content = Buffer.from(base64, 'base64');
          const problem = contentProblem(content, a.mimeType);
          if (problem) fields['attachment.contentBase64'] = mailboxMessages.msg(problem);
          else attachment = { name: a.fileName, mime: a.mimeType, base64, size: content.length, sha256: createHash('sha256').update(content).digest('hex') };
        }
      }
      const recipient = await registry.findOrganisationByKbo(input.recipientKbo);
      if (!recipient) fields.recipientKbo = mailboxMessages.msg('ebox.recipient_unknown');
      if (Object.keys(fields).length > 0 || !recipient) throw validation(fields);
      const sender = await registry.getOrganisation(institution.organisationId);
      const receivedAt = businessNow();
      const { id } = await db.transaction(async (txh) => {
        const tx = txh as unknown as Db;
        const inserted = await repo.insertDocument(tx, {
          organisationId: recipient.id,
          senderOrganisationId: sender.id,
          senderName: sender.name.nl,
          title: input.title,
          category: input.category,
          messageType: input.messageType,
          isRsz: input.rsz,
          documentDate: input.documentDate,
          body: input.body,
          attachmentName: attachment?.name ?? null,
          attachmentMime: attachment?.mime ?? null,
          attachmentBase64: attachment?.base64 ?? null,
          attachmentSha256: attachment?.sha256 ?? null,
          attachmentSize: attachment?.size ?? null,
          channelDelivery: input.channelDelivery ?? false,
          receivedAt,
        });
        await audit.record(tx, {
          actorUserId: null,
          actorRole: `institution:${institution.name}`,
          organisationId: recipient.id,
          domainId: null,
          action: 'ebox.document.publish',
          after: {
            id: inserted.id,
            sender: sender.kbo,
            ...(institution.clientId ? { tokenId: institution.clientId } : {}),
            title: input.title,
            category: input.category,
            messageType: input.messageType,
            isRsz: input.rsz,
            attachment: attachment ? { name: attachment.name, size: attachment.size, sha256: attachment.sha256 } : null,
          },
        });
        return inserted;
      });
      return {
        id,
        recipient: { kbo: recipient.kbo, name: localized(recipient.name) },
        receivedAt: receivedAt.toISOString(),
        attachment: attachment ? { name: attachment.name, mime: attachment.mime, size: attachment.size, sha256: attachment.sha256 } : null,
      };
    },

    /**
     * The CLI's publish (`ocmw ebox publish FILE.json`): the publish body plus `senderKbo`,
     * validated like the API (field errors), then published as that sender.
     */
    async publishFile(raw: unknown, source: string) {
      const parsed = PublishDocumentFile.safeParse(raw);
      if (!parsed.success) throw validation(fieldErrorsOf(parsed.error.issues));
      const { senderKbo, ...input } = parsed.data;
      const sender = await registry.findOrganisationByKbo(senderKbo);
      if (!sender) throw validation({ senderKbo: mailboxMessages.msg('ebox.sender_unknown') });
      return service.publishAs({ organisationId: sender.id, name: source }, input);
    },

    /** R10.1: a page of the caller's organisation's documents, newest first; `visible=false` needs the privileged application. */
    async list(caller: Caller, q: EboxListFilter) {
      const rights = rightsOf(caller);
      const visible = q.visible ?? true;
      if (!visible && !rights.privileged) throw new AppError('forbidden', mailboxMessages.msg('ebox.privileged_required'));
      const scope = scopeOf(rights);
      const { rows, total } = await repo.listDocuments(
        db,
        scope,
        { read: q.read, visible, receivedAfter: q.receivedAfter, receivedBefore: q.receivedBefore, sender: q.sender, messageType: q.messageType, category: q.category },
        (q.page - 1) * q.pageSize,
        q.pageSize,
      );
      return { items: rows.map((row) => toSummary(row)), total, page: q.page, pageSize: q.pageSize, unreadCount: await repo.countUnread(db, scope) };
    },

    /** R10.1: one document with its main content; opening it marks it read (once). Throws not_found out of scope. */
    async get(caller: EboxUser, id: string) {
      const scope = scopeOf(rightsOf(caller));
      const row = await getDetail(scope, id);
      if (row.readAt !== null) return toDetail(row);
      await repo.markRead(db, row.id, businessNow(), caller.username);
      return toDetail(await getDetail(scope, id));
    },

    /** The attachment's bytes with its name, type and checksum; throws not_found when out of scope or absent. */
    async attachment(caller: Caller, id: string) {
      const found = await repo.findAttachment(db, scopeOf(rightsOf(caller)), id);
      if (!found) throw new AppError('not_found', msg('http.not_found'));
      return found;
    },

    /** R10.1 "delete": the document becomes invisible (privileged users only; audited; undoable). */
    async hide(caller: EboxUser, id: string) {
      return changeVisibility(caller, id, false);
    },

    /** Puts a deleted document back (privileged users only; audited). */
    async restore(caller: EboxUser, id: string) {
      return changeVisibility(caller, id, true);
    },

    /** R8.3′: the organisation's unread, visible documents (RSZ documents included), for ending a disappearing OCMW's access. */
    async unreadCount(organisationId: string): Promise<number> {
      return repo.countUnread(db, { organisationId, includeRsz: true, includeHidden: false });
    },

    /** The home page (R8.2): unread documents and, for a disappearing OCMW after the effective date, the merged OCMW. */
    async summary(caller: Caller) {
      const rights = rightsOf(caller);
      const gone = await registry.findDisappearance(rights.organisationId, clock.today());
      return {
        unread: await repo.countUnread(db, scopeOf(rights)),
        disappearing: gone ? { mergedInto: localized(gone.mergedInto.name), effectiveDate: gone.effectiveDate } : null,
      };
    },

    /**
     * R10.1: the notification mail of a night (default: last night), one per organisation with
     * unread, visible documents received by then that no earlier mail announced, to its
     * Maatschappelijk Welzijn contact address. Each (organisation, night) is claimed first, so a
     * rerun or a second instance sends nothing. Throws validation for a night not yet begun.
     */
    async runNightlyNotifications(night: string = addDays(clock.today(), -1)) {
      const today = clock.today();
      if (!isIsoDate(night)) throw validation({ night: msg('date.invalid') });
      if (night > today) throw validation({ night: mailboxMessages.msg('ebox.night_future', { night, today }) });
      const cutoff = await repo.nightCutoff(db, night, businessNow());
      const { claimed, mails } = await db.transaction(async (txh) => {
        const tx = txh as unknown as Db;
        const claimed = await repo.claimNotifications(tx, night, cutoff);
        const mails = [];
        for (const c of claimed) {
          const params = { count: c.documents, organisation: { nl: c.nameNl, fr: c.nameFr, de: c.nameDe } };
          const mail = await notifications.recordMessage(tx, {
            kind: 'ebox-notification',
            organisationId: c.organisationId,
            to: c.to,
            subject: mailboxMessages.msg('mail.ebox_notification.subject', params),
            body: mailboxMessages.msg('mail.ebox_notification.body', params),
            // Issue 18: each OCMW is written to in its correspondence language(s), its name as in each.
            languages: correspondenceLanguages(c.areaNis),
          });
          await repo.setNotificationMail(tx, c.organisationId, night, mail.id);
          mails.push(mail);
        }
        return { claimed, mails };
      });
      for (const mail of mails) await notifications.deliver(mail);
      return { night, mails: claimed.map((c) => ({ organisationId: c.organisationId, to: c.to, documents: c.documents })) };
    },
  };
  return service;
}

export type MailboxService = ReturnType<typeof createMailboxService>;
