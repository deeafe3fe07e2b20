import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorResponse } from '../../shared/schema.js';
import { callerOf } from '../access/index.js';
import { contentDisposition } from './attachment-rules.js';
import { eboxDocumentReads } from './ebox-reads.js';
import {
  EboxDocumentDetail,
  EboxDocumentPage,
  EboxDocumentSummary,
  EboxListQuery,
  EboxSummary,
  PublishDocumentBody,
  PublishedDocument,
} from './mailbox.schema.js';
import type { MailboxService } from './mailbox.service.js';
import { rendered } from '../../http/localize.js';

const IdParams = z.strictObject({ id: z.uuid() });

/** Room for a 5 MiB attachment in base64 (≈ 6.7 MiB) plus a 100 000-character main content. */
const PUBLISH_BODY_LIMIT = 8 * 1024 * 1024;

/** HTTP ↔ e-Box (R10.1, R8.2): institutions publish; the organisation's users list, read, delete and restore. */
export const mailboxRoutes: FastifyPluginAsyncZod<{ mailbox: MailboxService }> = async (app, { mailbox }) => {
  app.post('/institution/ebox/documents', {
    config: { access: 'institution', scope: 'ebox:publish' },
    bodyLimit: PUBLISH_BODY_LIMIT,
    schema: {
      tags: ['Instellingen'],
      summary: 'Publish a document to an organisation’s e-Box (R10.1): recipient by KBO, optional attachment (≤ 5 MiB, content checked)',
      body: PublishDocumentBody,
      response: { 201: PublishedDocument, 400: ErrorResponse, 401: ErrorResponse, 413: ErrorResponse },
    },
  }, async (request, reply) => reply.status(201).send(rendered(request, await mailbox.publishAs(request.institution!, request.body))));

  app.get('/ebox/documents', {
    config: { access: 'context' },
    schema: {
      tags: ['e-Box'],
      summary: 'The organisation’s e-Box documents, newest first: page/pageSize (≤ 100), filters on read, visible, received before/after, sender, message type, category',
      querystring: EboxListQuery,
      response: { 200: EboxDocumentPage, 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse },
    },
  }, async (request) => {
    const page = await mailbox.list(callerOf(request), request.query);
    // A title can name a person: a list is a read of each document shown, with the INSZ its row shows.
    request.recordAccess(page.items.flatMap((d) => eboxDocumentReads('ebox-document.list', d.id, [d.title, d.attachment?.name])));
    return rendered(request, page);
  });

  app.get('/ebox/summary', {
    config: { access: 'context' },
    schema: {
      tags: ['e-Box'],
      summary: 'Unread documents, and the warning of a disappearing OCMW to keep checking its e-Box (R8.2)',
      response: { 200: EboxSummary, 401: ErrorResponse, 403: ErrorResponse },
    },
  }, async (request) => rendered(request, await mailbox.summary(callerOf(request))));

  app.get('/ebox/documents/:id', {
    config: { access: 'context' },
    schema: {
      tags: ['e-Box'],
      summary: 'One document with its main content; opening it marks it read',
      params: IdParams,
      response: { 200: EboxDocumentDetail, 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse },
    },
  }, async (request) => {
    const document = await mailbox.get({ ...callerOf(request), username: request.actor!.username }, request.params.id);
    // Issue 24: an e-Box document can concern a citizen; opening it is a read of each person it names.
    request.recordAccess(eboxDocumentReads('ebox-document.read', request.params.id, [document.title, document.body, document.attachment?.name]));
    return rendered(request, document);
  });

  app.get('/ebox/documents/:id/attachment', {
    config: { access: 'context' },
    schema: {
      tags: ['e-Box'],
      summary: 'The document’s attachment (its SHA-256 in x-checksum-sha256)',
      params: IdParams,
      produces: ['application/octet-stream'],
      response: { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse },
    },
  }, async (request, reply) => {
    const file = await mailbox.attachment(callerOf(request), request.params.id);
    request.recordAccess(eboxDocumentReads('ebox-document.download', request.params.id, [file.title, file.body, file.name]));
    return reply
      .header('content-type', file.mime)
      .header('content-disposition', contentDisposition(file.name))
      .header('x-content-type-options', 'nosniff')
      .header('x-checksum-sha256', file.sha256)
      .header('cache-control', 'private, no-store')
      .send(file.content as never);
  });

  app.post('/ebox/documents/:id/hide', {
    config: { access: 'context' },
    schema: {
      tags: ['e-Box'],
      summary: '"Delete" a document: it becomes invisible, and can be restored (e-Box Bevoorrechte gebruiker)',
      params: IdParams,
      response: { 200: EboxDocumentSummary, 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse },
    },
  }, async (request) => rendered(request, await mailbox.hide({ ...callerOf(request), username: request.actor!.username }, request.params.id)));

  app.post('/ebox/documents/:id/restore', {
    config: { access: 'context' },
    schema: {
      tags: ['e-Box'],
      summary: 'Put a deleted document back (e-Box Bevoorrechte gebruiker)',
      params: IdParams,
      response: { 200: EboxDocumentSummary, 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse },
    },
  }, async (request) => rendered(request, await mailbox.restore({ ...callerOf(request), username: request.actor!.username }, request.params.id)));
};
