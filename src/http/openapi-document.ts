/**
 * What the two OpenAPI documents (portal /api/v1, vendor /vendor/v1) add to the route schemas,
 * centrally so that no route has to repeat it (issue 22):
 * - every operation's operationId, derived from its method and path (verb first, camelCase:
 *   `GET /api/v1/dossiers/:id` → `getDossiersById`) unless the route's schema names one;
 * - every operation's security requirement, from the route's access rule;
 * - the shared schemas (those with a zod `.meta({ id })`: ErrorResponse, the identifiers Kbo,
 *   Insz, Nis, Uuid and IsoDate with an example each, and the larger bodies such as ChamanHome or
 *   DossierForm) once under components.schemas, referenced by `$ref`; components no operation
 *   uses are left out; a schema used only in requests keeps its plain name (no `Input` suffix);
 * - the standard error answers (their status's description, an ErrorResponse body, in JSON even
 *   for a file download) once under components.responses (BadRequest, Unauthenticated, …).
 */
import type { SwaggerTransform, SwaggerTransformObject } from '@fastify/swagger';
import type { FastifySchema, RouteOptions } from 'fastify';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';
import type { RouteAccess } from './auth.js';
import { withExamples } from './openapi-examples.js';
import type { ErrorBody } from '../shared/errors.js';
import { translate } from '../shared/messages.js';
import { mergerMessage } from '../modules/merger/merger-messages.js';

export type SecurityRequirement = Record<string, string[]>;

/** Methods that need the CSRF header on the portal port (see authPlugin). */
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function words(segment: string): string[] {
  return segment.split(/[^A-Za-z0-9]+/).filter(Boolean);
}

/** The operationId of a route: its HTTP verb, then the path below basePath, path parameters as "by<Name>". */
export function operationIdOf(method: string, url: string, basePath: string): string {
  const rest = url.startsWith(basePath) ? url.slice(basePath.length) : url;
  const parts = rest
    .split('/')
    .filter(Boolean)
    .flatMap((segment) => (segment.startsWith(':') || segment.startsWith('{') ? ['by', ...words(segment)] : words(segment)));
  return [method.toLowerCase(), ...parts.map((w) => w[0]!.toUpperCase() + w.slice(1))].join('');
}

/** The portal's security schemes (components.securitySchemes), named in the requirements below. */
export const portalSecuritySchemes = {
  session: { type: 'apiKey', in: 'cookie', name: 'ocmw_session', description: 'The session cookie set by POST /api/v1/session/login.' },
  csrf: {
    type: 'apiKey',
    in: 'header',
    name: 'x-csrf-token',
    description: 'The CSRF token (the `csrfToken` of GET /api/v1/session), required on every POST, PUT, PATCH and DELETE of the session and public routes.',
  },
  institutionToken: { type: 'http', scheme: 'bearer', description: 'An institution API token; the requirement names the scope the operation needs.' },
  channelPassword: { type: 'http', scheme: 'basic', description: 'The user name and password of a mutation-file channel.' },
} as const;

/** The security requirement of a portal route from its access rule (authPlugin enforces the same). */
export function portalSecurity(access: RouteAccess, method: string, scope?: string): SecurityRequirement[] {
  const unsafe = UNSAFE.has(method.toUpperCase());
  switch (access) {
    case 'public':
      // Anonymous, but a state-changing request still carries the CSRF header (double submit with the CSRF cookie).
      return unsafe ? [{ csrf: [] }] : [];
    case 'session':
    case 'context':
    case 'admin':
      return unsafe ? [{ session: [], csrf: [] }] : [{ session: [] }];
    case 'institution':
      return [{ institutionToken: scope ? [scope] : [] }];
    case 'channel':
      return [{ channelPassword: [] }];
  }
}

/**
 * A download route (file, export) states the media types it produces but no 2xx schema (a
 * response schema would make Fastify serialise the file): in the document it answers 200 with a
 * file of those types.
 */
function withFileAnswer(schema: FastifySchema & { produces?: readonly string[] }): unknown {
  const response = (schema.response ?? {}) as Record<string, unknown>;
  if (!schema.produces?.length || Object.keys(response).some((status) => status.startsWith('2'))) return schema.response;
  const file = { schema: { type: 'string', format: 'binary' } };
  return { 200: { description: 'The file', content: Object.fromEntries(schema.produces.map((type) => [type, file])) }, ...response };
}

