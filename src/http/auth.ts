import { timingSafeEqual, randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Clock } from '../domain/clock.js';
import { isIsoDate } from '../domain/clock.js';
import { AppError } from '../shared/errors.js';
import { pickLanguage, translate, type Language } from '../shared/messages.js';
import type { Actor, AuthService } from '../modules/auth/index.js';

/**
 * How a route is protected. Every route must declare one (checked when routes are added), so
 * the authorization matrix test can enumerate them and none is open by accident.
 *  - public: anyone
 *  - session: a logged-in person, with or without a chosen organisation
 *  - context: a logged-in person who has chosen an organisation/domain/role
 *  - admin: the platform administrator role is chosen
 *  - institution: a machine credential (Authorization: Bearer …) of an organisation that
 *    delivers data; no cookie is involved, so no CSRF token either
 *  - channel: an FTP/SFTP channel's username and password (HTTP Basic), e.g. the software
 *    vendor fetching the OCMW's mutation files
 */
export type RouteAccess = 'public' | 'session' | 'context' | 'admin' | 'institution' | 'channel';

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
    /** Institution routes: the token scope they need (SPEC §13). */
    scope?: string;
    /**
     * Issue 21: false only on the development identity provider's public routes (/dev-idp): its
     * token endpoint is called by OAuth clients and its forms carry the provider's own checks.
     */
    csrf?: false;
  }
  interface FastifyRequest {
    actor: Actor | null;
    language: Language;
    /** Set on institution routes: the organisation behind the bearer token. */
    institution: { clientId: string; organisationId: string; name: string; scopes: string[] } | null;
    /** Set on channel routes: the FTP/SFTP account behind the Basic credentials. */
    channel: { accountId: string; organisationId: string; permissions: string[]; username: string; credential: string } | null;
  }
}

export const SESSION_COOKIE = 'ocmw_session';
export const CSRF_COOKIE = 'ocmw_csrf';
export const CSRF_HEADER = 'x-csrf-token';
export const TODAY_HEADER = 'x-ocmw-today';

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** What a session with a temporary password may call (issue 16: it must choose its own first). */
const PASSWORD_CHANGE_ROUTES = new Set(['/api/v1/me/password', '/api/v1/session/logout']);

