import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/db.js';
import { createTestContext, type TestContext } from '../../../test/test-app.js';
import { renderFields } from '../../cli/render-error.js';
import { hashToken } from './auth.service.js';

const GOOD = 'Mijn-Eigen-Wachtwoord-2026';

describe('first administrator (ocmw admin create) and temporary passwords (issue 16)', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext();
  });
  afterAll(async () => ctx?.close());

  /** The setup page: an anonymous browser (its CSRF token from GET /session) posts the link's token. */
  const setup = async (token: string, newPassword = GOOD, newPasswordConfirm = newPassword) => {
    const browser = ctx.client();
    await browser.get('/api/v1/session');
    return browser.post('/api/v1/session/setup-password', { token, newPassword, newPasswordConfirm });
  };

  it('creates a platform administrator with a one-time setup link; the token is stored hashed', async () => {
    const r = await ctx.services.firstStart.createAdmin({ username: 'eerste.beheerder', email: 'beheer@ocmw.example' });
    expect(r.path).toBe(`/wachtwoord/instellen#${r.token}`);
    const rows = await queryRows<{ token_hash: string; admin: boolean }>(
      ctx.database.db,
      sql`select t.token_hash, u.is_platform_admin as admin from setup_tokens t join users u on u.id = t.user_id where u.username = 'eerste.beheerder'`,
    );
    expect(rows).toEqual([{ token_hash: hashToken(r.token), admin: true }]);
    // Nobody can log in before the link is used.
    expect((await ctx.client().login('eerste.beheerder', GOOD)).statusCode).toBe(401);

    // A weak password or a mismatch: 400 naming the field, and the link still works.
    const weak = await setup(r.token, 'kort');
    expect(weak.statusCode).toBe(400);
    expect(Object.keys(weak.json().error.fields)).toEqual(['newPassword']);
    expect(Object.keys((await setup(r.token, GOOD, `${GOOD}x`)).json().error.fields)).toEqual(['newPasswordConfirm']);

    expect((await setup(r.token)).statusCode).toBe(204);
    const session = (await ctx.client().login('eerste.beheerder', GOOD)).json();
    expect(session).toMatchObject({ authenticated: true, mustChangePassword: false, context: { role: 'ADMIN' } });

    // Single use.
    const again = await setup(r.token, `${GOOD}!`);
    expect(again.statusCode).toBe(400);
    expect(Object.keys(again.json().error.fields)).toEqual(['token']);
  });

  it('refuses an unknown or expired link (400 naming the token) and a taken username or bad e-mail', async () => {
    expect((await setup('bestaat-niet')).json().error.fields).toEqual({
      token: 'Deze link om een wachtwoord in te stellen is onbekend, verlopen of al gebruikt. Vraag de beheerder van het platform een nieuwe link.',
    });
    const r = await ctx.services.firstStart.createAdmin({ username: 'tweede.beheerder', email: 'b2@ocmw.example' });
    await ctx.database.db.execute(sql`update setup_tokens set expires_at = now() - interval '1 minute' where token_hash = ${hashToken(r.token)}`);
    const expired = await setup(r.token);
    expect(expired.statusCode).toBe(400);
    expect(expired.json().error.fields).toHaveProperty('token');
    // The service says what is wrong with keys; the CLI's edge writes it in the --lang language.
    const refusal = (input: { username: string; email: string }) => ctx.services.firstStart.createAdmin(input).then(() => expect.fail('accepted'), (e: unknown) => e);
    const taken = await refusal({ username: 'Tweede.Beheerder', email: 'b3@ocmw.example' });
    expect(taken).toMatchObject({ code: 'validation' });
    expect(renderFields(taken, 'nl')).toEqual({ username: 'Deze gebruikersnaam is al in gebruik.' });
    expect(renderFields(taken, 'fr')).toEqual({ username: "Ce nom d'utilisateur est déjà utilisé." });
    const bad = await refusal({ username: '-x', email: 'geen-adres' });
    expect(renderFields(bad, 'de')).toEqual({
      username: 'Ein Benutzername beginnt mit einem Buchstaben oder einer Ziffer und hat 2 bis 64 Buchstaben, Ziffern, Punkte, Bindestriche oder Unterstriche.',
      email: 'Geben Sie eine gültige E-Mail-Adresse ein, zum Beispiel name@ocmw.be.',
    });
  });

  it('writes the setup page’s refusals in the reader’s language', async () => {
    const browser = ctx.client();
    browser.language = 'fr';
    await browser.get('/api/v1/session');
    const r = await ctx.services.firstStart.createAdmin({ username: 'vier.b', email: 'b4@ocmw.example' });
    const weak = await browser.post('/api/v1/session/setup-password', { token: r.token, newPassword: 'vier.b', newPasswordConfirm: 'autre' });
    expect(weak.json().error).toEqual({
      code: 'validation',
      message: 'Certains champs ne sont pas correctement remplis.',
      fields: {
        newPassword: "Un mot de passe compte au moins 12 caractères. Le mot de passe ne peut pas être identique au nom d'utilisateur.",
        newPasswordConfirm: 'Les deux mots de passe ne sont pas identiques.',
      },
    });
  });

  it('a temporary password allows only the password change until the person chose their own', async () => {
    await ctx.database.db.execute(sql`update users set must_change_password = true where username = 'user.antwerpen'`);
    const c = ctx.client();
    const login = await c.login('user.antwerpen');
    expect(login.statusCode).toBe(200);
    expect(login.json().mustChangePassword).toBe(true);
    const blocked = await c.get('/api/v1/me');
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().error.code).toBe('password_change_required');
    expect((await c.get('/api/v1/session')).json().mustChangePassword).toBe(true);

    const { DEMO_PASSWORD } = await import('../../seed/demo.js');
    expect((await c.post('/api/v1/me/password', { currentPassword: DEMO_PASSWORD, newPassword: GOOD, newPasswordConfirm: GOOD })).statusCode).toBe(204);
    expect((await c.get('/api/v1/session')).json().mustChangePassword).toBe(false);
    expect((await c.get('/api/v1/me')).statusCode).toBe(200);
  });

  it('the HTB import gives new people a temporary password they must change', async () => {
    const created = await ctx.services.management.ensurePerson(ctx.database.db, { insz: '85073003328', surname: 'Nieuw', firstName: 'Iemand', email: 'n@ocmw.example' });
    expect(created.created).not.toBeNull();
    const [row] = await queryRows<{ must: boolean }>(ctx.database.db, sql`select must_change_password as must from users where id = ${created.userId}`);
    expect(row).toEqual({ must: true });
  });
});
