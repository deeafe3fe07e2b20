import { createHash, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { TLSSocket } from 'node:tls';
import Fastify, { type FastifyInstance } from 'fastify';
import swagger from '@fastify/swagger';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { RouteEntry } from '../app.js';
import type { Config } from '../config.js';
import type { Clock } from '../domain/clock.js';
import { isIsoDate } from '../domain/clock.js';
import { vendorRoutes } from '../modules/help-requests/index.js';
import { dossiersVendorRoutes } from '../modules/dossiers/index.js';
import type { Services } from '../services.js';
import { registerAccessLog } from '../modules/privacy/index.js';
import { AppError } from '../shared/errors.js';
import { pickLanguage, translate } from '../shared/messages.js';
import { registerJsonBodyParser } from './json-body.js';
import { clientErrorHandler, frameworkErrors, registerErrorHandler } from './error-handler.js';
import { registerInputGuard } from './input-guard.js';
import { TODAY_HEADER } from './auth.js';
import { generateSelfSigned } from './self-signed.js';
import { openApiTransform, openApiTransformObject } from './openapi-document.js';
import { registerSecurityHeaders } from './security-headers.js';
import { loggerOptions } from './logging.js';

const OPENAPI_PATH = '/vendor/v1/openapi.json';

export interface VendorTls {
  cert: string;
  key: string;
}

/**
 * The vendor port's server certificate: VENDOR_TLS_CERT/VENDOR_TLS_KEY when configured, else a
 * self-signed one generated once and kept beside the data folder (demo and development).
 */
export async function vendorServerTls(config: Config): Promise<VendorTls> {
  if (config.vendor.certFile && config.vendor.keyFile) {
    return { cert: readFileSync(config.vendor.certFile, 'utf8'), key: readFileSync(config.vendor.keyFile, 'utf8') };
  }
  const dir = path.join(path.resolve(config.dataDir), '..', 'tls');
  const certFile = path.join(dir, 'vendor-server.crt');
  const keyFile = path.join(dir, 'vendor-server.key');
  if (existsSync(certFile) && existsSync(keyFile)) return { cert: readFileSync(certFile, 'utf8'), key: readFileSync(keyFile, 'utf8') };
  const generated = await generateSelfSigned({ subject: 'CN=localhost, O=OCMW Portaal (development)', days: 825, dnsNames: ['localhost'], usage: 'server' });
  mkdirSync(dir, { recursive: true });
  writeFileSync(certFile, generated.certPem);
  writeFileSync(keyFile, generated.keyPem, { mode: 0o600 });
  return { cert: generated.certPem, key: generated.keyPem };
}

/**
 * The vendor REST API (R6.9) on its own HTTPS port with mutual TLS: the client certificate's
 * SHA-256 fingerprint → the ChaMan REST account → its OCMW and permissions. No certificate → 401;
 * an unknown, replaced or expired certificate or a deleted account → 403. Plain HTTP is not
 * served at all on this port (TLS only).
 */
export async function buildVendorApp({ config, services, clock, tls, logStream }: { config: Config; services: Services; clock: Clock; tls: VendorTls; logStream?: NodeJS.WritableStream }): Promise<FastifyInstance> {
  const app = Fastify({
    // The portal's log options (http/logging.ts): URLs and errors masked (the deprecated
    // GET /vendor/v1/dossiers/forms?insz= still works and must not write the INSZ to the log).
    logger: config.logLevel === 'silent' ? false : loggerOptions(config.logLevel, logStream),
    genReqId: () => randomUUID(),
    bodyLimit: 262_144,
    requestTimeout: config.http.requestTimeoutMs,
    keepAliveTimeout: config.http.keepAliveTimeoutMs,
    frameworkErrors,
    clientErrorHandler,
    https: { cert: tls.cert, key: tls.key, requestCert: true, rejectUnauthorized: false, minVersion: 'TLSv1.2' },
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandler(app);
  app.server.headersTimeout = config.http.headersTimeoutMs;
  registerJsonBodyParser(app, config.http.jsonMaxDepth);
  // The route table, as on the portal port: the authorization matrix test walks it. Every route
  // here is behind the client certificate (the OpenAPI document excepted, see onRequest below).
  const routeTable: RouteEntry[] = [];
  app.decorate('routeTable', routeTable);
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) {
      if (method !== 'HEAD') routeTable.push({ method, url: route.url, access: route.url === OPENAPI_PATH ? 'public' : 'certificate' });
    }
  });
  app.decorateRequest('vendor', null);
  app.decorateRequest('language', 'nl');
  registerSecurityHeaders(app, { contentSecurityPolicy: { directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] } }, frameguard: { action: 'deny' } });

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'OCMW Portal vendor API',
        version: '1',
        description:
          'For the software of an OCMW or its technical intermediary (R6.9). Mutual TLS: present the certificate of the OCMW\'s REST account in ChaMan. Its permissions decide what it may do. Errors: `{"error":{"code","message","fields"?}}`.',
      },
      servers: [{ url: '/vendor/v1' }],
      // OpenAPI 3.1 has type mutualTLS; the plugin's types predate it.
      components: { securitySchemes: { mutualTLS: { type: 'mutualTLS' } as never } },
      security: [{ mutualTLS: [] }],
    },
    // Every operation: its operationId, and the client certificate as its security requirement.
    transform: openApiTransform('/vendor/v1', () => [{ mutualTLS: [] }]),
    transformObject: openApiTransformObject,
    hideUntagged: true,
  });

  const fingerprints = new WeakMap<TLSSocket, string>();
  // No TLS renegotiation: the certificate seen at the handshake is the connection's for good.
  app.server.on('secureConnection', (socket: TLSSocket) => socket.disableRenegotiation());
  app.addHook('onRequest', async (request) => {
    request.language = pickLanguage(request.headers['accept-language']);
    if (request.url.split('?')[0] === OPENAPI_PATH) return;
    const socket = request.raw.socket as TLSSocket;
    // The client certificate cannot change within a TLS connection: hash it once per connection.
    let fingerprint = fingerprints.get(socket);
    if (fingerprint === undefined) {
      const peer = typeof socket.getPeerCertificate === 'function' ? socket.getPeerCertificate(false) : undefined;
      if (!peer?.raw) throw new AppError('unauthenticated', translate('vendor.certificate_required', request.language));
      fingerprint = createHash('sha256').update(peer.raw).digest('hex');
      fingerprints.set(socket, fingerprint);
    }
    const result = await services.channels.authenticateCertificate(fingerprint);
    if (!result.ok) {
      request.log.info({ fingerprint, reason: result.reason }, 'vendor certificate refused');
      throw new AppError('forbidden', translate('vendor.certificate_refused', request.language));
    }
    request.vendor = result.client;
  });

  // Answers carry citizens' data: no cache keeps them, unless a route says otherwise (the list's
  // `private, no-cache` with its ETag), as on the portal port.
  app.addHook('onSend', async (_request, reply) => {
    if (!reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
  });

  // The business date per request, in test mode only (as on the portal port).
  app.addHook('preHandler', (request, _reply, done) => {
    const override = request.headers[TODAY_HEADER];
    if (!config.testMode || typeof override !== 'string' || !isIsoDate(override)) return done();
    clock.runWithToday(override, () => done());
  });

  registerInputGuard(app);
  // Issue 24: the vendor's reads are recorded under its REST account (the certificate's).
  registerAccessLog(app, services.accessLog, (request) =>
    request.vendor ? { actor: { account: request.vendor.accountName }, channel: 'vendor-api', organisationId: request.vendor.organisationId } : null,
  );
  app.addHook('onClose', async () => {
    await services.accessLog.flush();
    // Issue 20: the vendor list's change feed (its own connection on a server).
    await services.helpRequests.close();
  });

  await app.register(vendorRoutes, { prefix: '/vendor/v1', helpRequests: services.helpRequests, configuration: services.configuration });
  await app.register(dossiersVendorRoutes, { prefix: '/vendor/v1', dossiers: services.dossiers });
  app.get(OPENAPI_PATH, { schema: { hide: true } }, async () => app.swagger());
  app.setNotFoundHandler((request, reply) =>
    reply.status(404).send({ error: { code: 'not_found', message: translate('http.not_found', request.language ?? 'nl') } }),
  );
  return app;
}
