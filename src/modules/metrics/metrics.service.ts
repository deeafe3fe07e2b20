import type { Db } from '../../db/db.js';
import type { Clock } from '../../domain/clock.js';
import { DECISION_DAYS, helpRequestsRepo } from '../help-requests/index.js';
import { readOperationalState, type OperationalState } from './metrics.repo.js';

/** Certificates that expire within this many days are counted (the ChaMan warnings start earlier). */
export const CERTIFICATE_EXPIRY_DAYS = 30;

export interface MetricsService {
  /** The state an operator watches, on the business date (help requests past their decision date). */
  read(): Promise<OperationalState & { unreadableOcmws: number }>;
}

export function createMetricsService(db: Db, clock: Clock): MetricsService {
  return {
    async read() {
      const today = clock.today();
      const state = await readOperationalState(db, { today, decisionDays: DECISION_DAYS, expiryDays: CERTIFICATE_EXPIRY_DAYS });
      // Issue 19: OCMWs with unread help requests and nobody who can read them.
      return { ...state, unreadableOcmws: (await helpRequestsRepo.unreadableOcmws(db, today)).length };
    },
  };
}
