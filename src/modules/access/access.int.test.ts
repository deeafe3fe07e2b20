import { auditMessages } from '../audit/index.js';
import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/db.js';
import { inszFromParts } from '../../shared/identifiers.js';
import { createTestContext, type TestClient, type TestContext } from '../../../test/test-app.js';

let ctx: TestContext;
let mw: string; // the Maatschappelijk Welzijn domain of OCMW Antwerpen
let tb: TestClient;

const NEW_PASSWORD = 'Zonnebloem-Veld-77';
let serial = 100;
function newInsz() {
  return inszFromParts('900101', serial++);
}

function newUserBody(insz: string, username: string, extra: Record<string, unknown> = {}) {
  return {
    insz,
    type: 'USER',
    applications: ['ebox', 'sociale-agent'],
    person: {
      username,
      usernameConfirm: username,
      password: NEW_PASSWORD,
      passwordConfirm: NEW_PASSWORD,
      surname: 'Verstraete',
      firstName: 'Lotte',
      title: 'MEVROUW',
      language: 'nl',
      email: `${username}@demo.example`,
    },
    ...extra,
  };
}

beforeAll(async () => {
  ctx = await createTestContext();
  tb = ctx.client();
  const s = await tb.loginAs('tb.antwerpen');
  mw = s.context.domain.id;
});
afterAll(async () => ctx?.close());

describe('adding a user (R2.4, R2.5)', () => {
  it('validates, shows the review, and only writes on confirm', async () => {
    const insz = newInsz();
    const review = await tb.post(`/api/v1/access/domains/${mw}/users/validate`, newUserBody(insz, 'lotte.v'));
    expect(review.statusCode).toBe(200);
    expect(review.json()).toMatchObject({ person: { isNew: true, username: 'lotte.v', surname: 'Verstraete' }, type: 'USER', applications: ['ebox', 'sociale-agent'] });
    const lookup = await tb.post(`/api/v1/access/domains/${mw}/persons/lookup`, { insz });
    expect(lookup.json()).toMatchObject({ exists: false, isMember: false });

    const created = await tb.post(`/api/v1/access/domains/${mw}/users`, newUserBody(insz, 'lotte.v'));
    expect(created.statusCode).toBe(201);
    const list = (await tb.get(`/api/v1/access/domains/${mw}/users?username=lotte`)).json();
    expect(list.total).toBe(1);
    expect(list.items[0]).toMatchObject({ username: 'lotte.v', type: 'USER', typeLabel: 'USER', status: 'active', applications: ['ebox', 'sociale-agent'] });

    // The new person can log in, straight into the one role.
    const lotte = ctx.client();
    const session = (await lotte.login('lotte.v', NEW_PASSWORD)).json();
    expect(session.context).toMatchObject({ role: 'USER', organisation: { kbo: '0212235604' }, applications: ['ebox', 'sociale-agent'] });
  });

  it('names every failing field: usernames and passwords that differ, a weak password, a taken username', async () => {
    const body = newUserBody(newInsz(), 'htb.antwerpen');
    body.person.passwordConfirm = 'something-else-entirely';
    body.person.password = 'Wachtwoord1234';
    const res = await tb.post(`/api/v1/access/domains/${mw}/users/validate`, body);
    expect(res.statusCode).toBe(400);
    const { fields } = res.json().error;
    expect(fields).toMatchObject({
      'person.username': 'Deze gebruikersnaam is al in gebruik.',
      'person.passwordConfirm': 'De twee wachtwoorden zijn niet gelijk.',
      'person.password': expect.stringContaining('te vaak gebruikt'),
    });
    const mismatch = newUserBody(newInsz(), 'nieuw.persoon');
    mismatch.person.usernameConfirm = 'nieuw.persoon2';
    expect((await tb.post(`/api/v1/access/domains/${mw}/users/validate`, mismatch)).json().error.fields).toHaveProperty('person.usernameConfirm');
  });

  it('refuses a bad INSZ and an unknown application at the field, and changes nothing', async () => {
    const before = (await tb.get(`/api/v1/access/domains/${mw}/users`)).json().total;
    const res = await tb.post(`/api/v1/access/domains/${mw}/users`, { ...newUserBody('85073003329', 'x.y.z'), applications: ['tovenarij'] });
    expect(res.statusCode).toBe(400);
    expect(Object.keys(res.json().error.fields).sort()).toEqual(['applications.0', 'insz']);
    expect((await tb.get(`/api/v1/access/domains/${mw}/users`)).json().total).toBe(before);
  });

  it('asks for the person’s data when the INSZ is new', async () => {
    const res = await tb.post(`/api/v1/access/domains/${mw}/users/validate`, { insz: newInsz(), type: 'USER', applications: [] });
    expect(res.json().error.fields).toEqual({ person: expect.stringContaining('nog niet gekend') });
  });

  it('reuses a person known elsewhere instead of creating a second one', async () => {
    const [beveren] = await queryRows<{ insz: string; id: string }>(ctx.database.db, sql`select insz, id from users where username = 'tb.beveren'`);
    const lookup = (await tb.post(`/api/v1/access/domains/${mw}/persons/lookup`, { insz: beveren!.insz })).json();
    expect(lookup).toMatchObject({ exists: true, surname: expect.any(String), isMember: false });
    const res = await tb.post(`/api/v1/access/domains/${mw}/users`, { insz: beveren!.insz, type: 'USER', applications: ['ebox'] });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ userId: beveren!.id, person: { isNew: false, email: null } });
    const [{ n }] = (await queryRows<{ n: number }>(ctx.database.db, sql`select count(*)::int as n from users where insz = ${beveren!.insz}`)) as [{ n: number }];
    expect(n).toBe(1);
    // A second time: already a member.
    const again = await tb.post(`/api/v1/access/domains/${mw}/users/validate`, { insz: beveren!.insz, type: 'USER', applications: [] });
    expect(again.json().error.fields.insz).toBe('Deze persoon heeft al toegang tot dit domein. Wijzig zijn toegang in de gebruikerslijst.');
  });
});

