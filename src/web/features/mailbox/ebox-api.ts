import type { z } from 'zod';
import type { EboxDocumentDetail, EboxDocumentPage, EboxDocumentSummary, EboxSummary } from '../../../modules/mailbox/mailbox.schema.js';
import { API_BASE, request } from '../../api.js';
import { queryString } from '../access/access-api.js';

export type EboxDocumentData = z.infer<typeof EboxDocumentSummary>;
export type EboxDocumentDetailData = z.infer<typeof EboxDocumentDetail>;
export type EboxPageData = z.infer<typeof EboxDocumentPage>;
export type EboxSummaryData = z.infer<typeof EboxSummary>;

/** The list's query as the API takes it (R10.1: page/pageSize ≤ 100 and the e-Box Enterprise filters). */
export interface EboxListQueryData {
  page: number;
  pageSize: number;
  /** true: read only; false: unread only. */
  read?: boolean;
  /** false: the deleted (hidden) documents (privileged users only). */
  visible?: boolean;
  /** Instants (ISO 8601): received strictly after / before. */
  receivedAfter?: string;
  receivedBefore?: string;
  sender?: string;
  messageType?: string;
  category?: string;
}

const documentPath = (id: string) => `/ebox/documents/${encodeURIComponent(id)}`;
const bool = (value: boolean | undefined) => (value === undefined ? undefined : value ? 'true' : 'false');

/** The e-Box endpoints (SPEC R10.1, R8.2), one function each. */
export const eboxApi = {
  list: (query: EboxListQueryData, signal?: AbortSignal) =>
    request<EboxPageData>(`/ebox/documents${queryString({ ...query, read: bool(query.read), visible: bool(query.visible) })}`, { signal }),
  /** Opening a document marks it read (R10.1). */
  detail: (id: string, signal?: AbortSignal) => request<EboxDocumentDetailData>(documentPath(id), { signal }),
  /** The address of the attachment (a plain GET with the session cookie). */
  attachmentUrl: (id: string) => `${API_BASE}${documentPath(id)}/attachment`,
  hide: (id: string) => request<EboxDocumentData>(`${documentPath(id)}/hide`, { method: 'POST' }),
  restore: (id: string) => request<EboxDocumentData>(`${documentPath(id)}/restore`, { method: 'POST' }),
  summary: (signal?: AbortSignal) => request<EboxSummaryData>('/ebox/summary', { signal }),
};
