import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { rendered } from '../../http/localize.js';
import { pick } from '../../shared/i18n.js';
import { ErrorResponse } from '../../shared/schema.js';
import { callerOf } from '../access/index.js';
import {
  ConfigurationView,
  ContactBody,
  MUTATION_CATALOGUE,
  MutationHistoryItem,
  MutationSelectionBody,
  OnlineSettingsBody,
  SectionHistoryItem,
  TechnicalBody,
} from './configuration.schema.js';
import type { ConfigurationService } from './configuration.service.js';

const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse };
const tags = ['OCMW-configuratie'];

/** HTTP ↔ OCMW-configuratie (SPEC §4). */
export const configurationRoutes: FastifyPluginAsyncZod<{ configuration: ConfigurationService }> = async (app, { configuration }) => {
  const config = { access: 'context' as const };

  app.get('/configuration', {
    config,
    schema: { tags, summary: 'The four sections of the OCMW, as last saved', response: { 200: ConfigurationView, ...errors } },
  }, async (request) => rendered(request, await configuration.view(callerOf(request))));

  app.get('/configuration/mutations/catalogue', {
    config,
    schema: { tags, summary: 'The mutation types of the guide (R4.3)', response: { 200: z.array(z.object({ code: z.string(), group: z.string().nullable(), description: z.string() })), ...errors } },
  }, async (request) => {
    await configuration.view(callerOf(request));
    // R4.3 in the reader's language (issue 18); the codes are the guide's and stay as they are.
    return MUTATION_CATALOGUE.map((m) => ({ code: m.code, group: m.group, description: pick(m.description, request.language) }));
  });

  app.put('/configuration/mutations', {
    config,
    schema: { tags, summary: '"Bewaren" of the mutation selection (history kept, R4.4)', body: MutationSelectionBody, response: { 200: ConfigurationView, ...errors } },
  }, async (request) => rendered(request, await configuration.saveMutations(callerOf(request), request.body.selected)));

  app.get('/configuration/mutations/history', {
    config,
    schema: { tags, summary: 'Every selection period: type, from, to, who', response: { 200: z.array(MutationHistoryItem), ...errors } },
  }, async (request) => configuration.mutationHistory(callerOf(request)));

  app.put('/configuration/technical', {
    config,
    schema: { tags, summary: 'Technische dienstverleners (R4.5)', body: TechnicalBody, response: { 200: ConfigurationView, ...errors } },
  }, async (request) => rendered(request, await configuration.saveTechnical(callerOf(request), request.body)));

  app.put('/configuration/contact', {
    config,
    schema: { tags, summary: 'Contactgegevens (R4.6)', body: ContactBody, response: { 200: ConfigurationView, ...errors } },
  }, async (request) => rendered(request, await configuration.saveContact(callerOf(request), request.body)));

  app.put('/configuration/online', {
    config,
    schema: { tags, summary: 'OCMW Online: notifications and reminders (R4.7)', body: OnlineSettingsBody, response: { 200: ConfigurationView, ...errors } },
  }, async (request) => rendered(request, await configuration.saveOnlineSettings(callerOf(request), request.body)));

  app.get('/configuration/:section/history', {
    config,
    schema: { tags, summary: 'Every save of a section', params: z.strictObject({ section: z.enum(['technical', 'contact', 'online']) }), response: { 200: z.array(SectionHistoryItem), ...errors } },
  }, async (request) => configuration.sectionHistory(callerOf(request), request.params.section));
};
