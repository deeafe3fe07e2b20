/**
 * Issue 21: the development identity provider (oidc-provider), mounted in the portal under
 * /dev-idp only with OCMW_DEV_IDP=on (config.ts refuses it with NODE_ENV=production). Its
 * accounts are the people of the database who have an INSZ and whose own password is the demo
 * password (never a real person in the same database), with that password, and one
 * person the portal does not know ("onbekend.persoon"), so that `npm start` shows the whole
 * flow: the portal's login page → this provider → back to the portal, and the RP-initiated logout.
 * The INSZ is released through the userinfo endpoint (the ID token holds `sub` only), like many
 * real providers do; the portal reads it there.
 */
import { generateKeyPairSync, randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import Provider, { type Configuration, type KoaContextWithOIDC } from 'oidc-provider';
import { inszFromParts } from '../shared/identifiers.js';
import { pickLanguage, type Language } from '../shared/messages.js';
import { authMessages } from '../modules/auth/auth-messages.js';
import { DEV_IDP_PATH, type OidcProviderConfig } from '../modules/auth/oidc-config.js';
import { callbackPath, POST_LOGOUT_PATH } from '../modules/auth/oidc.service.js';

/** The account the portal does not know: a valid INSZ no demo person has. */
export const DEV_UNKNOWN_PERSON = { username: 'onbekend.persoon', insz: inszFromParts('050505', 555, true), surname: 'Persoon', firstName: 'Onbekend' };

export interface DevPerson {
  id: string;
  username: string;
  insz: string;
  surname: string;
  firstName: string;
  email: string;
  language: string;
}

export interface DevIdpOptions {
  /** The provider as the portal's OIDC service knows it (issuer, client id and secret). */
  provider: OidcProviderConfig;
  publicUrl: string;
  /** A person by username (case-insensitive), with an INSZ; undefined otherwise. */
  findPerson: (username: string) => Promise<DevPerson | undefined>;
  password: string;
}

const text = (key: Parameters<typeof authMessages.text>[0], lang: Language, params?: Parameters<typeof authMessages.text>[2]) => authMessages.text(key, lang, params);

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function page(lang: Language, title: string, body: string): string {
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:32rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a}label{display:block;margin-top:1rem;font-weight:600}input{display:block;width:100%;padding:.5rem;margin-top:.25rem;font-size:1rem;box-sizing:border-box}button{margin-top:1.25rem;margin-right:.5rem;padding:.5rem 1rem;font-size:1rem}.error{color:#a00;font-weight:600}</style></head>
<body><main>${body}</main></body></html>`;
}

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** oidc-provider's loadExistingGrant for a first-party client: the scopes granted without a consent page. */
export function firstPartyGrant(scopes: string): NonNullable<Configuration['loadExistingGrant']> {
  return async (ctx) => {
    const grantId = ctx.oidc.result?.consent?.grantId ?? ctx.oidc.session!.grantIdFor(ctx.oidc.client!.clientId);
    if (grantId) return ctx.oidc.provider.Grant.find(grantId);
    const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client!.clientId, accountId: ctx.oidc.session!.accountId });
    grant.addOIDCScope(scopes);
    await grant.save();
    return grant;
  };
}

/** Reads a small urlencoded form from the raw request (this scope parses no bodies itself). */
async function readForm(request: FastifyRequest): Promise<URLSearchParams> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of request.raw as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > 8192) break;
    chunks.push(chunk);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

/** Mounts the development provider under /dev-idp. */
export async function registerDevIdp(app: FastifyInstance, options: DevIdpOptions): Promise<void> {
  const { provider: client, publicUrl, findPerson, password } = options;
  const base = publicUrl.replace(/\/+$/, '');
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = { ...privateKey.export({ format: 'jwk' }), kid: randomBytes(8).toString('hex'), alg: 'RS256', use: 'sig' };
  const langOf = (ctx: KoaContextWithOIDC) => pickLanguage(ctx.get('accept-language'));

  const accountOf = async (sub: string): Promise<Record<string, unknown> | undefined> => {
    if (sub === DEV_UNKNOWN_PERSON.username) {
      return { sub, insz: DEV_UNKNOWN_PERSON.insz, family_name: DEV_UNKNOWN_PERSON.surname, given_name: DEV_UNKNOWN_PERSON.firstName, name: `${DEV_UNKNOWN_PERSON.firstName} ${DEV_UNKNOWN_PERSON.surname}` };
    }
    const person = await findPerson(sub);
    if (!person) return undefined;
    return { sub: person.username, insz: person.insz, family_name: person.surname, given_name: person.firstName, name: `${person.firstName} ${person.surname}`, email: person.email, locale: person.language };
  };

  const configuration: Configuration = {
    clients: [
      {
        client_id: client.clientId,
        client_secret: client.clientSecret!,
        redirect_uris: [base + callbackPath(client.id)],
        post_logout_redirect_uris: [base + POST_LOGOUT_PATH],
        response_types: ['code'],
        grant_types: ['authorization_code'],
      },
    ],
    jwks: { keys: [jwk as never] },
    cookies: { keys: [randomBytes(32).toString('base64url')] },
    claims: { openid: ['sub'], profile: ['name', 'family_name', 'given_name', 'locale', 'insz'], email: ['email'] },
    pkce: { required: () => true },
    ttl: { Interaction: 600, Session: 8 * 3600, Grant: 8 * 3600, AccessToken: 600, AuthorizationCode: 60, IdToken: 600 },
    features: {
      devInteractions: { enabled: false },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: (ctx, form) => {
          const lang = langOf(ctx);
          ctx.type = 'html';
          ctx.body = page(
            lang,
            text('devidp.logout_title', lang),
            `<h1>${escapeHtml(text('devidp.logout_title', lang))}</h1>${form}<p>${escapeHtml(text('devidp.logout_question', lang))}</p>
<button form="op.logoutForm" type="submit" name="logout" value="yes" autofocus>${escapeHtml(text('devidp.logout_yes', lang))}</button>
<button form="op.logoutForm" type="submit">${escapeHtml(text('devidp.logout_no', lang))}</button>`,
          );
        },
        postLogoutSuccessSource: (ctx) => {
          const lang = langOf(ctx);
          ctx.type = 'html';
          ctx.body = page(lang, text('devidp.logout_done', lang), `<h1>${escapeHtml(text('devidp.logout_done', lang))}</h1><p><a href="${escapeHtml(base)}/login">${escapeHtml(text('devidp.back', lang))}</a></p>`);
        },
      },
    },
    // The portal is the provider's own first-party client: no consent page.
    loadExistingGrant: firstPartyGrant('openid profile email'),
    findAccount: async (_ctx, sub) => {
      const claims = await accountOf(sub);
      return claims ? { accountId: sub, claims: () => claims as { sub: string } } : undefined;
    },
    interactions: { url: (_ctx, interaction) => `${DEV_IDP_PATH}/interaction/${interaction.uid}` },
    renderError: (ctx, out) => {
      const lang = langOf(ctx);
      ctx.type = 'html';
      const error = [out.error, out.error_description].filter(Boolean).join(': ');
      ctx.body = page(lang, text('devidp.title', lang), `<h1>${escapeHtml(text('devidp.title', lang))}</h1><p class="error">${escapeHtml(text('devidp.error', lang, { error }))}</p><p><a href="${escapeHtml(base)}/login">${escapeHtml(text('devidp.back', lang))}</a></p>`);
    },
  };
  const provider = new Provider(client.issuer, configuration);
  const handler = provider.callback();

  function loginPage(reply: FastifyReply, lang: Language, uid: string, username = '', failed = false) {
    const action = `${DEV_IDP_PATH}/interaction/${encodeURIComponent(uid)}`;
    return reply
      .status(failed ? 401 : 200)
      .header('cache-control', 'no-store')
      .type('text/html; charset=utf-8')
      .send(
        page(
          lang,
          text('devidp.title', lang),
          `<h1>${escapeHtml(text('devidp.title', lang))}</h1><p>${escapeHtml(text('devidp.intro', lang))}</p>
${failed ? `<p class="error" role="alert">${escapeHtml(text('devidp.invalid', lang))}</p>` : ''}
<form method="post" action="${action}/login">
<label for="username">${escapeHtml(text('devidp.username', lang))}</label><input id="username" name="username" autocomplete="username" required value="${escapeHtml(username)}">
<label for="password">${escapeHtml(text('devidp.password', lang))}</label><input id="password" name="password" type="password" autocomplete="current-password" required>
<button type="submit">${escapeHtml(text('devidp.submit', lang))}</button>
</form>
<form method="post" action="${action}/abort"><button type="submit">${escapeHtml(text('devidp.cancel', lang))}</button></form>`,
        ),
      );
  }

  /** A stale or foreign interaction (its cookie gone): a page that says so, never a 500. */
  async function interaction(request: FastifyRequest, reply: FastifyReply): Promise<boolean> {
    try {
      await provider.interactionDetails(request.raw, reply.raw);
      return true;
    } catch (error) {
      const lang = pickLanguage(request.headers['accept-language']);
      const detail = (error as { error_description?: string; message?: string }).error_description ?? (error as Error).message;
      await reply
        .status(400)
        .type('text/html; charset=utf-8')
        .send(page(lang, text('devidp.title', lang), `<h1>${escapeHtml(text('devidp.title', lang))}</h1><p class="error">${escapeHtml(text('devidp.error', lang, { error: detail }))}</p><p><a href="${escapeHtml(base)}/login">${escapeHtml(text('devidp.back', lang))}</a></p>`));
      return false;
    }
  }

  await app.register(async (scope) => {
    // oidc-provider reads the bodies itself: this scope leaves every body unread.
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', (_request, _payload, done) => done(null));
    const config = { access: 'public' as const, csrf: false as const };

    scope.get<{ Params: { uid: string } }>(`${DEV_IDP_PATH}/interaction/:uid`, { config }, async (request, reply) => {
      if (!(await interaction(request, reply))) return reply;
      return loginPage(reply, pickLanguage(request.headers['accept-language']), request.params.uid);
    });
    scope.post<{ Params: { uid: string } }>(`${DEV_IDP_PATH}/interaction/:uid/login`, { config }, async (request, reply) => {
      if (!(await interaction(request, reply))) return reply;
      const form = await readForm(request);
      const username = (form.get('username') ?? '').trim().toLowerCase();
      const known = username === DEV_UNKNOWN_PERSON.username || (username !== '' && (await findPerson(username)) !== undefined);
      if (!known || !sameText(form.get('password') ?? '', password)) {
        return loginPage(reply, pickLanguage(request.headers['accept-language']), request.params.uid, username, true);
      }
      const redirectTo = await provider.interactionResult(request.raw, reply.raw, { login: { accountId: username } }, { mergeWithLastSubmission: false });
      return reply.redirect(redirectTo, 303);
    });
    scope.post<{ Params: { uid: string } }>(`${DEV_IDP_PATH}/interaction/:uid/abort`, { config }, async (request, reply) => {
      if (!(await interaction(request, reply))) return reply;
      const redirectTo = await provider.interactionResult(request.raw, reply.raw, { error: 'access_denied', error_description: 'cancelled by the person' }, { mergeWithLastSubmission: false });
      return reply.redirect(redirectTo, 303);
    });
    // Everything else under /dev-idp is oidc-provider's (discovery, authorize, token, userinfo, jwks, logout).
    scope.all(`${DEV_IDP_PATH}/*`, { config }, (request, reply) => {
      reply.hijack();
      const raw = request.raw as typeof request.raw & { originalUrl?: string };
      raw.originalUrl = raw.url;
      raw.url = raw.url!.slice(DEV_IDP_PATH.length) || '/';
      void handler(raw, reply.raw);
    });
  });
}
