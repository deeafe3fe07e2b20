import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { serializerCompiler } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { rendered } from '../../http/localize.js';
import { ErrorResponse } from '../../shared/schema.js';
import { ContactBody, OnlineSettingsBody, type ConfigurationService } from '../configuration/index.js';
import { HelpRequestDetail, VendorListPage, VendorListQuery } from './help-requests.schema.js';
import type { HelpRequestsService, VendorClient } from './help-requests.service.js';
import { etagOf, noneMatch } from './vendor-list.js';
import { shown } from './help-requests.routes.js';

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

/**
 * Issue 20: how long a page's tag is trusted at an unchanged stamp of the change feed without
 * reading the page. The feed hears every committed change to help requests and their history
 * (migration 0030); what it does not announce (a merger's organisations, municipality names) and
 * an announcement that could be lost show within this time: then the page is read again and its
 * tag compared.
 */
const TAG_STAMP_MS = 5_000;

/** The vendor REST API (R6.9) under /vendor/v1: the certificate's REST account acts for its OCMW. */
export const vendorRoutes: FastifyPluginAsyncZod<{ helpRequests: HelpRequestsService; configuration: ConfigurationService }> = async (app, { helpRequests, configuration }) => {
  const need = (client: VendorClient, p: keyof typeof PERMISSION) => helpRequests.requireVendor(client, PERMISSION[p]);
  // The tag each page (key and language) had at the lists' stamp taken before it was read: a poll
  // with that tag at the same stamp gets 304 without the page being read.
  const tagsMade = new Map<string, { etag: string; stamp: string; until: number }>();
  const rememberTag = (key: string, tag: { etag: string; stamp: string; until: number }) => {
    if (tagsMade.size >= 10_000) tagsMade.clear();
    tagsMade.set(key, tag);
  };

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
    const ifNoneMatch = request.headers['if-none-match'];
    // A page depends on the language (municipality names) and is the vendor's own: no shared cache keeps it.
    const tagged = (etag: string) => reply.header('etag', etag).header('cache-control', 'private, no-cache').header('vary', 'Accept-Language');
    // No payload at all (send(null) would announce the 4 bytes of `null` that a 304 never carries).
    const notModified = () => reply.code(304).send(undefined as never);
    // Issue 20: a conditional poll first asks whether anything changed since this page's tag was made.
    const stamped = ifNoneMatch ? helpRequests.vendorListStamp(request.vendor!, request.query) : undefined;
    const key = stamped?.stamp !== undefined ? `${stamped.key}|${request.language ?? 'nl'}` : undefined;
    if (key && stamped?.stamp !== undefined) {
      const known = tagsMade.get(key);
      if (known && known.stamp === stamped.stamp && known.until > Date.now() && noneMatch(ifNoneMatch, known.etag)) {
        tagged(known.etag);
        return notModified();
      }
    }
    // The page in the reader's language: one frozen object per page and language (issue 18), so
    // its JSON and ETag are made once (encodedPage).
    const page = rendered(request, await helpRequests.vendorList(request.vendor!, request.query));
    // Issue 24: one entry per person shown (a 304 above showed nothing and records nothing).
    request.recordAccess(page.items.map((r) => ({ action: 'help-request.list', objectKind: 'help-request', objectId: r.id, insz: r.insz })));
    const { etag } = encodedPage(page);
    if (key && stamped?.stamp !== undefined) rememberTag(key, { etag, stamp: stamped.stamp, until: Date.now() + TAG_STAMP_MS });
    tagged(etag);
    if (noneMatch(ifNoneMatch, etag)) return notModified();
    return page;
  });

  app.get('/help-requests/:reference', {
    schema: {
      tags: ['OCMW Online'],
      summary: 'One help request by reference, with its history',
      params: ReferenceParams,
      response: { 200: HelpRequestDetail, 400: ErrorResponse, ...Denied, 404: ErrorResponse },
    },
  }, async (request) => {
    return shown(request, await helpRequests.vendorGet(request.vendor!, request.params.reference.toUpperCase()), 'help-request.read');
  });

  app.post('/help-requests/:reference/read', {
    schema: {
      tags: ['OCMW Online'],
      summary: 'Marks the request read (R6.6)',
      params: ReferenceParams,
      response: { 200: HelpRequestDetail, 400: ErrorResponse, ...Denied, 404: ErrorResponse },
    },
  }, async (request) => shown(request, await helpRequests.vendorMarkRead(request.vendor!, request.params.reference.toUpperCase()), 'help-request.mark-read'));

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