describe('roles (R2.3, R2.4)', () => {
  it('lets a co-TB add users but not co-TBs, and not remove anyone', async () => {
    const cotb = ctx.client();
    await cotb.loginAs('cotb.antwerpen');
    const added = await cotb.post(`/api/v1/access/domains/${mw}/users`, newUserBody(newInsz(), 'door.cotb'));
    expect(added.statusCode).toBe(201);
    const coTb = await cotb.post(`/api/v1/access/domains/${mw}/users/validate`, { ...newUserBody(newInsz(), 'co.tb.x'), type: 'CO_TB' });
    expect(coTb.statusCode).toBe(403);
    const userId = added.json().userId;
    const removed = await cotb.request({ method: 'DELETE', url: `/api/v1/access/domains/${mw}/users/${userId}` });
    expect(removed.statusCode).toBe(403);
    expect(removed.json().error.message).toContain('co-toegangsbeheerder kan geen gebruikers verwijderen');
    const blocked = await cotb.request({ method: 'PATCH', url: `/api/v1/access/domains/${mw}/users/${userId}`, payload: { status: 'blocked' } });
    expect(blocked.json()).toMatchObject({ status: 'blocked' });
  });

  it('only lets the (co-)HTB change the TB; the old TB stays as co-TB', async () => {
    const insz = newInsz();
    const denied = await tb.post(`/api/v1/access/domains/${mw}/tb/validate`, { insz, person: newUserBody(insz, 'nieuwe.tb').person });
    expect(denied.statusCode).toBe(403);

    const htb = ctx.client();
    await htb.loginAs('htb.antwerpen');
    const review = await htb.post(`/api/v1/access/domains/${mw}/tb/validate`, { insz, person: newUserBody(insz, 'nieuwe.tb').person });
    expect(review.statusCode).toBe(200);
    const done = await htb.request({ method: 'PUT', url: `/api/v1/access/domains/${mw}/tb`, payload: { insz, person: newUserBody(insz, 'nieuwe.tb').person } });
    expect(done.statusCode).toBe(200);
    const list = (await htb.get(`/api/v1/access/domains/${mw}/users?type=TB`)).json();
    expect(list.items.map((i: { username: string }) => i.username)).toEqual(['nieuwe.tb']);
    const old = (await htb.get(`/api/v1/access/domains/${mw}/users?username=tb.antwerpen`)).json();
    expect(old.items[0]).toMatchObject({ type: 'CO_TB', typeLabel: 'Co-LB' });
    // Put the demo TB back for the other tests.
    const [demo] = await queryRows<{ insz: string }>(ctx.database.db, sql`select insz from users where username = 'tb.antwerpen'`);
    expect((await htb.request({ method: 'PUT', url: `/api/v1/access/domains/${mw}/tb`, payload: { insz: demo!.insz } })).statusCode).toBe(200);
    tb = ctx.client();
    await tb.loginAs('tb.antwerpen');
  });

  it('keeps another organisation’s domain invisible (404), even to its managers', async () => {
    const beveren = ctx.client();
    await beveren.loginAs('tb.beveren', 'Beveren');
    expect((await beveren.get(`/api/v1/access/domains/${mw}/users`)).statusCode).toBe(404);
    expect((await beveren.get(`/api/v1/access/domains/${mw}`)).statusCode).toBe(404);
    const user = ctx.client();
    await user.loginAs('user.antwerpen');
    expect((await user.get(`/api/v1/access/domains/${mw}/users`)).statusCode).toBe(403);
  });
});

