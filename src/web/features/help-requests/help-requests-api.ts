import type { z } from 'zod';
import type {
  CitizenReceipt,
  CitizenRequestInput,
  CompetentOcmw,
  ForwardTarget,
  HELP_KINDS,
  HELP_STATUSES,
  HelpRequestDetail,
  HelpRequestEvent,
  HelpRequestSummary,
  OcmwContact,
  OcmwLookup,
  ProofChallengeData,
  ProofSolutionData,
} from '../../../modules/help-requests/help-requests.schema.js';
import { request } from '../../api.js';
import type { UiLanguage } from '../../i18n/index.js';
import { queryString } from '../access/access-api.js';

export type HelpKind = (typeof HELP_KINDS)[number];
export type HelpStatus = (typeof HELP_STATUSES)[number];
/** The list's status filter: the stored statuses and the derived "late" (R6.11). */
export type HelpStatusFilter = HelpStatus | 'late';
export type OcmwLookupData = z.infer<typeof OcmwLookup>;
export type OcmwContactData = z.infer<typeof OcmwContact>;
export type CompetentOcmwData = z.infer<typeof CompetentOcmw>;
export type CitizenReceiptData = z.infer<typeof CitizenReceipt>;
export type HelpRequestSummaryData = z.infer<typeof HelpRequestSummary>;
export type HelpRequestDetailData = z.infer<typeof HelpRequestDetail>;
export type HelpRequestEventData = z.infer<typeof HelpRequestEvent>;
export type ForwardTargetData = z.infer<typeof ForwardTarget>;
export type { CitizenRequestInput };

// The schema's lists, repeated here so zod stays out of the main bundle; the Record types make
// the compiler say when the schema gains or loses a value. Key order is the order on screen.
const HELP_KIND_SET: Record<HelpKind, true> = {
  leefloon: true,
  'medische-kosten': true,
  huisvesting: true,
  energie: true,
  schuldhulp: true,
  andere: true,
};
const STATUS_FILTER_SET: Record<HelpStatusFilter, true> = { unread: true, read: true, decided: true, late: true };
export const HELP_KIND_LIST = Object.keys(HELP_KIND_SET) as HelpKind[];
export const STATUS_FILTER_LIST = Object.keys(STATUS_FILTER_SET) as HelpStatusFilter[];

export function isHelpKind(value: unknown): value is HelpKind {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(HELP_KIND_SET, value);
}

export function isStatusFilter(value: unknown): value is HelpStatusFilter {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(STATUS_FILTER_SET, value);
}

export interface HelpRequestListQuery {
  status?: HelpStatusFilter;
  kind?: HelpKind;
  /** Receipt dates, YYYY-MM-DD. */
  from?: string;
  to?: string;
  reference?: string;
  page: number;
  pageSize: number;
}

export interface HelpRequestPage {
  items: HelpRequestSummaryData[];
  total: number;
  page: number;
  pageSize: number;
}

export interface ForwardResult {
  reference: string;
  forwardedTo: ForwardTargetData;
}

/** A mail to the OCMW that could not be delivered (a permanent SMTP failure). */
export interface MailFailure {
  id: string;
  kind: string;
  to: string;
  subject: string;
  createdAt: string;
  lastError: string | null;
}

const requestPath = (id: string) => `/help-requests/${encodeURIComponent(id)}`;

/** The OCMW Online endpoints (SPEC §6), one function each. */
export const helpRequestsApi = {
  /** Public: the municipalities of a postcode and, once clear, the competent OCMW (R6.2). */
  lookup: (query: { postcode: string; nis?: string; language: UiLanguage }, signal?: AbortSignal) =>
    request<OcmwLookupData>(`/public/ocmw-lookup${queryString({ ...query })}`, { signal, quietUnauthenticated: true }),
  /** Public: a proof-of-work challenge for the form (issue 17). */
  challenge: (signal?: AbortSignal) =>
    request<ProofChallengeData>('/public/help-requests/challenge', { signal, quietUnauthenticated: true }),
  /** Public: files the citizen's request with the solved challenge (anonymous CSRF double-submit, like the login form). */
  submit: (body: CitizenRequestInput & { proof: ProofSolutionData }) =>
    request<CitizenReceiptData>('/public/help-requests', { method: 'POST', body, quietUnauthenticated: true }),

  list: (query: HelpRequestListQuery, signal?: AbortSignal) =>
    request<HelpRequestPage>(`/help-requests${queryString({ ...query })}`, { signal }),
  detail: (id: string, signal?: AbortSignal) => request<HelpRequestDetailData>(requestPath(id), { signal }),
  markRead: (id: string) => request<HelpRequestDetailData>(`${requestPath(id)}/read`, { method: 'POST' }),
  markDecided: (id: string) => request<HelpRequestDetailData>(`${requestPath(id)}/decided`, { method: 'POST' }),
  forwardTargets: (q: string, signal?: AbortSignal) =>
    request<ForwardTargetData[]>(`/help-requests/forward-targets${queryString({ q })}`, { signal }),
  forward: (id: string, body: { organisationId: string; reason: string }) =>
    request<ForwardResult>(`${requestPath(id)}/forward`, { method: 'POST', body }),
  mailFailures: (signal?: AbortSignal) => request<MailFailure[]>('/help-requests/mail-failures', { signal }),
};
