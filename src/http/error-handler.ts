import type { Duplex } from 'node:stream';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { AppError, type ErrorCode, type FieldErrors, type RuleViolation } from '../shared/errors.js';
import { pickLanguage, translate, type Language } from '../shared/messages.js';
import { issueToMessage, validationMessages, type IssueLike } from '../shared/validation-messages.js';
import { mapDatabaseError } from '../db/errors.js';
import { catalogue } from '../messages.js';

interface ValidationItem {
  instancePath: string;
  message?: string;
  keyword: string;
  params: Record<string, unknown>;
}

/**
 * Turns zod issues (as fastify-type-provider-zod reports them) into field → message for people, in
 * the reader's language: the same keys the web forms show before sending (shared/validation-messages).
 */
export function fieldErrorsFromValidation(items: ValidationItem[], lang: Language, context?: string): FieldErrors {
  const fields: FieldErrors = {};
  const isKnown = (key: string) => catalogue.has(key);
  for (const item of items) {
    const base = item.instancePath.replace(/^\//, '').replace(/\//g, '.');
    const prefix = base || (context && context !== 'body' ? context : '');
    if (item.keyword === 'unrecognized_keys' && Array.isArray(item.params.keys)) {
      for (const key of item.params.keys as string[]) {
        fields[prefix ? `${prefix}.${key}` : key] ??= catalogue.render(validationMessages.msg('valid.unknown_field'), lang);
      }
      continue;
    }
    const issue = { ...item.params, code: item.keyword, message: item.message } as IssueLike;
    fields[prefix || '_'] ??= catalogue.render(issueToMessage(issue, isKnown), lang);
  }
  return fields;
}

function send(reply: FastifyReply, status: number, code: ErrorCode, message: string, fields?: FieldErrors, violations?: RuleViolation[]) {
  return reply
    .status(status)
    .send({ error: { code, message, ...(fields && Object.keys(fields).length ? { fields } : {}), ...(violations?.length ? { violations } : {}) } });
}

/**
 * Fastify's own refusals before a route is found (a malformed percent-encoding, a path parameter
 * beyond maxParamLength): a 400 with the SPEC §12 body too, instead of Fastify's default shape.
 * Pass as the `frameworkErrors` option of Fastify().
 */
export function frameworkErrors(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const lang = pickLanguage(request.headers['accept-language']);
  const status = error.statusCode ?? 500;
  // Fastify's own status (414 for a too long path parameter); what is no client mistake stays a 500.
  if (status >= 400 && status < 500) {
    void send(reply, status, 'bad_request', translate('http.bad_request', lang));
    return;
  }
  request.log.error({ err: error }, 'framework error');
  void send(reply, 500, 'internal', translate('http.internal', lang, { requestId: request.id }));
}

/**
 * Node's refusals of a malformed request before Fastify sees it (a request line or headers beyond
 * the 16 KiB limit, a timeout, bad HTTP): the same statuses as Fastify's default, with a SPEC §12
 * body. Pass as the `clientErrorHandler` option of Fastify() (servers on a real socket).
 */
export function clientErrorHandler(error: NodeJS.ErrnoException, socket: Duplex): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, reason, code, key] =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? [431, 'Request Header Fields Too Large', 'bad_request', 'http.bad_request'] as const
      : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? [408, 'Request Timeout', 'bad_request', 'http.bad_request'] as const
        : [400, 'Bad Request', 'bad_request', 'http.bad_request'] as const;
  const body = JSON.stringify({ error: { code, message: translate(key, 'nl') } });
  if (socket.writable) {
    socket.write(`HTTP/1.1 ${status} ${reason}\r\nContent-Length: ${Buffer.byteLength(body)}\r\nContent-Type: application/json; charset=utf-8\r\nConnection: close\r\n\r\n${body}`);
  }
  socket.destroy(error);
}

/** One error handler: AppErrors and client mistakes become 4xx with SPEC §12 bodies; the rest a 500 without internals. */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    const lang = request.language ?? 'nl';
    if (hasZodFastifySchemaValidationErrors(error)) {
      const fields = fieldErrorsFromValidation(error.validation as ValidationItem[], lang, error.validationContext);
      return send(reply, 400, 'validation', translate('http.validation', lang), fields);
    }
    const mapped = error instanceof AppError ? error : mapDatabaseError(error, lang);
    if (mapped) {
      if (mapped.status >= 500) request.log.error({ err: error }, 'request failed');
      // The edge: the domain's keys become text in the reader's language here (issue 18).
      const { error: body } = mapped.body((m) => catalogue.render(m, lang));
      return send(reply, mapped.status, body.code, body.message, body.fields, body.violations);
    }
    if (isResponseSerializationError(error)) {
      request.log.error({ err: error, cause: error.cause }, 'response did not match its schema');
      return send(reply, 500, 'internal', translate('http.internal', lang, { requestId: request.id }));
    }
    const status = error.statusCode ?? 500;
    if (status === 429) return send(reply, 429, 'rate_limited', translate('http.rate_limited', lang));
    if (status === 413) return send(reply, 413, 'payload_too_large', translate('http.payload_too_large', lang));
    if (status === 415) return send(reply, 415, 'unsupported_media_type', translate('http.unsupported_media_type', lang));
    if (status === 404) return send(reply, 404, 'not_found', translate('http.not_found', lang));
    if (status >= 400 && status < 500) {
      // Malformed JSON, bad content length, etc.: Fastify's own 4xx; its message names the problem.
      return send(reply, 400, 'bad_request', `${translate('http.bad_request', lang)} ${error.message}`.trim());
    }
    request.log.error({ err: error }, 'request failed');
    return send(reply, 500, 'internal', translate('http.internal', lang, { requestId: request.id }));
  });
}
