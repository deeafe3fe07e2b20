/**
 * Issue 21: sign-in through an identity provider, attacked. Each test runs the whole flow against
 * real OpenID providers (oidc-provider on their own HTTP ports, test/oidc-idp.ts): the portal
 * (app.inject, one TestClient per browser) sends the browser to the provider, the provider signs
 * the test's account in and redirects back, the portal's openid-client talks to the provider over
 * HTTP (discovery, token, JWKS, userinfo). A misbehaving provider rewrites the ID token (and signs
 * it again, with its own key or a foreign one); the browser tampers with the callback.
 * Every refusal: a redirect to the web UI's problem page naming the message key, no session,
 * nothing created, never a 5xx.
 */
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../src/db/db.js';
import { callbackPath } from '../src/modules/auth/index.js';
import { inszFromParts } from '../src/shared/identifiers.js';
import { startTestIdp, throughProvider, type TestIdp } from './oidc-idp.js';
import { createTestContext, type TestClient, type TestContext } from './test-app.js';

const PUBLIC = 'http://portal.test';
let ctx: TestContext;
let idp: TestIdp;
let userinfoIdp: TestIdp;
/** Stopped by a test between the authorization and the callback. */
let flakyIdp: TestIdp;
/** Knows the portal by its public key (private_key_jwt), not by a secret. */
let keyedIdp: TestIdp;
const insz = new Map<string, string>();
/** The portal's security events (JSON log lines with `security`). */
const events: { security: string; reason?: string; provider?: string; method?: string; username?: string }[] = [];

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const providerEnv = (id: string, issuer: string, extra: Record<string, string> = {}) => {
  const prefix = `OIDC_${id.toUpperCase()}_`;
  return { [`${prefix}ISSUER`]: issuer, [`${prefix}CLIENT_ID`]: 'ocmw-portal-test', [`${prefix}CLIENT_SECRET`]: 'a-test-client-secret-of-some-length', ...extra };
};

beforeAll(async () => {
  const endpoints = (id: string) => ({ redirectUri: PUBLIC + callbackPath(id), postLogoutRedirectUri: `${PUBLIC}/login` });
  idp = await startTestIdp(endpoints('test'));
  // Like many real providers (and the development provider): the ID token holds `sub`, the claims come from userinfo.
  userinfoIdp = await startTestIdp({ ...endpoints('linked'), claimsInIdToken: false });
  flakyIdp = await startTestIdp(endpoints('flaky'));
  const clientKey = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const keyFile = path.join(mkdtempSync(path.join(tmpdir(), 'ocmw-oidc-')), 'client.pem');
  writeFileSync(keyFile, clientKey.privateKey.export({ format: 'pem', type: 'pkcs8' }));
  keyedIdp = await startTestIdp({ ...endpoints('keyed'), clientPublicJwk: { ...clientKey.publicKey.export({ format: 'jwk' }), kid: 'portal-1', alg: 'ES256', use: 'sig' } });
  const log = new PassThrough();
  log.on('data', (chunk: Buffer) => {
    for (const line of chunk.toString().split('\n').filter(Boolean)) {
      const entry = JSON.parse(line) as (typeof events)[number];
      if (entry.security) events.push(entry);
    }
  });
  ctx = await createTestContext({
    logStream: log,
    env: {
      LOG_LEVEL: 'info',
      OCMW_PUBLIC_URL: PUBLIC,
      OIDC_PROVIDERS: 'test,linked,down,flaky,keyed',
      ...providerEnv('test', idp.issuer, { OIDC_TEST_NAME: 'Test-IdP', OIDC_TEST_NAME_FR: 'IdP de test' }),
      ...providerEnv('linked', userinfoIdp.issuer, { OIDC_LINKED_LINK_SUBJECT: 'on', OIDC_LINKED_INSZ_CLAIM: 'attributes.insz' }),
      ...providerEnv('down', `http://127.0.0.1:${await closedPort()}`, { OIDC_DOWN_NAME: 'Offline-IdP' }),
      ...providerEnv('flaky', flakyIdp.issuer, { OIDC_FLAKY_NAME: 'Flaky-IdP' }),
      OIDC_KEYED_ISSUER: keyedIdp.issuer,
      OIDC_KEYED_CLIENT_ID: keyedIdp.clientId,
      OIDC_KEYED_PRIVATE_KEY_FILE: keyFile,
      OIDC_KEYED_PRIVATE_KEY_ID: 'portal-1',
      OIDC_KEYED_NAME: 'Keyed-IdP',
    },
  });
  for (const row of await queryRows<{ username: string; insz: string }>(ctx.database.db, sql`select username, insz from users where insz is not null`)) insz.set(row.username, row.insz);
}, 120_000);

