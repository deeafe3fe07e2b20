/**
 * Retention (issue 24): how long each kind of personal data is kept, counted in business days
 * (src/domain/clock.ts), and what happens once it expires. Pure: the defaults, the limits an
 * operator may set, and the cut-off date of a day. The reasons are in retention-messages.ts and
 * the module README (one line per kind).
 */
import { addDays, isIsoDate } from '../../domain/clock.js';

export type RetentionAction = 'delete' | 'pseudonymise';

export interface RetentionKind {
  /** Kept this many days after `from` by default. */
  defaultDays: number;
  /** The lowest value an operator may set (a legal minimum where there is one). */
  minDays: number;
  action: RetentionAction;
  /** The date the period counts from, in words for the README and the CLI. */
  from: string;
}

const TEN_YEARS = 3653;
const MAX_DAYS = 36_525;

/**
 * Every table holding personal data and its rule. Not here, on purpose: the audit log
 * (append-only evidence of who changed what; it holds user ids, not citizens' data), users and
 * memberships (ended through Toegangsbeheer, not by time), the channel accounts and certificates
 * (an organisation's, not a person's) and api_client_uses (a machine token's calls).
 */
export const RETENTION_KINDS = {
  'help-requests': { defaultDays: 1826, minDays: 365, action: 'pseudonymise', from: 'decision (receipt when never decided)' },
  mails: { defaultDays: 90, minDays: 7, action: 'delete', from: 'creation (queued and sending mails are kept)' },
  sessions: { defaultDays: 1, minDays: 0, action: 'delete', from: 'expiry (sessions and OIDC sign-ins)' },
  'ebox-documents': { defaultDays: 730, minDays: 30, action: 'delete', from: 'receipt' },
  mutations: { defaultDays: 365, minDays: 30, action: 'delete', from: 'receipt (deliveries: their batch date)' },
  'channel-uploads': { defaultDays: 90, minDays: 7, action: 'delete', from: 'receipt' },
  'dossier-forms': { defaultDays: TEN_YEARS, minDays: TEN_YEARS, action: 'delete', from: 'end of the form (stop or end date)' },
  'access-log': { defaultDays: TEN_YEARS, minDays: TEN_YEARS, action: 'delete', from: 'the read' },
  'login-throttles': { defaultDays: 30, minDays: 1, action: 'delete', from: 'the last attempt' },
} as const satisfies Record<string, RetentionKind>;

export type RetentionKindCode = keyof typeof RETENTION_KINDS;
export const RETENTION_KIND_CODES = Object.keys(RETENTION_KINDS) as RetentionKindCode[];

export function isRetentionKind(kind: string): kind is RetentionKindCode {
  return Object.prototype.hasOwnProperty.call(RETENTION_KINDS, kind);
}

export type RetentionProblem =
  | { key: 'retention.kind_unknown'; params: { kind: string; kinds: string } }
  | { key: 'retention.days_invalid'; params: { days: string } }
  | { key: 'retention.days_below_minimum'; params: { kind: string; days: number; min: number } }
  | { key: 'retention.days_above_maximum'; params: { kind: string; days: number; max: number } };

/** Why KIND DAYS cannot be set, or undefined when it can (DAYS as typed: a whole number). */
export function retentionProblem(kind: string, days: string | number): RetentionProblem | undefined {
  if (!isRetentionKind(kind)) return { key: 'retention.kind_unknown', params: { kind, kinds: RETENTION_KIND_CODES.join(', ') } };
  const text = String(days).trim();
  if (!/^\d{1,6}$/.test(text)) return { key: 'retention.days_invalid', params: { days: text } };
  const n = Number(text);
  const { minDays } = RETENTION_KINDS[kind];
  if (n < minDays) return { key: 'retention.days_below_minimum', params: { kind, days: n, min: minDays } };
  if (n > MAX_DAYS) return { key: 'retention.days_above_maximum', params: { kind, days: n, max: MAX_DAYS } };
  return undefined;
}

/**
 * The cut-off of a business day: data whose date lies before it has expired. A row dated on the
 * cut-off itself is kept (it has been kept exactly `days` days); the day before it goes.
 */
export function cutoffDate(today: string, days: number): string {
  if (!isIsoDate(today)) throw new Error(`not a date: ${today}`);
  return addDays(today, -days);
}

/** The settings in force: the operator's value where set, the default elsewhere. */
export function effectiveSettings(overrides: ReadonlyMap<string, number>): { kind: RetentionKindCode; days: number; isDefault: boolean }[] {
  return RETENTION_KIND_CODES.map((kind) => {
    const set = overrides.get(kind);
    return { kind, days: set ?? RETENTION_KINDS[kind].defaultDays, isDefault: set === undefined };
  });
}
