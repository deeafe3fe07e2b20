import { createPrivateKey, randomBytes, webcrypto } from 'node:crypto';
import * as client from 'openid-client';
import type { Db } from '../../db/db.js';
import type { Clock } from '../../domain/clock.js';
import { AppError } from '../../shared/errors.js';
import { localized, type LocalizedText, type Message } from '../../shared/i18n.js';
import { validateInsz } from '../../shared/identifiers.js';
import { accessRepo } from '../access/index.js';
import { authMessages } from './auth-messages.js';
import type { AuthService } from './auth.service.js';
import { hashToken } from './auth.service.js';
import type { OidcProviderConfig } from './oidc-config.js';
import * as repo from './oidc.repo.js';

export interface OidcDeps {
  db: Db;
  clock: Clock;
  auth: AuthService;
  providers: OidcProviderConfig[];
  /** The portal's address as browsers reach it: the redirect and logout URLs start with it. */
  publicUrl: string;
  /** Plain-HTTP issuers (the development provider on localhost); never in production. */
  allowHttp: boolean;
  /** Seconds to wait for a provider (discovery, token, userinfo); default 10. */
  timeoutSeconds?: number;
  /** Discovery is asked again after this long (default 1 hour); a failed one at the next sign-in. */
  discoveryTtlMs?: number;
}

/** The redirect URI registered at a provider: the portal's callback for it. */
export function callbackPath(providerId: string): string {
  return `/api/v1/session/oidc/${providerId}/callback`;
}

export function loginPath(providerId: string): string {
  return `/api/v1/session/oidc/${providerId}/login`;
}

/** Where the provider sends the browser after its logout (register it as post-logout redirect URI). */
export const POST_LOGOUT_PATH = '/login';

const TRANSACTION_MS = 10 * 60_000;

/** A sign-in that did not succeed: the message for the person, and what went wrong for the log. */
export class OidcRefusal extends AppError {
  constructor(
    code: ConstructorParameters<typeof AppError>[0],
    message: Message,
    readonly reason: string,
  ) {
    super(code, message);
    this.name = 'OidcRefusal';
  }
}

