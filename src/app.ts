import { existsSync } from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Config } from './config.js';
import type { Database } from './db/db.js';
import type { Clock } from './domain/clock.js';
import { authPlugin } from './http/auth.js';
import { clientErrorHandler, frameworkErrors, registerErrorHandler } from './http/error-handler.js';
import { registerInputGuard } from './http/input-guard.js';
import { registerJsonBodyParser } from './http/json-body.js';
import { REQUEST_ID, loggerOptions, registerSecurityLog } from './http/logging.js';
import { registerOpenApi } from './http/openapi.js';
import { accessRoutes } from './modules/access/index.js';
import { authRoutes, devProviderConfig, oidcRoutes } from './modules/auth/index.js';
import { channelsRoutes } from './modules/channels/index.js';
import { configurationRoutes } from './modules/configuration/index.js';
import { dossiersRoutes } from './modules/dossiers/index.js';
import { helpRequestsRoutes } from './modules/help-requests/index.js';
import { mailboxRoutes } from './modules/mailbox/index.js';
import { helpRoutes } from './modules/help/index.js';
import { mergerRoutes } from './modules/merger/index.js';
import { createMetricsService, metricsRoutes } from './modules/metrics/index.js';
import { notificationsRoutes } from './modules/notifications/index.js';
import { mutationsRoutes } from './modules/mutations/index.js';
import { fileChannelRoutes } from './modules/file-channel/index.js';
import { registryRoutes } from './modules/registry/index.js';
import { retentionRoutes } from './modules/privacy/retention.routes.js';
import { subjectRequestRoutes } from './modules/privacy/subject-request.routes.js';
import { subsidyReportRoutes } from './modules/subsidy-report/index.js';
import { accessLogRoutes, portalReader, registerAccessLog } from './modules/privacy/index.js';
import type { Services } from './services.js';
import { translate } from './shared/messages.js';
import { isUiPath } from './shared/ui-routes.js';
import { registerSecurityHeaders } from './http/security-headers.js';

export interface RouteEntry {
  method: string;
  url: string;
  access: string;
}

declare module 'fastify' {
  interface FastifyInstance {
    routeTable: RouteEntry[];
  }
}

/** Hashed build assets never change under their name; index.html names the current ones. */
export function staticCacheControl(file: string): string {
  return /[/\\]assets[/\\]/.test(file) ? 'public, max-age=31536000, immutable' : 'no-cache';
}

export const WEB_DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../dist/web');

export interface AppDeps {
  config: Config;
  database: Database;
  services: Services;
  clock: Clock;
  /** The built SPA (default dist/web); tests point it at a stand-in build. */
  webRoot?: string;
  /** Where the JSON log goes (default stdout); tests capture it. */
  logStream?: NodeJS.WritableStream;
}

