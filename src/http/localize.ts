/**
 * The HTTP edge of issue 18 for answers (the error handler is the edge for errors): a service may
 * return Messages (`msg(key, params)`) and names in every language (`localized({nl, fr, de})`)
 * without knowing who reads them; a route hands its answer to `rendered(request, answer)`, which
 * turns each one into text in the reader's language (`request.language`), typed as the text the
 * route's response schema promises. Copy-on-write: what holds nothing to render is passed through
 * as the same object, so cached pages are never changed in place; a frozen answer (a shared page)
 * is rendered once per language and the rendering kept with it.
 */
import type { FastifyRequest } from 'fastify';
import type { Language } from '../shared/i18n.js';
import { localizePayload, type Rendered } from '../messages.js';

export { localizePayload, type Rendered };


const renderedFrozen = new WeakMap<object, Partial<Record<Language, unknown>>>();

/** The answer in the reader's language (see above). */
export function rendered<T>(request: Pick<FastifyRequest, 'language'>, answer: T): Rendered<T> {
  const lang = request.language ?? 'nl';
  if (typeof answer !== 'object' || answer === null || !Object.isFrozen(answer)) return localizePayload(answer, lang);
  let byLanguage = renderedFrozen.get(answer);
  if (!byLanguage) renderedFrozen.set(answer, (byLanguage = {}));
  if (!(lang in byLanguage)) byLanguage[lang] = Object.freeze(localizePayload(answer, lang));
  return byLanguage[lang] as Rendered<T>;
}
