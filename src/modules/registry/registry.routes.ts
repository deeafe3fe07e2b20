import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorResponse, IsoDate, Uuid } from '../../shared/schema.js';
import { DomainSummary, OrganisationListQuery, OrganisationPage, OrganisationSummary, PostcodeLookup } from './registry.schema.js';
import type { RegistryService } from './registry.service.js';

const OrganisationDetail = OrganisationSummary.extend({ domains: z.array(DomainSummary) });

/** HTTP ↔ registry service: organisations (own organisation, or all for administrators) and postcodes. */
export const registryRoutes: FastifyPluginAsyncZod<{ registry: RegistryService }> = async (app, { registry }) => {
  app.get(
    '/organisations',
    {
      config: { access: 'admin' },
      schema: {
        tags: ['Register'],
        summary: 'Page through organisations (administrators)',
        querystring: OrganisationListQuery,
        response: { 200: OrganisationPage, 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse },
      },
    },
    async (request) => registry.listOrganisations(request.query),
  );

  app.get(
    '/organisations/:organisationId',
    {
      config: { access: 'context' },
      schema: {
        tags: ['Register'],
        summary: 'One organisation with its domains: only the chosen organisation (or any, for administrators)',
        params: z.strictObject({ organisationId: Uuid }),
        response: { 200: OrganisationDetail, 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse },
      },
    },
    async (request) => {
      const { context } = request.actor!;
      const viewer = { isAdmin: context?.role === 'ADMIN', organisationId: context?.organisation?.id ?? null };
      return registry.organisationDetail(viewer, request.params.organisationId);
    },
  );

  app.get(
    '/postcodes/:postcode/municipalities',
    {
      config: { access: 'public' },
      schema: {
        tags: ['Register'],
        summary: 'The municipalities a postcode covers on a date (default: the business date)',
        params: z.strictObject({ postcode: z.string().regex(/^\d{4}$/) }),
        querystring: z.strictObject({ date: IsoDate.optional() }),
        response: { 200: PostcodeLookup, 400: ErrorResponse },
      },
    },
    async (request) => registry.lookupPostcode(request.params.postcode, request.query.date),
  );
};
