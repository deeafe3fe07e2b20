import type { FastifyRequest } from 'fastify';
import { AppError } from '../shared/errors.js';
import { msg } from '../shared/messages.js';

/**
 * Issue 24: a route's preValidation that refuses `insz` in the query string with 400 naming the
 * field and the POST that takes it in its body. A URL reaches the request log, proxies and
 * browser history; the portal's own routes take the INSZ only in a body. It runs before the
 * schema's check (so the answer names the field instead of "unknown key") and after the session
 * hook (so an anonymous caller still gets 401); nothing is read, so nothing is recorded.
 */
export function refuseInszInQuery(postPath: string) {
  return async (request: FastifyRequest) => {
    if ((request.query as Record<string, unknown> | undefined)?.insz !== undefined) throw inszMoved(postPath);
  };
}

/**
 * The answer of a GET that took the INSZ in its query before (issue 24) and now takes nothing: a
 * browser tab opened before the change still calls it; it is told, at the field, to reload the page.
 */
export function inszMoved(postPath: string): AppError {
  // The answer's message names the POST for a developer; the field's, shown at the INSZ input of
  // a page opened before the change, tells the person at the screen what to do.
  return new AppError('validation', msg('insz.in_url', { path: postPath }), { insz: msg('insz.in_url_field') });
}
