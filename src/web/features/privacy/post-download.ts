import type { SessionResponse } from '../../../modules/auth/auth.schema.js';
import { isErrorBody } from '../../../shared/errors.js';
import { API_BASE, ApiError, request } from '../../api.js';
import { currentLanguage } from '../../i18n/index.js';

/**
 * A file answered to a POST, saved by the browser (issue 24): the privacy screens send the INSZ in
 * a body, never in a URL, so their files cannot be plain download links.
 */
export async function downloadPosted(path: string, body: unknown, fallbackName: string): Promise<void> {
  // The CSRF token of the session, as every POST sends it.
  const { csrfToken } = await request<SessionResponse>('/session');
  const response = await fetch(`${API_BASE}${path}`, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'Content-Type': 'application/json', 'Accept-Language': currentLanguage(), ...(csrfToken ? { 'x-csrf-token': csrfToken } : {}) },
    body: JSON.stringify(body),
  });
  if (!response.ok) {
    const answer: unknown = await response.json().catch(() => undefined);
    throw isErrorBody(answer) ? new ApiError(response.status, answer.error.code, answer.error.message, answer.error.fields ?? {}) : new ApiError(response.status, 'internal', response.statusText);
  }
  const name = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? fallbackName;
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  URL.revokeObjectURL(url);
}
