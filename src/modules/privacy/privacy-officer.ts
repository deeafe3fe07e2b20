import { AppError } from '../../shared/errors.js';
import type { Message } from '../../shared/i18n.js';
import { msg } from '../../shared/messages.js';
import { authContextOf, can, type Caller } from '../access/index.js';

/** The privacy officer asking: their organisation, domain, person and role. */
export interface PrivacyOfficer {
  organisationId: string;
  domainId: string | null;
  userId: string;
  role: string;
}

/**
 * Issue 24: the caller as their organisation's privacy officer (the application `privacy-officer`
 * in the chosen role's organisation), or forbidden with `refusal`. The one check of the access-log
 * search and of a citizen's request: what an officer sees is always their own organisation's.
 */
export function privacyOfficerOf(caller: Caller, refusal: Message = msg('auth.forbidden')): PrivacyOfficer {
  const ctx = authContextOf(caller.context);
  if (!ctx?.organisationId || !can(ctx, 'app:privacy-officer', { organisationId: ctx.organisationId, domainId: ctx.domainId })) {
    throw new AppError('forbidden', refusal);
  }
  return { organisationId: ctx.organisationId, domainId: ctx.domainId, userId: caller.userId, role: ctx.role };
}
