import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { rendered } from '../../http/localize.js';
import { ErrorResponse } from '../../shared/schema.js';
import { callerOf } from '../access/index.js';
import { RetentionSettings } from './retention.schema.js';
import type { RetentionService } from './retention.service.js';

/** HTTP ↔ retention (issue 24): reading the settings; changing them is the operator's CLI. */
export const retentionRoutes: FastifyPluginAsyncZod<{ retention: RetentionService }> = async (app, { retention }) => {
  app.get('/privacy/retention', {
    config: { access: 'context' },
    schema: {
      tags: ['Privacy'],
      summary: 'Issue 24: how long each kind of personal data is kept, and why (platform administrator and privacy officers)',
      response: { 200: RetentionSettings, 401: ErrorResponse, 403: ErrorResponse },
    },
  }, async (request) => rendered(request, await retention.readSettings(callerOf(request))));
};
