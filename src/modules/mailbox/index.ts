export { createMailboxService, type MailboxService } from './mailbox.service.js';
export { mailboxRoutes } from './mailbox.routes.js';