afterAll(async () => {
  await ctx?.close();
  await idp?.close();
  await userinfoIdp?.close();
  await flakyIdp?.close();
  await keyedIdp?.close();
});

/** Starts a sign-in in the browser; returns the provider's authorization URL. */
async function start(browser: TestClient, providerId = 'test'): Promise<URL> {
  const answer = await browser.get(`/api/v1/session/oidc/${providerId}/login`);
  expect(answer.statusCode, answer.body).toBe(303);
  return new URL(answer.headers.location as string);
}

/** The whole flow as `account` (with these claims): the callback path the provider sent the browser to, and the portal's answer. */
async function signIn(browser: TestClient, account: string, claims: Record<string, unknown>, provider: TestIdp = idp, providerId = 'test') {
  provider.accounts.set(account, claims);
  provider.signInAs = account;
  const authorize = await start(browser, providerId);
  const callback = (await throughProvider(authorize.href, PUBLIC + callbackPath(providerId))).slice(PUBLIC.length);
  return { callback, answer: await browser.get(callback) };
}

async function expectSignedIn(browser: TestClient, answer: { statusCode: number; headers: Record<string, unknown> }, username: string) {
  expect(answer.statusCode).toBe(303);
  expect(answer.headers.location).toBe('/');
  const session = (await browser.get('/api/v1/session')).json();
  expect(session).toMatchObject({ authenticated: true, user: { username } });
  return session;
}

/** A refusal: a redirect to the problem page with the key, no session in this browser. */
async function expectRefused(browser: TestClient, answer: { statusCode: number; headers: Record<string, unknown> }, key: string, providerId = 'test', extra: Record<string, string> = {}) {
  expect(answer.statusCode).toBe(303);
  const location = new URL(answer.headers.location as string, PUBLIC);
  expect(location.pathname).toBe('/login/probleem');
  expect(Object.fromEntries(location.searchParams)).toEqual({ melding: key, aanbieder: providerId, ...extra });
  expect(browser.cookies.has('ocmw_session')).toBe(false);
  expect((await browser.get('/api/v1/session')).json().authenticated).toBe(false);
}

const person = (username: string) => ({ insz: insz.get(username)!, name: username });
const now = () => Math.floor(Date.now() / 1000);

async function countUsers(): Promise<number> {
  const [row] = await queryRows<{ n: number }>(ctx.database.db, sql`select count(*)::int as n from users`);
  return row!.n;
}

