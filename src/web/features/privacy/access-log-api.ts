import type { z } from 'zod';
import type { AccessLogPage } from '../../../modules/privacy/access-log.schema.js';
import { currentLanguage } from '../../i18n/index.js';
import { API_BASE, request } from '../../api.js';
import { queryString } from '../access/access-api.js';

export type AccessLogPageData = z.infer<typeof AccessLogPage>;
export type AccessLogItemData = AccessLogPageData['items'][number];

type Query = Record<string, string | number | undefined>;

/** The access log's search and export (the officer's own organisation; the server checks). */
export const accessLogApi = {
  search: (query: Query, signal?: AbortSignal) => request<AccessLogPageData>(`/privacy/access-log${queryString(query)}`, { signal }),
  exportUrl: (format: 'csv' | 'xlsx', query: Query) => `${API_BASE}/privacy/access-log/export${queryString({ ...query, format, lang: currentLanguage() })}`,
};
