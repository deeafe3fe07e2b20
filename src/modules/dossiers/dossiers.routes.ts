import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorResponse, pageOf } from '../../shared/schema.js';
import { refuseInszInQuery } from '../../http/insz-in-url.js';
import { callerOf } from '../access/index.js';
import { DossierDetail, DossierListQuery, DossierSearchBody, DossierSettings, DossierSettingsBody, DossierSummary, Form, RegisterFormBody, StopFormBody } from './dossiers.schema.js';
import type { DossierListFilter, DossiersService } from './dossiers.service.js';

const Denied = { 401: ErrorResponse, 403: ErrorResponse };

/** HTTP ↔ dossiers: forms registered, stopped and listed as a social software package would (R9.1–R9.2, R9.4). */
export const dossiersRoutes: FastifyPluginAsyncZod<{ dossiers: DossiersService }> = async (app, { dossiers }) => {
  const user = (request: Parameters<typeof callerOf>[0]) => ({ ...callerOf(request), username: request.actor!.username });

  /** A page of dossiers; a list of national numbers is a read of each person shown (issue 24). */
  async function list(request: FastifyRequest, q: DossierListFilter) {
    const page = await dossiers.list(callerOf(request), q);
    // A search by INSZ is a read of that person every time, whether or not a dossier turns up.
    if (q.insz) request.recordAccess({ action: 'dossier.search', objectKind: 'person', insz: q.insz });
    request.recordAccess(page.items.map((d) => ({ action: 'dossier.list', objectKind: 'dossier', objectId: d.id, insz: d.insz })));
    return page;
  }

  app.get('/dossiers', {
    config: { access: 'context' },
    preValidation: refuseInszInQuery('/api/v1/dossiers/search'),
    schema: { tags: ['Dossiers'], summary: 'The dossiers of the OCMW (filter by form status and kind); by INSZ: POST /dossiers/search', querystring: DossierListQuery, response: { 200: pageOf(DossierSummary), 400: ErrorResponse, ...Denied } },
  }, async (request) => list(request, request.query));

  app.post('/dossiers/search', {
    config: { access: 'context' },
    schema: { tags: ['Dossiers'], summary: 'The dossiers of the OCMW by INSZ, form status and kind (the INSZ in the body, never in a URL)', body: DossierSearchBody, response: { 200: pageOf(DossierSummary), 400: ErrorResponse, ...Denied } },
  }, async (request) => list(request, request.body));

  app.get('/dossiers/settings', {
    config: { access: 'context' },
    schema: { tags: ['Dossiers'], summary: 'R9.4: whether the software vendor re-enters the forms at a merger', response: { 200: DossierSettings, ...Denied } },
  }, async (request) => dossiers.settings(callerOf(request)));

  app.put('/dossiers/settings', {
    config: { access: 'context' },
    schema: { tags: ['Dossiers'], summary: 'Changes the R9.4 setting (OCMW-configuratie administrators)', body: DossierSettingsBody, response: { 200: DossierSettings, 400: ErrorResponse, ...Denied } },
  }, async (request) => dossiers.saveSettings(user(request), request.body.handledByVendor));

  app.get('/dossiers/:id', {
    config: { access: 'context' },
    schema: { tags: ['Dossiers'], summary: 'One dossier with its forms', params: z.strictObject({ id: z.uuid() }), response: { 200: DossierDetail, 400: ErrorResponse, ...Denied, 404: ErrorResponse } },
  }, async (request) => {
    const dossier = await dossiers.get(callerOf(request), request.params.id);
    request.recordAccess({ action: 'dossier.read', objectKind: 'dossier', objectId: dossier.id, insz: dossier.insz });
    return dossier;
  });

  app.post('/dossiers/forms', {
    config: { access: 'context' },
    schema: { tags: ['Dossiers'], summary: 'Registers an integration decision or A036 certificate', body: RegisterFormBody, response: { 201: Form, 400: ErrorResponse, ...Denied, 422: ErrorResponse } },
  }, async (request, reply) => reply.status(201).send(await dossiers.registerForm(user(request), request.body)));

  app.post('/dossiers/forms/:formId/stop', {
    config: { access: 'context' },
    schema: {
      tags: ['Dossiers'],
      summary: 'Stops a running form on an end date',
      params: z.strictObject({ formId: z.uuid() }),
      body: StopFormBody,
      response: { 200: Form, 400: ErrorResponse, ...Denied, 404: ErrorResponse, 409: ErrorResponse },
    },
  }, async (request) => dossiers.stopForm(user(request), request.params.formId, request.body.endDate));
};
