import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/db.js';
import { createTestContext, type TestContext } from '../../../test/test-app.js';

let ctx: TestContext;
let wall = new Date('2026-11-28T10:00:00Z');

beforeAll(async () => {
  ctx = await createTestContext({ now: () => wall });
});
afterAll(async () => ctx?.close());

async function setMembershipStatus(username: string, orgNameNl: string, status: 'active' | 'blocked') {
  await queryRows(
    ctx.database.db,
    sql`update memberships m set status = ${status}
        from users u, domains d, organisations o
        where m.user_id = u.id and m.domain_id = d.id and d.organisation_id = o.id
          and u.username = ${username} and o.name_nl = ${orgNameNl}`,
  );
}

describe('session and login (R2.13)', () => {
  it('tells an anonymous visitor the business date and gives a CSRF token', async () => {
    const res = await ctx.client().get('/api/v1/session');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ authenticated: false, user: null, context: null, choices: [] });
    expect(body.csrfToken).toMatch(/^[\w-]{43}$/);
    expect(body.today).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('logs in a person with one role straight into that role, with safe cookie flags', async () => {
    const client = ctx.client();
    const res = await client.login('tb.antwerpen');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.authenticated).toBe(true);
    expect(body.context).toMatchObject({ role: 'TB', organisation: { kbo: '0212235604' }, domain: { code: 'MW' } });
    const cookie = res.cookies.find((c) => c.name === 'ocmw_session')!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect((await client.get('/api/v1/mergers')).statusCode).toBe(200);
  });

  it('refuses a wrong password and an unknown user with the same message', async () => {
    const wrong = await ctx.client().login('tb.beveren', 'not-the-password');
    const unknown = await ctx.client().login('nobody.here', 'not-the-password');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().error.message).toBe(unknown.json().error.message);
    expect(wrong.json().error.code).toBe('unauthenticated');
  });

  it('answers in the language the browser asks for (issue 18: the service says a key, the edge writes it)', async () => {
    const refusals = {
      nl: 'Gebruikersnaam of wachtwoord is onjuist. Controleer beide en probeer opnieuw.',
      fr: "Nom d'utilisateur ou mot de passe incorrect. Vérifiez les deux et réessayez.",
      de: 'Benutzername oder Passwort ist falsch. Prüfen Sie beide und versuchen Sie es erneut.',
    };
    for (const language of ['nl', 'fr', 'de'] as const) {
      const client = ctx.client();
      client.language = language;
      // Unknown names, so the tries count against no real account's throttle.
      const res = await client.login(`nobody.${language}`, 'not-the-password');
      expect(res.json().error).toEqual({ code: 'unauthenticated', message: refusals[language] });
    }
  });

  it('refuses a login without the CSRF token', async () => {
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/session/login',
      payload: { username: 'tb.antwerpen', password: 'Demo-Portaal-2025!' },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('csrf');
  });

  it('refuses a bad body with a message per field', async () => {
    const client = ctx.client();
    await client.get('/api/v1/session');
    const res = await client.post('/api/v1/session/login', { username: '', extra: 1 });
    expect(res.statusCode).toBe(400);
    const { error } = res.json();
    expect(error.code).toBe('validation');
    expect(Object.keys(error.fields).sort()).toEqual(['extra', 'password', 'username']);
  });

  it('throttles a name from a source after 5 failures, even with the right password, until the delay has run out', async () => {
    for (let i = 0; i < 5; i++) expect((await ctx.client().login('tb.kruibeke', 'wrong-password')).statusCode).toBe(401);
    const locked = await ctx.client().login('tb.kruibeke');
    expect(locked.statusCode).toBe(429);
    expect(locked.json().error.code).toBe('rate_limited');
    expect(locked.json().error.message).toMatch(/^Te veel mislukte pogingen\. Probeer opnieuw over [\d.]+ seconden\.$/);
    wall = new Date(wall.getTime() + 16 * 60_000);
    expect((await ctx.client().login('tb.kruibeke')).statusCode).toBe(200);
  });

  // The lockout against 50 parallel wrong attempts: test/security.int.test.ts ("login lockout").

  it('refuses a person whose only role is blocked (R2.7)', async () => {
    await setMembershipStatus('tb.herne', 'OCMW Herne', 'blocked');
    const client = ctx.client();
    client.language = 'fr';
    const res = await client.login('tb.herne');
    expect(res.statusCode).toBe(403);
    expect(res.json().error).toEqual({
      code: 'account_blocked',
      message: "Vous n'avez aucun accès actif : tous vos rôles sont bloqués ou terminés. Contactez votre gestionnaire d'accès.",
    });
    await setMembershipStatus('tb.herne', 'OCMW Herne', 'active');
    expect((await ctx.client().login('tb.herne')).statusCode).toBe(200);
  });

  it('tells the imported HTB of a new OCMW when it becomes active, not that her roles ended (issue 19)', async () => {
    // tb.herne's only live role is blocked; a co-HTB role in OCMW Pajottegem (scenario 1) starts on 2025-01-01.
    await setMembershipStatus('tb.herne', 'OCMW Herne', 'blocked');
    const grant = sql`insert into organisation_managers (organisation_id, user_id, role)
        select o.id, u.id, 'CO_HTB' from organisations o, users u
        where o.name_nl = 'OCMW Pajottegem' and u.username = 'tb.herne'`;
    await queryRows(ctx.database.db, grant);
    try {
      for (const [language, text] of [
        ['nl', 'Uw OCMW wordt actief op 01/01/2025. Vanaf die dag kunt u zich aanmelden en aan de slag gaan.'],
        ['de', 'Ihr ÖSHZ wird am 01.01.2025 aktiv. Ab diesem Tag können Sie sich anmelden und loslegen.'],
      ] as const) {
        const before = ctx.client();
        before.today = '2024-12-31';
        before.language = language;
        const res = await before.login('tb.herne');
        expect(res.statusCode).toBe(403);
        expect(res.json().error).toEqual({ code: 'account_blocked', message: text });
      }
      const after = ctx.client();
      after.today = '2025-01-01';
      expect((await after.login('tb.herne')).json().context).toMatchObject({ role: 'CO_HTB', organisation: { name: { nl: 'OCMW Pajottegem' } } });
    } finally {
      await queryRows(
        ctx.database.db,
        sql`delete from organisation_managers om using organisations o, users u
            where om.organisation_id = o.id and om.user_id = u.id and o.name_nl = 'OCMW Pajottegem' and u.username = 'tb.herne'`,
      );
      await setMembershipStatus('tb.herne', 'OCMW Herne', 'active');
    }
  });
});

