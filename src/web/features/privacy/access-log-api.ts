import type { z } from 'zod';
import type { AccessLogPage, AccessLogSearchBody } from '../../../modules/privacy/access-log.schema.js';
import { currentLanguage } from '../../i18n/index.js';
import { request } from '../../api.js';
import { downloadPosted } from '../../components/post-download.js';

export type AccessLogPageData = z.infer<typeof AccessLogPage>;
export type AccessLogItemData = AccessLogPageData['items'][number];

/** The officer's filters: the INSZ among them, which is why they travel in a POST body (never in a URL). */
export type AccessLogFilter = z.input<typeof AccessLogSearchBody>;

/** The access log's search and export (the officer's own organisation; the server checks). */
export const accessLogApi = {
  search: (filter: AccessLogFilter, signal?: AbortSignal) => request<AccessLogPageData>('/privacy/access-log/search', { method: 'POST', body: filter, signal }),
  download: (format: 'csv' | 'xlsx', filter: Omit<AccessLogFilter, 'cursor' | 'pageSize'>) =>
    downloadPosted('/privacy/access-log/export', { ...filter, format, lang: currentLanguage() }, `toegangslog.${format}`),
};