describe('sign-in through an identity provider', () => {
  it('lists the providers in the reader’s language, with the URL that starts the flow', async () => {
    const browser = ctx.client();
    browser.language = 'fr';
    const session = (await browser.get('/api/v1/session')).json();
    expect(session.providers).toEqual([
      { id: 'test', name: 'IdP de test', loginUrl: '/api/v1/session/oidc/test/login' },
      { id: 'linked', name: new URL(userinfoIdp.issuer).host, loginUrl: '/api/v1/session/oidc/linked/login' },
      { id: 'down', name: 'Offline-IdP', loginUrl: '/api/v1/session/oidc/down/login' },
      { id: 'flaky', name: 'Flaky-IdP', loginUrl: '/api/v1/session/oidc/flaky/login' },
      { id: 'keyed', name: 'Keyed-IdP', loginUrl: '/api/v1/session/oidc/keyed/login' },
    ]);
    expect(session.localLogin).toBe(true);
  });

  it('sends the browser with code + PKCE (S256), state, nonce, the scopes and the UI language, and binds the flow to the browser', async () => {
    const browser = ctx.client();
    const answer = await browser.get('/api/v1/session/oidc/test/login');
    const url = new URL(answer.headers.location as string);
    expect(url.origin).toBe(idp.issuer);
    expect(Object.fromEntries(url.searchParams)).toMatchObject({
      response_type: 'code',
      client_id: 'ocmw-portal-test',
      redirect_uri: `${PUBLIC}/api/v1/session/oidc/test/callback`,
      scope: 'openid profile',
      code_challenge_method: 'S256',
      ui_locales: 'nl',
    });
    for (const p of ['state', 'nonce', 'code_challenge']) expect(url.searchParams.get(p)).toMatch(/^[\w-]{43,}$/);
    const cookie = (answer.cookies as { name: string; httpOnly?: boolean; sameSite?: string; path?: string }[]).find((c) => c.name === 'ocmw_oidc');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/api/v1/session/oidc' });
  });

  it('signs a known person in by the INSZ claim of the ID token; the role choice follows; logout ends both sessions', async () => {
    const browser = ctx.client();
    const { answer } = await signIn(browser, 'sub-an', person('an.peeters'));
    const session = await expectSignedIn(browser, answer, 'an.peeters');
    // Audited like a password sign-in: the security event, with the provider.
    expect(events.at(-1)).toMatchObject({ security: 'login.success', method: 'oidc', provider: 'test', username: 'an.peeters' });
    // Two roles: the choice (R2.13) comes next, as after a password.
    expect(session.context).toBeNull();
    expect(session.choices.length).toBe(2);
    const chosen = await browser.post('/api/v1/session/context', { choiceId: session.choices[0].id });
    expect(chosen.statusCode).toBe(200);
    expect(chosen.json().context.id).toBe(session.choices[0].id);
    const token = browser.cookies.get('ocmw_session')!;

    const logout = await browser.post('/api/v1/session/logout');
    expect(logout.statusCode).toBe(200);
    const end = new URL(logout.json().endSessionUrl);
    expect(end.origin + end.pathname).toBe(`${idp.issuer}/session/end`);
    expect(end.searchParams.get('post_logout_redirect_uri')).toBe(`${PUBLIC}/login`);
    expect(end.searchParams.get('id_token_hint')).toMatch(/^ey/);
    // The portal's session is gone …
    expect((await ctx.client().request({ method: 'GET', url: '/api/v1/session', cookies: { ocmw_session: token } })).json().authenticated).toBe(false);
    // … and the provider accepts the logout request (its confirmation page).
    const atProvider = await fetch(end, { redirect: 'manual' });
    expect(atProvider.status).toBe(200);
    expect(await atProvider.text()).toContain('logout');
  });

  it('does not hold a person with a temporary password (an imported HTB) at the password change: there is no local password to change', async () => {
    await ctx.database.db.execute(sql`update users set must_change_password = true where username = 'user.antwerpen'`);
    try {
      const browser = ctx.client();
      const session = await expectSignedIn(browser, (await signIn(browser, 'sub-temp', person('user.antwerpen'))).answer, 'user.antwerpen');
      expect(session.mustChangePassword).toBe(false);
      expect((await browser.get('/api/v1/help-requests')).statusCode).toBe(200);
      // A password sign-in of the same person still must change it first.
      const local = ctx.client();
      await local.login('user.antwerpen');
      expect((await local.get('/api/v1/help-requests')).json().error.code).toBe('password_change_required');
    } finally {
      await ctx.database.db.execute(sql`update users set must_change_password = false where username = 'user.antwerpen'`);
    }
  });

  it('authenticates to the provider with private_key_jwt (OIDC_<ID>_PRIVATE_KEY_FILE), the provider knowing no secret', async () => {
    const browser = ctx.client();
    await expectSignedIn(browser, (await signIn(browser, 'sub-user', person('user.antwerpen'), keyedIdp, 'keyed')).answer, 'user.antwerpen');
  });

  it('renews the session id at sign-in: a session the browser held before ends', async () => {
    const browser = ctx.client();
    const before = await browser.login('user.antwerpen');
    expect(before.statusCode).toBe(200);
    const old = browser.cookies.get('ocmw_session')!;
    const { answer } = await signIn(browser, 'sub-user', person('user.antwerpen'));
    await expectSignedIn(browser, answer, 'user.antwerpen');
    expect(browser.cookies.get('ocmw_session')).not.toBe(old);
    const replay = await ctx.app.inject({ method: 'GET', url: '/api/v1/session', cookies: { ocmw_session: old } });
    expect(replay.json().authenticated).toBe(false);
  });

  it('reads the INSZ from userinfo when the ID token lacks it, and signs a linked subject in without it (OIDC_<ID>_LINK_SUBJECT=on)', async () => {
    const first = ctx.client();
    await expectSignedIn(first, (await signIn(first, 'sub-linked', { attributes: { insz: insz.get('user.antwerpen') } }, userinfoIdp, 'linked')).answer, 'user.antwerpen');
    const second = ctx.client();
    await expectSignedIn(second, (await signIn(second, 'sub-linked', {}, userinfoIdp, 'linked')).answer, 'user.antwerpen');
  });
});

