import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { serializerCompiler } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { rendered } from '../../http/localize.js';
import { ErrorResponse, pageOf } from '../../shared/schema.js';
import { ContactBody, OnlineSettingsBody, type ConfigurationService } from '../configuration/index.js';
import { HelpRequestDetail, HelpRequestSummary, VendorListQuery } from './help-requests.schema.js';
import type { HelpRequestsService, VendorClient } from './help-requests.service.js';

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
 * The list's serializer: the zod one, whose JSON is kept with the page object it was made from.
 * A cached page (VENDOR_LIST_CACHE_MS) is one object for every poll that gets it, so it is checked
 * against the schema and encoded once, not at every poll; a page read anew is a new object.
 */
const listSerializer: typeof serializerCompiler = (routeSchema) => {
  const encode = serializerCompiler(routeSchema);
  const encoded = new WeakMap<object, string>();
  return (data) => {
    if (typeof data !== 'object' || data === null) return encode(data);
    let json = encoded.get(data);
    if (json === undefined) {
      json = encode(data);
      encoded.set(data, json);
    }
    return json;
  };
};

/** The vendor REST API (R6.9) under /vendor/v1: the certificate's REST account acts for its OCMW. */
export const vendorRoutes: FastifyPluginAsyncZod<{ helpRequests: HelpRequestsService; configuration: ConfigurationService }> = async (app, { helpRequests, configuration }) => {
  const need = (client: VendorClient, p: keyof typeof PERMISSION) => helpRequests.requireVendor(client, PERMISSION[p]);

  app.get('/help-requests', {
    schema: {
      tags: ['OCMW Online'],
      summary: 'The help requests of the OCMW, newest receipt first; unread=true for the unread ones, since= for those filed since an instant',
      querystring: VendorListQuery,
      response: { 200: pageOf(HelpRequestSummary), 400: ErrorResponse, ...Denied },
    },
    // The route-level option is typed for the whole route schema; the zod compiler gets each response schema.
    serializerCompiler: listSerializer as never,
  }, async (request) => rendered(request, await helpRequests.vendorList(request.vendor!, request.query)));

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
