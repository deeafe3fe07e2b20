import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { rendered } from '../../http/localize.js';
import { pick, type Language } from '../../shared/i18n.js';
import { ErrorResponse, PageQuery } from '../../shared/schema.js';
import { callerOf } from '../access/index.js';
import { subjectRequestMessages } from './subject-request-messages.js';
import { ErasureBody, ErasureResult, SubjectBody, SubjectOverview, SubjectRegisterPage } from './subject-request.schema.js';
import type { SubjectRequestService } from './subject-request.service.js';

const tags = ['Privacy'];
const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };
const context = { access: 'context' as const };

/** A file name part that is safe in a ZIP on every system. */
const safe = (s: string) => s.replace(/[^\p{L}\p{N}._-]+/gu, '_').slice(0, 80) || 'bijlage';

/**
 * HTTP ↔ a citizen's request (issue 24, GDPR art. 15/17), for the OCMW's privacy officer. The INSZ
 * is in each POST body (never in a URL: URLs reach logs). The export is one ZIP: a README in the
 * reader's language, gegevens.json with everything, and the e-Box attachments.
 */
export const subjectRequestRoutes: FastifyPluginAsyncZod<{ subjectRequests: SubjectRequestService }> = async (app, { subjectRequests }) => {
  app.get('/privacy/subject-requests', {
    config: context,
    schema: {
      tags,
      summary: "Issue 24: the register of the OCMW's citizens' requests (exports and erasures, with the officer's reason), newest first; only its privacy officer",
      querystring: PageQuery,
      response: { 200: SubjectRegisterPage, 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse },
    },
  }, async (request) => {
    const page = await subjectRequests.register(callerOf(request), request.query);
    // Each row names a person: a read of each, like any list of persons.
    request.recordAccess(page.items.map((e) => ({ action: 'subject-request.list', objectKind: 'subject-request', objectId: String(e.id), insz: e.insz })));
    return page;
  });

  app.post('/privacy/subject-requests/overview', {
    config: context,
    schema: { tags, summary: 'Issue 24: what the OCMW holds on one INSZ, per kind, and what may be erased (404 when nothing)', body: SubjectBody, response: { 200: SubjectOverview, ...errors } },
  }, async (request) => rendered(request, await subjectRequests.overview(callerOf(request), request.body.insz)));

  app.post('/privacy/subject-requests/export', {
    config: context,
    schema: { tags, summary: "Issue 24 (GDPR art. 15): one ZIP with everything the OCMW holds on the INSZ in the portal (audited; logged in the access log)", body: SubjectBody, produces: ['application/zip'], response: errors },
  }, async (request, reply) => {
    const lang = request.language as Language;
    const file = await subjectRequests.export(callerOf(request), request.body.insz);
    const attachments = file.data.eboxDocuments.flatMap((d) =>
      d.attachment && d.attachmentName ? [{ name: `ebox/${d.id}-${safe(d.attachmentName)}`, content: Buffer.from(d.attachment) }] : [],
    );
    const data = {
      ...file,
      organisation: { kbo: file.organisation.kbo, name: pick(file.organisation.name, lang) },
      data: {
        ...file.data,
        eboxDocuments: file.data.eboxDocuments.map(({ attachment, ...d }) => ({ ...d, attachmentFile: attachment && d.attachmentName ? `ebox/${d.id}-${safe(d.attachmentName)}` : null })),
      },
    };
    const readme = rendered(request, subjectRequestMessages.msg('subject.file.readme', { organisation: data.organisation.name, insz: file.insz, date: file.date, ...file.counts }));
    const { writeZip } = await import('./subject-request-zip.js');
    const zip = writeZip(
      [
        { name: 'LEESMIJ.txt', content: Buffer.from(`${readme}\n`, 'utf8') },
        { name: 'gegevens.json', content: Buffer.from(JSON.stringify(data, null, 2), 'utf8') },
        ...attachments,
      ],
      new Date(),
    );
    return sendZip(reply, `inzage-${file.organisation.kbo}-${file.date}.zip`, zip);
  });

  app.post('/privacy/subject-requests/erasure', {
    config: context,
    schema: {
      tags,
      summary: "Issue 24 (GDPR art. 17): erases the person's data of the given kinds, all or nothing; 409 with the reason where the law keeps it",
      body: ErasureBody,
      response: { 200: ErasureResult, ...errors },
    },
  }, async (request) => rendered(request, await subjectRequests.erase(callerOf(request), request.body)));
};

function sendZip(reply: FastifyReply, filename: string, body: Buffer) {
  return reply.header('content-type', 'application/zip').header('content-disposition', `attachment; filename="${filename}"`).header('cache-control', 'no-store').send(body);
}
