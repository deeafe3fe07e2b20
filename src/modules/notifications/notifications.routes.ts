import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorResponse, PageQuery, pageOf } from '../../shared/schema.js';
import { AppError } from '../../shared/errors.js';
import { translate } from '../../shared/messages.js';
import { findHelpReference } from '../../domain/help-reference.js';
import type { MailRow } from './notifications.repo.js';
import { mailView, type NotificationsService } from './notifications.service.js';

const Mail = z.object({
  id: z.string(),
  kind: z.string(),
  toAddress: z.string(),
  subject: z.string(),
  bodyText: z.string(),
  status: z.string(),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
  /** A transient failure: when the next attempt is due (retried for at least 24 hours). */
  nextAttemptAt: z.string().nullable(),
});

/** Issue 24: whose help request each reference number is (the help-requests module answers; wired in app.ts). */
export type RequestOwners = (references: readonly string[]) => Promise<Map<string, { organisationId: string; insz: string | null }>>;

/**
 * Issue 24: the reads of the mails an administrator was shown. A mail holds an address and names a
 * request: one entry per mail in the log of the OCMW it concerns (its own organisation, or that of
 * the request it names), with the citizen's INSZ for the acknowledgement sent to the citizen. A mail
 * of no OCMW (to a platform user) holds no citizen's data and records nothing.
 */
async function mailReads(owners: RequestOwners | undefined, action: 'mail.list' | 'mail.read', rows: readonly Pick<MailRow, 'id' | 'kind' | 'organisationId' | 'subject'>[]) {
  const references = new Map(rows.map((m) => [m.id, findHelpReference(m.subject)]));
  const known = owners ? await owners([...references.values()].filter((r): r is string => r !== undefined)) : new Map();
  return rows.flatMap((m) => {
    const owner = known.get(references.get(m.id) ?? '');
    const organisationId = m.organisationId ?? owner?.organisationId;
    const insz = m.kind === 'online-acknowledgement' ? (owner?.insz ?? null) : null;
    return organisationId ? [{ action, objectKind: 'mail', objectId: m.id, insz, organisationId }] : [];
  });
}

/** The mail log and dev outbox, for administrators. */
export const notificationsRoutes: FastifyPluginAsyncZod<{ notifications: NotificationsService; requestOwners?: RequestOwners }> = async (app, { notifications, requestOwners }) => {
  app.get('/admin/mails', {
    config: { access: 'admin' },
    schema: { tags: ['Beheer'], summary: 'Every mail sent (or kept in the dev outbox) with its delivery status', querystring: PageQuery, response: { 200: pageOf(Mail), 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse } },
  }, async (request) => {
    const page = await notifications.list(request.query.page, request.query.pageSize);
    request.recordAccess(await mailReads(requestOwners, 'mail.list', page.items));
    return page;
  });

  app.post('/admin/mails/:id/resend', {
    config: { access: 'admin' },
    schema: {
      tags: ['Beheer'],
      summary: 'Send a failed mail again (a new 24-hour retry window); 404 when the mail is unknown or not failed',
      params: z.object({ id: z.uuid() }),
      response: { 200: Mail, 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse },
    },
  }, async (request) => {
    const row = await notifications.resend(request.params.id);
    if (!row) throw new AppError('not_found', translate('http.not_found', request.language));
    // The answer shows the mail: a read, like a help request's answer to "mark read".
    request.recordAccess(await mailReads(requestOwners, 'mail.read', [row]));
    return mailView(row);
  });
};
