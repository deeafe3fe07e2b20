import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorResponse, pageOf } from '../../shared/schema.js';
import { DossierSettings, Form, FormListQuery, FormSearchBody, RegisterFormBody, StopFormBody } from './dossiers.schema.js';
import type { DossiersService, DossierVendor, FormListFilter } from './dossiers.service.js';

const Denied = { 401: ErrorResponse, 403: ErrorResponse };
const tags = ['Dossiers'];
/** Where the INSZ search went (issue 24): the successor of the GET's deprecated `insz`. */
const SEARCH_PATH = '/vendor/v1/dossiers/forms/search';

/** The REST account of the request on the vendor port (set by its certificate hook in http/vendor-app.ts). */
function vendorOf(request: { vendor?: DossierVendor | null }): DossierVendor {
  return request.vendor!;
}

/**
 * The vendor REST API for dossier forms (R9.2) under /vendor/v1: the OCMW's social software
 * registers, stops and lists integration decisions and A036 certificates as a portal user with
 * "Sociale Agent" would, with the same checks. Needs the REST permission `dossiers-integraties`.
 */
export const dossiersVendorRoutes: FastifyPluginAsyncZod<{ dossiers: DossiersService }> = async (app, { dossiers }) => {
  /** A page of forms; one access-log entry per form shown, with its person's INSZ (issue 24). */
  async function list(request: FastifyRequest, q: FormListFilter) {
    const page = await dossiers.vendorListForms(vendorOf(request), q);
    // A search by INSZ is a read of that person every time, whether or not a form turns up.
    if (q.insz) request.recordAccess({ action: 'dossier-form.search', objectKind: 'person', insz: q.insz });
    request.recordAccess(page.items.map((f) => ({ action: 'dossier-form.list', objectKind: 'dossier-form', objectId: f.id, insz: f.insz })));
    return page;
  }

  app.get('/dossiers/forms', {
    schema: {
      tags,
      summary: "The OCMW's forms, newest start first; filter by status and kind (by INSZ: POST /dossiers/forms/search — the query's `insz` is deprecated)",
      querystring: FormListQuery,
      response: { 200: pageOf(Form), 400: ErrorResponse, ...Denied },
    },
  }, async (request, reply) => {
    // Issue 24: the INSZ in a URL still works for the clients generated before, announced as
    // deprecated (the Deprecation header's first form, as the clients in use read it) with its successor.
    if (request.query.insz !== undefined) reply.header('Deprecation', 'true').header('Link', `<${SEARCH_PATH}>; rel="successor-version"`);
    return list(request, request.query);
  });

  app.post('/dossiers/forms/search', {
    schema: {
      tags,
      summary: "The OCMW's forms, newest start first, by a person's INSZ, status and kind (the INSZ in the body, never in a URL)",
      body: FormSearchBody,
      response: { 200: pageOf(Form), 400: ErrorResponse, ...Denied },
    },
  }, async (request) => list(request, request.body));

  app.post('/dossiers/forms', {
    schema: {
      tags,
      summary: 'Registers an integration decision or A036 certificate (no overlap with a running form of the same kind for the person)',
      body: RegisterFormBody,
      response: { 201: Form, 400: ErrorResponse, ...Denied, 422: ErrorResponse },
    },
  }, async (request, reply) => reply.status(201).send(await dossiers.vendorRegisterForm(vendorOf(request), request.body)));

  app.post('/dossiers/forms/:formId/stop', {
    schema: {
      tags,
      summary: 'Stops a running form on an end date (on or after its start)',
      params: z.strictObject({ formId: z.uuid() }),
      body: StopFormBody,
      response: { 200: Form, 400: ErrorResponse, ...Denied, 404: ErrorResponse, 409: ErrorResponse },
    },
  }, async (request) => dossiers.vendorStopForm(vendorOf(request), request.params.formId, request.body.endDate));

  app.get('/dossiers/settings', {
    schema: {
      tags,
      summary: 'R9.4: whether the OCMW has its software vendor re-enter the forms at a merger (changed in OCMW-configuratie)',
      response: { 200: DossierSettings, ...Denied },
    },
  }, async (request) => dossiers.vendorSettings(vendorOf(request)));
};