describe('a misbehaving provider: the ID token is refused', () => {
  const cases: [string, (c: Record<string, unknown>) => Record<string, unknown>, RegExp][] = [
    ['a wrong issuer', (c) => ({ ...c, iss: 'https://evil.example' }), /"iss"/],
    ['a wrong audience', (c) => ({ ...c, aud: 'another-client' }), /"aud"/],
    ['an audience list without the portal', (c) => ({ ...c, aud: ['another-client', 'a-third'] }), /"aud"/],
    ['an expired token', (c) => ({ ...c, iat: now() - 7200, exp: now() - 3600 }), /"exp"/],
    ['a token not yet valid', (c) => ({ ...c, nbf: now() + 3600 }), /"nbf"/],
    ['a missing nonce', (c) => ({ ...c, nonce: undefined }), /nonce/],
    ['a replayed nonce (of an earlier sign-in)', (c) => ({ ...c, nonce: idp.issued[0]!.nonce }), /nonce/],
  ];
  it.each(cases)('%s', async (_what, tamper, reason) => {
    // At least one honest sign-in has happened (the replayed nonce is its).
    if (idp.issued.length === 0) await signIn(ctx.client(), 'sub-user', person('user.antwerpen'));
    idp.tamper = (claims) => JSON.parse(JSON.stringify(tamper(claims)));
    try {
      const browser = ctx.client();
      await expectRefused(browser, (await signIn(browser, 'sub-user', person('user.antwerpen'))).answer, 'auth.oidc.failed');
      // Refused for this claim, not for something else.
      expect(events.at(-1)).toMatchObject({ security: 'login.failure', method: 'oidc', provider: 'test' });
      expect(events.at(-1)!.reason).toMatch(reason);
    } finally {
      idp.tamper = undefined;
    }
  });

  it('a bad signature (a foreign key under the provider’s key id)', async () => {
    idp.foreignKey = true;
    try {
      const browser = ctx.client();
      await expectRefused(browser, (await signIn(browser, 'sub-user', person('user.antwerpen'))).answer, 'auth.oidc.failed');
      expect(events.at(-1)!.reason).toMatch(/signature/i);
    } finally {
      idp.foreignKey = false;
    }
  });

  it('an honest token signed again with the provider’s own key still passes (the tests above fail for their claim only)', async () => {
    idp.tamper = (claims) => claims;
    try {
      const browser = ctx.client();
      await expectSignedIn(browser, (await signIn(browser, 'sub-user', person('user.antwerpen'))).answer, 'user.antwerpen');
    } finally {
      idp.tamper = undefined;
    }
  });
});

