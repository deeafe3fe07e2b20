import type { FastifyInstance } from 'fastify';
import { AppError, type FieldErrors } from '../shared/errors.js';
import { translate, type Language } from '../shared/messages.js';

/** Bounds the walk over a request body (a body is at most 1 MiB, so this is never reached by real data). */
const MAX_DEPTH = 64;
/** Fields named in one answer: a body of 100,000 NULs gets a short answer, not a 7 MB one. */
const MAX_FIELDS = 20;

/**
 * Paths (dotted, as in validation errors) of the strings and object keys that contain a NUL
 * character. PostgreSQL refuses U+0000 in text and jsonb, so such input could never be stored.
 */
export function nulCharacterPaths(value: unknown, path = '', out: string[] = [], depth = 0): string[] {
  if (typeof value === 'string') {
    if (value.includes('\u0000')) out.push(path || '_');
  } else if (value && typeof value === 'object' && depth < MAX_DEPTH && !Buffer.isBuffer(value) && !ArrayBuffer.isView(value)) {
    for (const [key, item] of Object.entries(value)) {
      const itemPath = path ? `${path}.${key}` : key;
      if (key.includes('\u0000')) out.push(itemPath);
      nulCharacterPaths(item, itemPath, out, depth + 1);
    }
  }
  return out;
}

/**
 * Refuses every request whose parameters, query or body contain a NUL character (N3): a 400
 * naming each field, before the route's schema runs, for every route at once.
 */
export function registerInputGuard(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    const paths = [
      ...nulCharacterPaths(request.params),
      ...nulCharacterPaths(request.query),
      // A body that is one string is an uploaded file (text/csv): its field is "file", as the import routes call it.
      ...nulCharacterPaths(typeof request.body === 'string' ? { file: request.body } : request.body),
    ];
    if (paths.length === 0) return;
    paths.length = Math.min(paths.length, MAX_FIELDS);
    const lang: Language = request.language ?? 'nl';
    const fields: FieldErrors = {};
    for (const path of paths) fields[path] = translate('field.nul_character', lang);
    throw new AppError('validation', translate('http.validation', lang), fields);
  });
}