describe('bulk actions (R2.10)', () => {
  it('reports per user, refuses the TB and oneself, and blocks the rest', async () => {
    const ids = await queryRows<{ id: string; username: string }>(
      ctx.database.db,
      sql`select id, username from users where username in ('tb.antwerpen', 'user.antwerpen', 'an.peeters', 'cotb.antwerpen')`,
    );
    const id = (u: string) => ids.find((r) => r.username === u)!.id;
    const res = await tb.post(`/api/v1/access/domains/${mw}/users/bulk`, {
      action: 'block',
      userIds: [id('tb.antwerpen'), id('user.antwerpen'), id('an.peeters'), id('cotb.antwerpen')],
    });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    const outcome = (u: string) => body.results.find((r: { userId: string }) => r.userId === id(u));
    expect(outcome('tb.antwerpen')).toMatchObject({ outcome: 'refused', reason: expect.stringContaining('blokkeren') });
    expect(outcome('user.antwerpen').outcome).toBe('done');
    expect(outcome('an.peeters').outcome).toBe('done');
    expect(outcome('cotb.antwerpen').outcome).toBe('done');
    expect(body).toMatchObject({ done: 3, refused: 1 });

    // Blocked: user.antwerpen can no longer log in here; an.peeters still has Borsbeek.
    expect((await ctx.client().login('user.antwerpen')).statusCode).toBe(403);
    const an = (await ctx.client().login('an.peeters')).json();
    expect(an.context.organisation.name.nl).toBe('OCMW Borsbeek');

    const again = (await tb.post(`/api/v1/access/domains/${mw}/users/bulk`, { action: 'block', userIds: [id('user.antwerpen')] })).json();
    expect(again.results[0].outcome).toBe('unchanged');
    const unblock = (await tb.post(`/api/v1/access/domains/${mw}/users/bulk`, { action: 'unblock', userIds: [id('user.antwerpen'), id('an.peeters'), id('cotb.antwerpen')] })).json();
    expect(unblock.done).toBe(3);
  });

  it('adds and removes applications, and needs at least one', async () => {
    const [u] = await queryRows<{ id: string }>(ctx.database.db, sql`select id from users where username = 'user.antwerpen'`);
    const add = (await tb.post(`/api/v1/access/domains/${mw}/users/bulk`, { action: 'addApplications', userIds: [u!.id], applications: ['chaman', 'ebox'] })).json();
    expect(add.done).toBe(1);
    const detail = (await tb.get(`/api/v1/access/domains/${mw}/users/${u!.id}`)).json();
    expect(detail.applications).toEqual(['chaman', 'ebox', 'ocmw-online', 'sociale-agent']);
    const rm = (await tb.post(`/api/v1/access/domains/${mw}/users/bulk`, { action: 'removeApplications', userIds: [u!.id], applications: ['chaman'] })).json();
    expect(rm.done).toBe(1);
    const none = await tb.post(`/api/v1/access/domains/${mw}/users/bulk`, { action: 'addApplications', userIds: [u!.id] });
    expect(none.statusCode).toBe(400);
    expect(none.json().error.fields).toHaveProperty('applications');
  });
});

