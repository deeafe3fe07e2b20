import type { TFunction } from 'i18next';
import { validationMessages, type IssueLike } from '../../../shared/validation-messages.js';
import { dossierMessages } from '../../../modules/dossiers/dossiers-messages.js';
import { fieldTexts, issueText, renderMessage } from '../../i18n/messages.js';
import type { UiLanguage } from '../../i18n/index.js';
import type { RegisterFormData } from './dossiers-api.js';

// The contract (RegisterFormBody, DossierSearchBody with the shared Insz) validates in the browser
// with the server's rules. It is loaded on demand: zod then lives in its own chunk, not in the
// bundle of every portal page.
const loadSchema = () => import('../../../modules/dossiers/dossiers.schema.js');
let schema: ReturnType<typeof loadSchema> | undefined;

/** Starts loading the contract (the forms call it on mount, so the first submit does not wait). */
export function preloadDossierSchema(): void {
  schema ??= loadSchema();
}

/** The parts of a zod issue the messages need. */
type Issue = IssueLike & { path: PropertyKey[] };

/** The INSZ of the search, normalised (R0.2); or the message that says what is wrong with it. */
export async function normalizeInsz(input: string, t: TFunction, language: UiLanguage): Promise<{ insz: string } | { error: string }> {
  preloadDossierSchema();
  const { DossierSearchBody } = await schema!;
  const result = DossierSearchBody.shape.insz.safeParse(input);
  if (result.success && result.data) return { insz: result.data };
  const issues = result.success ? [] : (result.error.issues as unknown as Issue[]);
  return { error: issues.length > 0 ? issues.map((issue) => issueText(issue, language)).join(' ') : renderMessage(validationMessages.msg('valid.invalid'), language) };
}

/** What the register form holds; every value as typed. */
export interface RegisterDraft {
  insz: string;
  kind: string;
  subtype: string;
  startDate: string;
  endDate: string;
}

/**
 * Checks the register form with RegisterFormBody: the body to send, or field → message. Empty
 * required fields get their own message first; the contract says the rest (INSZ, dates, the
 * type that belongs to the kind, end on or after start).
 */
export async function validateRegisterForm(
  draft: RegisterDraft,
  t: TFunction,
  language: UiLanguage,
): Promise<{ body: RegisterFormData } | { fields: Record<string, string> }> {
  preloadDossierSchema();
  const { RegisterFormBody } = await schema!;
  const input = {
    insz: draft.insz.trim(),
    kind: draft.kind,
    subtype: draft.subtype,
    startDate: draft.startDate,
    ...(draft.endDate ? { endDate: draft.endDate } : {}),
  };
  const required: Record<string, string> = {};
  if (input.insz === '') required.insz = t('dossiers.register.inszRequired');
  if (!input.kind) required.kind = t('dossiers.register.kindRequired');
  if (!input.subtype) required.subtype = t('dossiers.register.subtypeRequired');
  if (!input.startDate) required.startDate = t('dossiers.register.startDateRequired');
  // The contract's refinements only run once the fields parse: say this one at once.
  if (input.startDate && draft.endDate && draft.endDate < input.startDate) required.endDate = renderMessage(dossierMessages.msg('dossier.end_before_start'), language);
  const result = RegisterFormBody.safeParse(input);
  if (result.success && Object.keys(required).length === 0) return { body: result.data };
  const fields = result.success ? {} : fieldTexts(result.error.issues as unknown as Issue[], language);
  // The messages in the order of the form.
  const merged: Record<string, string> = {};
  for (const key of ['insz', 'kind', 'subtype', 'startDate', 'endDate']) {
    const message = required[key] ?? fields[key];
    if (message) merged[key] = message;
  }
  for (const [key, message] of Object.entries(fields)) merged[key] ??= message;
  return { fields: merged };
}