describe('organisation choice and switch (R2.13)', () => {
  it('lets the two-OCMW person choose, and refuses API calls until then', async () => {
    const client = ctx.client();
    const login = (await client.login('an.peeters')).json();
    expect(login.context).toBeNull();
    expect(login.choices.map((c: { organisation: { name: { nl: string } } }) => c.organisation.name.nl).sort()).toEqual([
      'OCMW Antwerpen',
      'OCMW Borsbeek',
    ]);
    const borsbeek = login.choices.find((c: { organisation: { name: { nl: string } } }) => c.organisation.name.nl === 'OCMW Borsbeek');
    expect(borsbeek.organisation).toMatchObject({ status: 'disappearing', isDemo: true });

    const before = await client.get('/api/v1/mergers');
    expect(before.statusCode).toBe(403);
    expect(before.json().error.code).toBe('context_required');

    const oldCookie = client.cookies.get('ocmw_session');
    const chosen = await client.post('/api/v1/session/context', { choiceId: borsbeek.id });
    expect(chosen.statusCode).toBe(200);
    expect(chosen.json().context.organisation.name.nl).toBe('OCMW Borsbeek');
    // A new session id on every choice: no session fixation.
    expect(client.cookies.get('ocmw_session')).not.toBe(oldCookie);
    const stale = await ctx.app.inject({ method: 'GET', url: '/api/v1/mergers', cookies: { ocmw_session: oldCookie! } });
    expect(stale.statusCode).toBe(401);
    expect((await client.get('/api/v1/mergers')).statusCode).toBe(200);

    // Switch without logging in again.
    const antwerpen = login.choices.find((c: { organisation: { name: { nl: string } } }) => c.organisation.name.nl === 'OCMW Antwerpen');
    const switched = await client.post('/api/v1/session/context', { choiceId: antwerpen.id });
    expect(switched.json().context.organisation.kbo).toBe('0212235604');
  });

  it('refuses a choice that is not the person’s, in the person’s own language when the browser asks for none', async () => {
    const client = ctx.client();
    await client.login('an.peeters');
    const bogus = { choiceId: 'HTB:00000000-0000-0000-0000-000000000000:-' };
    const res = await client.post('/api/v1/session/context', bogus);
    expect(res.statusCode).toBe(403);
    expect(res.json().error.message).toBe('Deze keuze is niet (meer) beschikbaar. Kies een organisatie en rol uit de lijst.');
    await queryRows(ctx.database.db, sql`update users set language = 'de' where username = 'an.peeters'`);
    try {
      client.language = '';
      expect((await client.post('/api/v1/session/context', bogus)).json().error).toEqual({
        code: 'forbidden',
        message: 'Diese Auswahl ist nicht (mehr) verfügbar. Wählen Sie eine Organisation und eine Rolle aus der Liste.',
      });
    } finally {
      await queryRows(ctx.database.db, sql`update users set language = 'nl' where username = 'an.peeters'`);
    }
  });

  it('refuses another organisation’s data than the one chosen', async () => {
    const client = ctx.client();
    const borsbeek = await client.loginAs('an.peeters', 'Borsbeek');
    const antwerpenId = borsbeek.choices.find((c: { organisation: { name: { nl: string } } }) => c.organisation.name.nl === 'OCMW Antwerpen').organisation.id;
    expect((await client.get(`/api/v1/organisations/${borsbeek.context.organisation.id}`)).statusCode).toBe(200);
    const other = await client.get(`/api/v1/organisations/${antwerpenId}`);
    expect(other.statusCode).toBe(403);
    expect(other.json().error.code).toBe('forbidden');
  });

  it('ends the use of a domain at once when the membership is blocked (R2.7)', async () => {
    const client = ctx.client();
    await client.loginAs('an.peeters', 'Borsbeek');
    expect((await client.get('/api/v1/mergers')).statusCode).toBe(200);
    await setMembershipStatus('an.peeters', 'OCMW Borsbeek', 'blocked');
    const res = await client.get('/api/v1/mergers');
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('context_required');
    // The other OCMW is unaffected: the only remaining choice.
    const session = (await client.get('/api/v1/session')).json();
    expect(session.choices.map((c: { organisation: { name: { nl: string } } }) => c.organisation.name.nl)).toEqual(['OCMW Antwerpen']);
    await setMembershipStatus('an.peeters', 'OCMW Borsbeek', 'active');
  });

  it('refuses API calls without a session', async () => {
    const res = await ctx.client().get('/api/v1/mergers');
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('unauthenticated');
  });

  it('logs out on the server: the old cookie no longer works', async () => {
    const client = ctx.client();
    await client.login('tb.antwerpen');
    const cookie = client.cookies.get('ocmw_session')!;
    expect((await client.post('/api/v1/session/logout')).statusCode).toBe(204);
    const res = await ctx.app.inject({ method: 'GET', url: '/api/v1/mergers', cookies: { ocmw_session: cookie } });
    expect(res.statusCode).toBe(401);
  });

  it('offers the administrator the Portaalbeheer role', async () => {
    const session = (await ctx.client().login('admin')).json();
    expect(session.context).toMatchObject({ role: 'ADMIN', organisation: null });
  });
});

