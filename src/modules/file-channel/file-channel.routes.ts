import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorResponse, PageQuery, pageOf } from '../../shared/schema.js';
import { AppError } from '../../shared/errors.js';
import { fileChannelMessages } from './file-channel-messages.js';
import { uploadName } from './file-channel-paths.js';
import type { FileChannelService } from './file-channel.service.js';

const IncomingFile = z.object({
  id: z.uuid(),
  reference: z.string(),
  fileName: z.string(),
  senderKbo: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  receivedAt: z.string(),
  fetchedAt: z.string().nullable(),
});
const Acknowledgement = z.object({ reference: z.string(), sha256: z.string(), duplicate: z.boolean() });
const ServerInfo = z.object({ enabled: z.boolean(), port: z.number().int().nullable(), fingerprint: z.string().nullable() });

/**
 * HTTP ↔ the file channel (issue 23): the institutions fetch the batch files addressed to them
 * (scope channel:read), an OCMW's channel account can also upload one over HTTPS (the same rules
 * as /in/ over SFTP), and ChaMan shows the SFTP server's host key fingerprint.
 */
export const fileChannelRoutes: FastifyPluginAsyncZod<{ fileChannel: FileChannelService; sftpPort: number | null; maxUploadBytes: number }> = async (
  app,
  { fileChannel, sftpPort, maxUploadBytes },
) => {
  app.addContentTypeParser('application/octet-stream', { parseAs: 'buffer', bodyLimit: maxUploadBytes }, (_request, body, done) => done(null, body));

  app.get('/institution/channel/files', {
    config: { access: 'institution', scope: 'channel:read' },
    schema: {
      tags: ['Instellingen'],
      summary: 'The batch files OCMWs sent to the institution over their file channel (SFTP /in/), newest first',
      querystring: PageQuery,
      response: { 200: pageOf(IncomingFile), 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse },
    },
  }, async (request) => {
    const page = await fileChannel.listIncoming(request.institution!.organisationId, request.query);
    // Issue 24: an OCMW's batch file is about its citizens (its name can name one): a read of each
    // file shown, in the log of the OCMW that sent it. Its content is opaque here: no INSZ.
    request.recordAccess(page.items.map((f) => ({ action: 'channel-upload.list', objectKind: 'channel-upload', objectId: f.id, organisationId: f.senderId })));
    return page;
  });

  app.get('/institution/channel/files/:id', {
    config: { access: 'institution', scope: 'channel:read' },
    schema: {
      tags: ['Instellingen'],
      summary: 'One batch file addressed to the institution (its SHA-256 in x-checksum-sha256, its reference in x-reference)',
      params: z.strictObject({ id: z.uuid() }),
      produces: ['application/octet-stream'],
      response: { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse },
    },
  }, async (request, reply) => {
    const file = await fileChannel.fetchIncoming(request.institution!.organisationId, request.params.id);
    request.recordAccess({ action: 'channel-upload.download', objectKind: 'channel-upload', objectId: request.params.id, organisationId: file.organisationId });
    return reply
      .header('content-type', 'application/octet-stream')
      .header('content-disposition', `attachment; filename="${file.fileName}"`)
      .header('x-checksum-sha256', file.sha256)
      .header('x-reference', file.reference)
      .header('cache-control', 'private, no-store')
      .send(file.content as never);
  });

  app.put('/channel/in/:name', {
    config: { access: 'channel' },
    bodyLimit: maxUploadBytes,
    schema: {
      tags: ['Kanalen'],
      summary: 'Upload a batch file for an institution over HTTPS (HTTP Basic with the FTP/SFTP channel credentials; the same name rule and acknowledgement as /in/ over SFTP)',
      params: z.strictObject({ name: z.string().max(200) }),
      response: { 201: Acknowledgement, 200: Acknowledgement, 400: ErrorResponse, 401: ErrorResponse, 413: ErrorResponse },
    },
  }, async (request, reply) => {
    const name = uploadName(request.params.name);
    if (name.kind !== 'batch') throw new AppError('validation', fileChannelMessages.msg('file_channel.bad_name'), { name: fileChannelMessages.msg('file_channel.bad_name') });
    if (!Buffer.isBuffer(request.body) || request.body.length === 0) throw new AppError('validation', fileChannelMessages.msg('file_channel.empty'), { body: fileChannelMessages.msg('file_channel.empty') });
    const institution = await fileChannel.institutionFor(name.institutionKbo);
    const accepted = await fileChannel.acceptUpload(request.channel!, request.params.name, institution, request.body);
    return reply.status(accepted.duplicate ? 200 : 201).send(accepted);
  });

  app.get('/chaman/sftp', {
    config: { access: 'session' },
    schema: {
      tags: ['ChaMan'],
      summary: "The SFTP file channel's port and SSH host key fingerprint (SHA256:…), to check at the first connection",
      response: { 200: ServerInfo, 401: ErrorResponse },
    },
  }, async () => fileChannel.serverInfo(sftpPort));
};
