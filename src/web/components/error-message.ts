import type { TFunction } from 'i18next';
import { ApiError } from '../api.js';

/** The message of an API error (already in the user's language), or the generic one. */
export function errorMessage(error: unknown, t: TFunction): string {
  if (error instanceof ApiError && error.message && error.status !== 0 && error.status < 500) return error.message;
  return t('app.unexpectedError');
}
