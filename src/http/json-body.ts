import type { FastifyInstance } from 'fastify';
import { AppError } from '../shared/errors.js';
import { pickLanguage, translate } from '../shared/messages.js';

/**
 * Whether a JSON text nests arrays/objects deeper than `max`, in one pass over the characters
 * (brackets inside strings are text). Runs before JSON.parse, so a body of a million opening
 * brackets costs a scan, not a parse (issue 17, finding 1).
 */
export function jsonNestsDeeperThan(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i++; // backslash: the next character is escaped
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 91 || c === 123) {
      if (++depth > max) return true;
    } else if (c === 93 || c === 125) depth--;
  }
  return false;
}

/**
 * Replaces Fastify's JSON parser by the same parser behind a nesting check: a body nested deeper
 * than `maxDepth` is a 400 on `body` before it is parsed.
 */
export function registerJsonBodyParser(app: FastifyInstance, maxDepth: number): void {
  const parse = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const text = body as string;
    if (jsonNestsDeeperThan(text, maxDepth)) {
      const lang = pickLanguage(request.headers['accept-language']);
      done(new AppError('validation', translate('http.validation', lang), { body: translate('field.too_deep', lang, { max: String(maxDepth) }) }), undefined);
      return;
    }
    parse(request, text, done);
  });
}
