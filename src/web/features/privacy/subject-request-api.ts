import type { z } from 'zod';
import type { RetentionSettings } from '../../../modules/privacy/retention.schema.js';
import type { ErasureResult, SubjectKind, SubjectOverview, SubjectRegisterPage } from '../../../modules/privacy/subject-request.schema.js';
import { request } from '../../api.js';
import { downloadPosted } from '../../components/post-download.js';

export type RetentionSettingsData = z.infer<typeof RetentionSettings>;
export type SubjectOverviewData = z.infer<typeof SubjectOverview>;
export type ErasureResultData = z.infer<typeof ErasureResult>;
export type SubjectRegisterPageData = z.infer<typeof SubjectRegisterPage>;
export type { SubjectKind };

export { privacyPaths, RETENTION_PERMISSIONS, SUBJECT_REQUEST_PERMISSION } from './access-log-common.js';

/** The file of a citizen's request: a POST (the INSZ stays out of URLs) whose answer is a ZIP, saved by the browser. */
const downloadExport = (insz: string) => downloadPosted('/privacy/subject-requests/export', { insz }, 'inzage.zip');

export const privacyApi = {
  retention: (signal?: AbortSignal) => request<RetentionSettingsData>('/privacy/retention', { signal }),
  overview: (insz: string) => request<SubjectOverviewData>('/privacy/subject-requests/overview', { method: 'POST', body: { insz } }),
  erase: (insz: string, kinds: SubjectKind[], reason: string) =>
    request<ErasureResultData>('/privacy/subject-requests/erasure', { method: 'POST', body: { insz, kinds, reason, confirm: true } }),
  downloadExport,
  register: (page: number, signal?: AbortSignal) => request<SubjectRegisterPageData>(`/privacy/subject-requests?page=${page}&pageSize=20`, { signal }),
};