/** What each status means, in the documents (an error's body is always an ErrorResponse, SPEC §12). */
const STATUS_DESCRIPTIONS: Record<string, string> = {
  '200': 'Done: the answer is in the body.',
  '201': 'Created: the body describes what was created.',
  '202': 'Accepted: the work goes on in the background.',
  '204': 'Done: no body.',
  '400': 'The request is not valid: `error.fields` names each field and what is wrong with it; nothing was changed.',
  '401': 'Not signed in, or the session, token or certificate is missing or no longer valid.',
  '403': 'Signed in, but this role, organisation, scope or permission may not do this.',
  '404': 'There is no such resource, or it belongs to another organisation.',
  '409': 'The request conflicts with the current state (e.g. it was done already or is no longer possible).',
  '413': 'The body or file is larger than allowed.',
  '415': 'The body has a media type this operation does not take.',
  '422': 'The request is well-formed but breaks a business rule: `error.violations` lists the rules.',
  '429': 'Too many requests from this address: wait (the Retry-After header says how many seconds).',
  '503': 'The portal cannot take this now (e.g. too many citizens file at once); nothing was saved: try again in a minute.',
};

/** Each answer with its description (the route schemas give the body only). */
function describedAnswers(response: unknown): unknown {
  if (!response || typeof response !== 'object') return response;
  return Object.fromEntries(
    Object.entries(response as Record<string, Record<string, unknown>>).map(([status, answer]) => [
      status,
      STATUS_DESCRIPTIONS[status] && answer && typeof answer === 'object' && !answer.description ? { ...answer, description: STATUS_DESCRIPTIONS[status] } : answer,
    ]),
  );
}

/**
 * The swagger transform: the zod schemas as JSON Schema (fastify-type-provider-zod), plus the
 * operationId and the security requirement of the route.
 */
export function openApiTransform(
  basePath: string,
  securityOf: (route: RouteOptions, method: string) => SecurityRequirement[],
  options: { everyOperation?: Record<number, unknown> } = {},
): SwaggerTransform {
  return (input) => {
    const every = options.everyOperation;
    // Answers every operation can give (the portal's rate limiter: 429), beside the route's own.
    const withEvery =
      every && input.schema && !(input.schema as { hide?: boolean }).hide
        ? { ...input, schema: { ...input.schema, response: { ...every, ...((input.schema.response as object | undefined) ?? {}) } } }
        : input;
    const result = jsonSchemaTransform(withEvery as Parameters<typeof jsonSchemaTransform>[0]);
    const schema = result.schema as (FastifySchema & { hide?: boolean; produces?: readonly string[] }) | undefined;
    if (!schema || schema.hide) return result;
    const { route } = input;
    const methods = (Array.isArray(route.method) ? route.method : [route.method]).filter((m) => m !== 'HEAD');
    const method = methods[0] ?? 'GET';
    if (methods.length > 1) throw new Error(`Route ${methods.join(',')} ${route.url}: one method per route, so that each operation has its own operationId`);
    keepDeprecatedQuery(schema.querystring);
    return {
      url: result.url,
      schema: { ...schema, response: describedAnswers(withFileAnswer(schema)), operationId: schema.operationId ?? operationIdOf(method, route.url, basePath), security: schema.security ?? securityOf(route, method) },
    };
  };
}

/** The component schemas that something in the document references (an operation or a shared answer, directly or through another component). */
function usedComponents(document: { paths?: unknown; components?: { schemas?: Record<string, unknown>; responses?: Record<string, unknown> } }): Set<string> {
  const schemas = document.components?.schemas ?? {};
  const used = new Set<string>();
  const visit = (value: unknown) => {
    for (const match of JSON.stringify(value).matchAll(/"#\/components\/schemas\/([^"]+)"/g)) {
      const name = decodeURIComponent(match[1]!);
      if (!used.has(name) && name in schemas) {
        used.add(name);
        visit(schemas[name]);
      }
    }
  };
  visit(document.paths ?? {});
  visit(document.components?.responses ?? {});
  return used;
}

/**
 * The swagger transformObject: the registered zod schemas under components.schemas (as input
 * and output variants, see fastify-type-provider-zod), keeping only those the document uses.
 */
