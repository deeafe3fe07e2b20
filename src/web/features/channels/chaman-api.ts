import type { z } from 'zod';
import type {
  AccountSummary,
  ChamanHome,
  CreatedAccount,
  DELEGATION_STATUSES,
  DelegationSummary,
  FTP_PERMISSIONS,
  Intermediary,
  REST_PERMISSIONS,
  SenderBody,
} from '../../../modules/channels/channels.schema.js';
import { request } from '../../api.js';

export type ChamanHomeData = z.infer<typeof ChamanHome>;
export type AccountData = AccountSummary;
export type DelegationData = DelegationSummary;
export type CreatedAccountData = z.infer<typeof CreatedAccount>;
export type IntermediaryData = z.infer<typeof Intermediary>;
export type SenderInput = z.input<typeof SenderBody>;
export type DelegationStatus = (typeof DELEGATION_STATUSES)[number];
export type FtpPermission = keyof typeof FTP_PERMISSIONS;
export type RestPermission = keyof typeof REST_PERMISSIONS;

/** An uploaded certificate as the API expects it. */
export interface CertificateInput {
  fileName: string;
  contentBase64: string;
}

// The codes of the schema's permission tables, repeated here so zod stays out of the bundle; the
// Record types make the compiler say when the schema gains or loses one. Labels: i18n catalogue.
const FTP_PERMISSION_SET: Record<FtpPermission, true> = {
  'novaprima-knipperlichten': true,
  'mutaties-rijksregister': true,
  'mediprima-afrekening': true,
  'novaprima-waarschuwingen': true,
};
const REST_PERMISSION_SET: Record<RestPermission, true> = {
  'ocmw-online-admin': true,
  'ocmw-online-proces': true,
  'signaletiek-bewerken': true,
  'signaletiek-raadplegen': true,
  'dossiers-integraties': true,
};
export const FTP_PERMISSION_CODES = Object.keys(FTP_PERMISSION_SET) as FtpPermission[];
export const REST_PERMISSION_CODES = Object.keys(REST_PERMISSION_SET) as RestPermission[];
export const STATUS_FILTERS: DelegationStatus[] = ['pending', 'accepted', 'refused', 'cancelled'];

/** Reads a chosen file as base64 (without the `data:…;base64,` prefix) for the JSON body. */
export function readFileAsBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = typeof reader.result === 'string' ? reader.result : '';
      const comma = url.indexOf(',');
      resolve(comma >= 0 ? url.slice(comma + 1) : '');
    };
    reader.onerror = () => reject(reader.error ?? new Error('FileReader failed'));
    reader.readAsDataURL(file);
  });
}

/** The file as the API's certificate object. */
export async function certificateOf(file: File): Promise<CertificateInput> {
  return { fileName: file.name, contentBase64: await readFileAsBase64(file) };
}

const accountPath = (accountId: string) => `/chaman/accounts/${encodeURIComponent(accountId)}`;
const delegationPath = (delegationId: string, action: string) => `/chaman/delegations/${encodeURIComponent(delegationId)}/${action}`;

/** The ChaMan endpoints (SPEC §3), one function each. */
export const chamanApi = {
  home: (status: DelegationStatus | undefined, signal?: AbortSignal) =>
    request<ChamanHomeData>(`/chaman${status ? `?status=${status}` : ''}`, { signal }),
  /** Issue 23: the SFTP file channel's port and host key fingerprint. */
  sftpServer: (signal?: AbortSignal) => request<{ enabled: boolean; port: number | null; fingerprint: string | null }>('/chaman/sftp', { signal }),
  saveSender: (body: SenderInput) => request<ChamanHomeData>('/chaman/sender', { method: 'PUT', body }),
  listIntermediaries: (signal?: AbortSignal) => request<IntermediaryData[]>('/chaman/intermediaries', { signal }),
  createFtp: (body: {
    kind: 'FTP' | 'SFTP';
    name: string;
    permissions: string[];
    certificateName: string;
    certificate: CertificateInput;
    username: string;
    password?: string;
  }) => request<CreatedAccountData>('/chaman/accounts/ftp', { method: 'POST', body }),
  createSoap: (body: { name: string; certificateName: string; certificate: CertificateInput }) =>
    request<CreatedAccountData>('/chaman/accounts/soap', { method: 'POST', body }),
  createRest: (
    body:
      | { management: 'internal'; name: string; permissions: string[]; certificateName: string; certificate: CertificateInput }
      | { management: 'external'; name: string; permissions: string[]; intermediaryOrganisationId: string },
  ) => request<CreatedAccountData>('/chaman/accounts/rest', { method: 'POST', body }),
  updateAccount: (accountId: string, body: { name?: string; permissions?: string[] }) =>
    request<AccountData>(accountPath(accountId), { method: 'PATCH', body }),
  replaceCertificate: (accountId: string, body: { certificateName: string; certificate: CertificateInput }) =>
    request<AccountData>(`${accountPath(accountId)}/certificate`, { method: 'PUT', body }),
  resetPassword: (accountId: string, body: { password?: string }) =>
    request<{ account: AccountData; password: string }>(`${accountPath(accountId)}/password`, { method: 'POST', body }),
  deleteAccount: (accountId: string) => request<void>(accountPath(accountId), { method: 'DELETE' }),
  cancelDelegation: (delegationId: string) => request<ChamanHomeData>(delegationPath(delegationId, 'cancel'), { method: 'POST' }),
  acceptDelegation: (delegationId: string, body: { certificateName: string; certificate: CertificateInput }) =>
    request<ChamanHomeData>(delegationPath(delegationId, 'accept'), { method: 'POST', body }),
  refuseDelegation: (delegationId: string, reason: string | undefined) =>
    request<ChamanHomeData>(delegationPath(delegationId, 'refuse'), { method: 'POST', body: reason ? { reason } : {} }),
};
