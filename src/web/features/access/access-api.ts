import type { z } from 'zod';
import { downloadPosted } from '../../components/post-download.js';
import type {
  AddMemberBody,
  AddMemberReview,
  AuditPage,
  BulkResult,
  ChangeTbBody,
  ChangeTbReview,
  CoHtbReview,
  DomainHome,
  ManagerSummary,
  Me,
  MemberDetail,
  MemberPage,
  PersonLookup,
  BULK_ACTIONS,
  TITLES,
} from '../../../modules/access/access.schema.js';
import type { DomainSummary } from '../../../modules/registry/registry.schema.js';
import type { Language } from '../../../shared/messages.js';
import { currentLanguage } from '../../i18n/index.js';
import { API_BASE, request } from '../../api.js';

export type DomainHomeData = z.infer<typeof DomainHome>;
export type MemberPageData = z.infer<typeof MemberPage>;
export type MemberDetailData = z.infer<typeof MemberDetail>;
export type PersonLookupData = z.infer<typeof PersonLookup>;
export type AddMemberReviewData = z.infer<typeof AddMemberReview>;
export type ChangeTbReviewData = z.infer<typeof ChangeTbReview>;
export type CoHtbReviewData = z.infer<typeof CoHtbReview>;
export type PersonReviewData = AddMemberReviewData['person'];
export type ManagerData = z.infer<typeof ManagerSummary>;
export type AuditPageData = z.infer<typeof AuditPage>;
export type AuditItemData = AuditPageData['items'][number];
export type BulkResultData = z.infer<typeof BulkResult>;
export type MeData = z.infer<typeof Me>;
export type BulkAction = (typeof BULK_ACTIONS)[number];
export type Title = (typeof TITLES)[number];

/** The new-person part of the add/appoint forms, as the API expects it (before zod defaults). */
export interface NewPersonInput {
  username: string;
  usernameConfirm: string;
  password: string;
  passwordConfirm: string;
  surname: string;
  firstName: string;
  title: Title | null;
  language: Language;
  email: string;
}

export type AddMemberInput = Omit<z.input<typeof AddMemberBody>, 'person' | 'applications'> & { applications: string[]; person?: NewPersonInput };
export type ChangeTbInput = Omit<z.input<typeof ChangeTbBody>, 'person'> & { person?: NewPersonInput };
export interface AddCoHtbInput {
  insz: string;
  person?: NewPersonInput;
}

export interface ApplicationInfo {
  code: string;
  name: Record<string, string>;
  description: Record<string, string>;
}

/** A query string from the given values, leaving out empty ones. */
export function queryString(values: Record<string, string | number | undefined | null>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

const domainPath = (domainId: string) => `/access/domains/${encodeURIComponent(domainId)}`;

/** The access-management endpoints (SPEC §2), one function each. */
export const accessApi = {
  listDomains: (signal?: AbortSignal) => request<DomainSummary[]>('/access/domains', { signal }),
  getDomain: (domainId: string, signal?: AbortSignal) => request<DomainHomeData>(domainPath(domainId), { signal }),
  updateDomain: (domainId: string, contactEmail: string) =>
    request<DomainHomeData>(domainPath(domainId), { method: 'PATCH', body: { contactEmail } }),
  lookupPerson: (domainId: string, insz: string) =>
    request<PersonLookupData>(`${domainPath(domainId)}/persons/lookup`, { method: 'POST', body: { insz } }),
  // Issue 24: the filters (the INSZ among them) in a POST body, never in a URL.
  listUsers: (domainId: string, query: Record<string, string | number | undefined>, signal?: AbortSignal) =>
    request<MemberPageData>(`${domainPath(domainId)}/users/search`, { method: 'POST', body: query, signal }),
  /** The export file, POSTed with the filters and saved by the browser. */
  exportUsers: (domainId: string, format: 'csv' | 'xlsx', query: Record<string, string | number | undefined>) =>
    downloadPosted(`${domainPath(domainId)}/users/export`, { ...query, format, lang: currentLanguage() }, `gebruikers.${format}`),
  validateMember: (domainId: string, body: AddMemberInput) =>
    request<AddMemberReviewData>(`${domainPath(domainId)}/users/validate`, { method: 'POST', body }),
  addMember: (domainId: string, body: AddMemberInput) =>
    request<AddMemberReviewData>(`${domainPath(domainId)}/users`, { method: 'POST', body }),
  bulk: (domainId: string, body: { action: BulkAction; userIds: string[]; applications?: string[] }) =>
    request<BulkResultData>(`${domainPath(domainId)}/users/bulk`, { method: 'POST', body }),
  getMember: (domainId: string, userId: string, signal?: AbortSignal) =>
    request<MemberDetailData>(`${domainPath(domainId)}/users/${encodeURIComponent(userId)}`, { signal }),
  updateMember: (domainId: string, userId: string, body: { status?: 'active' | 'blocked'; applications?: string[]; localEmail?: string | null }) =>
    request<MemberDetailData>(`${domainPath(domainId)}/users/${encodeURIComponent(userId)}`, { method: 'PATCH', body }),
  removeMember: (domainId: string, userId: string) =>
    request<void>(`${domainPath(domainId)}/users/${encodeURIComponent(userId)}`, { method: 'DELETE' }),
  validateTb: (domainId: string, body: ChangeTbInput) =>
    request<ChangeTbReviewData>(`${domainPath(domainId)}/tb/validate`, { method: 'POST', body }),
  changeTb: (domainId: string, body: ChangeTbInput) =>
    request<ChangeTbReviewData>(`${domainPath(domainId)}/tb`, { method: 'PUT', body }),
  listManagers: (signal?: AbortSignal) => request<ManagerData[]>('/access/managers', { signal }),
  validateCoHtb: (body: AddCoHtbInput) => request<CoHtbReviewData>('/access/managers/validate', { method: 'POST', body }),
  addCoHtb: (body: AddCoHtbInput) => request<CoHtbReviewData>('/access/managers', { method: 'POST', body }),
  removeCoHtb: (userId: string) => request<void>(`/access/managers/${encodeURIComponent(userId)}`, { method: 'DELETE' }),
  listAudit: (query: Record<string, string | number | undefined>, signal?: AbortSignal) =>
    request<AuditPageData>(`/access/audit${queryString(query)}`, { signal }),
  exportAuditUrl: (format: 'csv' | 'xlsx', query: Record<string, string | number | undefined>) =>
    `${API_BASE}/access/audit/export${queryString({ ...query, format, lang: currentLanguage() })}`,
  getMe: (signal?: AbortSignal) => request<MeData>('/me', { signal }),
  updateMe: (body: { surname: string; firstName: string; title: Title | null; language: Language; email: string }) =>
    request<MeData>('/me', { method: 'PUT', body }),
  changePassword: (body: { currentPassword: string; newPassword: string; newPasswordConfirm: string }) =>
    request<void>('/me/password', { method: 'POST', body }),
};
