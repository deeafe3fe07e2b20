import type { z } from 'zod';
import type { HtbImportReport } from '../modules/access/access.schema.js';
import type { SessionResponse } from '../modules/auth/auth.schema.js';
import type { MergerSummary } from '../modules/merger/merger.schema.js';
import type { ErrorCode, FieldErrors, RuleViolation } from '../shared/errors.js';
import { isErrorBody } from '../shared/errors.js';
import { currentLanguage } from './i18n/index.js';

export const API_BASE = '/api/v1';

/** An error answer of the API (SPEC §12), or a network failure (status 0, code `unavailable`). */
export class ApiError extends Error {
  readonly status: number;
  readonly code: ErrorCode | string;
  readonly fields: FieldErrors;
  /** The broken rules with their stable ids (certificate and FTP credential rules), when the API lists them. */
  readonly violations: RuleViolation[];

  constructor(status: number, code: ErrorCode | string, message: string, fields: FieldErrors = {}, violations: RuleViolation[] = []) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.fields = fields;
    this.violations = violations;
  }
}

let csrfToken: string | undefined;
let onUnauthenticated: (() => void) | undefined;

/** Remembers the CSRF token of the latest session answer; every non-GET request sends it. */
export function rememberSession(session: SessionResponse): SessionResponse {
  csrfToken = session.csrfToken;
  return session;
}

/** Registers what to do when an API call answers 401 (the session ended): usually reload the session. */
export function setUnauthenticatedHandler(handler: (() => void) | undefined): void {
  onUnauthenticated = handler;
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  /** A file sent as the raw body with its own content type, instead of a JSON `body`. */
  file?: { data: Blob; contentType: string };
  signal?: AbortSignal;
  /** Skip the 401 handler (the session calls themselves answer 401 for a wrong password). */
  quietUnauthenticated?: boolean;
  /** Set on the one retry after a refused CSRF token. */
  isCsrfRetry?: boolean;
}

/**
 * Sends one call: the reader's language, the session's CSRF token on a change, JSON or a raw file
 * as the body. A non-2xx answer becomes an ApiError (after one retry with a fresh token when the
 * token went stale; the 401 handler called unless asked not to). Returns the answer otherwise.
 */
async function send(path: string, options: RequestOptions, accept: string): Promise<Response> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = {
    Accept: accept,
    'Accept-Language': currentLanguage(),
  };
  if (options.file) headers['Content-Type'] = options.file.contentType;
  else if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;

  let response: Response;
  try {
    response = await fetch(`${API_BASE}${path}`, {
      method,
      headers,
      credentials: 'same-origin',
      body: options.file ? options.file.data : options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, 'unavailable', error instanceof Error ? error.message : String(error));
  }
  if (response.ok) return response;

  const data = parseJson(await response.text());
  const error = isErrorBody(data)
    ? new ApiError(response.status, data.error.code, data.error.message, data.error.fields ?? {}, data.error.violations ?? [])
    : new ApiError(response.status, response.status >= 500 ? 'internal' : 'bad_request', response.statusText);
  if (error.code === 'csrf' && method !== 'GET' && !options.isCsrfRetry) {
    // The token went stale (a server restart, a session that ended in another tab): fetch a
    // fresh one and try once more.
    rememberSession(await request<SessionResponse>('/session', { signal: options.signal }));
    return send(path, { ...options, isCsrfRetry: true }, accept);
  }
  if (response.status === 401 && !options.quietUnauthenticated) onUnauthenticated?.();
  throw error;
}

function parseJson(text: string): unknown {
  try {
    return text === '' ? undefined : JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Calls the API with JSON (or a raw file) in and JSON out; throws ApiError for every non-2xx answer. */
export async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const response = await send(path, options, 'application/json');
  if (response.status === 204) return undefined as T;
  return parseJson(await response.text()) as T;
}

/** Calls the API and takes its answer as a file: the bytes and the name its Content-Disposition gives (else `fallbackName`). */
export async function requestFile(path: string, options: RequestOptions, fallbackName: string): Promise<{ blob: Blob; name: string }> {
  const response = await send(path, options, '*/*');
  const name = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? fallbackName;
  return { blob: await response.blob(), name };
}

export type HtbImportReportData = z.infer<typeof HtbImportReport>;

/** The content type of an .xlsx workbook, as the HTB import expects its body. */
export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export interface MergerListResponse {
  items: MergerSummary[];
  total: number;
}

/** The endpoints the UI uses, one function each. */
export const api = {
  async getSession(signal?: AbortSignal): Promise<SessionResponse> {
    return rememberSession(await request<SessionResponse>('/session', { signal }));
  },
  async login(username: string, password: string): Promise<SessionResponse> {
    return rememberSession(
      await request<SessionResponse>('/session/login', {
        method: 'POST',
        body: { username, password },
        quietUnauthenticated: true,
      }),
    );
  },
  async chooseContext(choiceId: string): Promise<SessionResponse> {
    return rememberSession(await request<SessionResponse>('/session/context', { method: 'POST', body: { choiceId } }));
  },
  /** The one-time link of `ocmw admin create`: its token and the chosen password. */
  async setupPassword(body: { token: string; newPassword: string; newPasswordConfirm: string }): Promise<void> {
    await request<void>('/session/setup-password', { method: 'POST', body });
  },
  /** Ends the session; after a sign-in through an identity provider, where the browser ends that one too (issue 21). */
  async logout(): Promise<string | undefined> {
    const answer = await request<{ endSessionUrl: string } | undefined>('/session/logout', { method: 'POST', quietUnauthenticated: true });
    return answer?.endSessionUrl;
  },
  listMergers(signal?: AbortSignal): Promise<MergerListResponse> {
    return request<MergerListResponse>('/mergers', { signal });
  },
  /** Checks (dryRun) or imports the region's HTB file (R2.14); the file goes as the raw .xlsx body. */
  importHtb(file: Blob, dryRun: boolean): Promise<HtbImportReportData> {
    return request<HtbImportReportData>(`/admin/htb-import?dryRun=${dryRun ? 'true' : 'false'}`, {
      method: 'POST',
      file: { data: file, contentType: XLSX_CONTENT_TYPE },
    });
  },
};