export const openApiTransformObject: SwaggerTransformObject = (input) => {
  const document = sharedErrorAnswers(jsonSchemaTransformObject(input) as OpenApiDocument);
  const schemas = document.components?.schemas;
  if (!schemas) return document as ReturnType<SwaggerTransformObject>;
  const used = usedComponents(document);
  const kept = Object.fromEntries(Object.entries(schemas).filter(([name]) => used.has(name)));
  return withExamples(withOpenAllOfParts(withPlainInputNames(withDeprecatedParameters({ ...document, components: { ...document.components, schemas: kept } })))) as ReturnType<SwaggerTransformObject>;
};

/**
 * A schema used only in requests is named as it was registered (`Insz`, not the type provider's
 * `InszInput`); the suffix stays where the same schema is also an answer with another shape.
 */
function withPlainInputNames(document: OpenApiDocument): OpenApiDocument {
  const names = Object.keys(document.components?.schemas ?? {});
  const renames = names.filter((name) => name.endsWith('Input') && !names.includes(name.slice(0, -'Input'.length)));
  if (renames.length === 0) return document;
  let text = JSON.stringify(document);
  for (const name of renames) text = text.replaceAll(`"#/components/schemas/${name}"`, `"#/components/schemas/${name.slice(0, -'Input'.length)}"`);
  const renamed = JSON.parse(text) as OpenApiDocument;
  const schemas = Object.fromEntries(Object.entries(renamed.components!.schemas!).map(([name, schema]) => [renames.includes(name) ? name.slice(0, -'Input'.length) : name, schema]));
  return { ...renamed, components: { ...renamed.components, schemas } };
}

/**
 * The parts of an `allOf` (a paged answer: its items and the Paging component) must each allow the
 * other's properties, or no answer could match them all: the answers' `additionalProperties: false`
 * is dropped there. The server still sends only the declared fields (the zod answer schemas strip).
 */
function withOpenAllOfParts(document: OpenApiDocument): OpenApiDocument {
  const copy = structuredClone(document);
  const schemas = copy.components?.schemas ?? {};
  const open = (part: unknown) => {
    if (!part || typeof part !== 'object') return;
    const ref = (part as { $ref?: unknown }).$ref;
    const target = typeof ref === 'string' ? schemas[ref.replace('#/components/schemas/', '')] : part;
    if (target && typeof target === 'object' && (target as { additionalProperties?: unknown }).additionalProperties === false) {
      delete (target as { additionalProperties?: unknown }).additionalProperties;
    }
  };
  const visit = (value: unknown) => {
    if (!value || typeof value !== 'object') return;
    if (Array.isArray(value)) return value.forEach(visit);
    const allOf = (value as { allOf?: unknown }).allOf;
    if (Array.isArray(allOf)) allOf.forEach(open);
    Object.values(value).forEach(visit);
  };
  visit(copy);
  return copy;
}

/**
 * A query property marked deprecated beside a `$ref` (a shared schema such as Insz) keeps its
 * flag and description: @fastify/swagger replaces a bare `$ref` by its target, dropping what
 * stands beside it, but leaves an `allOf` of one part alone (withDeprecatedParameters lifts the flag).
 */
function keepDeprecatedQuery(querystring: unknown) {
  const properties = (querystring as { properties?: Record<string, Record<string, unknown>> } | undefined)?.properties ?? {};
  for (const [name, property] of Object.entries(properties)) {
    if (property.deprecated !== true || typeof property.$ref !== 'string') continue;
    const { $ref, ...rest } = property;
    properties[name] = { ...rest, allOf: [{ $ref }] };
  }
}

/**
 * A query parameter whose zod schema says `deprecated` (`.meta({ deprecated: true })`) is marked
 * deprecated itself: @fastify/swagger leaves the flag inside the parameter's schema, where client
 * generators do not look.
 */
function withDeprecatedParameters(document: OpenApiDocument): OpenApiDocument {
  for (const operations of Object.values(document.paths ?? {})) {
    for (const operation of Object.values(operations)) {
      for (const parameter of (operation as { parameters?: { deprecated?: boolean; schema?: { deprecated?: boolean } }[] }).parameters ?? []) {
        if (parameter.schema?.deprecated === true) parameter.deprecated = true;
      }
    }
  }
  return document;
}

