import type { z } from 'zod';
import type { RetentionSettings } from '../../../modules/privacy/retention.schema.js';
import type { ErasureResult, SubjectKind, SubjectOverview } from '../../../modules/privacy/subject-request.schema.js';
import type { SessionResponse } from '../../../modules/auth/auth.schema.js';
import { API_BASE, ApiError, request } from '../../api.js';
import { currentLanguage } from '../../i18n/index.js';
import { isErrorBody } from '../../../shared/errors.js';

export type RetentionSettingsData = z.infer<typeof RetentionSettings>;
export type SubjectOverviewData = z.infer<typeof SubjectOverview>;
export type ErasureResultData = z.infer<typeof ErasureResult>;
export type { SubjectKind };

export { privacyPaths, RETENTION_PERMISSIONS, SUBJECT_REQUEST_PERMISSION } from './access-log-common.js';

/** The file of a citizen's request: a POST (the INSZ stays out of URLs) whose answer is a ZIP, saved by the browser. */
async function downloadExport(insz: string): Promise<void> {
  // The CSRF token of the session, as every POST sends it.
  const { csrfToken } = await request<SessionResponse>('/session');
  const response = await fetch(`${API_BASE}/privacy/subject-requests/export`, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'Content-Type': 'application/json', 'Accept-Language': currentLanguage(), ...(csrfToken ? { 'x-csrf-token': csrfToken } : {}) },
    body: JSON.stringify({ insz }),
  });
  if (!response.ok) {
    const body: unknown = await response.json().catch(() => undefined);
    throw isErrorBody(body) ? new ApiError(response.status, body.error.code, body.error.message, body.error.fields ?? {}) : new ApiError(response.status, 'internal', response.statusText);
  }
  const name = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? 'inzage.zip';
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  URL.revokeObjectURL(url);
}

export const privacyApi = {
  retention: (signal?: AbortSignal) => request<RetentionSettingsData>('/privacy/retention', { signal }),
  overview: (insz: string) => request<SubjectOverviewData>('/privacy/subject-requests/overview', { method: 'POST', body: { insz } }),
  erase: (insz: string, kinds: SubjectKind[], reason: string) =>
    request<ErasureResultData>('/privacy/subject-requests/erasure', { method: 'POST', body: { insz, kinds, reason, confirm: true } }),
  downloadExport,
};