describe('a tampered or replayed callback', () => {
  it('a state that does not match (changed in the URL)', async () => {
    const browser = ctx.client();
    idp.accounts.set('sub-user', person('user.antwerpen'));
    idp.signInAs = 'sub-user';
    const callback = new URL(await throughProvider((await start(browser)).href, PUBLIC + callbackPath('test')));
    callback.searchParams.set('state', 'x'.repeat(43));
    await expectRefused(browser, await browser.get(callback.pathname + callback.search), 'auth.oidc.failed');
    expect(events.at(-1)!.reason).toBe('unknown, used or expired state');
  });

  it('a callback without state', async () => {
    const browser = ctx.client();
    await start(browser);
    await expectRefused(browser, await browser.get('/api/v1/session/oidc/test/callback?code=abc'), 'auth.oidc.failed');
  });

  it('a state used again (the callback replayed after a successful sign-in)', async () => {
    const browser = ctx.client();
    const { callback, answer } = await signIn(browser, 'sub-user', person('user.antwerpen'));
    await expectSignedIn(browser, answer, 'user.antwerpen');
    const other = ctx.client();
    other.cookies.set('ocmw_oidc', 'whatever');
    await expectRefused(other, await other.get(callback), 'auth.oidc.failed');
    // Even in the browser that started it (its flow cookie was spent): no second session from one answer.
    const again = await browser.get(callback);
    expect(new URL(again.headers.location as string, PUBLIC).searchParams.get('melding')).toBe('auth.oidc.failed');
  });

  it('a callback carried to another browser (login CSRF): the state is bound to the browser that started it', async () => {
    const victim = ctx.client();
    const attacker = ctx.client();
    idp.accounts.set('sub-user', person('user.antwerpen'));
    idp.signInAs = 'sub-user';
    const callback = (await throughProvider((await start(attacker)).href, PUBLIC + callbackPath('test'))).slice(PUBLIC.length);
    await start(victim);
    await expectRefused(victim, await victim.get(callback), 'auth.oidc.failed');
    expect(events.at(-1)!.reason).toBe('state started in another browser');
  });

  it('a code used twice (sent again with a fresh state of the same browser)', async () => {
    const browser = ctx.client();
    const { callback, answer } = await signIn(browser, 'sub-user', person('user.antwerpen'));
    await expectSignedIn(browser, answer, 'user.antwerpen');
    await browser.post('/api/v1/session/logout');
    const code = new URL(callback, PUBLIC).searchParams.get('code')!;
    const fresh = await start(browser);
    const replay = new URLSearchParams({ code, state: fresh.searchParams.get('state')!, iss: idp.issuer });
    await expectRefused(browser, await browser.get(`${callbackPath('test')}?${replay}`), 'auth.oidc.failed');
    // The provider refuses the spent code (invalid_grant), whatever else it would say.
    expect(events.at(-1)!.reason).toMatch(/invalid_grant/);
  });

  it('an authorization answer that names another issuer (mix-up)', async () => {
    const browser = ctx.client();
    idp.accounts.set('sub-user', person('user.antwerpen'));
    idp.signInAs = 'sub-user';
    const callback = new URL(await throughProvider((await start(browser)).href, PUBLIC + callbackPath('test')));
    callback.searchParams.set('iss', userinfoIdp.issuer);
    await expectRefused(browser, await browser.get(callback.pathname + callback.search), 'auth.oidc.failed');
    expect(events.at(-1)!.reason).toMatch(/"iss"/);
  });

  it('the provider answers with an error (the person cancelled)', async () => {
    const browser = ctx.client();
    const state = (await start(browser)).searchParams.get('state')!;
    const answer = await browser.get(`${callbackPath('test')}?${new URLSearchParams({ error: 'access_denied', state, iss: idp.issuer })}`);
    await expectRefused(browser, answer, 'auth.oidc.cancelled');
  });
});

describe('who the identity is', () => {
  it.each([
    ['a missing INSZ claim', {}, 'auth.oidc.insz_missing'],
    ['an empty INSZ claim', { insz: '' }, 'auth.oidc.insz_missing'],
    ['an INSZ with a wrong check number', { insz: '85073003399' }, 'auth.oidc.insz_invalid'],
    ['an INSZ claim that is no text', { insz: { value: '85073003328' } }, 'auth.oidc.insz_invalid'],
    ['an INSZ claim with letters', { insz: '8507300332A' }, 'auth.oidc.insz_invalid'],
  ])('%s', async (_what, claims, key) => {
    const browser = ctx.client();
    await expectRefused(browser, (await signIn(browser, `sub-${key}-${JSON.stringify(claims)}`, claims)).answer, key);
  });

  it('a subject is not enough where linking is off, even once linked', async () => {
    const browser = ctx.client();
    await expectSignedIn(browser, (await signIn(browser, 'sub-once', person('user.antwerpen'))).answer, 'user.antwerpen');
    const later = ctx.client();
    await expectRefused(later, (await signIn(later, 'sub-once', {})).answer, 'auth.oidc.insz_missing');
  });

  it('an unknown person: the page that says whom to ask, and no account is created', async () => {
    const before = await countUsers();
    const browser = ctx.client();
    await expectRefused(browser, (await signIn(browser, 'sub-stranger', { insz: inszFromParts('030303', 303, true) })).answer, 'auth.oidc.unknown_person');
    expect(await countUsers()).toBe(before);
    const [links] = await queryRows<{ n: number }>(ctx.database.db, sql`select count(*)::int as n from oidc_identities where subject = 'sub-stranger'`);
    expect(links!.n).toBe(0);
  });

  it('a blocked person (every membership blocked) is refused as with a password', async () => {
    await ctx.database.db.execute(sql`update memberships set status = 'blocked' where user_id = (select id from users where username = 'cotb.antwerpen')`);
    const browser = ctx.client();
    await expectRefused(browser, (await signIn(browser, 'sub-blocked', person('cotb.antwerpen'))).answer, 'auth.no_active_role');
    expect((await ctx.client().login('cotb.antwerpen')).json().error.code).toBe('account_blocked');
  });

  it('a person of an OCMW that starts later is told the date, as with a password (issue 19)', async () => {
    const browser = ctx.client();
    // The demo OCMWs exist from 1 January 1977 (the organic law of 1976): the day before, none is active yet.
    browser.today = '1976-12-31';
    const answer = (await signIn(browser, 'sub-early', person('user.antwerpen'))).answer;
    await expectRefused(browser, answer, 'auth.not_yet_active', 'test', { datum: '1977-01-01' });
  });

  it('a person whose organisation’s access has ended is refused as with a password', async () => {
    await ctx.database.db.execute(sql`
      update organisations set access_ended_on = '2000-01-01'
      where id = (select d.organisation_id from memberships m join domains d on d.id = m.domain_id join users u on u.id = m.user_id where u.username = 'tb.beveren')`);
    const browser = ctx.client();
    await expectRefused(browser, (await signIn(browser, 'sub-ended', person('tb.beveren'))).answer, 'auth.no_active_role');
  });
});

