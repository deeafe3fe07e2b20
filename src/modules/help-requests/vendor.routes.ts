import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { serializerCompiler } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { rendered } from '../../http/localize.js';
import { ErrorResponse } from '../../shared/schema.js';
import { ContactBody, OnlineSettingsBody, type ConfigurationService } from '../configuration/index.js';
import { HelpRequestDetail, VendorListPage, VendorListQuery } from './help-requests.schema.js';
import type { HelpRequestsService, VendorClient } from './help-requests.service.js';
import { etagOf, noneMatch } from './vendor-list.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** Set on the vendor port: the REST account behind the client certificate (R6.9). */
    vendor: VendorClient | null;
  }
}

const ReferenceParams = z.strictObject({ reference: z.string().trim().regex(/^OO-\d{4}-\d{7}-\d$/i, { message: 'online.reference_format' }) });
const Denied = { 401: ErrorResponse, 403: ErrorResponse };

const PERMISSION = {
  process: 'ocmw-online-proces',
  readContact: 'signaletiek-raadplegen',
  editContact: 'signaletiek-bewerken',
  admin: 'ocmw-online-admin',
} as const;

/**
 * The list's JSON and entity tag, kept with the page object they were made from: a cached page
 * (VENDOR_LIST_CACHE_MS) is one object for every poll that gets it, so it is checked against the
 * schema, encoded and hashed once, not at every poll; a page read anew is a new object.
 */
const encodedPages = new WeakMap<object, { json: string; etag: string }>();
const encodeList = serializerCompiler({ schema: VendorListPage, method: 'GET', url: '/help-requests', httpStatus: '200' } as never) as (data: unknown) => string;
function encodedPage(page: object) {
  let found = encodedPages.get(page);
  if (!found) {
    const json = encodeList(page);
    found = { json, etag: etagOf(json) };
    encodedPages.set(page, found);
  }
  return found;
}
/** The list's serializer: the page's kept JSON; anything else (an error) through zod. */
const listSerializer: typeof serializerCompiler = (routeSchema) => {
  const encode = serializerCompiler(routeSchema);
  return (data) => (typeof data === 'object' && data !== null && encodedPages.has(data) ? encodedPages.get(data)!.json : encode(data));
};

/** The vendor REST API (R6.9) under /vendor/v1: the certificate's REST account acts for its OCMW. */
export const vendorRoutes: FastifyPluginAsyncZod<{ helpRequests: HelpRequestsService; configuration: ConfigurationService }> = async (app, { helpRequests, configuration }) => {
  const need = (client: VendorClient, p: keyof typeof PERMISSION) => helpRequests.requireVendor(client, PERMISSION[p]);

  app.get('/help-requests', {
    schema: {
      tags: ['OCMW Online'],
      summary: 'The help requests of the OCMW, newest receipt first; unread=true for the unread ones, since= for those filed since an instant',
      description:
        'Paging: `cursor` (keyset, issue 20) gives the page after the row a previous answer\'s `nextCursor` named; rows filed meanwhile never shift it, ' +
        'and it costs the same however deep (no `total`). Without `cursor`: `page` and `pageSize` with `total`, as before. `nextCursor` is null after the last row. ' +
        'Every answer carries an `ETag`; sent back as `If-None-Match`, an unchanged page is answered 304 without a body.',
      querystring: VendorListQuery,
      headers: z.object({ 'if-none-match': z.string().optional().describe('The ETag of the page the client has: 304 when it is still the same') }),
      response: { 200: VendorListPage, 304: z.null().describe('Not modified: the page is the one of the ETag given'), 400: ErrorResponse, ...Denied },
    },
    // The route-level option is typed for the whole route schema; the zod compiler gets each response schema.
    serializerCompiler: listSerializer as never,
  }, async (request, reply) => {
    // The page in the reader's language: one frozen object per page and language (issue 18), so
    // its JSON and ETag are made once (encodedPage).
    const page = rendered(request, await helpRequests.vendorList(request.vendor!, request.query));
    const { etag } = encodedPage(page);
    // A page depends on the language (municipality names) and is the vendor's own: no shared cache keeps it.
    reply.header('etag', etag).header('cache-control', 'private, no-cache').header('vary', 'Accept-Language');
    // No payload at all (send(null) would announce the 4 bytes of `null` that a 304 never carries).
    if (noneMatch(request.headers['if-none-match'], etag)) return reply.code(304).send(undefined as never);
    return page;
  });

  app.get('/help-requests/:reference', {
    schema: {
      tags: ['OCMW Online'],
      summary: 'One help request by reference, with its history',
      params: ReferenceParams,
      response: { 200: HelpRequestDetail, 400: ErrorResponse, ...Denied, 404: ErrorResponse },
    },
  }, async (request) => rendered(request, await helpRequests.vendorGet(request.vendor!, request.params.reference.toUpperCase())));

  app.post('/help-requests/:reference/read', {
    schema: {
      tags: ['OCMW Online'],
      summary: 'Marks the request read (R6.6)',
      params: ReferenceParams,
      response: { 200: HelpRequestDetail, 400: ErrorResponse, ...Denied, 404: ErrorResponse },
    },
  }, async (request) => rendered(request, await helpRequests.vendorMarkRead(request.vendor!, request.params.reference.toUpperCase())));

  app.get('/contact', {
    schema: { tags: ['Signaletiek'], summary: "The OCMW's contact data (R4.6); null when never saved", response: { 200: ContactBody.nullable(), ...Denied } },
  }, async (request) => {
    need(request.vendor!, 'readContact');
    return configuration.currentSection(request.vendor!.organisationId, 'contact') as never;
  });

  app.put('/contact', {
    schema: { tags: ['Signaletiek'], summary: "Replaces the OCMW's contact data (R4.6)", body: ContactBody, response: { 200: ContactBody, 400: ErrorResponse, ...Denied } },
  }, async (request) => {
    need(request.vendor!, 'editContact');
    return configuration.saveSectionAs(request.vendor!.organisationId, 'contact', request.body, `rest:${request.vendor!.accountName}`) as never;
  });

  app.get('/settings', {
    schema: { tags: ['Administratie'], summary: 'The OCMW Online settings (R4.7); null when never saved', response: { 200: OnlineSettingsBody.nullable(), ...Denied } },
  }, async (request) => {
    need(request.vendor!, 'admin');
    return configuration.currentSection(request.vendor!.organisationId, 'online') as never;
  });

  app.put('/settings', {
    schema: { tags: ['Administratie'], summary: 'Replaces the OCMW Online settings (R4.7)', body: OnlineSettingsBody, response: { 200: OnlineSettingsBody, 400: ErrorResponse, ...Denied } },
  }, async (request) => {
    need(request.vendor!, 'admin');
    return configuration.saveSectionAs(request.vendor!.organisationId, 'online', request.body, `rest:${request.vendor!.accountName}`) as never;
  });
};
