import type { z } from 'zod';
import type {
  ConfigurationView,
  ContactBody,
  ContactData,
  MutationHistoryItem,
  NETWORK_PROVIDERS,
  OnlineSettingsBody,
  OnlineSettingsData,
  PROGRAMMES,
  SOFTWARE_VENDORS,
  SectionHistoryItem,
  TechnicalBody,
  TechnicalData,
} from '../../../modules/configuration/configuration.schema.js';
import { request } from '../../api.js';
import { queryString } from '../access/access-api.js';

export type ConfigurationViewData = z.infer<typeof ConfigurationView>;
export type MutationHistoryData = z.infer<typeof MutationHistoryItem>;
export type SectionHistoryData = z.infer<typeof SectionHistoryItem>;
export type TechnicalInput = z.input<typeof TechnicalBody>;
export type ContactInput = z.input<typeof ContactBody>;
export type OnlineInput = z.input<typeof OnlineSettingsBody>;
export type { ContactData, OnlineSettingsData, TechnicalData };
export type NetworkProvider = (typeof NETWORK_PROVIDERS)[number];
export type SoftwareVendor = (typeof SOFTWARE_VENDORS)[number];
export type Programme = (typeof PROGRAMMES)[number];

export interface CatalogueEntry {
  code: string;
  group: string | null;
  description: string;
}

/** A mutation delivered to the OCMW (R5.2), as `GET /mutations` lists it. */
export interface DeliveredMutation {
  id: number;
  type: string;
  subType: string | null;
  /** The selection code: the type, or type-subtype for MURA and MUPS (`MURA-H205`). */
  code: string;
  insz: string;
  /** When it happened, ISO in UTC. */
  occurredAt: string;
  payload: unknown;
  /** The day of the daily file it was delivered in (YYYY-MM-DD). */
  batchDate: string;
}

export interface DeliveredMutationPage {
  items: DeliveredMutation[];
  total: number;
  page: number;
  pageSize: number;
}

/** The filters of the received-mutations list: selection code and batch dates (YYYY-MM-DD). */
export interface DeliveredMutationQuery {
  code?: string;
  from?: string;
  to?: string;
  page: number;
  pageSize: number;
}

/** The value "Andere" of the provider and vendor lists, which asks for a text. */
export const OTHER = 'Andere';

// The schema's lists, repeated here so zod stays out of the bundle; the Record types make the
// compiler say when the schema gains or loses a value. Key order is the guide's order.
const NETWORK_PROVIDER_SET: Record<NetworkProvider, true> = {
  Cipal: true,
  Irisnet: true,
  Publilink: true,
  Publiwin: true,
  Schaubroeck: true,
  Telenet: true,
  Vera: true,
  Win: true,
  Andere: true,
};
const SOFTWARE_VENDOR_SET: Record<SoftwareVendor, true> = {
  'Cevi - Logins': true,
  'Cipal - Schaubroeck': true,
  Civadis: true,
  'OCMW van Charleroi': true,
  Digipolis: true,
  'POD-MI / Smals': true,
  Andere: true,
};
const PROGRAMME_SET: Record<Programme, true> = {
  'Acropole Dossiers sociaux': true,
  KnutspuntBank: true,
  CPAS2000: true,
  EDS: true,
  Neptunus: true,
  'NewHorizon (NH)': true,
  'Pegasus sociale': true,
  PrimaWeb: true,
  'Sierra 2.0': true,
  Sociabili: true,
};
export const NETWORK_PROVIDER_LIST = Object.keys(NETWORK_PROVIDER_SET) as NetworkProvider[];
export const SOFTWARE_VENDOR_LIST = Object.keys(SOFTWARE_VENDOR_SET) as SoftwareVendor[];
export const PROGRAMME_LIST = Object.keys(PROGRAMME_SET) as Programme[];

/** The OCMW-configuratie endpoints (SPEC §4), one function each. */
export const configurationApi = {
  view: (signal?: AbortSignal) => request<ConfigurationViewData>('/configuration', { signal }),
  catalogue: (signal?: AbortSignal) => request<CatalogueEntry[]>('/configuration/mutations/catalogue', { signal }),
  mutationHistory: (signal?: AbortSignal) => request<MutationHistoryData[]>('/configuration/mutations/history', { signal }),
  saveMutations: (selected: string[]) => request<ConfigurationViewData>('/configuration/mutations', { method: 'PUT', body: { selected } }),
  saveTechnical: (body: TechnicalInput) => request<ConfigurationViewData>('/configuration/technical', { method: 'PUT', body }),
  saveContact: (body: ContactInput) => request<ConfigurationViewData>('/configuration/contact', { method: 'PUT', body }),
  saveOnline: (body: OnlineInput) => request<ConfigurationViewData>('/configuration/online', { method: 'PUT', body }),
  /** The mutations delivered to the OCMW (R5.2), newest daily file first. */
  receivedMutations: (query: DeliveredMutationQuery, signal?: AbortSignal) =>
    request<DeliveredMutationPage>(`/mutations${queryString({ ...query })}`, { signal }),
};