function sameToken(a: string | undefined, b: string | undefined): boolean {
  if (!a || !b) return false;
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export interface AuthPluginOptions {
  auth: AuthService;
  resolveApiClient: (token: string, use: { method: string; route: string }) => Promise<{ id: string; organisationId: string; name: string; scopes: string[] } | undefined>;
  authenticateChannel: (username: string, password: string, source: string) => Promise<{ accountId: string; organisationId: string; permissions: string[]; username: string; credential: string } | undefined>;
  clock: Clock;
  testMode: boolean;
  sessionHours: number;
  secureCookies: 'auto' | 'always' | 'never';
}

/** Session cookie → request.actor, CSRF on state-changing requests, and each route's access rule. */
export const authPlugin = fp<AuthPluginOptions>(async (app: FastifyInstance, opts) => {
  app.decorateRequest('actor', null);
  app.decorateRequest('language', 'nl');
  app.decorateRequest('institution', null);
  app.decorateRequest('channel', null);

  app.addHook('onRoute', (route) => {
    if (!route.config?.access) {
      throw new Error(`Route ${route.method} ${route.url} has no access rule (config.access)`);
    }
  });

  // Business date per request, in test mode only (SPEC intro): wraps the rest of the request.
  app.addHook('onRequest', (request, reply, done) => {
    request.language = pickLanguage(request.headers['accept-language']);
    const override = request.headers[TODAY_HEADER];
    if (!opts.testMode || typeof override !== 'string') return done();
    if (!isIsoDate(override)) {
      void reply
        .status(400)
        .send({ error: { code: 'bad_request', message: translate('date.invalid', request.language), fields: { [TODAY_HEADER]: translate('date.invalid', request.language) } } });
      return;
    }
    opts.clock.runWithToday(override, () => done());
  });

  // Machine credentials (an institution's token, a channel's username and password) are checked
  // before the body is read: an upload route takes up to OCMW_SFTP_MAX_UPLOAD_MB, and nobody
  // unknown may make the portal read that much.
  app.addHook('preParsing', async (request, reply, payload) => {
    await authenticateMachine(request, reply);
    return payload;
  });

  async function authenticateMachine(request: FastifyRequest, reply: FastifyReply) {
    if (request.routeOptions.config.access === 'institution') {
      const header = request.headers.authorization;
      const bearer = typeof header === 'string' && header.startsWith('Bearer ') ? header.slice(7).trim() : '';
      const client = bearer ? await opts.resolveApiClient(bearer, { method: request.method, route: request.routeOptions.url ?? request.url }) : undefined;
      if (!client) throw new AppError('unauthenticated', translate('auth.required', request.language));
      const scope = request.routeOptions.config.scope;
      if (!scope || !client.scopes.includes(scope)) throw new AppError('forbidden', translate('token.scope_missing', request.language, { scope: scope ?? '—' }));
      request.institution = { clientId: client.id, organisationId: client.organisationId, name: client.name, scopes: client.scopes };
      return;
    }
    if (request.routeOptions.config.access === 'channel') {
      const header = request.headers.authorization;
      const decoded = typeof header === 'string' && header.startsWith('Basic ') ? Buffer.from(header.slice(6), 'base64').toString('utf8') : '';
      const colon = decoded.indexOf(':');
      const channel = colon > 0 ? await opts.authenticateChannel(decoded.slice(0, colon), decoded.slice(colon + 1), request.ip) : undefined;
      if (!channel) {
        reply.header('www-authenticate', 'Basic realm="OCMW Portaal kanalen", charset="UTF-8"');
        throw new AppError('unauthenticated', translate('auth.required', request.language));
      }
      request.channel = channel;
    }
  }

  app.addHook('preValidation', async (request, reply) => {
    if (request.routeOptions.config.access === 'institution' || request.routeOptions.config.access === 'channel') return;
    const token = request.cookies[SESSION_COOKIE];
    request.actor = token ? ((await opts.auth.resolve(token)) ?? null) : null;
    if (token && !request.actor) clearSessionCookie(reply);
    // The reader's language: what the browser asks for, then the person's own language (issue 18).
    if (request.actor) request.language = pickLanguage(request.headers['accept-language'], request.actor.language);
    const lang = request.language;

    if (UNSAFE.has(request.method) && !(request.routeOptions.config.csrf === false && request.routeOptions.config.access === 'public')) {
      const header = request.headers[CSRF_HEADER];
      const sent = typeof header === 'string' ? header : undefined;
      const expected = request.actor ? request.actor.csrfToken : request.cookies[CSRF_COOKIE];
      if (!sameToken(sent, expected)) throw new AppError('csrf', translate('auth.csrf', lang));
    }

    // Unknown paths go to the not-found handler, which has no rule of its own.
    if (request.is404) return;
    const access = request.routeOptions.config.access ?? 'admin';
    if (access === 'public') return;
    if (!request.actor) throw new AppError('unauthenticated', translate('auth.required', lang));
    // A temporary password (HTB import, reset): only the password change (and logout) until done.
    if (request.actor.mustChangePassword && !PASSWORD_CHANGE_ROUTES.has(request.routeOptions.url ?? '')) {
      throw new AppError('password_change_required', translate('auth.password_change_required', lang));
    }
    if (access === 'session') return;
    if (!request.actor.context) throw new AppError('context_required', translate('auth.context_required', lang));
    if (access === 'admin' && request.actor.context.role !== 'ADMIN') {
      throw new AppError('forbidden', translate('auth.forbidden', lang));
    }
  });

  function cookieSecure(request: FastifyRequest): boolean {
    if (opts.secureCookies === 'always') return true;
    if (opts.secureCookies === 'never') return false;
    return request.protocol === 'https';
  }

  function clearSessionCookie(reply: FastifyReply) {
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
  }

  app.decorateReply('setSessionCookie', function (this: FastifyReply, token: string) {
    this.setCookie(SESSION_COOKIE, token, {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure: cookieSecure(this.request),
      maxAge: Math.round(opts.sessionHours * 3600),
    });
  });
  app.decorateReply('clearSessionCookie', function (this: FastifyReply) {
    clearSessionCookie(this);
  });
  /** The anonymous double-submit CSRF token: reuses the cookie or sets a new one. */
  app.decorateReply('anonymousCsrfToken', function (this: FastifyReply): string {
    const existing = this.request.cookies[CSRF_COOKIE];
    if (existing && /^[A-Za-z0-9_-]{43}$/.test(existing)) return existing;
    const token = randomBytes(32).toString('base64url');
    this.setCookie(CSRF_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'strict', secure: cookieSecure(this.request) });
    return token;
  });
});

declare module 'fastify' {
  interface FastifyReply {
    setSessionCookie(token: string): void;
    clearSessionCookie(): void;
    anonymousCsrfToken(): string;
  }
}
