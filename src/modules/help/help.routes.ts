import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { Helpdesk } from './help.schema.js';

/** HTTP: `GET /api/v1/help` (public) — the helpdesk contacts of this installation (R12.1). */
export const helpRoutes: FastifyPluginAsyncZod<{ helpdesk: Helpdesk }> = async (app, { helpdesk }) => {
  app.get(
    '/help',
    {
      config: { access: 'public' },
      schema: { tags: ['Help'], summary: "R12.1: the helpdesk's contacts (e-mail, NL and FR phone, working days' hours), as the operator configured them", response: { 200: Helpdesk } },
    },
    async () => helpdesk,
  );
};