/** Builds the Fastify app: platform plugins, then the explicit list of module routes. */
export async function buildApp({ config, database, services, clock, webRoot = WEB_DIST, logStream }: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    logger: config.logLevel === 'silent' ? false : loggerOptions(config.logLevel, logStream),
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
    trustProxy: config.trustProxy,
    bodyLimit: 1_048_576,
    requestTimeout: config.http.requestTimeoutMs,
    keepAliveTimeout: config.http.keepAliveTimeoutMs,
    frameworkErrors,
    clientErrorHandler,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandler(app);
  app.server.headersTimeout = config.http.headersTimeoutMs;
  registerJsonBodyParser(app, config.http.jsonMaxDepth);

  // Routes outside the API (docs, static files) are public unless they say otherwise; API routes
  // must state their rule (checked in authPlugin).
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/v1') && !route.config?.access) {
      route.config = { ...(route.config ?? {}), access: 'public' } as typeof route.config;
    }
    // Anonymous routes (login, the citizen form) need kilobytes, not the mebibyte of the others.
    if (route.config?.access === 'public' && route.bodyLimit === undefined) route.bodyLimit = config.http.publicBodyLimit;
  });
  // The route table (method, url, access rule): the authorization matrix test walks it.
  const routeTable: RouteEntry[] = [];
  app.decorate('routeTable', routeTable);
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) {
      if (method !== 'HEAD') routeTable.push({ method, url: route.url, access: route.config?.access ?? 'public' });
    }
  });
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
    // API answers carry personal data, sessions and one-time passwords: no browser or proxy keeps
    // them, unless a route says otherwise (a download that sets its own cache-control).
    if (request.url.startsWith('/api/') && !reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
  });

  registerSecurityHeaders(app, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
      },
    },
    frameguard: { action: 'deny' },
    hsts: config.env === 'production',
  });
  await app.register(cookie);
  await app.register(rateLimit, {
    global: true,
    max: config.rateLimitPerMinute,
    timeWindow: 60_000,
    errorResponseBuilder: (request, context) => ({
      statusCode: 429,
      error: { code: 'rate_limited', message: translate('http.rate_limited', request.language ?? 'nl') },
      retryAfter: context.after,
    }),
  });
  await registerOpenApi(app);
  await app.register(authPlugin, {
    auth: services.auth,
    resolveApiClient: (token, use) => services.registry.resolveApiClient(token, use),
    authenticateChannel: (username, password, source) => services.channels.authenticateChannel(username, password, source),
    clock,
    testMode: config.testMode,
    sessionHours: config.sessionHours,
    secureCookies: config.secureCookies,
  });
  // After authentication (also a preValidation hook): refused callers learn nothing about their input.
  registerInputGuard(app);
  registerSecurityLog(app);
  // Issue 24: routes record what they showed of a citizen's data; the buffer is written when the app closes.
  registerAccessLog(app, services.accessLog, portalReader);
  app.addHook('onClose', async () => services.accessLog.flush());
  if (config.metricsToken) await app.register(metricsRoutes, { token: config.metricsToken, metrics: createMetricsService(database.db, clock), fileChannel: services.fileChannel.stats });

  const Health = z.object({ status: z.string() });
  app.get('/health', { config: { access: 'public' }, schema: { response: { 200: Health } } }, async () => ({ status: 'ok' }));
  app.get('/ready', { config: { access: 'public' }, schema: { response: { 200: Health, 503: Health } } }, async (_req, reply) => {
    try {
      await database.ping();
      return { status: 'ready' };
    } catch {
      return reply.status(503).send({ status: 'database unreachable' });
    }
  });

  // The table of contents of the portal API.
  await app.register(authRoutes, {
    prefix: '/api/v1',
    auth: services.auth,
    firstStart: services.firstStart,
    access: services.access,
    clock,
    loginRateLimitPerMinute: config.loginRateLimitPerMinute,
    oidc: services.oidc,
    localLogin: config.oidc.localLogin,
  });
  await app.register(oidcRoutes, {
    prefix: '/api/v1',
    auth: services.auth,
    oidc: services.oidc,
    loginRateLimitPerMinute: config.loginRateLimitPerMinute,
    secureCookie: (request) => (config.secureCookies === 'always' ? true : config.secureCookies === 'never' ? false : request.protocol === 'https'),
  });
  // Issue 21: the development identity provider, only with OCMW_DEV_IDP=on (refused in production by config.ts).
  if (config.oidc.devIdp && config.env !== 'production') {
    const [{ registerDevIdp }, { personWithPassword }, { DEMO_PASSWORD }] = await Promise.all([
      import('./http/dev-idp.js'),
      import('./modules/access/index.js'),
      import('./seed/demo-credentials.js'),
    ]);
    await registerDevIdp(app, {
      provider: devProviderConfig(config.publicUrl),
      publicUrl: config.publicUrl,
      password: DEMO_PASSWORD,
      // Only people whose own password is the demo password: never a real person in the same database.
      findPerson: (username) => personWithPassword(database.db, username, DEMO_PASSWORD),
    });
  }
  await app.register(registryRoutes, { prefix: '/api/v1', registry: services.registry });
  await app.register(accessRoutes, { prefix: '/api/v1', management: services.management });
  await app.register(channelsRoutes, { prefix: '/api/v1', channels: services.channels });
  await app.register(configurationRoutes, { prefix: '/api/v1', configuration: services.configuration });
  await app.register(mutationsRoutes, { prefix: '/api/v1', mutations: services.mutations });
  await app.register(fileChannelRoutes, { prefix: '/api/v1', fileChannel: services.fileChannel, sftpPort: config.sftp.port, maxUploadBytes: config.sftp.maxUploadBytes });
  await app.register(helpRequestsRoutes, { prefix: '/api/v1', helpRequests: services.helpRequests, submissionsPerHour: config.citizen.submissionsPerHour });
  await app.register(dossiersRoutes, { prefix: '/api/v1', dossiers: services.dossiers });
  await app.register(mailboxRoutes, { prefix: '/api/v1', mailbox: services.mailbox });
  await app.register(subsidyReportRoutes, { prefix: '/api/v1', subsidyReport: services.subsidyReport });
  // Issue 24: retention settings and citizens' requests (the privacy officer of the OCMW).
  await app.register(retentionRoutes, { prefix: '/api/v1', retention: services.retention });
  await app.register(subjectRequestRoutes, { prefix: '/api/v1', subjectRequests: services.subjectRequests });
  await app.register(mergerRoutes, { prefix: '/api/v1', mergers: services.mergers });
  await app.register(notificationsRoutes, { prefix: '/api/v1', notifications: services.notifications, requestOwners: (references) => services.helpRequests.ownersOf(references) });
  await app.register(accessLogRoutes, { prefix: '/api/v1', accessLog: services.privacy });
  await app.register(helpRoutes, { prefix: '/api/v1', helpdesk: config.helpdesk });

  const hasWeb = existsSync(path.join(webRoot, 'index.html'));
  if (hasWeb) {
    await app.register(fastifyStatic, {
      root: webRoot,
      wildcard: false,
      index: 'index.html',
      // Vite's hashed assets as .br/.gz written by `npm run build`, chosen by Accept-Encoding.
      preCompressed: true,
      cacheControl: false,
      setHeaders: (reply, file) => reply.header('cache-control', staticCacheControl(file)),
      // No source maps in production (the production build has none; an old file is not served).
      globIgnore: config.env === 'production' ? ['**/*.map'] : [],
    });
  }
  app.setNotFoundHandler((request, reply) => {
    if ((request.method === 'GET' || request.method === 'HEAD') && hasWeb && isUiPath(request.url)) {
      return reply.header('cache-control', 'no-cache').type('text/html').sendFile('index.html');
    }
    return reply.status(404).send({ error: { code: 'not_found', message: translate('http.not_found', request.language ?? 'nl') } });
  });

  return app;
}
