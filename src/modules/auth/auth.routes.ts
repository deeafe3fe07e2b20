import { z } from 'zod';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Clock } from '../../domain/clock.js';
import { ErrorResponse } from '../../shared/schema.js';
import type { AccessService } from '../access/index.js';
import { rendered } from '../../http/localize.js';
import { ChooseBody, LoginBody, LogoutResponse, SessionResponse, SetupPasswordBody } from './auth.schema.js';
import type { OidcService } from './oidc.service.js';
import { PasswordBody } from '../access/access.schema.js';
import type { AuthService } from './auth.service.js';
import type { FirstStartService } from './first-start.service.js';

export interface AuthRouteDeps {
  auth: AuthService;
  firstStart: FirstStartService;
  access: AccessService;
  clock: Clock;
  loginRateLimitPerMinute: number;
  /** Issue 21: the identity providers (their buttons, the RP-initiated logout). */
  oidc: OidcService;
  localLogin: boolean;
}

/** HTTP ↔ auth service: the session, login, organisation choice (R2.13) and logout. */
export const authRoutes: FastifyPluginAsyncZod<AuthRouteDeps> = async (app, deps) => {
  const { auth, clock } = deps;

  async function describe(request: FastifyRequest, reply: FastifyReply, fresh?: { userId: string; csrfToken: string; token: string }) {
    if (fresh) {
      const actor = await auth.resolve(fresh.token);
      if (actor) request.actor = actor;
    }
    const actor = request.actor;
    const base = { today: clock.today(), realToday: clock.realToday(), providers: rendered(request, deps.oidc.list()), localLogin: deps.localLogin };
    if (!actor) {
      return { ...base, authenticated: false, csrfToken: reply.anonymousCsrfToken(), user: null, context: null, choices: [], mustChangePassword: false };
    }
    const user = await deps.access.findUser(actor.userId);
    return {
      ...base,
      authenticated: true,
      csrfToken: actor.csrfToken,
      user: user
        ? { id: user.id, username: user.username, surname: user.surname, firstName: user.firstName, language: actor.language }
        : null,
      context: actor.context,
      choices: await auth.listChoices(actor.userId),
      mustChangePassword: actor.mustChangePassword,
    };
  }

  const responses = { 200: SessionResponse, 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse };

  app.get(
    '/session',
    {
      config: { access: 'public' },
      schema: { tags: ['Sessie'], summary: 'The current session, the business date and the role choices', response: { 200: SessionResponse } },
    },
    async (request, reply) => describe(request, reply),
  );

  app.post(
    '/session/login',
    {
      config: {
        access: 'public',
        rateLimit: { max: deps.loginRateLimitPerMinute, timeWindow: 60_000 },
      },
      schema: {
        tags: ['Sessie'],
        summary: 'Log in with username and password; opens a session (cookie)',
        body: LoginBody,
        response: { ...responses, 423: ErrorResponse, 429: ErrorResponse },
      },
    },
    async (request, reply) => {
      const { username, password } = request.body;
      const previous = request.actor;
      const session = await auth.login(username, password, request.ip);
      // Logging in again from a browser that still holds a session: that session ends on the
      // server, so only the new id (never one known before the login) stays usable.
      if (previous) {
        // The new session stands even if ending the old one fails; it then expires by itself.
        await auth.logout(previous).catch((error: unknown) => request.log.error({ err: error }, 'ending the previous session at login failed'));
      }
      reply.setSessionCookie(session.token);
      return describe(request, reply, session);
    },
  );

  app.post(
    '/session/context',
    {
      config: { access: 'session' },
      schema: {
        tags: ['Sessie'],
        summary: 'Choose (or switch) the organisation, domain and role to work with (R2.13)',
        body: ChooseBody,
        response: responses,
      },
    },
    async (request, reply) => {
      const session = await auth.choose(request.actor!, request.body.choiceId);
      reply.setSessionCookie(session.token);
      return describe(request, reply, { ...session, userId: request.actor!.userId });
    },
  );

  app.post(
    '/me/password',
    {
      config: { access: 'session' },
      schema: {
        tags: ['Mijn gegevens'],
        summary: '"Mijn wachtwoord wijzigen": the current password is required; other sessions end',
        body: PasswordBody,
        response: { 204: z.null(), 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse },
      },
    },
    async (request, reply) => {
      await auth.changePassword(request.actor!, request.body);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/session/setup-password',
    {
      config: { access: 'public', rateLimit: { max: deps.loginRateLimitPerMinute, timeWindow: 60_000 } },
      schema: {
        tags: ['Sessie'],
        summary: 'Set the password with the one-time link of `ocmw admin create` (the token of the link); then log in',
        body: SetupPasswordBody,
        response: { 204: z.null(), 400: ErrorResponse, 429: ErrorResponse },
      },
    },
    async (request, reply) => {
      await deps.firstStart.setPassword(request.body);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/session/logout',
    {
      config: { access: 'session' },
      schema: {
        tags: ['Sessie'],
        summary: 'End the session on the server; after a sign-in through an identity provider, also where the browser ends that session (RP-initiated logout)',
        response: { 200: LogoutResponse, 204: z.null(), 401: ErrorResponse },
      },
    },
    async (request, reply) => {
      const origin = await auth.logout(request.actor!);
      reply.clearSessionCookie();
      const endSessionUrl = origin ? await deps.oidc.endSessionUrl(origin) : undefined;
      if (endSessionUrl) return { endSessionUrl };
      return reply.status(204).send(null);
    },
  );
};
