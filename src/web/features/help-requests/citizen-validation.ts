import type { TFunction } from 'i18next';
import type { UiLanguage } from '../../i18n/index.js';
import { fieldTexts } from '../../i18n/messages.js';
import type { CitizenRequestInput } from './help-requests-api.js';

// The contract (CitizenRequestBody) validates the form in the browser with the server's rules. It
// is loaded on demand: zod then lives in its own chunk, not in the bundle of every portal page.
const loadSchema = () => import('../../../modules/help-requests/help-requests.schema.js');
let schema: ReturnType<typeof loadSchema> | undefined;

/** Starts loading the contract (the form calls it on mount, so "Controleren" does not wait). */
export function preloadCitizenSchema(): void {
  schema ??= loadSchema();
}

/** Field → message for what CitizenRequestBody refuses; empty when the request is valid. */
export async function validateCitizenRequest(body: CitizenRequestInput, t: TFunction, language: UiLanguage): Promise<Record<string, string>> {
  preloadCitizenSchema();
  const { CitizenRequestBody } = await schema!;
  const result = CitizenRequestBody.safeParse(body);
  if (result.success) return {};
  return fieldTexts(result.error.issues as never, language);
}
