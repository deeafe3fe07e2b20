import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorResponse, PageQuery, pageOf } from '../../shared/schema.js';
import { AppError } from '../../shared/errors.js';
import { translate } from '../../shared/messages.js';
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

/** The mail log and dev outbox, for administrators. */
export const notificationsRoutes: FastifyPluginAsyncZod<{ notifications: NotificationsService }> = async (app, { notifications }) => {
  app.get('/admin/mails', {
    config: { access: 'admin' },
    schema: { tags: ['Beheer'], summary: 'Every mail sent (or kept in the dev outbox) with its delivery status', querystring: PageQuery, response: { 200: pageOf(Mail), 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse } },
  }, async (request) => notifications.list(request.query.page, request.query.pageSize));

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
    return mailView(row);
  });
};
