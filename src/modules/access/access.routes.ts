import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { APPLICATIONS } from '../../shared/applications.js';
import { ErrorResponse, DomainSummaryList } from './access.routes.schema.js';
import {
  AddCoHtbBody,
  AddMemberBody,
  AddMemberReview,
  AuditExportQuery,
  AuditPage,
  AuditQuery,
  BulkBody,
  BulkResult,
  ChangeTbBody,
  ChangeTbReview,
  CoHtbReview,
  DomainHome,
  DomainParams,
  ExportUrlQuery,
  ManagerSummary,
  Me,
  MeBody,
  MemberDetail,
  MemberPage,
  MemberParams,
  PersonLookup,
  PersonLookupBody,
  UpdateDomainBody,
  UpdateMemberBody,
  UserExportBody,
  UserListUrlQuery,
  UserSearchBody,
  type UserListQuery,
} from './access.schema.js';
import { inszMoved, refuseInszInQuery } from '../../http/insz-in-url.js';
import { rendered } from '../../http/localize.js';
import { renderTable, type ExportFile } from './access-export.js';
import type { Caller, ManagementService } from './management.service.js';

/** What the CSV/XLSX exports answer (the OpenAPI document describes their 200 as a file of these types). */
const TABLE_TYPES = ['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'];
const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };
const tags = ['Toegangsbeheer'];
const LOOKUP_PATH = '/api/v1/access/domains/:domainId/persons/lookup';

export function callerOf(request: FastifyRequest): Caller {
  const actor = request.actor!;
  return { userId: actor.userId, language: request.language, context: actor.context };
}

/** Sends an export file as an attachment that no cache keeps. */
export function sendFile(reply: FastifyReply, file: ExportFile) {
  return reply
    .header('content-type', file.contentType)
    .header('content-disposition', `attachment; filename="${file.filename}"`)
    .header('cache-control', 'no-store')
    .send(file.body);
}

/**
 * HTTP ↔ access management (SPEC §2). Every rule is in the service; the routes are an edge (issue
 * 18): refusals are rendered by the error handler, and the routes write what else the service says
 * without words — bulk reasons and names with `rendered`, export files with `renderTable` — in
 * the reader's language (request.language).
 */
