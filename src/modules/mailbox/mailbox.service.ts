import type { Db } from '../../db/db.js';
import type { Clock } from '../../domain/clock.js';
import type { AuditService } from '../audit/index.js';
import type { NotificationsService } from '../notifications/index.js';
import type { RegistryService } from '../registry/index.js';

export interface MailboxDeps {
  db: Db;
  clock: Clock;
  registry: RegistryService;
  notifications: NotificationsService;
  audit: AuditService;
}

/** The e-Box of each organisation (SPEC R10.1, R8.2). */
export function createMailboxService(deps: MailboxDeps) {
  void deps;
  return {};
}

export type MailboxService = ReturnType<typeof createMailboxService>;
