import type { FastifyInstance } from 'fastify';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { ErrorResponse } from '../shared/schema.js';
import { openApiTransform, openApiTransformObject, portalSecurity, portalSecuritySchemes } from './openapi-document.js';

/** OpenAPI document generated from the route schemas, served at /api/v1/openapi.json, UI at /api/docs. */
export async function registerOpenApi(app: FastifyInstance): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'OCMW Portal API',
        version: '1',
        description:
          'Portal API of OCMW Portal (cookie session + CSRF header `x-csrf-token`). Errors: `{"error":{"code","message","fields"?}}` (SPEC §12).',
      },
      servers: [{ url: '/' }],
      components: { securitySchemes: portalSecuritySchemes },
    },
    // operationId and security requirement of every operation, from its method, path and access rule.
    // Every portal operation can answer 429 (the global rate limiter, rendered as an ErrorResponse by the error handler).
    transform: openApiTransform('/api/v1', (route, method) => portalSecurity(route.config?.access ?? 'admin', method, route.config?.scope), {
      everyOperation: { 429: ErrorResponse },
    }),
    transformObject: openApiTransformObject,
    // Only the portal API belongs in this document (the vendor API has its own).
    hideUntagged: true,
  });
  await app.register(swaggerUi, {
    routePrefix: '/api/docs',
    staticCSP: true,
    // The plugin's own policy lets the same origin frame the docs; no page of the portal may be framed.
    transformStaticCSP: (header) => header.replace("frame-ancestors 'self'", "frame-ancestors 'none'"),
  });
  app.get('/api/v1/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, async () => app.swagger());
}