describe('the user list (R2.9) and its export (R2.11)', () => {
  it('filters, sorts and pages, and counts what it found', async () => {
    const all = (await tb.get(`/api/v1/access/domains/${mw}/users?pageSize=100`)).json();
    expect(all.total).toBeGreaterThanOrEqual(5);
    const page1 = (await tb.get(`/api/v1/access/domains/${mw}/users?pageSize=2&sort=username&order=desc`)).json();
    expect(page1.items).toHaveLength(2);
    const sorted = [...all.items.map((i: { username: string }) => i.username)].sort().reverse();
    expect(page1.items.map((i: { username: string }) => i.username)).toEqual(sorted.slice(0, 2));
    const apps = (await tb.get(`/api/v1/access/domains/${mw}/users?application=sociale-agent&status=active&pageSize=100`)).json();
    expect(apps.items.every((i: { applications: string[] }) => i.applications.includes('sociale-agent'))).toBe(true);
    const byInsz = await queryRows<{ insz: string }>(ctx.database.db, sql`select insz from users where username = 'an.peeters'`);
    const shown = byInsz[0]!.insz.replace(/(\d{2})(\d{2})(\d{2})(\d{3})(\d{2})/, '$1.$2.$3-$4.$5');
    const one = (await tb.post(`/api/v1/access/domains/${mw}/users/search`, { insz: shown })).json();
    expect(one.items.map((i: { username: string }) => i.username)).toEqual(['an.peeters']);
    // Issue 24: the INSZ in a body only; the GETs refuse it naming the field.
    for (const url of [`/api/v1/access/domains/${mw}/users?insz=${byInsz[0]!.insz}`, `/api/v1/access/domains/${mw}/users/export?format=csv&insz=${byInsz[0]!.insz}`]) {
      const refused = await tb.get(url);
      expect(refused.statusCode, url).toBe(400);
      expect(Object.keys(refused.json().error.fields), url).toEqual(['insz']);
    }
    const file = await tb.post(`/api/v1/access/domains/${mw}/users/export`, { insz: shown, format: 'csv' });
    expect(file.statusCode).toBe(200);
    expect(file.body).toContain('an.peeters');
    expect(file.body.trim().split('\n')).toHaveLength(2);
    const bad = await tb.post(`/api/v1/access/domains/${mw}/users/search`, { insz: '85073003329', pageSize: 1000 });
    expect(bad.statusCode).toBe(400);
    expect(Object.keys(bad.json().error.fields).sort()).toEqual(['insz', 'pageSize']);
    expect((await tb.get(`/api/v1/access/domains/${mw}/users?pageSize=1000`)).statusCode).toBe(400);
    expect((await tb.get(`/api/v1/access/domains/${mw}/users?sort=password`)).statusCode).toBe(400);
  });

  it('exports CSV with a BOM and XLSX with the screen’s columns', async () => {
    const csv = await tb.get(`/api/v1/access/domains/${mw}/users/export?format=csv&type=USER`);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const lines = csv.rawPayload.toString('utf8').slice(1).trim().split('\n');
    expect(lines[0]).toBe('Naam;Voornaam;Gebruikersnaam;Type;INSZ;Status;Beveiligde toepassingen');
    expect(lines.slice(1).every((l) => l.split(';')[3] === 'USER')).toBe(true);

    const xlsx = await tb.get(`/api/v1/access/domains/${mw}/users/export?format=xlsx`);
    expect(xlsx.headers['content-disposition']).toMatch(/attachment; filename="gebruikers-0212235604-MW-.*\.xlsx"/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(1).values).toEqual([undefined, 'Naam', 'Voornaam', 'Gebruikersnaam', 'Type', 'INSZ', 'Status', 'Beveiligde toepassingen']);
    const total = (await tb.get(`/api/v1/access/domains/${mw}/users`)).json().total;
    expect(ws.rowCount).toBe(total + 1);
  });
});

