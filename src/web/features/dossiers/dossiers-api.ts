import type { z } from 'zod';
import type { DossierDetail, DossierSettings, DossierSummary, FORM_TYPES, Form, FormKind, RegisterFormInput } from '../../../modules/dossiers/dossiers.schema.js';
import { request } from '../../api.js';

export type FormKindValue = FormKind;
export type FormStatus = 'running' | 'ended' | 'stopped' | 'cancelled';
export type IntegrationType = (typeof FORM_TYPES)['integration'][number];
export type A036Type = (typeof FORM_TYPES)['a036'][number];
export type FormType = IntegrationType | A036Type;
export type FormData = z.infer<typeof Form>;
export type DossierSummaryData = z.infer<typeof DossierSummary>;
export type DossierDetailData = z.infer<typeof DossierDetail>;
export type DossierSettingsData = z.infer<typeof DossierSettings>;
/** The body of "Formulier registreren" as the API takes it (INSZ normalised). */
export type RegisterFormData = RegisterFormInput;

// The schema's lists, repeated here so zod stays out of the main bundle; the Record types make the
// compiler say when the schema gains or loses a value. Key order is the order on screen.
const INTEGRATION_SET: Record<IntegrationType, true> = {
  leefloon: true,
  'equivalent-leefloon': true,
  gpmi: true,
  installatiepremie: true,
  'art60-tewerkstelling': true,
};
const A036_SET: Record<A036Type, true> = {
  'medische-kosten': true,
  'farmaceutische-kosten': true,
  ziekenhuisopname: true,
  'ambulante-zorg': true,
};
const KIND_SET: Record<FormKindValue, true> = { integration: true, a036: true };
const STATUS_SET: Record<FormStatus, true> = { running: true, ended: true, stopped: true, cancelled: true };

export const FORM_KIND_LIST = Object.keys(KIND_SET) as FormKindValue[];
export const FORM_STATUS_LIST = Object.keys(STATUS_SET) as FormStatus[];
/** R9.1: per kind, the types a social software package registers. */
export const FORM_TYPE_LIST: { integration: IntegrationType[]; a036: A036Type[] } = {
  integration: Object.keys(INTEGRATION_SET) as IntegrationType[],
  a036: Object.keys(A036_SET) as A036Type[],
};

export function isFormKind(value: unknown): value is FormKindValue {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(KIND_SET, value);
}

export function isFormStatus(value: unknown): value is FormStatus {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(STATUS_SET, value);
}

export interface DossierListQueryData {
  insz?: string;
  status?: FormStatus;
  kind?: FormKindValue;
  page: number;
  pageSize: number;
}

export interface DossierPage {
  items: DossierSummaryData[];
  total: number;
  page: number;
  pageSize: number;
}

const dossierPath = (id: string) => `/dossiers/${encodeURIComponent(id)}`;

/** The dossier endpoints (SPEC §9), one function each. */
export const dossiersApi = {
  // Issue 24: the filters (the INSZ among them) in a POST body, never in a URL.
  list: (query: DossierListQueryData, signal?: AbortSignal) => request<DossierPage>('/dossiers/search', { method: 'POST', body: query, signal }),
  detail: (id: string, signal?: AbortSignal) => request<DossierDetailData>(dossierPath(id), { signal }),
  register: (body: RegisterFormData) => request<FormData>('/dossiers/forms', { method: 'POST', body }),
  stop: (formId: string, endDate: string) =>
    request<FormData>(`/dossiers/forms/${encodeURIComponent(formId)}/stop`, { method: 'POST', body: { endDate } }),
  settings: (signal?: AbortSignal) => request<DossierSettingsData>('/dossiers/settings', { signal }),
  saveSettings: (handledByVendor: boolean) => request<DossierSettingsData>('/dossiers/settings', { method: 'PUT', body: { handledByVendor } }),
};
