/**
 * Issue 21: a real OpenID provider (oidc-provider on its own HTTP port) for the attack tests, that
 * a test can make misbehave: rewrite the ID token's claims (issuer, audience, times, nonce) and
 * sign it again with the provider's key or with a foreign one under the same key id, stop
 * answering, or sign in whichever account the test names (no login page: the test is the person).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SignJWT, decodeJwt, exportJWK, generateKeyPair, type JWTPayload } from 'jose';
import Provider from 'oidc-provider';
import { firstPartyGrant } from '../src/http/dev-idp.js';

export interface TestIdp {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** The account the next sign-in is for, and its claims (the INSZ among them). */
  accounts: Map<string, Record<string, unknown>>;
  signInAs: string;
  /** Rewrites the ID token of the next token answers (then signed again). */
  tamper?: (claims: JWTPayload) => JWTPayload;
  /** Signs the rewritten ID token with a key of another party (same kid). */
  foreignKey: boolean;
  /** Every ID token the token endpoint handed out, as issued (before any rewrite). */
  issued: JWTPayload[];
  close(): Promise<void>;
}

export interface TestIdpOptions {
  redirectUri: string;
  postLogoutRedirectUri: string;
  /** Claims in the ID token (default) or only through userinfo (like the development provider). */
  claimsInIdToken?: boolean;
  /** The client authenticates with private_key_jwt and this public key (instead of its secret). */
  clientPublicJwk?: Record<string, unknown>;
}

/** Starts the provider on a free port of 127.0.0.1. */
export async function startTestIdp(options: TestIdpOptions): Promise<TestIdp> {
  let handler: (req: Parameters<Parameters<typeof createServer>[1] & object>[0], res: Parameters<Parameters<typeof createServer>[1] & object>[1]) => void = (_req, res) => res.end();
  const server: Server = createServer((req, res) => handler(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const foreign = await generateKeyPair('RS256');
  const kid = 'test-key-1';
  const jwk = { ...(await exportJWK(privateKey)), kid, alg: 'RS256', use: 'sig' };

  const idp: TestIdp = {
    issuer,
    clientId: 'ocmw-portal-test',
    clientSecret: 'a-test-client-secret-of-some-length',
    accounts: new Map(),
    signInAs: '',
    foreignKey: false,
    issued: [],
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };

  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: idp.clientId,
        ...(options.clientPublicJwk
          ? { token_endpoint_auth_method: 'private_key_jwt', jwks: { keys: [options.clientPublicJwk as never] } }
          : { client_secret: idp.clientSecret }),
        redirect_uris: [options.redirectUri],
        post_logout_redirect_uris: [options.postLogoutRedirectUri],
        response_types: ['code'],
        grant_types: ['authorization_code'],
      },
    ],
    jwks: { keys: [jwk as never] },
    cookies: { keys: ['test-cookie-key'] },
    claims: { openid: ['sub'], profile: ['name', 'insz', 'attributes'] },
    conformIdTokenClaims: !(options.claimsInIdToken ?? true),
    pkce: { required: () => true },
    ttl: { Interaction: 600, Session: 8 * 3600, Grant: 8 * 3600, AccessToken: 600, AuthorizationCode: 60, IdToken: 600 },
    features: { devInteractions: { enabled: false }, rpInitiatedLogout: { enabled: true } },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    loadExistingGrant: firstPartyGrant('openid profile'),
    findAccount: (_ctx, sub) => {
      const claims = idp.accounts.get(sub);
      return claims ? { accountId: sub, claims: () => ({ sub, ...claims }) } : undefined;
    },
  });
  // The misbehaviour: after the token endpoint answered, the ID token is rewritten and signed again.
  provider.use(async (ctx, next) => {
    await next();
    if (ctx.path !== '/token' || ctx.status !== 200) return;
    const body = ctx.body as { id_token?: string };
    if (!body.id_token) return;
    const claims = decodeJwt(body.id_token);
    idp.issued.push(claims);
    if (!idp.tamper && !idp.foreignKey) return;
    const changed = idp.tamper ? idp.tamper({ ...claims }) : claims;
    body.id_token = await new SignJWT(changed).setProtectedHeader({ alg: 'RS256', kid, typ: 'JWT' }).sign(idp.foreignKey ? foreign.privateKey : privateKey);
  });
  const callback = provider.callback();
  handler = (req, res) => {
    if (req.url?.startsWith('/interaction/')) {
      void provider.interactionFinished(req, res, { login: { accountId: idp.signInAs } }, { mergeWithLastSubmission: false }).catch(() => {
        res.statusCode = 400;
        res.end();
      });
      return;
    }
    void callback(req, res);
  };
  return idp;
}

/** A browser at the provider: follows its redirects with its own cookies until the portal's callback. */
export async function throughProvider(authorizeUrl: string, stopAt: string): Promise<string> {
  const cookies = new Map<string, string>();
  let url = authorizeUrl;
  for (let hop = 0; hop < 10; hop++) {
    if (url.startsWith(stopAt)) return url;
    const response = await fetch(url, { redirect: 'manual', headers: { cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join('; ') } });
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const at = pair!.indexOf('=');
      cookies.set(pair!.slice(0, at), pair!.slice(at + 1));
    }
    const location = response.headers.get('location');
    if (!location) throw new Error(`the provider answered ${response.status} at ${url}: ${(await response.text()).slice(0, 300)}`);
    url = new URL(location, url).href;
  }
  throw new Error('too many redirects at the provider');
}
