export { createMailboxService, type MailboxService, type EboxUser, type Institution } from './mailbox.service.js';
export { mailboxRoutes } from './mailbox.routes.js';
export * from './mailbox.schema.js';
export { mailboxMessage, isMailboxMessageKey, type MailboxMessageKey } from './mailbox-messages.js';
export * as mailboxRepo from './mailbox.repo.js';
export { eboxDocumentReads } from './ebox-reads.js';