describe('audit log (R2.12)', () => {
  it('records who did what with before and after, readable by the TB', async () => {
    const page = (await tb.get('/api/v1/access/audit?pageSize=100')).json();
    const actions = page.items.map((i: { action: string }) => i.action);
    expect(actions).toEqual(expect.arrayContaining(['member.add', 'person.create', 'member.block', 'member.unblock', 'tb.appointed', 'tb.replaced', 'member.applications']));
    const block = page.items.find((i: { action: string }) => i.action === 'member.block');
    expect(block).toMatchObject({ actorUsername: 'tb.antwerpen', actorRole: 'TB', before: { status: 'active' }, after: { status: 'blocked' } });
    const xlsx = await tb.get('/api/v1/access/audit/export?format=xlsx');
    expect(xlsx.statusCode).toBe(200);
  });

  it('is append-only: the database refuses UPDATE and DELETE', async () => {
    const appendOnly = { cause: expect.objectContaining({ message: expect.stringMatching(/append-only/) }) };
    await expect(queryRows(ctx.database.db, sql`update audit_log set action = 'x'`)).rejects.toMatchObject(appendOnly);
    await expect(queryRows(ctx.database.db, sql`delete from audit_log`)).rejects.toMatchObject(appendOnly);
  });

  it('is not readable by a user or a co-TB', async () => {
    const user = ctx.client();
    await user.loginAs('user.antwerpen');
    expect((await user.get('/api/v1/access/audit')).statusCode).toBe(403);
    const cotb = ctx.client();
    await cotb.loginAs('cotb.antwerpen');
    expect((await cotb.get('/api/v1/access/audit')).statusCode).toBe(403);
  });
});

