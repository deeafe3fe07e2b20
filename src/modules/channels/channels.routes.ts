import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { rendered } from '../../http/localize.js';
import { ErrorResponse } from '../../shared/schema.js';
import { callerOf } from '../access/index.js';
import {
  AcceptDelegationBody,
  AccountSummary,
  ChamanHome,
  CreatedAccount,
  DelegationQuery,
  FtpAccountBody,
  Intermediary,
  RefuseDelegationBody,
  ReplaceCertificateBody,
  ResetPasswordAnswer,
  ResetPasswordBody,
  RestAccountBody,
  SenderBody,
  SoapAccountBody,
  UpdateAccountBody,
} from './channels.schema.js';
import type { ChannelsService } from './channels.service.js';

const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse, 413: ErrorResponse };
const tags = ['ChaMan'];
const AccountParams = z.strictObject({ accountId: z.uuid() });
const DelegationParams = z.strictObject({ delegationId: z.uuid() });

/**
 * HTTP ↔ ChaMan (SPEC §3). The rules live in the service; `rendered` names organisations and
 * domains in the reader's language.
 */
export const channelsRoutes: FastifyPluginAsyncZod<{ channels: ChannelsService }> = async (app, { channels }) => {
  const config = { access: 'context' as const };

  app.get('/chaman', {
    config,
    schema: { tags, summary: "ChaMan's home: sender, accounts, delegation requests (filter by status)", querystring: DelegationQuery, response: { 200: ChamanHome, ...errors } },
  }, async (request) => rendered(request, await channels.home(callerOf(request), request.query.status)));

  app.put('/chaman/sender', {
    config,
    schema: { tags, summary: 'Contact data of the sender (first use, R3.2)', body: SenderBody, response: { 200: ChamanHome, ...errors } },
  }, async (request) => rendered(request, await channels.saveSender(callerOf(request), request.body)));

  app.get('/chaman/intermediaries', {
    config,
    schema: { tags, summary: 'Technical intermediaries (software vendors) for REST certificates', response: { 200: z.array(Intermediary), ...errors } },
  }, async (request) => rendered(request, await channels.listIntermediaries(callerOf(request))));

  app.post('/chaman/accounts/ftp', {
    config,
    schema: { tags, summary: 'Add the FTP or SFTP account (R3.4–R3.6); the password is returned once', body: FtpAccountBody, response: { 201: CreatedAccount, ...errors } },
  }, async (request, reply) => reply.status(201).send(rendered(request, await channels.createFtpAccount(callerOf(request), request.body))));

  app.post('/chaman/accounts/soap', {
    config,
    schema: { tags, summary: 'Add the SOAP account', body: SoapAccountBody, response: { 201: CreatedAccount, ...errors } },
  }, async (request, reply) => reply.status(201).send(rendered(request, await channels.createSoapAccount(callerOf(request), request.body))));

  app.post('/chaman/accounts/rest', {
    config,
    schema: { tags, summary: 'Add a REST account: internal (certificate now) or external (delegation request, R3.7)', body: RestAccountBody, response: { 201: CreatedAccount, ...errors } },
  }, async (request, reply) => {
    return reply.status(201).send(rendered(request, await channels.createRestAccount(callerOf(request), request.body)));
  });

  app.patch('/chaman/accounts/:accountId', {
    config,
    schema: { tags, summary: "Change an account's name or permissions", params: AccountParams, body: UpdateAccountBody, response: { 200: AccountSummary, ...errors } },
  }, async (request) => rendered(request, await channels.updateAccount(callerOf(request), request.params.accountId, request.body)));

  app.put('/chaman/accounts/:accountId/certificate', {
    config,
    schema: { tags, summary: "Replace an account's certificate (R3.10); also by the vendor that accepted the REST account", params: AccountParams, body: ReplaceCertificateBody, response: { 200: AccountSummary, ...errors } },
  }, async (request) => rendered(request, await channels.replaceCertificate(callerOf(request), request.params.accountId, request.body)));

  app.post('/chaman/accounts/:accountId/password', {
    config,
    schema: { tags, summary: 'A new password for the FTP or SFTP account (R3.6); returned once', params: AccountParams, body: ResetPasswordBody, response: { 200: ResetPasswordAnswer, ...errors } },
  }, async (request) => rendered(request, await channels.resetFtpPassword(callerOf(request), request.params.accountId, request.body)));

  app.delete('/chaman/accounts/:accountId', {
    config,
    schema: { tags, summary: 'Delete an account', params: AccountParams, response: { 204: z.null(), ...errors } },
  }, async (request, reply) => {
    await channels.deleteAccount(callerOf(request), request.params.accountId);
    return reply.status(204).send(null);
  });

  app.post('/chaman/delegations/:delegationId/cancel', {
    config,
    schema: { tags, summary: 'The OCMW cancels its pending delegation request', params: DelegationParams, response: { 200: ChamanHome, ...errors } },
  }, async (request) => rendered(request, await channels.cancelDelegation(callerOf(request), request.params.delegationId)));

  app.post('/chaman/delegations/:delegationId/accept', {
    config,
    schema: { tags, summary: 'The intermediary accepts and uploads the certificate (R3.8)', params: DelegationParams, body: AcceptDelegationBody, response: { 200: ChamanHome, ...errors } },
  }, async (request) => rendered(request, await channels.acceptDelegation(callerOf(request), request.params.delegationId, request.body)));

  app.post('/chaman/delegations/:delegationId/refuse', {
    config,
    schema: { tags, summary: 'The intermediary refuses the request', params: DelegationParams, body: RefuseDelegationBody, response: { 200: ChamanHome, ...errors } },
  }, async (request) => rendered(request, await channels.refuseDelegation(callerOf(request), request.params.delegationId, request.body.reason)));
};