describe('a provider that is down', () => {
  it('the sign-in ends on the problem page (no 5xx), and the local login still works', async () => {
    const browser = ctx.client();
    const answer = await browser.get('/api/v1/session/oidc/down/login');
    await expectRefused(browser, answer, 'auth.oidc.provider_unavailable', 'down');
    expect((await browser.login('user.antwerpen')).statusCode).toBe(200);
  });

  it('a provider that goes down between the authorization and the callback: the problem page, no 5xx, no session', async () => {
    const browser = ctx.client();
    flakyIdp.accounts.set('sub-user', person('user.antwerpen'));
    flakyIdp.signInAs = 'sub-user';
    const callback = (await throughProvider((await start(browser, 'flaky')).href, PUBLIC + callbackPath('flaky'))).slice(PUBLIC.length);
    await flakyIdp.close();
    await expectRefused(browser, await browser.get(callback), 'auth.oidc.provider_unavailable', 'flaky');
    expect((await browser.login('user.antwerpen')).statusCode).toBe(200);
  });

  it('an unknown provider id: 404 with the message, nothing started', async () => {
    const answer = await ctx.client().get('/api/v1/session/oidc/nope/login');
    expect(answer.statusCode).toBe(404);
    expect(answer.json().error.message).toContain('identiteitsprovider');
    expect((await ctx.client().get('/api/v1/session/oidc/nope/callback?code=a&state=b')).statusCode).toBe(404);
  });
});

describe('OCMW_LOCAL_LOGIN=off', () => {
  let off: TestContext;
  beforeAll(async () => {
    off = await createTestContext({ env: { OCMW_PUBLIC_URL: PUBLIC, OCMW_LOCAL_LOGIN: 'off', ...providerEnv('test', idp.issuer), OIDC_PROVIDERS: 'test' } });
  }, 60_000);
  afterAll(() => off?.close());

  it('refuses passwords, right or wrong, of everyone but platform administrators (break-glass)', async () => {
    for (const password of [undefined, 'wrong-password']) {
      const answer = await off.client().login('user.antwerpen', password);
      expect(answer.statusCode).toBe(403);
      expect(answer.json().error.message).toBe('Aanmelden met een wachtwoord is uitgeschakeld. Meld u aan via uw identiteitsprovider (de knoppen op deze pagina).');
    }
    const admin = off.client();
    expect((await admin.login('admin')).statusCode).toBe(200);
    expect((await admin.get('/api/v1/session')).json()).toMatchObject({ authenticated: true, localLogin: false, user: { username: 'admin' } });
    // An administrator's wrong password gets the same answer as anyone's: the answer does not say
    // which names are administrators (only a right administrator password signs in).
    const wrong = await off.client().login('admin', 'wrong-password');
    expect(wrong.statusCode).toBe(403);
    expect(wrong.json().error.message).toBe('Aanmelden met een wachtwoord is uitgeschakeld. Meld u aan via uw identiteitsprovider (de knoppen op deze pagina).');
    expect((await off.client().login('bestaat.niet', 'wrong-password')).statusCode).toBe(403);
  });
});
