import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorResponse, pageOf } from '../../shared/schema.js';
import { rendered } from '../../http/localize.js';
import type { Rendered } from '../../messages.js';
import { callerOf } from '../access/index.js';
import {
  CitizenReceipt,
  CitizenSubmissionBody,
  ForwardBody,
  ForwardTarget,
  ForwardTargetQuery,
  HelpRequestDetail,
  HelpRequestListQuery,
  HelpRequestSummary,
  OcmwLookup,
  OcmwLookupQuery,
  ProofChallenge,
  UnreadableOcmws,
} from './help-requests.schema.js';
import type { HelpRequestsService } from './help-requests.service.js';

const IdParams = z.strictObject({ id: z.uuid() });
const MailFailure = z.object({ id: z.string(), kind: z.string(), to: z.string(), subject: z.string(), createdAt: z.string(), lastError: z.string().nullable() });

/** HTTP ↔ OCMW Online: the citizen's form (public) and the OCMW's list, detail and actions (R6.8). */
export const helpRequestsRoutes: FastifyPluginAsyncZod<{ helpRequests: HelpRequestsService; submissionsPerHour?: number }> = async (app, { helpRequests, submissionsPerHour = 10 }) => {
  app.get('/public/ocmw-lookup', {
    config: { access: 'public' },
    schema: {
      tags: ['OCMW Online'],
      summary: 'The municipalities of a postcode and, once clear, the competent OCMW with its contact data (R6.2)',
      querystring: OcmwLookupQuery,
      response: { 200: OcmwLookup, 400: ErrorResponse },
    },
  }, async (request) => {
    // The citizen form's language, for the names and any refusal (issue 18: rendered at the edge).
    request.language = request.query.language;
    return rendered(request, await helpRequests.lookup(request.query));
  });

  app.get('/public/help-requests/challenge', {
    // Issue 17: anonymous, no cookie; a challenge is worth nothing until solved, and costs one HMAC.
    config: { access: 'public' },
    schema: {
      tags: ['OCMW Online'],
      summary: 'A proof-of-work challenge for the citizen form (issue 17): find the number, send it with the request within 10 minutes',
      response: { 200: ProofChallenge },
    },
  }, async (_request, reply) => reply.header('cache-control', 'no-store').send(await helpRequests.proofChallenge()));

  app.post('/public/help-requests', {
    // Issue 17: per source address (request.ip, so behind OCMW_TRUST_PROXY the client's).
    config: { access: 'public', rateLimit: { max: submissionsPerHour, timeWindow: 3_600_000 } },
    schema: {
      tags: ['OCMW Online'],
      summary: 'A citizen files a help request (R6.1–R6.3, R6.10) with a solved challenge (`proof`, issue 17)',
      body: CitizenSubmissionBody,
      response: { 201: CitizenReceipt, 400: ErrorResponse, 403: ErrorResponse, 503: ErrorResponse },
    },
  }, async (request, reply) => {
    request.language = request.body.language;
    return reply.status(201).send(rendered(request, await helpRequests.submitFromPublicForm(request.body)));
  });

  app.get('/admin/help-requests/unreadable', {
    config: { access: 'admin' },
    schema: {
      tags: ['OCMW Online'],
      summary: 'Issue 19: the OCMWs with unread help requests on the business date and nobody who can read them (no active user with OCMW Online or Sociale Agent)',
      response: { 200: UnreadableOcmws, 401: ErrorResponse, 403: ErrorResponse },
    },
  }, async (request) => rendered(request, await helpRequests.unreadableOcmws()));

  app.get('/help-requests', {
    config: { access: 'context' },
    schema: {
      tags: ['OCMW Online'],
      summary: 'The help requests of the OCMW, filterable by status, kind and receipt date; search by reference',
      querystring: HelpRequestListQuery,
      response: { 200: pageOf(HelpRequestSummary), 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse },
    },
  }, async (request) => {
    const page = await helpRequests.list(callerOf(request), request.query);
    // Issue 24: a list with names is a read of each person shown: one entry per row.
    request.recordAccess(page.items.map((r) => ({ action: 'help-request.list', objectKind: 'help-request', objectId: r.id, insz: r.insz })));
    return rendered(request, page);
  });

  app.get('/help-requests/forward-targets', {
    config: { access: 'context' },
    schema: {
      tags: ['OCMW Online'],
      summary: 'OCMWs a request can be forwarded to (R6.11)',
      querystring: ForwardTargetQuery,
      response: { 200: z.array(ForwardTarget), 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse },
    },
  }, async (request) => rendered(request, await helpRequests.forwardTargets(callerOf(request), request.query.q)));

  app.get('/help-requests/mail-failures', {
    config: { access: 'context' },
    schema: {
      tags: ['OCMW Online'],
      summary: 'Mails to the OCMW that could not be delivered',
      response: { 200: z.array(MailFailure), 401: ErrorResponse, 403: ErrorResponse },
    },
  }, async (request) => helpRequests.mailFailures(callerOf(request)));

  app.get('/help-requests/:id', {
    config: { access: 'context' },
    schema: {
      tags: ['OCMW Online'],
      summary: 'One help request with its deadline and history',
      params: IdParams,
      response: { 200: HelpRequestDetail, 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse },
    },
  }, async (request) => {
    return shown(request, await helpRequests.get(callerOf(request), request.params.id), 'help-request.read');
  });

  app.post('/help-requests/:id/read', {
    config: { access: 'context' },
    schema: {
      tags: ['OCMW Online'],
      summary: 'Marks the request read (R6.6): its reminders stop',
      params: IdParams,
      response: { 200: HelpRequestDetail, 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse },
    },
  }, async (request) => shown(request, await helpRequests.markRead({ ...callerOf(request), username: request.actor!.username }, request.params.id), 'help-request.mark-read'));

  app.post('/help-requests/:id/decided', {
    config: { access: 'context' },
    schema: {
      tags: ['OCMW Online'],
      summary: 'Marks the request decided (R6.11: it is no longer late)',
      params: IdParams,
      response: { 200: HelpRequestDetail, 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse },
    },
  }, async (request) => shown(request, await helpRequests.markDecided({ ...callerOf(request), username: request.actor!.username }, request.params.id), 'help-request.mark-decided'));

  app.post('/help-requests/:id/forward', {
    config: { access: 'context' },
    schema: {
      tags: ['OCMW Online'],
      summary: 'Forwards the request to the competent OCMW, with a reason, within 5 days of receipt (R6.11)',
      params: IdParams,
      body: ForwardBody,
      response: { 200: z.object({ reference: z.string(), forwardedTo: ForwardTarget }), 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse },
    },
  }, async (request) => rendered(request, await helpRequests.forward({ ...callerOf(request), username: request.actor!.username }, request.params.id, request.body)));
};

/**
 * Issue 24: an answer that shows a request's detail (its INSZ and message) is a read of the
 * citizen's data, also when it answers a change (marked read, decided): one access-log entry.
 */
export function shown<T extends { id: string; insz: string | null }>(request: FastifyRequest, detail: T, action: string): Rendered<T> {
  request.recordAccess({ action, objectKind: 'help-request', objectId: detail.id, insz: detail.insz });
  return rendered(request, detail);
}
