import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { MailboxService } from './mailbox.service.js';

/** HTTP ↔ e-Box. */
export const mailboxRoutes: FastifyPluginAsyncZod<{ mailbox: MailboxService }> = async (app, { mailbox }) => {
  void app;
  void mailbox;
};