describe('domain home and own data', () => {
  it('shows the domain home and lets the TB (not a co-TB) change its contact e-mail', async () => {
    const home = (await tb.get(`/api/v1/access/domains/${mw}`)).json();
    expect(home).toMatchObject({ organisation: { kboFormatted: '0212.235.604' }, domain: { code: 'MW', name: 'Maatschappelijk Welzijn' } });
    const changed = await tb.request({ method: 'PATCH', url: `/api/v1/access/domains/${mw}`, payload: { contactEmail: 'welzijn@antwerpen.demo.example' } });
    expect(changed.json().domain.contactEmail).toBe('welzijn@antwerpen.demo.example');
    const bad = await tb.request({ method: 'PATCH', url: `/api/v1/access/domains/${mw}`, payload: { contactEmail: 'geen-adres' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields).toHaveProperty('contactEmail');
    const cotb = ctx.client();
    await cotb.loginAs('cotb.antwerpen');
    expect((await cotb.request({ method: 'PATCH', url: `/api/v1/access/domains/${mw}`, payload: { contactEmail: 'x@y.be' } })).statusCode).toBe(403);
  });

  it('changes one’s own password: the current one is required, the policy applies, other sessions end', async () => {
    const first = ctx.client();
    await first.loginAs('htb.kruibeke');
    const second = ctx.client();
    await second.loginAs('htb.kruibeke');
    const wrong = await first.post('/api/v1/me/password', { currentPassword: 'nope', newPassword: 'kort', newPasswordConfirm: 'anders' });
    expect(wrong.statusCode).toBe(400);
    expect(Object.keys(wrong.json().error.fields).sort()).toEqual(['currentPassword', 'newPassword', 'newPasswordConfirm']);
    const ok = await first.post('/api/v1/me/password', { currentPassword: 'Demo-Portaal-2025!', newPassword: NEW_PASSWORD, newPasswordConfirm: NEW_PASSWORD });
    expect(ok.statusCode).toBe(204);
    expect((await first.get('/api/v1/me')).statusCode).toBe(200);
    expect((await second.get('/api/v1/me')).statusCode).toBe(401);
    expect((await ctx.client().login('htb.kruibeke', NEW_PASSWORD)).statusCode).toBe(200);
  });

  it('changes one’s own personal data', async () => {
    const me = ctx.client();
    await me.loginAs('user.antwerpen');
    const res = await me.request({ method: 'PUT', url: '/api/v1/me', payload: { surname: 'Janssens', firstName: 'Eva', title: null, language: 'fr', email: 'eva@demo.example' } });
    expect(res.json()).toMatchObject({ surname: 'Janssens', language: 'fr', username: 'user.antwerpen' });
  });
});

describe('co-HTBs (R2.1)', () => {
  it('lets the HTB add and remove a co-HTB, but never remove the HTB', async () => {
    const htb = ctx.client();
    await htb.loginAs('htb.antwerpen');
    const [an] = await queryRows<{ insz: string; id: string }>(ctx.database.db, sql`select insz, id from users where username = 'an.peeters'`);
    expect((await htb.post('/api/v1/access/managers', { insz: an!.insz })).statusCode).toBe(201);
    const managers = (await htb.get('/api/v1/access/managers')).json();
    expect(managers.map((m: { role: string }) => m.role)).toEqual(['HTB', 'CO_HTB', 'CO_HTB']);
    expect((await htb.request({ method: 'DELETE', url: `/api/v1/access/managers/${an!.id}` })).statusCode).toBe(204);
    const [self] = await queryRows<{ id: string }>(ctx.database.db, sql`select id from users where username = 'htb.antwerpen'`);
    const refused = await htb.request({ method: 'DELETE', url: `/api/v1/access/managers/${self!.id}` });
    expect(refused.statusCode).toBe(403);
    expect((await tb.post('/api/v1/access/managers/validate', { insz: an!.insz })).statusCode).toBe(403);
  });
});

describe('list keys and counters kept by triggers (R2.9 at scale)', () => {
  it('computes the same search key in SQL as in TypeScript', async () => {
    const { searchKey } = await import('../../shared/search-key.js');
    for (const name of ['Dupont', 'Van Damme', 'Ölçer', 'Éloïse', 'Ñúñez', 'Søren', 'ANNÉE', "D'Hondt"]) {
      const [row] = await queryRows<{ k: string }>(ctx.database.db, sql`select ocmw_search_key(${name}) as k`);
      expect(row!.k).toBe(searchKey(name));
    }
  });

  it('keeps the counters equal to a real count after all the changes above', async () => {
    const counted = await queryRows<{ key: string; n: number }>(
      ctx.database.db,
      sql`select domain_id || type || status || application as key, n from membership_counts where n <> 0 order by 1`,
    );
    const actual = await queryRows<{ key: string; n: number }>(
      ctx.database.db,
      sql`select key, n from (
            select domain_id || type || status || '*' as key, count(*)::int as n from memberships group by 1
            union all
            select m.domain_id || m.type || m.status || a.application, count(*)::int
            from memberships m join membership_applications a on a.membership_id = m.id group by 1) t order by 1`,
    );
    expect(counted).toEqual(actual);
  });

  it('finds a person by name after they change it (the keys follow the person)', async () => {
    const me = ctx.client();
    await me.loginAs('cotb.antwerpen');
    await me.request({ method: 'PUT', url: '/api/v1/me', payload: { surname: 'Ünal', firstName: 'Zeynep', title: null, language: 'nl', email: 'z@demo.example' } });
    const found = (await tb.get(`/api/v1/access/domains/${mw}/users?surname=unal`)).json();
    expect(found.items.map((i: { username: string }) => i.username)).toEqual(['cotb.antwerpen']);
  });
});

describe('in the reader’s language (issue 18: keys inside, text at the edges)', () => {
  const idOf = async (username: string) => (await queryRows<{ id: string }>(ctx.database.db, sql`select id from users where username = ${username}`))[0]!.id;
  const looksLikeKey = /^[a-z_]+(\.[a-zA-Z_]+)+$/;

  it('writes a bulk refusal as a sentence in the reader’s language, never a key', async () => {
    const [self, user] = [await idOf('tb.antwerpen'), await idOf('an.peeters')];
    const reasons = {
      nl: 'U kunt uzelf niet blokkeren of verwijderen. Vraag het aan een andere beheerder van dit domein.',
      fr: 'Vous ne pouvez pas vous bloquer ou vous supprimer vous-même. Demandez-le à un autre gestionnaire de ce domaine.',
    };
    try {
      for (const language of ['nl', 'fr'] as const) {
        tb.language = language;
        const res = await tb.post(`/api/v1/access/domains/${mw}/users/bulk`, { action: 'block', userIds: [self, user] });
        expect(res.statusCode).toBe(200);
        const body = res.json() as { results: { userId: string; outcome: string; reason?: string }[]; refused: number };
        expect(body.results.find((r) => r.userId === self)).toEqual({ userId: self, outcome: 'refused', reason: reasons[language] });
        // The other row went through (blocked the first time, unchanged the second).
        expect(body.results.find((r) => r.userId === user)).toEqual({ userId: user, outcome: language === 'nl' ? 'done' : 'unchanged' });
        expect(body.refused).toBe(1);
        expect(body.results.map((r) => r.reason ?? '').some((r) => looksLikeKey.test(r))).toBe(false);
      }
    } finally {
      tb.language = 'nl';
      await tb.post(`/api/v1/access/domains/${mw}/users/bulk`, { action: 'unblock', userIds: [user] });
    }
  });

  it('refuses in NL, FR or DE as the browser asks, and in the person’s own language when it asks for none of them', async () => {
    const cotb = ctx.client();
    await cotb.loginAs('cotb.antwerpen');
    const url = `/api/v1/access/domains/${mw}/users/${await idOf('user.antwerpen')}`;
    const refusals = {
      nl: 'Een co-toegangsbeheerder kan geen gebruikers verwijderen. Blokkeer de gebruiker, of vraag de toegangsbeheerder hem te verwijderen.',
      fr: "Un co-gestionnaire ne peut pas supprimer d'utilisateurs. Bloquez l'utilisateur, ou demandez au gestionnaire d'accès de le supprimer.",
      de: 'Ein Co-Zugangsverwalter kann keine Benutzer entfernen. Sperren Sie den Benutzer, oder bitten Sie den Zugangsverwalter, ihn zu entfernen.',
    };
    const { username: _username, insz: _insz, ...mine } = (await cotb.get('/api/v1/me')).json();
    try {
      for (const language of ['nl', 'fr', 'de'] as const) {
        cotb.language = language;
        const refused = await cotb.request({ method: 'DELETE', url });
        expect(refused.statusCode).toBe(403);
        expect(refused.json().error).toEqual({ code: 'forbidden', message: refusals[language] });
      }
      // The person chose German; a request without a portal language gets German.
      cotb.language = 'nl';
      expect((await cotb.request({ method: 'PUT', url: '/api/v1/me', payload: { ...mine, language: 'de' } })).statusCode).toBe(200);
      for (const header of ['', 'es-ES, es;q=0.9']) {
        cotb.language = header;
        expect((await cotb.request({ method: 'DELETE', url })).json().error.message).toBe(refusals.de);
      }
      // What the browser asks for still comes first.
      cotb.language = 'fr';
      expect((await cotb.request({ method: 'DELETE', url })).json().error.message).toBe(refusals.fr);
    } finally {
      cotb.language = 'nl';
      await cotb.request({ method: 'PUT', url: '/api/v1/me', payload: mine });
    }
  });

  it('writes every problem of a field, in order, in the reader’s language', async () => {
    const body = newUserBody(newInsz(), 'kort.naam');
    body.person.password = 'kort.naam';
    body.person.passwordConfirm = 'kort.naam';
    const cases = [
      ['nl', 'Een wachtwoord heeft minstens 12 tekens. Het wachtwoord mag niet gelijk zijn aan de gebruikersnaam.'],
      ['fr', "Un mot de passe compte au moins 12 caractères. Le mot de passe ne peut pas être identique au nom d'utilisateur."],
      ['de', 'Ein Passwort hat mindestens 12 Zeichen. Das Passwort darf nicht dem Benutzernamen entsprechen.'],
    ] as const;
    try {
      for (const [language, text] of cases) {
        tb.language = language;
        const res = await tb.post(`/api/v1/access/domains/${mw}/users/validate`, body);
        expect(res.statusCode).toBe(400);
        expect(res.json().error.fields).toEqual({ 'person.password': text });
      }
    } finally {
      tb.language = 'nl';
    }
  });

  it('writes the exports and the domain home in the reader’s language', async () => {
    const csv = await tb.get(`/api/v1/access/domains/${mw}/users/export?format=csv&username=user.antwerpen&lang=fr`);
    const [header, row] = csv.rawPayload.toString('utf8').slice(1).trim().split('\n');
    expect(header).toBe("Nom;Prénom;Nom d'utilisateur;Type;NISS;Statut;Applications sécurisées");
    expect(row!.split(';')[5]).toBe('Actif');
    expect(row!.split(';')[6]).toContain("e-Box de l'institution");

    tb.language = 'de';
    try {
      const xlsx = await tb.get(`/api/v1/access/domains/${mw}/users/export?format=xlsx`);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
      expect(wb.worksheets[0]!.name).toBe('Soziales Wohlergehen');
      expect(wb.worksheets[0]!.getRow(1).values).toEqual([undefined, 'Name', 'Vorname', 'Benutzername', 'Typ', 'ENSS', 'Status', 'Gesicherte Anwendungen']);
      const audit = await tb.get('/api/v1/access/audit/export?format=csv');
      expect(audit.rawPayload.toString('utf8').slice(1).split('\n')[0]).toBe('Zeitpunkt;Durch;Rolle;Aktion;Betroffene Person;Domäne;Vorher;Nachher');
      // The action as people call it, in the export's language, not the recorded code.
      const actions = audit.rawPayload.toString('utf8').split('\n').slice(1).filter(Boolean).map((line) => line.split(';')[3]);
      expect(actions.length).toBeGreaterThan(0);
      for (const action of actions) expect(action).not.toMatch(/^[a-z-]+(\.[a-z-]+)+$/);
      const german = new Set<string>(Object.values(auditMessages.catalogue).map((entry) => entry.de));
      expect(actions.some((action) => german.has(action!))).toBe(true);
      expect((await tb.get(`/api/v1/access/domains/${mw}`)).json().domain.name).toBe('Soziales Wohlergehen');
    } finally {
      tb.language = 'nl';
    }
    expect((await tb.get(`/api/v1/access/domains/${mw}`)).json().domain.name).toBe('Maatschappelijk Welzijn');
  });
});
