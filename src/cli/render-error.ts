/**
 * The CLI's one edge for errors (issue 18): an AppError's keys become text in the `--lang`
 * language here, for the human line and for `--json` alike.
 */
import { AppError, type ErrorBody } from '../shared/errors.js';
import type { Language } from '../shared/i18n.js';
import { catalogue } from '../messages.js';

export function renderError(error: AppError | (Error & { code: string }), lang: Language): ErrorBody['error'] {
  if (error instanceof AppError) return error.body((m) => catalogue.render(m, lang)).error;
  // The CLI's own refusals (an unknown merger) carry their text already.
  return { code: error.code as ErrorBody['error']['code'], message: error.message };
}

/** Field errors of any thrown value as text (empty when it is no AppError). */
export function renderFields(error: unknown, lang: Language): Record<string, string> {
  return error instanceof AppError ? (renderError(error, lang).fields ?? {}) : {};
}

/** The message of any thrown value as text. */
export function renderMessage(error: unknown, lang: Language): string {
  return error instanceof AppError ? renderError(error, lang).message : error instanceof Error ? error.message : String(error);
}
