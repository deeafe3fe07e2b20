import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ErrorResponse } from '../../shared/schema.js';
import { MergerList } from './merger.schema.js';
import type { MergerService } from './merger.service.js';

/** HTTP ↔ merger service. */
export const mergerRoutes: FastifyPluginAsyncZod<{ mergers: MergerService }> = async (app, { mergers }) => {
  app.get(
    '/mergers',
    {
      config: { access: 'context' },
      schema: {
        tags: ['Fusies'],
        summary: 'List the mergers with their derived scenario (R1, R7.1)',
        response: { 200: MergerList, 401: ErrorResponse, 403: ErrorResponse },
      },
    },
    async () => {
      const items = await mergers.listMergers();
      return { items, total: items.length };
    },
  );
};
