import { z } from 'zod';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { isIsoDate } from '../../domain/clock.js';
import { AppError } from '../../shared/errors.js';
import { ErrorResponse } from '../../shared/schema.js';
import { authMessages } from './auth-messages.js';
import type { AuthService } from './auth.service.js';
import { OidcRefusal, type OidcService } from './oidc.service.js';

export interface OidcRouteDeps {
  auth: AuthService;
  oidc: OidcService;
  loginRateLimitPerMinute: number;
  /** Whether the transaction cookie is Secure (as the session cookie: OCMW_SECURE_COOKIES). */
  secureCookie: (request: FastifyRequest) => boolean;
}

/** The browser's half of a sign-in in progress (its SHA-256 is stored with the state). */
export const OIDC_COOKIE = 'ocmw_oidc';
const OIDC_COOKIE_PATH = '/api/v1/session/oidc';
/** The web UI's page for a sign-in that did not succeed; it shows the message of the key in the UI language. */
export const PROBLEM_PAGE = '/login/probleem';

const ProviderParams = z.strictObject({ providerId: z.string().min(1).max(32) });
const param = z.string().max(4096).optional();
const CallbackQuery = z.object({ code: param, state: param, iss: param, error: param, error_description: param, session_state: param });
const Redirect = z.null().describe('A redirect (Location): to the identity provider, back to the portal, or to the page that explains a refusal');

/**
 * Issue 21: the browser's way through an identity provider. Both routes are navigations (links),
 * not API calls: they answer with redirects, a refusal included (to the web UI's problem page,
 * which renders the message key in the UI language), so no sign-in attempt ends on a JSON body or a 5xx.
 */
export const oidcRoutes: FastifyPluginAsyncZod<OidcRouteDeps> = async (app, deps) => {
  const { auth, oidc } = deps;

  function refused(request: FastifyRequest, reply: FastifyReply, providerId: string, error: unknown) {
    const key = error instanceof AppError && typeof error.detail === 'object' ? error.detail.key : 'auth.oidc.failed';
    const reason = error instanceof OidcRefusal ? error.reason : error instanceof AppError ? error.code : (error as Error).message;
    request.log.info(
      { security: 'login.failure', route: request.routeOptions.url, method: 'oidc', provider: providerId, reason },
      'security event login.failure',
    );
    if (!(error instanceof AppError)) request.log.error({ err: error }, 'sign-in through an identity provider failed unexpectedly');
    const target = new URLSearchParams({ melding: key, aanbieder: providerId });
    // A date the message needs ("your OCMW becomes active on …"): an ISO date, nothing else.
    const date = error instanceof AppError && typeof error.detail === 'object' ? error.detail.params?.date : undefined;
    if (typeof date === 'string' && isIsoDate(date)) target.set('datum', date);
    return reply.header('cache-control', 'no-store').redirect(`${PROBLEM_PAGE}?${target}`, 303);
  }

  function unknownProvider(providerId: string): never {
    throw new OidcRefusal('not_found', authMessages.msg('auth.oidc.provider_unknown'), `unknown provider ${providerId}`);
  }

  app.get(
    '/session/oidc/:providerId/login',
    {
      config: { access: 'public', rateLimit: { max: deps.loginRateLimitPerMinute, timeWindow: 60_000 } },
      schema: {
        tags: ['Sessie'],
        summary: 'Sign in through an identity provider (issue 21): redirects the browser to the provider (authorization code, PKCE, state, nonce)',
        params: ProviderParams,
        response: { 303: Redirect, 404: ErrorResponse, 429: ErrorResponse },
      },
    },
    async (request, reply) => {
      const { providerId } = request.params;
      if (!oidc.has(providerId)) unknownProvider(providerId);
      try {
        const { url, browserToken } = await oidc.begin(providerId);
        // The provider shows its pages in the reader's language where it can.
        url.searchParams.set('ui_locales', request.language);
        reply.setCookie(OIDC_COOKIE, browserToken, {
          path: OIDC_COOKIE_PATH,
          httpOnly: true,
          // Lax: the cookie comes along on the provider's top-level redirect back to the callback.
          sameSite: 'lax',
          secure: deps.secureCookie(request),
          maxAge: 600,
        });
        return reply.header('cache-control', 'no-store').redirect(url.href, 303);
      } catch (error) {
        return refused(request, reply, providerId, error);
      }
    },
  );

  app.get(
    '/session/oidc/:providerId/callback',
    {
      config: { access: 'public', rateLimit: { max: deps.loginRateLimitPerMinute, timeWindow: 60_000 } },
      schema: {
        tags: ['Sessie'],
        summary: 'The identity provider’s answer (redirect URI): checks it, opens a session with a new id and redirects to the role choice; a refusal redirects to the problem page',
        params: ProviderParams,
        // The provider's answer (RFC 6749 §4.1.2, RFC 9207); read from the URL as a whole, other parameters ignored.
        querystring: CallbackQuery,
        response: { 303: Redirect, 404: ErrorResponse, 429: ErrorResponse },
      },
    },
    async (request, reply) => {
      const { providerId } = request.params;
      if (!oidc.has(providerId)) unknownProvider(providerId);
      const browserToken = request.cookies[OIDC_COOKIE];
      reply.clearCookie(OIDC_COOKIE, { path: OIDC_COOKIE_PATH });
      const previous = request.actor;
      let session;
      try {
        session = await oidc.complete(providerId, new URL(request.url, 'http://portal.invalid'), browserToken);
      } catch (error) {
        return refused(request, reply, providerId, error);
      }
      // As at a password login: a session this browser held before ends; only the new id is usable.
      if (previous) await auth.logout(previous).catch((error: unknown) => request.log.error({ err: error }, 'ending the previous session at sign-in failed'));
      reply.setSessionCookie(session.token);
      const actor = await auth.resolve(session.token);
      request.log.info(
        { security: 'login.success', route: request.routeOptions.url, method: 'oidc', provider: providerId, userId: session.userId, username: actor?.username },
        'security event login.success',
      );
      // The web UI's start page sends a person without a chosen role to the choice (R2.13).
      return reply.header('cache-control', 'no-store').redirect('/', 303);
    },
  );
};