describe('business clock per request (test mode)', () => {
  it('takes the date from x-ocmw-today, and refuses a bad one', async () => {
    const client = ctx.client();
    client.today = '2024-12-31';
    expect((await client.get('/api/v1/session')).json().today).toBe('2024-12-31');
    client.today = '2024-13-01';
    const bad = await client.get('/api/v1/session');
    expect(bad.statusCode).toBe(400);
  });

  it('offers an organisation only from its start date', async () => {
    // OCMW Pajottegem starts on 2025-01-01: give tb.gooik a role there and look before and after.
    await queryRows(
      ctx.database.db,
      sql`insert into organisation_managers (organisation_id, user_id, role)
          select o.id, u.id, 'CO_HTB' from organisations o, users u
          where o.name_nl = 'OCMW Pajottegem' and u.username = 'tb.gooik'`,
    );
    const client = ctx.client();
    client.today = '2024-12-31';
    expect((await client.login('tb.gooik')).json().context.organisation.name.nl).toBe('OCMW Gooik');
    const after = ctx.client();
    after.today = '2025-01-01';
    const names = (await after.login('tb.gooik')).json().choices.map((c: { organisation: { name: { nl: string } } }) => c.organisation.name.nl);
    expect(names.sort()).toEqual(['OCMW Gooik', 'OCMW Pajottegem']);
  });
});
