import type { z } from 'zod';
import type {
  JournalPage,
  MergerBody,
  MergerChecklist,
  MergerCreated,
  MergerImportReport,
  MergerPlan,
  MergerRuns,
  MergerSummary,
  PlanRowsPage,
  RunResult,
  WaveReportSchema,
} from '../../../modules/merger/merger.schema.js';
import type { OrganisationPage } from '../../../modules/registry/registry.schema.js';
import { request } from '../../api.js';

export type MergerSummaryData = MergerSummary;
export type MergerBodyData = z.input<typeof MergerBody>;
export type MergerCreatedData = z.infer<typeof MergerCreated>;
export type MergerImportReportData = z.infer<typeof MergerImportReport>;
export type MergerChecklistData = z.infer<typeof MergerChecklist>;
export type ChecklistOrganisationData = MergerChecklistData['organisations'][number];
export type ChecklistItemData = ChecklistOrganisationData['items'][number];
export type MergerPlanData = z.infer<typeof MergerPlan>;
export type PlanActionData = MergerPlanData['actions'][number];
export type PlanRowsPageData = z.infer<typeof PlanRowsPage>;
export type RunResultData = z.infer<typeof RunResult>;
export type WaveReportData = z.infer<typeof WaveReportSchema>;
export type WaveMergerData = WaveReportData['mergers'][number];
export type MergerRunsData = z.infer<typeof MergerRuns>;
export type MergerRunData = MergerRunsData['items'][number];
export type JournalPageData = z.infer<typeof JournalPage>;
export type OrganisationPageData = z.infer<typeof OrganisationPage>;

export interface MergerProgressData {
  items: { id: number; progress: number; overdue: number }[];
}

/** The content type the merger import takes its body in. */
export const CSV_CONTENT_TYPE = 'text/csv';

/** Where the merger pages live. */
export const mergerPaths = {
  list: '/fusies',
  create: '/fusies/nieuw',
  import: '/fusies/importeren',
  detail: (id: number | string) => `/fusies/${id}`,
  plan: (id: number | string) => `/fusies/${id}/proefrun`,
  cutover: (id: number | string) => `/fusies/${id}/overgang`,
  edit: (id: number | string) => `/fusies/${id}/wijzigen`,
};

const admin = (id: number, rest = '') => `/admin/mergers/${id}${rest}`;

/** The merger engine's endpoints (R7.1–R7.4), one function each. */
export const mergersApi = {
  progress: (signal?: AbortSignal) => request<MergerProgressData>('/admin/mergers/progress', { signal }),
  create: (body: MergerBodyData) => request<MergerCreatedData>('/admin/mergers', { method: 'POST', body }),
  update: (id: number, body: MergerBodyData) => request<MergerCreatedData>(admin(id), { method: 'PUT', body }),
  remove: (id: number) => request<void>(admin(id), { method: 'DELETE' }),
  /** Checks (dryRun) or imports a merger list; the file goes as the raw text/csv body. */
  importCsv: (file: Blob, dryRun: boolean) =>
    request<MergerImportReportData>(`/admin/mergers/import?dryRun=${dryRun ? 'true' : 'false'}`, {
      method: 'POST',
      file: { data: file, contentType: CSV_CONTENT_TYPE },
    }),
  checklist: (id: number, signal?: AbortSignal) => request<MergerChecklistData>(admin(id, '/checklist'), { signal }),
  tick: (id: number, organisationId: string, item: string, ticked: boolean) =>
    request<MergerChecklistData>(admin(id, `/checklist/${encodeURIComponent(organisationId)}/${encodeURIComponent(item)}`), {
      method: ticked ? 'PUT' : 'DELETE',
    }),
  myChecklists: (signal?: AbortSignal) => request<{ items: MergerChecklistData[] }>('/mergers/mine/checklists', { signal }),
  tickMine: (id: number, item: string, ticked: boolean) =>
    request<MergerChecklistData>(`/mergers/mine/checklists/${id}/${encodeURIComponent(item)}`, { method: ticked ? 'PUT' : 'DELETE' }),
  plan: (id: number, signal?: AbortSignal) => request<MergerPlanData>(admin(id, '/plan'), { signal }),
  planRows: (id: number, kind: string, page: number, pageSize: number, signal?: AbortSignal) =>
    request<PlanRowsPageData>(admin(id, `/plan/${encodeURIComponent(kind)}?page=${page}&pageSize=${pageSize}`), { signal }),
  run: (id: number) => request<RunResultData>(admin(id, '/run'), { method: 'POST', body: { confirm: true } }),
  /** Every merger of one effective date: the dry run (dryRun) or the run (SPEC §13 `ocmw merger wave`). */
  wave: (date: string, dryRun: boolean) => request<WaveReportData>('/admin/mergers/wave', { method: 'POST', body: { date, dryRun } }),
  undo: (id: number) => request<RunResultData>(admin(id, '/undo'), { method: 'POST', body: { confirm: true } }),
  schedule: (id: number, scheduled: boolean) =>
    request<{ id: number; scheduled: boolean }>(admin(id, '/schedule'), { method: 'PUT', body: { scheduled } }),
  runs: (id: number, signal?: AbortSignal) => request<MergerRunsData>(admin(id, '/runs'), { signal }),
  journal: (id: number, runId: number, page: number, pageSize: number, signal?: AbortSignal) =>
    request<JournalPageData>(admin(id, `/runs/${runId}/journal?page=${page}&pageSize=${pageSize}`), { signal }),
  /** OCMWs by name or KBO (the administrator's organisation search). */
  searchOcmws: (q: string, signal?: AbortSignal) =>
    request<OrganisationPageData>(`/organisations?kind=ocmw&pageSize=20&q=${encodeURIComponent(q)}`, { signal }),
};
