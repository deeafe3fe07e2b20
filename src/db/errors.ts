import { AppError } from '../shared/errors.js';
import { translate, type Language } from '../shared/messages.js';

/**
 * Maps PostgreSQL errors (SQLSTATE) to AppErrors in one place. Services check their rules
 * first; these are the last line for races (two requests creating the same thing at once).
 * Returns undefined for errors that are not the client's doing.
 */
export function mapDatabaseError(error: unknown, lang: Language = 'nl'): AppError | undefined {
  const code = sqlState(error);
  switch (code) {
    case '23505': // unique_violation
    case '23P01': // exclusion_violation
      return new AppError('conflict', translate('http.conflict', lang));
    case '22P02': // invalid_text_representation (e.g. a malformed uuid)
    case '22007': // invalid_datetime_format
    case '22008': // datetime_field_overflow
    case '22003': // numeric_value_out_of_range
    case '22001': // string_data_right_truncation
      return new AppError('bad_request', translate('http.bad_request', lang));
    default:
      return undefined;
  }
}

/** SQLSTATE of a driver error, looking through Drizzle's wrapping (`cause`). */
export function sqlState(error: unknown): string | undefined {
  let e: unknown = error;
  for (let depth = 0; e && depth < 4; depth++) {
    const c = (e as { code?: unknown }).code;
    if (typeof c === 'string' && /^[0-9A-Z]{5}$/.test(c)) return c;
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}

/**
 * Whether the database refused the data itself (SQLSTATE class 22 data exception or 23 integrity
 * violation): the same rows would be refused again, while other rows can go. Any other error (the
 * connection, a timeout, the server) says nothing about the rows.
 */
export function isDataError(error: unknown): boolean {
  return /^2[23]/.test(sqlState(error) ?? '');
}
