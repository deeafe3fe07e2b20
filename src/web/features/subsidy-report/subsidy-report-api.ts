import type { z } from 'zod';
import type {
  FileableYear,
  Notice,
  ReportDetail,
  ReportList,
  ReportSummary,
  SubsidyLine,
  SubsidyLineInput,
  SubsidyTypeCode,
} from '../../../modules/subsidy-report/subsidy-report.schema.js';
import { API_BASE, request } from '../../api.js';
import { currentLanguage } from '../../i18n/index.js';
import { queryString } from '../access/access-api.js';

export type ReportListData = z.infer<typeof ReportList>;
export type ReportSummaryData = z.infer<typeof ReportSummary>;
export type ReportDetailData = z.infer<typeof ReportDetail>;
export type FileableYearData = z.infer<typeof FileableYear>;
export type SubsidyLineData = z.infer<typeof SubsidyLine>;
export type NoticeData = z.infer<typeof Notice>;
/** One line as PUT /subsidy-reports/:id takes it: amounts in euros (a JSON number, ≤ 2 decimals). */
export type SubsidyLineBody = SubsidyLineInput;
export type { SubsidyTypeCode };
export type ReportStatus = ReportSummaryData['status'];
export type WindowState = ReportSummaryData['windowState'];
export type ExportFormat = 'pdf' | 'xlsx';

// The schema's subsidy types, repeated here so zod stays out of the main bundle; the Record type
// makes the compiler say when the schema gains or loses one. Key order is the order on screen
// (the schema's). Their names are in the catalogue (`subsidy.types.<code>`), checked against the
// schema's names by subsidy-report-i18n.test.ts.
const SUBSIDY_TYPE_SET: Record<SubsidyTypeCode, true> = {
  leefloon: true,
  gpmi: true,
  'sociale-participatie': true,
  kinderarmoede: true,
  energie: true,
  stookoliefonds: true,
  'tewerkstelling-art60': true,
  'maatschappelijke-integratie-andere': true,
  andere: true,
};
export const SUBSIDY_TYPE_LIST = Object.keys(SUBSIDY_TYPE_SET) as SubsidyTypeCode[];

/** The catch-all types (the schema's CATCH_ALL_TYPES): several lines allowed, each with a justification. */
export const CATCH_ALL_TYPE_LIST: readonly SubsidyTypeCode[] = ['maatschappelijke-integratie-andere', 'andere'];

/** The schema's MAX_LINES and MAX_JUSTIFICATION (the browser checks the same limits). */
export const MAX_LINES = 50;
export const MAX_JUSTIFICATION = 2000;

export function isSubsidyType(value: unknown): value is SubsidyTypeCode {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(SUBSIDY_TYPE_SET, value);
}

const reportPath = (id: string) => `/subsidy-reports/${encodeURIComponent(id)}`;

/** The Uniek verslag endpoints (SPEC R10.2), one function each. */
export const subsidyReportApi = {
  list: (signal?: AbortSignal) => request<ReportListData>('/subsidy-reports', { signal }),
  /** 422 rule_violation with the explanation when this OCMW may not file the year; 409 when it exists. */
  create: (year: number) => request<ReportDetailData>('/subsidy-reports', { method: 'POST', body: { year } }),
  detail: (id: string, signal?: AbortSignal) => request<ReportDetailData>(reportPath(id), { signal }),
  /** Replaces the draft's lines; 400 with fields such as `lines.2.amountUsed`. */
  saveLines: (id: string, lines: SubsidyLineBody[]) => request<ReportDetailData>(reportPath(id), { method: 'PUT', body: { lines } }),
  submit: (id: string) => request<ReportDetailData>(`${reportPath(id)}/submit`, { method: 'POST' }),
  /** The address of a submitted report's export (a plain GET with the session cookie), in the UI language. */
  exportUrl: (id: string, format: ExportFormat) => `${API_BASE}${reportPath(id)}/export${queryString({ format, lang: currentLanguage() })}`,
};
