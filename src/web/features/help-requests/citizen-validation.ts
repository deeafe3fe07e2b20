import type { TFunction } from 'i18next';
import { isMessageKey, translate } from '../../../shared/messages.js';
import type { UiLanguage } from '../../i18n/index.js';
import type { CitizenRequestInput } from './help-requests-api.js';

// The contract (CitizenRequestBody) validates the form in the browser with the server's rules. It
// is loaded on demand: zod then lives in its own chunk, not in the bundle of every portal page.
const loadSchema = () => import('../../../modules/help-requests/help-requests.schema.js');
let schema: ReturnType<typeof loadSchema> | undefined;

/** Starts loading the contract (the form calls it on mount, so "Controleren" does not wait). */
export function preloadCitizenSchema(): void {
  schema ??= loadSchema();
}

/** The parts of a zod issue the messages need. */
interface Issue {
  code: string;
  message: string;
  path: PropertyKey[];
  format?: string;
  maximum?: number | bigint;
  params?: { messageKey?: string };
  errors?: Issue[][];
}

/** A message key of the contract (`field.required`, `online.contact_required`, `insz.length`…) in the UI language. */
function issueMessage(issue: Issue, t: TFunction, language: UiLanguage): string {
  // Optional fields are `schema | ''`: the first branch says what is wrong with the value.
  const inner = issue.code === 'invalid_union' ? issue.errors?.[0]?.[0] : undefined;
  if (inner) return issueMessage(inner, t, language);
  const key = issue.params?.messageKey ?? issue.message;
  if (isMessageKey(key)) return translate(key, language);
  if (issue.code === 'invalid_format' && issue.format === 'email') return t('helpRequests.validation.email');
  if (issue.code === 'too_big' && issue.maximum !== undefined) return t('helpRequests.validation.tooLong', { max: Number(issue.maximum) });
  return t('helpRequests.validation.invalid');
}

/** Field → message for what CitizenRequestBody refuses; empty when the request is valid. */
export async function validateCitizenRequest(body: CitizenRequestInput, t: TFunction, language: UiLanguage): Promise<Record<string, string>> {
  preloadCitizenSchema();
  const { CitizenRequestBody } = await schema!;
  const result = CitizenRequestBody.safeParse(body);
  if (result.success) return {};
  const fields: Record<string, string> = {};
  for (const issue of result.error.issues as unknown as Issue[]) {
    const field = issue.path.length > 0 ? String(issue.path[0]) : '_';
    fields[field] ??= issueMessage(issue, t, language);
  }
  return fields;
}