type OpenApiDocument = { paths?: Record<string, Record<string, { responses?: Record<string, unknown> }>>; components?: { schemas?: Record<string, unknown>; responses?: Record<string, unknown> } };

/** The name of the shared answer of an error status under components.responses (issue 22). */
const ERROR_ANSWER_NAMES: Record<string, string> = {
  '400': 'BadRequest',
  '401': 'Unauthenticated',
  '403': 'Forbidden',
  '404': 'NotFound',
  '409': 'Conflict',
  '413': 'PayloadTooLarge',
  '415': 'UnsupportedMediaType',
  '422': 'RuleViolation',
  '429': 'TooManyRequests',
  '503': 'Unavailable',
};

/** What each shared error answer looks like (in English; the server answers in the reader's language). */
const ERROR_EXAMPLES: Record<string, ErrorBody> = {
  '400': { error: { code: 'validation', message: translate('http.validation', 'en'), fields: { insz: translate('insz.checksum', 'en') } } },
  '401': { error: { code: 'unauthenticated', message: translate('auth.required', 'en') } },
  '403': { error: { code: 'forbidden', message: translate('auth.forbidden', 'en') } },
  '404': { error: { code: 'not_found', message: translate('http.not_found', 'en') } },
  '409': { error: { code: 'conflict', message: translate('http.conflict', 'en') } },
  '413': { error: { code: 'payload_too_large', message: translate('http.payload_too_large', 'en') } },
  '415': { error: { code: 'unsupported_media_type', message: translate('http.unsupported_media_type', 'en') } },
  '422': { error: { code: 'rule_violation', message: mergerMessage('merger.blocker.no_htb', 'en'), violations: [{ rule: 'merger.blocker.no_htb', message: mergerMessage('merger.blocker.no_htb', 'en') }] } },
  '429': { error: { code: 'rate_limited', message: translate('http.rate_limited', 'en') } },
  '503': { error: { code: 'unavailable', message: translate('http.busy', 'en') } },
};

/**
 * Issue 22: an error answer that is the standard one (its status's description and the
 * ErrorResponse body) is written once under components.responses and referenced from each
 * operation, instead of repeated in every one.
 */
function sharedErrorAnswers(document: OpenApiDocument): OpenApiDocument {
  const shared: Record<string, unknown> = {};
  const standard = (status: string) => ({
    description: STATUS_DESCRIPTIONS[status],
    content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorResponse' }, ...(ERROR_EXAMPLES[status] ? { example: ERROR_EXAMPLES[status] } : {}) } },
  });
  const paths = Object.fromEntries(
    Object.entries(document.paths ?? {}).map(([url, operations]) => [
      url,
      Object.fromEntries(
        Object.entries(operations).map(([method, operation]) => {
          if (!operation?.responses) return [method, operation];
          const responses = Object.fromEntries(
            Object.entries(operation.responses).map(([status, answer]) => {
              const name = ERROR_ANSWER_NAMES[status];
              if (!name || !isStandardError(status, answer)) return [status, answer];
              shared[name] = standard(status);
              return [status, { $ref: `#/components/responses/${name}` }];
            }),
          );
          return [method, { ...operation, responses }];
        }),
      ),
    ]),
  );
  const responses = Object.fromEntries(Object.entries(shared).sort(([a], [b]) => a.localeCompare(b)));
  return { ...document, paths, components: { ...document.components, ...(Object.keys(responses).length ? { responses } : {}) } };
}

/**
 * An error answer as every operation gives it: the status's description and an ErrorResponse
 * body. A file download's errors are listed under its file types by the swagger plugin, but the
 * error handler answers JSON: the shared answer says so.
 */
function isStandardError(status: string, answer: unknown): boolean {
  const { description, content, ...rest } = (answer ?? {}) as { description?: string; content?: Record<string, { schema?: unknown }> };
  if (description !== STATUS_DESCRIPTIONS[status] || Object.keys(rest).length > 0 || !content) return false;
  const bodies = Object.values(content);
  return bodies.length > 0 && bodies.every((body) => JSON.stringify(body) === JSON.stringify({ schema: { $ref: '#/components/schemas/ErrorResponse' } }));
}