/** The value at a claim name or dotted path (`attributes.insz`), or undefined. */
export function claimAt(claims: Record<string, unknown> | undefined, path: string): unknown {
  if (claims && Object.hasOwn(claims, path)) return claims[path];
  let value: unknown = claims;
  for (const part of path.split('.')) {
    if (typeof value !== 'object' || value === null || !Object.hasOwn(value, part)) return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

/** A PKCS#8 PEM private key as the CryptoKey private_key_jwt signs with (RS256, ES256 or EdDSA). */
async function signingKey(pem: string): Promise<webcrypto.CryptoKey> {
  const key = createPrivateKey(pem);
  const der = key.export({ format: 'der', type: 'pkcs8' });
  const type = key.asymmetricKeyType;
  const algorithm =
    type === 'rsa'
      ? { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }
      : type === 'ec'
        ? { name: 'ECDSA', namedCurve: 'P-256' }
        : { name: 'Ed25519' };
  return webcrypto.subtle.importKey('pkcs8', der, algorithm, false, ['sign']);
}

/** What the library said went wrong, down its chain of causes (for the log, never for the person). */
function reasonOf(error: unknown): string {
  const parts: string[] = [];
  let e = error as { code?: string; name?: string; message?: string; error?: string; error_description?: string; cause?: unknown } | undefined;
  for (let depth = 0; e && typeof e === 'object' && depth < 4; depth++) {
    parts.push([e.code ?? e.name, e.message, e.error, e.error_description].filter(Boolean).join(': '));
    e = e.cause as typeof e;
  }
  return parts.join(' ← ').slice(0, 500);
}

function isNetworkFailure(error: unknown): boolean {
  const e = error as { code?: string; name?: string; cause?: unknown } | undefined;
  if (!e) return false;
  if (e.name === 'TimeoutError' || e.name === 'AbortError') return true;
  if (e.code === 'OAUTH_RESPONSE_IS_NOT_CONFORM' || e.code === 'OAUTH_RESPONSE_IS_NOT_JSON') return true;
  if (e instanceof TypeError && /fetch failed/i.test(e.message)) return true;
  return e.cause !== undefined && e.cause !== e && isNetworkFailure(e.cause);
}

/**
 * Issue 21: sign-in through identity providers with OpenID Connect (openid-client): discovery,
 * authorization code with PKCE, state and nonce, the ID token checked (issuer, audience, expiry,
 * signature), the INSZ claim from the ID token or the userinfo, the person found by it (or by a
 * linked subject), and the session opened like after a password. No account is ever created.
 */
export function createOidcService({ db, clock, auth, providers, publicUrl, allowHttp, timeoutSeconds = 10, discoveryTtlMs = 3_600_000 }: OidcDeps) {
  const msg = authMessages.msg;
  const byId = new Map(providers.map((p) => [p.id, p]));
  const base = publicUrl.replace(/\/+$/, '');
  const discovered = new Map<string, { at: number; config: Promise<client.Configuration> }>();

  function provider(id: string): OidcProviderConfig {
    const p = byId.get(id);
    if (!p) throw new OidcRefusal('not_found', msg('auth.oidc.provider_unknown'), `unknown provider ${id}`);
    return p;
  }

  const nameOf = (p: OidcProviderConfig) => localized(p.name);
  const failed = (p: OidcProviderConfig, reason: string) => new OidcRefusal('unauthenticated', msg('auth.oidc.failed', { provider: nameOf(p) }), reason);
  const unavailable = (p: OidcProviderConfig, reason: string) => new OidcRefusal('unavailable', msg('auth.oidc.provider_unavailable', { provider: nameOf(p) }), reason);

  async function discover(p: OidcProviderConfig): Promise<client.Configuration> {
    const authentication = p.privateKey
      ? client.PrivateKeyJwt(p.privateKey.kid ? { key: await signingKey(p.privateKey.pem), kid: p.privateKey.kid } : await signingKey(p.privateKey.pem))
      : client.ClientSecretBasic(p.clientSecret!);
    const insecure = allowHttp && new URL(p.issuer).protocol === 'http:';
    const config = await client.discovery(new URL(p.issuer), p.clientId, undefined, authentication, {
      timeout: timeoutSeconds,
      execute: insecure ? [client.allowInsecureRequests] : [],
    });
    // The ID token's signature is checked against the provider's keys, also from the token endpoint.
    client.enableNonRepudiationChecks(config);
    return config;
  }

  /** The provider's configuration (discovered once an hour; a failure is asked again next time). */
  async function configuration(p: OidcProviderConfig): Promise<client.Configuration> {
    const now = Date.now();
    let entry = discovered.get(p.id);
    if (!entry || now - entry.at > discoveryTtlMs) {
      entry = { at: now, config: discover(p) };
      discovered.set(p.id, entry);
      const mine = entry;
      entry.config.catch(() => {
        if (discovered.get(p.id) === mine) discovered.delete(p.id);
      });
    }
    try {
      return await entry.config;
    } catch (error) {
      throw unavailable(p, `discovery failed: ${reasonOf(error)}`);
    }
  }

  /** The person behind the claims: by the INSZ claim, else (when allowed) by a linked subject. */
  async function personOf(p: OidcProviderConfig, subject: string, insz: unknown): Promise<string> {
    if (insz === undefined || insz === null || insz === '') {
      const linked = p.linkSubject ? await repo.findIdentity(db, p.id, subject) : undefined;
      if (!linked) throw new OidcRefusal('forbidden', msg('auth.oidc.insz_missing', { provider: nameOf(p) }), `no ${p.inszClaim} claim`);
      return linked;
    }
    const checked = typeof insz === 'string' || typeof insz === 'number' ? validateInsz(String(insz)) : undefined;
    if (!checked?.valid) throw new OidcRefusal('forbidden', msg('auth.oidc.insz_invalid', { provider: nameOf(p) }), `invalid ${p.inszClaim} claim`);
    const user = await accessRepo.findUserByInsz(db, checked.normalized);
    if (!user) throw new OidcRefusal('forbidden', msg('auth.oidc.unknown_person', { provider: nameOf(p) }), 'no person with this INSZ');
    return user.id;
  }

  return {
    /** The configured providers, in the order of the configuration (names for the edge to render). */
    list(): { id: string; name: LocalizedText; loginUrl: string }[] {
      return providers.map((p) => ({ id: p.id, name: nameOf(p), loginUrl: loginPath(p.id) }));
    },

    has(id: string): boolean {
      return byId.has(id);
    },

    /**
     * Starts a sign-in: a transaction (state, nonce, PKCE verifier) stored for ten minutes and bound
     * to the browser by `browserToken` (a cookie), and the provider's authorization URL.
     * Throws unavailable when the provider cannot be reached.
     */
    async begin(providerId: string): Promise<{ url: URL; browserToken: string }> {
      const p = provider(providerId);
      const config = await configuration(p);
      const state = client.randomState();
      const nonce = client.randomNonce();
      const codeVerifier = client.randomPKCECodeVerifier();
      const browserToken = randomBytes(32).toString('base64url');
      const now = clock.now();
      await repo.insertTransaction(db, {
        stateHash: hashToken(state),
        browserHash: hashToken(browserToken),
        providerId,
        nonce,
        codeVerifier,
        createdAt: now,
        expiresAt: new Date(now.getTime() + TRANSACTION_MS),
      });
      const url = client.buildAuthorizationUrl(config, {
        redirect_uri: base + callbackPath(providerId),
        scope: p.scopes,
        state,
        nonce,
        code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
        code_challenge_method: 'S256',
      });
      return { url, browserToken };
    },

    /**
     * The provider's answer (the callback URL as the browser called it): the transaction is taken
     * (single use), the code exchanged and the ID token checked, the person found, a session opened.
     * Throws OidcRefusal (a message for the person, a reason for the log) or account_blocked.
     */
    async complete(providerId: string, callback: URL, browserToken: string | undefined) {
      const p = provider(providerId);
      const state = callback.searchParams.get('state');
      if (!state) throw failed(p, 'no state in the callback');
      const transaction = await repo.takeTransaction(db, hashToken(state), clock.now());
      if (!transaction) throw failed(p, 'unknown, used or expired state');
      if (transaction.providerId !== providerId) throw failed(p, 'state of another provider');
      if (!browserToken || transaction.browserHash !== hashToken(browserToken)) throw failed(p, 'state started in another browser');
      const error = callback.searchParams.get('error');
      if (error) throw new OidcRefusal('unauthenticated', msg('auth.oidc.cancelled', { provider: nameOf(p) }), `provider answered ${error.slice(0, 100)}`);
      const config = await configuration(p);
      // The URL the provider redirected to: the registered redirect URI and the answer's parameters.
      const current = new URL(base + callbackPath(providerId));
      current.search = callback.search;
      let tokens: Awaited<ReturnType<typeof client.authorizationCodeGrant>>;
      try {
        tokens = await client.authorizationCodeGrant(config, current, {
          pkceCodeVerifier: transaction.codeVerifier,
          expectedState: state,
          expectedNonce: transaction.nonce,
          idTokenExpected: true,
        });
      } catch (e) {
        throw isNetworkFailure(e) ? unavailable(p, reasonOf(e)) : failed(p, reasonOf(e));
      }
      const claims = tokens.claims();
      if (!claims || !tokens.id_token) throw failed(p, 'no ID token');
      let insz = claimAt(claims, p.inszClaim);
      if (insz === undefined && config.serverMetadata().userinfo_endpoint) {
        try {
          insz = claimAt(await client.fetchUserInfo(config, tokens.access_token, claims.sub), p.inszClaim);
        } catch (e) {
          throw isNetworkFailure(e) ? unavailable(p, `userinfo: ${reasonOf(e)}`) : failed(p, `userinfo: ${reasonOf(e)}`);
        }
      }
      const userId = await personOf(p, claims.sub, insz);
      const session = await auth.signIn(userId, { providerId, idToken: tokens.id_token });
      await repo.linkIdentity(db, { providerId, subject: claims.sub, userId, now: clock.now() });
      return session;
    },

    /**
     * The provider's end-session URL for a session it opened (RP-initiated logout), or undefined
     * when the provider has none or cannot be reached (the portal's session is ended anyway).
     */
    async endSessionUrl(origin: { providerId: string; idToken: string }): Promise<string | undefined> {
      const p = byId.get(origin.providerId);
      if (!p) return undefined;
      try {
        const config = await configuration(p);
        if (!config.serverMetadata().end_session_endpoint) return undefined;
        return client.buildEndSessionUrl(config, { id_token_hint: origin.idToken, post_logout_redirect_uri: base + POST_LOGOUT_PATH }).href;
      } catch {
        return undefined;
      }
    },
  };
}

export type OidcService = ReturnType<typeof createOidcService>;
