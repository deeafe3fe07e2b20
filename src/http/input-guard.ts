import type { FastifyInstance } from 'fastify';
import { AppError, type FieldErrors } from '../shared/errors.js';
import { translate, type Language } from '../shared/messages.js';

/** Bounds the walk over a request body (a body is at most 1 MiB, so this is never reached by real data). */
const MAX_DEPTH = 64;
/** Fields named in one answer: a body of 100,000 NULs gets a short answer, not a 7 MB one. */
const MAX_FIELDS = 20;

export type TextProblem = 'nul' | 'surrogate';

/**
 * What keeps PostgreSQL from storing a text: a NUL character (U+0000, refused in text and jsonb),
 * or a lone surrogate (half of a UTF-16 pair: JavaScript holds it, UTF-8 cannot encode it).
 */
function problemOf(text: string): TextProblem | undefined {
  if (text.includes('\u0000')) return 'nul';
  return text.isWellFormed() ? undefined : 'surrogate';
}

/** Paths (dotted, as in validation errors) of the strings and object keys PostgreSQL could not store, with why. */
export function unstorableTextPaths(value: unknown, path = '', out: { path: string; problem: TextProblem }[] = [], depth = 0): { path: string; problem: TextProblem }[] {
  if (typeof value === 'string') {
    const problem = problemOf(value);
    if (problem) out.push({ path: path || '_', problem });
  } else if (value && typeof value === 'object' && depth < MAX_DEPTH && !Buffer.isBuffer(value) && !ArrayBuffer.isView(value)) {
    for (const [key, item] of Object.entries(value)) {
      const itemPath = path ? `${path}.${key}` : key;
      const problem = problemOf(key);
      if (problem) out.push({ path: itemPath, problem });
      unstorableTextPaths(item, itemPath, out, depth + 1);
    }
  }
  return out;
}

/**
 * Refuses every request whose parameters, query or body contain text PostgreSQL cannot store (N3:
 * a NUL character, a lone surrogate): a 400 naming each field, before the route's schema runs, for
 * every route at once — so such text never reaches a statement (and never fails a whole batch of
 * citizens' submissions).
 */
export function registerInputGuard(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    const paths = [
      ...unstorableTextPaths(request.params),
      ...unstorableTextPaths(request.query),
      // A body that is one string is an uploaded file (text/csv): its field is "file", as the import routes call it.
      ...unstorableTextPaths(typeof request.body === 'string' ? { file: request.body } : request.body),
    ];
    if (paths.length === 0) return;
    paths.length = Math.min(paths.length, MAX_FIELDS);
    const lang: Language = request.language ?? 'nl';
    const fields: FieldErrors = {};
    for (const { path, problem } of paths) fields[path] = translate(problem === 'nul' ? 'field.nul_character' : 'field.lone_surrogate', lang);
    throw new AppError('validation', translate('http.validation', lang), fields);
  });
}