export const accessRoutes: FastifyPluginAsyncZod<{ management: ManagementService }> = async (app, { management }) => {
  const context = { access: 'context' as const };

  app.get('/applications', {
    config: context,
    schema: { tags, summary: 'The secured applications (R2.8) with names and descriptions', response: { 200: z.array(z.object({ code: z.string(), name: z.record(z.string(), z.string()), description: z.record(z.string(), z.string()) })), ...errors } },
  }, async () => APPLICATIONS.map((a) => ({ code: a.code, name: { ...a.name }, description: { ...a.description } })));

  app.get('/access/domains', {
    config: context,
    schema: { tags, summary: 'The domains of the organisation that the caller manages', response: { 200: DomainSummaryList, ...errors } },
  }, async (request) => management.listDomains(callerOf(request)));

  app.get('/access/domains/:domainId', {
    config: context,
    schema: { tags, summary: "The manager's home of a domain", params: DomainParams, response: { 200: DomainHome, ...errors } },
  }, async (request) => rendered(request, await management.domainHome(callerOf(request), request.params.domainId)));

  app.patch('/access/domains/:domainId', {
    config: context,
    schema: { tags, summary: "Change the domain's contact e-mail", params: DomainParams, body: UpdateDomainBody, response: { 200: DomainHome, ...errors } },
  }, async (request) => rendered(request, await management.updateDomain(callerOf(request), request.params.domainId, request.body.contactEmail)));

  // Issue 24: the look-up takes the INSZ in a POST body (a URL reaches logs, proxies and history).
  app.post('/access/domains/:domainId/persons/lookup', {
    config: context,
    schema: { tags, summary: 'Is this INSZ a known person? (adding a user starts here; the INSZ in the body)', params: DomainParams, body: PersonLookupBody, response: { 200: PersonLookup, ...errors } },
  }, async (request) => {
    const found = await management.lookupPerson(callerOf(request), request.params.domainId, request.body.insz);
    // Issue 24: looking a person up by INSZ is a read of that person, whether or not they are known.
    request.recordAccess({ action: 'person.lookup', objectKind: 'person', insz: found.insz });
    return found;
  });

  // The GET look-up of before, with the INSZ in its query: a browser tab opened before the change
  // still calls it and is told, at the field, where the INSZ goes; it reads nothing. Not in the document.
  app.get('/access/domains/:domainId/persons', {
    config: context,
    schema: { hide: true, params: DomainParams, response: errors },
  }, async () => {
    throw inszMoved(LOOKUP_PATH);
  });

  /** A page of the domain's users: a read of each person shown (issue 24). */
  async function listUsers(request: FastifyRequest, domainId: string, q: UserListQuery) {
    const page = await management.listMembers(callerOf(request), domainId, q);
    // A search by INSZ is a read of that person every time, whether or not a user turns up.
    if (q.insz) request.recordAccess({ action: 'user.search', objectKind: 'person', insz: q.insz });
    request.recordAccess(page.items.map((m) => ({ action: 'user.list', objectKind: 'user', objectId: m.userId, insz: m.insz })));
    return page;
  }

  /** The filtered user list as a file: one read per person in it (issue 24). */
  async function exportUsers(request: FastifyRequest, reply: FastifyReply, domainId: string, query: z.infer<typeof UserExportBody>) {
    const { format, lang, ...filter } = query;
    const table = await management.exportMembers(callerOf(request), domainId, filter);
    const file = await renderTable(table, format, lang ?? request.language);
    request.recordAccess((table.persons ?? []).map((p) => ({ action: 'users.export', objectKind: 'user', objectId: p.id, insz: p.insz })));
    return sendFile(reply, file);
  }

  app.get('/access/domains/:domainId/users', {
    config: context,
    preValidation: refuseInszInQuery('/api/v1/access/domains/:domainId/users/search'),
    schema: { tags, summary: 'The user list of a domain, filtered, sorted and paged (R2.9); by INSZ: POST …/users/search', params: DomainParams, querystring: UserListUrlQuery, response: { 200: MemberPage, ...errors } },
  }, async (request) => listUsers(request, request.params.domainId, request.query));

  app.post('/access/domains/:domainId/users/search', {
    config: context,
    schema: { tags, summary: 'The user list of a domain, filtered (the INSZ too, in the body), sorted and paged (R2.9)', params: DomainParams, body: UserSearchBody, response: { 200: MemberPage, ...errors } },
  }, async (request) => listUsers(request, request.params.domainId, request.body));

  app.get('/access/domains/:domainId/users/export', {
    config: context,
    preValidation: refuseInszInQuery('/api/v1/access/domains/:domainId/users/export'),
    schema: { tags, summary: 'The filtered user list as CSV or XLSX (R2.11); by INSZ: POST …/users/export', params: DomainParams, querystring: ExportUrlQuery, produces: TABLE_TYPES, response: errors },
  }, async (request, reply) => exportUsers(request, reply, request.params.domainId, request.query));

  app.post('/access/domains/:domainId/users/export', {
    config: context,
    schema: { tags, summary: 'The filtered user list (the INSZ too, in the body) as CSV or XLSX (R2.11)', params: DomainParams, body: UserExportBody, produces: TABLE_TYPES, response: errors },
  }, async (request, reply) => exportUsers(request, reply, request.params.domainId, request.body));

  app.post('/access/domains/:domainId/users/validate', {
    config: context,
    schema: { tags, summary: 'Check a new user and return the review screen; writes nothing', params: DomainParams, body: AddMemberBody, response: { 200: AddMemberReview, ...errors } },
  }, async (request) => management.addMember(callerOf(request), request.params.domainId, request.body, { dryRun: true }));

  app.post('/access/domains/:domainId/users', {
    config: context,
    schema: { tags, summary: 'Add a user or co-TB to the domain (confirm after the review)', params: DomainParams, body: AddMemberBody, response: { 201: AddMemberReview, ...errors } },
  }, async (request, reply) => reply.status(201).send(await management.addMember(callerOf(request), request.params.domainId, request.body, { dryRun: false })));

  // A refusal's reason (a message) in the reader's language, as the error handler would write it.
  app.post('/access/domains/:domainId/users/bulk', {
    config: context,
    schema: { tags, summary: 'Bulk action on checked users, reported per user (R2.10)', params: DomainParams, body: BulkBody, response: { 200: BulkResult, ...errors } },
  }, async (request) => rendered(request, await management.bulk(callerOf(request), request.params.domainId, request.body)));

  app.get('/access/domains/:domainId/users/:userId', {
    config: context,
    schema: { tags, summary: "A user's details in the domain", params: MemberParams, response: { 200: MemberDetail, ...errors } },
  }, async (request) => {
    const member = await management.getMember(callerOf(request), request.params.domainId, request.params.userId);
    request.recordAccess({ action: 'user.read', objectKind: 'user', objectId: member.userId, insz: member.insz });
    return member;
  });

  app.patch('/access/domains/:domainId/users/:userId', {
    config: context,
    schema: { tags, summary: "Block/unblock a user, or change their applications or local e-mail", params: MemberParams, body: UpdateMemberBody, response: { 200: MemberDetail, ...errors } },
  }, async (request) => management.updateMember(callerOf(request), request.params.domainId, request.params.userId, request.body));

  app.delete('/access/domains/:domainId/users/:userId', {
    config: context,
    schema: { tags, summary: 'Remove a user from the domain', params: MemberParams, response: { 204: z.null(), ...errors } },
  }, async (request, reply) => {
    await management.removeMember(callerOf(request), request.params.domainId, request.params.userId);
    return reply.status(204).send(null);
  });

  app.post('/access/domains/:domainId/tb/validate', {
    config: context,
    schema: { tags, summary: '"Van Toegangsbeheerder veranderen": check and review; writes nothing', params: DomainParams, body: ChangeTbBody, response: { 200: ChangeTbReview, ...errors } },
  }, async (request) => management.changeTb(callerOf(request), request.params.domainId, request.body, { dryRun: true }));

  app.put('/access/domains/:domainId/tb', {
    config: context,
    schema: { tags, summary: '"Van Toegangsbeheerder veranderen": appoint or replace the TB (R2.3)', params: DomainParams, body: ChangeTbBody, response: { 200: ChangeTbReview, ...errors } },
  }, async (request) => management.changeTb(callerOf(request), request.params.domainId, request.body, { dryRun: false }));

  app.get('/access/managers', {
    config: context,
    schema: { tags, summary: 'The HTB and co-HTBs of the organisation', response: { 200: z.array(ManagerSummary), ...errors } },
  }, async (request) => {
    const managers = await management.listManagers(callerOf(request));
    // Issue 24: a list of persons is a read of each (with their INSZ, which the answer leaves out).
    request.recordAccess(managers.map((m) => ({ action: 'manager.list', objectKind: 'user', objectId: m.userId, insz: m.insz })));
    return managers;
  });

  app.post('/access/managers/validate', {
    config: context,
    schema: { tags, summary: 'Check a new co-HTB and return the review; writes nothing', body: AddCoHtbBody, response: { 200: CoHtbReview, ...errors } },
  }, async (request) => management.addCoHtb(callerOf(request), request.body, { dryRun: true }));

  app.post('/access/managers', {
    config: context,
    schema: { tags, summary: 'Add a co-HTB (R2.1)', body: AddCoHtbBody, response: { 201: CoHtbReview, ...errors } },
  }, async (request, reply) => reply.status(201).send(await management.addCoHtb(callerOf(request), request.body, { dryRun: false })));

  app.delete('/access/managers/:userId', {
    config: context,
    schema: { tags, summary: 'Remove a co-HTB', params: z.strictObject({ userId: z.uuid() }), response: { 204: z.null(), ...errors } },
  }, async (request, reply) => {
    await management.removeCoHtb(callerOf(request), request.params.userId);
    return reply.status(204).send(null);
  });

  app.get('/access/audit', {
    config: context,
    schema: { tags, summary: 'The audit log, newest first (R2.12)', querystring: AuditQuery, response: { 200: AuditPage, ...errors } },
  }, async (request) => management.listAudit(callerOf(request), request.query));

  app.get('/access/audit/export', {
    config: context,
    schema: { tags, summary: 'The audit log as CSV or XLSX', querystring: AuditExportQuery, produces: TABLE_TYPES, response: errors },
  }, async (request, reply) => {
    const { format, lang, ...filter } = request.query;
    const file = await renderTable(await management.exportAudit(callerOf(request), filter), format, lang ?? request.language);
    // Issue 24: the audit export names persons (usernames, their data before and after): one entry per export.
    request.recordAccess({ action: 'audit.export', objectKind: 'audit-log' });
    return sendFile(reply, file);
  });

  app.get('/me', {
    config: { access: 'session' },
    schema: { tags: ['Mijn gegevens'], summary: 'My personal data', response: { 200: Me, ...errors } },
  }, async (request) => management.getMe(callerOf(request)));

  app.put('/me', {
    config: { access: 'session' },
    schema: { tags: ['Mijn gegevens'], summary: '"Mijn persoonlijke gegevens wijzigen"', body: MeBody, response: { 200: Me, ...errors } },
  }, async (request) => management.updateMe(callerOf(request), request.body));
};
