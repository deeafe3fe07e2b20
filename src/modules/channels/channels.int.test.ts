import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/db.js';
import { makeCa, makeCertificate, type TestCa } from '../../../test/certificates.js';
import { createTestContext, type TestClient, type TestContext } from '../../../test/test-app.js';

let ctx: TestContext;
let tb: TestClient;
let vendor: TestClient;
let ca: TestCa;
const DAY = 86_400_000;

async function cert(options: { selfSigned?: boolean; days?: number; keyUsage?: ('digitalSignature' | 'keyEncipherment')[] } = {}) {
  const now = Date.now();
  const c = await makeCertificate({
    key: 'EC-P-384',
    hash: 'SHA-384',
    ...(options.selfSigned ? { selfSigned: true } : { issuer: ca }),
    notBefore: new Date(now - DAY),
    notAfter: new Date(now + (options.days ?? 365) * DAY),
    keyUsage: options.keyUsage ?? ['digitalSignature'],
  });
  return { fileName: 'kanaal.cer', contentBase64: Buffer.from(c.der).toString('base64') };
}

const sender = { contactName: 'Jan Peeters', phoneCode: '+32', phoneNumber: '456986532', email: 'ict@antwerpen.demo.example', language: 'nl' };

beforeAll(async () => {
  ctx = await createTestContext();
  ca = await makeCa({ key: 'RSA-2048' }); // the default test CA: trusted (test-app.ts, R3.9′)
  // This file walks OCMW Antwerpen through ChaMan's first use: the demo's ChaMan data of
  // Antwerpen (sender and the REST account of the vendor-API demo) go first.
  await ctx.database.db.execute(sql`delete from certificates where account_id in (select a.id from channel_accounts a join domains d on d.id = a.domain_id join organisations o on o.id = d.organisation_id where o.kbo = '0212235604')`);
  await ctx.database.db.execute(sql`delete from channel_accounts where domain_id in (select d.id from domains d join organisations o on o.id = d.organisation_id where o.kbo = '0212235604')`);
  await ctx.database.db.execute(sql`delete from senders where domain_id in (select d.id from domains d join organisations o on o.id = d.organisation_id where o.kbo = '0212235604')`);
  tb = ctx.client();
  await tb.loginAs('tb.antwerpen');
  vendor = ctx.client();
  await vendor.loginAs('vendor.cevi');
});
afterAll(async () => ctx?.close());

describe('first use as a sender (R3.2)', () => {
  it('asks for the contact data before anything else, then assigns a sender number', async () => {
    const home = (await tb.get('/api/v1/chaman')).json();
    expect(home).toMatchObject({ sender: null, accounts: [], domain: { code: 'MW' } });
    const early = await tb.post('/api/v1/chaman/accounts/ftp', { kind: 'FTP', name: 'x', permissions: ['mutaties-rijksregister'], certificateName: 'c', certificate: await cert(), username: 'ocmwa1' });
    expect(early.statusCode).toBe(403);
    expect(early.json().error.message).toContain('contactgegevens');

    const bad = await tb.request({ method: 'PUT', url: '/api/v1/chaman/sender', payload: { ...sender, phoneNumber: '12', email: 'nee' } });
    expect(bad.statusCode).toBe(400);
    expect(Object.keys(bad.json().error.fields).sort()).toEqual(['email', 'phoneNumber']);
    const ok = await tb.request({ method: 'PUT', url: '/api/v1/chaman/sender', payload: { ...sender, phoneCode: undefined } });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().sender).toMatchObject({ senderNumber: expect.any(Number), phoneCode: '+32' });
    expect(ok.json().sender.senderNumber).toBeGreaterThan(100_000);
  });
});

describe('FTP/SFTP accounts (R3.3–R3.6)', () => {
  it('lists every failing rule: username, password and certificate together', async () => {
    const selfSigned = await cert({ selfSigned: true });
    const res = await tb.post('/api/v1/chaman/accounts/ftp', {
      kind: 'FTP',
      name: 'Mutaties',
      permissions: ['mutaties-rijksregister'],
      certificateName: 'ftp',
      certificate: selfSigned,
      username: 'ocmw antwerpen',
      password: 'abc def',
    });
    expect(res.statusCode).toBe(400);
    const rules = res.json().error.violations.map((v: { rule: string }) => v.rule);
    expect(rules).toEqual(expect.arrayContaining(['ftp.username.chars', 'ftp.username.length', 'ftp.password.spaces', 'ftp.password.special_count', 'cert.self_signed_ftp']));
    expect(Object.keys(res.json().error.fields).sort()).toEqual(['certificate', 'password', 'username']);
  });

  // Issue 18: the service throws keys; the HTTP edge writes every broken rule of a field, one after
  // the other, in the reader's language.
  it.each([
    ['nl', 'Een FTP-wachtwoord mag geen spaties bevatten. Een FTP-wachtwoord bevat minstens 2 speciale tekens (geen letter of cijfer).'],
    ['fr', "Un mot de passe FTP ne peut pas contenir d'espaces. Un mot de passe FTP contient au moins 2 caractères spéciaux (ni lettre ni chiffre)."],
    ['de', 'Ein FTP-Passwort darf keine Leerzeichen enthalten. Ein FTP-Passwort enthält mindestens 2 Sonderzeichen (weder Buchstabe noch Ziffer).'],
  ] as const)('writes the refusals in the reader’s language (%s)', async (language, password) => {
    tb.language = language;
    try {
      const res = await tb.post('/api/v1/chaman/accounts/ftp', { kind: 'FTP', name: 'Mutaties', permissions: ['mutaties-rijksregister'], certificateName: 'ftp', certificate: await cert(), username: 'ocmwtaal', password: 'abc def' });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.fields.password).toBe(password);
      const violations = res.json().error.violations as { rule: string; message: string }[];
      expect(violations.filter((v) => v.rule.startsWith('ftp.password')).map((v) => v.message).join(' ')).toBe(password);
    } finally {
      tb.language = 'nl';
    }
  });

  it('creates the FTP account, shows the password once and keeps only a hash; one FTP per domain', async () => {
    const res = await tb.post('/api/v1/chaman/accounts/ftp', {
      kind: 'FTP',
      name: 'Mutaties',
      permissions: ['mutaties-rijksregister', 'mediprima-afrekening'],
      certificateName: 'ftp-2025',
      certificate: await cert(),
      username: 'ocmwant1',
    });
    expect(res.statusCode).toBe(201);
    const { account, password } = res.json();
    expect(password).toMatch(/^.{1,15}$/);
    expect(account).toMatchObject({ kind: 'FTP', username: 'ocmwant1', certificate: { expiry: 'ok', selfSigned: false } });
    const [row] = await queryRows<{ h: string }>(ctx.database.db, sql`select password_hash as h from channel_accounts where id = ${account.id}`);
    expect(row!.h).toMatch(/^\$argon2id\$/);
    expect(row!.h).not.toContain(password);
    expect((await tb.get('/api/v1/chaman')).json().accounts[0]).not.toHaveProperty('password');

    const second = await tb.post('/api/v1/chaman/accounts/ftp', { kind: 'FTP', name: 'Nog een', permissions: ['mutaties-rijksregister'], certificateName: 'x', certificate: await cert(), username: 'ocmwant2' });
    expect(second.statusCode).toBe(400);
    expect(second.json().error.fields.kind).toContain('maar één');
    const sftp = await tb.post('/api/v1/chaman/accounts/ftp', { kind: 'SFTP', name: 'Beveiligd', permissions: ['novaprima-waarschuwingen'], certificateName: 'x', certificate: await cert(), username: 'ocmwant2', password: 'Ab,;Cd12345' });
    expect(sftp.statusCode).toBe(201);
    expect(sftp.json().password).toBe('Ab,;Cd12345');
  });

  it('gives the FTP account a new password once, checks R3.6, audits it without the password (issue 19)', async () => {
    const ftp = (await tb.get('/api/v1/chaman')).json().accounts.find((a: { kind: string }) => a.kind === 'FTP');
    const [before] = await queryRows<{ h: string }>(ctx.database.db, sql`select password_hash as h from channel_accounts where id = ${ftp.id}`);
    const bad = await tb.post(`/api/v1/chaman/accounts/${ftp.id}/password`, { password: 'geen tekens' });
    expect(bad.statusCode).toBe(400);
    expect(Object.keys(bad.json().error.fields)).toEqual(['password']);
    const [unchanged] = await queryRows<{ h: string }>(ctx.database.db, sql`select password_hash as h from channel_accounts where id = ${ftp.id}`);
    expect(unchanged!.h).toBe(before!.h);

    const res = await tb.post(`/api/v1/chaman/accounts/${ftp.id}/password`, {});
    expect(res.statusCode).toBe(200);
    const { password, account } = res.json();
    expect(account.id).toBe(ftp.id);
    expect(password).toMatch(/^\S{1,15}$/);
    const [after] = await queryRows<{ h: string }>(ctx.database.db, sql`select password_hash as h from channel_accounts where id = ${ftp.id}`);
    expect(after!.h).not.toBe(before!.h);
    expect((await ctx.services.channels.authenticateChannel('ocmwant1', password)) ?? null).not.toBeNull();
    const entry = (await tb.get('/api/v1/access/audit?pageSize=100')).json().items.find((i: { action: string }) => i.action === 'chaman.account.password_reset');
    expect(entry).toBeDefined();
    expect(JSON.stringify(entry)).not.toContain(password);
    // Another OCMW's ChaMan user and a vendor do not reach it.
    expect((await vendor.post(`/api/v1/chaman/accounts/${ftp.id}/password`, {})).statusCode).toBe(404);
    // The answer holds a password: no browser or proxy keeps it.
    expect(res.headers['cache-control']).toBe('no-store');
    // The domain's sender contact is told, in its language, without the password.
    const [notice] = await queryRows<{ to: string; subject: string; body: string }>(
      ctx.database.db,
      sql`select to_address as "to", subject, body_text as body from mails where kind = 'ftp-password-reset' order by created_at desc limit 1`,
    );
    expect(notice).toMatchObject({ to: 'ict@antwerpen.demo.example', subject: 'ChaMan: nieuw wachtwoord voor het FTP-account Mutaties' });
    expect(notice!.body).toContain('(gebruikersnaam ocmwant1)');
    expect(notice!.body).not.toContain(password);
  });

  it('answers 404, never 500, when the account is deleted while its password or certificate is being changed', async () => {
    const sftp = (await tb.get('/api/v1/chaman')).json().accounts.find((a: { kind: string }) => a.kind === 'SFTP');
    const renewal = { certificateName: 'sftp-2026', certificate: await cert() };
    const [reset, renewed, deleted] = await Promise.all([
      tb.post(`/api/v1/chaman/accounts/${sftp.id}/password`, {}),
      tb.request({ method: 'PUT', url: `/api/v1/chaman/accounts/${sftp.id}/certificate`, payload: renewal }),
      tb.request({ method: 'DELETE', url: `/api/v1/chaman/accounts/${sftp.id}` }),
    ]);
    expect(deleted.statusCode).toBe(204);
    expect([200, 404]).toContain(reset.statusCode);
    expect([200, 404]).toContain(renewed.statusCode);
    expect((await tb.post(`/api/v1/chaman/accounts/${sftp.id}/password`, {})).statusCode).toBe(404);
    const [counted] = await queryRows<{ active: number }>(ctx.database.db, sql`select count(*)::int as active from certificates where account_id = ${sftp.id} and is_active`);
    expect(counted!.active).toBe(0);
  });

  it('names the SOAP account, not FTP, when it refuses a self-signed certificate (issue 19)', async () => {
    const res = await tb.post('/api/v1/chaman/accounts/soap', { name: 'SOAP', certificateName: 'eigen', certificate: await cert({ selfSigned: true }) });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields.certificate).toContain('een SOAP-account heeft een certificaat van een certificaatautoriteit nodig');
    expect(JSON.stringify(res.json())).not.toContain('FTP');
    // The renewal of a SOAP certificate follows the same policy as its creation.
    const soap = await tb.post('/api/v1/chaman/accounts/soap', { name: 'SOAP', certificateName: 'ca', certificate: await cert() });
    expect(soap.statusCode).toBe(201);
    const renewal = await tb.request({ method: 'PUT', url: `/api/v1/chaman/accounts/${soap.json().account.id}/certificate`, payload: { certificateName: 'eigen', certificate: await cert({ selfSigned: true }) } });
    expect(renewal.statusCode).toBe(400);
    expect(renewal.json().error.fields.certificate).toContain('een SOAP-account heeft een certificaat van een certificaatautoriteit nodig');
    expect((await tb.request({ method: 'DELETE', url: `/api/v1/chaman/accounts/${soap.json().account.id}` })).statusCode).toBe(204);
  });

  it('refuses a certificate that is already active on another account (R3.10)', async () => {
    const c = await cert();
    expect((await tb.post('/api/v1/chaman/accounts/soap', { name: 'SOAP', certificateName: 'soap', certificate: c })).statusCode).toBe(201);
    const res = await tb.post('/api/v1/chaman/accounts/rest', { management: 'internal', name: 'REST', permissions: ['ocmw-online-proces'], certificateName: 'same', certificate: c });
    expect(res.statusCode).toBe(409);
  });

  it('replaces a certificate and keeps the account; marks expiring certificates', async () => {
    const home = (await tb.get('/api/v1/chaman')).json();
    const ftp = home.accounts.find((a: { kind: string }) => a.kind === 'FTP');
    const res = await tb.request({ method: 'PUT', url: `/api/v1/chaman/accounts/${ftp.id}/certificate`, payload: { certificateName: 'kort', certificate: await cert({ days: 10 }) } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: ftp.id, certificate: { name: 'kort', expiry: 'expiring' } });
  });
});

describe('REST accounts and delegation to a software vendor (R3.7, R3.8)', () => {
  let intermediaries: { id: string; name: string }[];
  beforeAll(async () => {
    intermediaries = (await tb.get('/api/v1/chaman/intermediaries')).json();
  });
  const idOf = (name: string) => intermediaries.find((i) => i.name.startsWith(name))!.id;

  it('creates an internal REST account with a self-signed certificate (digitalSignature)', async () => {
    const res = await tb.post('/api/v1/chaman/accounts/rest', { management: 'internal', name: 'Intern', permissions: ['signaletiek-raadplegen'], certificateName: 'eigen', certificate: await cert({ selfSigned: true }) });
    expect(res.statusCode).toBe(201);
    expect(res.json().account).toMatchObject({ kind: 'REST', management: 'internal', certificate: { selfSigned: true } });
    const noUsage = await tb.post('/api/v1/chaman/accounts/rest', { management: 'internal', name: 'Fout', permissions: ['signaletiek-raadplegen'], certificateName: 'x', certificate: await cert({ selfSigned: true, keyUsage: ['keyEncipherment'] }) });
    expect(noUsage.json().error.violations.map((v: { rule: string }) => v.rule)).toContain('cert.self_signed_key_usage');
  });

  it('refuses Smals and non-vendors as intermediary', async () => {
    const smals = await tb.post('/api/v1/chaman/accounts/rest', { management: 'external', name: 'OCMW Online', permissions: ['ocmw-online-proces'], intermediaryOrganisationId: idOf('Smals') });
    expect(smals.statusCode).toBe(400);
    expect(smals.json().error.fields.intermediaryOrganisationId).toContain('niet Smals');
    const self = (await tb.get('/api/v1/session')).json().context.organisation.id;
    const ocmw = await tb.post('/api/v1/chaman/accounts/rest', { management: 'external', name: 'OCMW Online', permissions: ['ocmw-online-proces'], intermediaryOrganisationId: self });
    expect(ocmw.statusCode).toBe(400);
  });

  it('runs the whole delegation: pending → the vendor accepts and uploads → the account appears', async () => {
    const created = await tb.post('/api/v1/chaman/accounts/rest', {
      management: 'external',
      name: 'OCMW Online',
      permissions: ['ocmw-online-admin', 'ocmw-online-proces', 'signaletiek-bewerken', 'signaletiek-raadplegen'],
      intermediaryOrganisationId: idOf('Cevi'),
    });
    expect(created.statusCode).toBe(201);
    const delegation = created.json().delegation;
    expect(delegation).toMatchObject({ status: 'pending', intermediary: { name: 'Cevi - Logins' } });
    const before = (await tb.get('/api/v1/chaman')).json();
    expect(before.accounts.find((a: { name: string }) => a.name === 'OCMW Online')).toBeUndefined();
    expect((await tb.get('/api/v1/chaman?status=pending')).json().delegations.map((d: { id: string }) => d.id)).toContain(delegation.id);
    expect((await tb.get('/api/v1/chaman?status=accepted')).json().delegations).toEqual([]);

    // The vendor sees it in its own ChaMan view, and accepts with a certificate.
    const vendorHome = (await vendor.get('/api/v1/chaman?status=pending')).json();
    expect(vendorHome.incoming).toEqual([expect.objectContaining({ id: delegation.id, requester: expect.objectContaining({ kbo: '0212235604' }) })]);
    const accepted = await vendor.post(`/api/v1/chaman/delegations/${delegation.id}/accept`, { certificateName: 'cevi-ocmw-online', certificate: await cert({ selfSigned: true }) });
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json().incoming.find((d: { id: string }) => d.id === delegation.id).status).toBe('accepted');

    const after = (await tb.get('/api/v1/chaman')).json();
    const account = after.accounts.find((a: { name: string }) => a.name === 'OCMW Online');
    expect(account).toMatchObject({ management: 'external', intermediary: { name: 'Cevi - Logins' }, certificate: { name: 'cevi-ocmw-online' } });
    // Issue 19: the vendor sees the account it accepted and renews its certificate; the OCMW sees the new one.
    const managed = (await vendor.get('/api/v1/chaman')).json().managed;
    expect(managed).toEqual(expect.arrayContaining([expect.objectContaining({ owner: expect.objectContaining({ kbo: '0212235604' }), account: expect.objectContaining({ id: account.id }) })]));
    const renewed = await vendor.request({ method: 'PUT', url: `/api/v1/chaman/accounts/${account.id}/certificate`, payload: { certificateName: 'cevi-2026', certificate: await cert({ selfSigned: true }) } });
    expect(renewed.statusCode).toBe(200);
    expect((await tb.get('/api/v1/chaman')).json().accounts.find((a: { id: string }) => a.id === account.id).certificate.name).toBe('cevi-2026');
    // The OCMW does not load the certificate its vendor keeps: the server refuses, naming the vendor.
    const byOcmw = await tb.request({ method: 'PUT', url: `/api/v1/chaman/accounts/${account.id}/certificate`, payload: { certificateName: 'eigen', certificate: await cert({ selfSigned: true }) } });
    expect(byOcmw.statusCode).toBe(409);
    expect(byOcmw.json().error.message).toContain('Cevi - Logins');
    expect((await tb.get('/api/v1/chaman')).json().accounts.find((a: { id: string }) => a.id === account.id).certificate.name).toBe('cevi-2026');
    // Renewing is all the vendor may do: the name, permissions and the account stay the OCMW's.
    expect((await vendor.request({ method: 'PATCH', url: `/api/v1/chaman/accounts/${account.id}`, payload: { name: 'Van Cevi' } })).statusCode).toBe(404);
    expect((await vendor.request({ method: 'DELETE', url: `/api/v1/chaman/accounts/${account.id}` })).statusCode).toBe(404);
    // The OCMW edits and deletes it.
    const edited = await tb.request({ method: 'PATCH', url: `/api/v1/chaman/accounts/${account.id}`, payload: { name: 'OCMW Online (Cevi)', permissions: ['ocmw-online-proces'] } });
    expect(edited.json()).toMatchObject({ name: 'OCMW Online (Cevi)', permissions: ['ocmw-online-proces'] });
    const wrongKind = await tb.request({ method: 'PATCH', url: `/api/v1/chaman/accounts/${account.id}`, payload: { permissions: ['mutaties-rijksregister'] } });
    expect(wrongKind.statusCode).toBe(400);
    expect((await tb.request({ method: 'DELETE', url: `/api/v1/chaman/accounts/${account.id}` })).statusCode).toBe(204);

    // A second accept is refused: the request is no longer pending.
    const again = await vendor.post(`/api/v1/chaman/delegations/${delegation.id}/accept`, { certificateName: 'x', certificate: await cert({ selfSigned: true }) });
    expect(again.statusCode).toBe(409);
    const audit = (await tb.get('/api/v1/access/audit?pageSize=100')).json().items.map((i: { action: string }) => i.action);
    expect(audit).toEqual(expect.arrayContaining(['chaman.delegation.pending', 'chaman.delegation.accepted', 'chaman.account.update', 'chaman.account.delete']));
  });

  it('lets the OCMW cancel while pending, and the vendor refuse; another vendor sees nothing', async () => {
    const toCevi = (await tb.post('/api/v1/chaman/accounts/rest', { management: 'external', name: 'Te annuleren', permissions: ['ocmw-online-proces'], intermediaryOrganisationId: idOf('Cevi') })).json().delegation;
    const cancelled = await tb.post(`/api/v1/chaman/delegations/${toCevi.id}/cancel`);
    expect(cancelled.json().delegations.find((d: { id: string }) => d.id === toCevi.id).status).toBe('cancelled');
    // Issue 18: the refusal says in words how the request was decided, in the reader's language;
    // the home page names the requesting OCMW in it too.
    for (const [language, sentence, requester] of [
      ['nl', 'Dit delegatieverzoek is niet meer in afwachting: het is ingetrokken. Vernieuw de pagina om de huidige stand te zien.', 'OCMW Antwerpen'],
      ['fr', "Cette demande de délégation n'est plus en attente : elle est retirée. Actualisez la page pour voir son état actuel.", 'CPAS Anvers'],
      ['de', 'Diese Delegationsanfrage ist nicht mehr ausstehend: Sie wurde zurückgezogen. Laden Sie die Seite neu, um den aktuellen Stand zu sehen.', 'ÖSHZ Antwerpen'],
    ] as const) {
      vendor.language = language;
      const late = await vendor.post(`/api/v1/chaman/delegations/${toCevi.id}/refuse`, {});
      expect(late.statusCode).toBe(409);
      expect(late.json().error.message).toBe(sentence);
      const incoming = (await vendor.get('/api/v1/chaman?status=cancelled')).json().incoming;
      expect(incoming.find((d: { id: string }) => d.id === toCevi.id).requester.organisationName).toBe(requester);
    }
    vendor.language = 'nl';

    const refused = (await tb.post('/api/v1/chaman/accounts/rest', { management: 'external', name: 'Te weigeren', permissions: ['ocmw-online-proces'], intermediaryOrganisationId: idOf('Cevi') })).json().delegation;
    const res = await vendor.post(`/api/v1/chaman/delegations/${refused.id}/refuse`, { reason: 'Geen klant van ons' });
    expect(res.json().incoming.find((d: { id: string }) => d.id === refused.id)).toMatchObject({ status: 'refused', reason: 'Geen klant van ons' });

    const toCipal = (await tb.post('/api/v1/chaman/accounts/rest', { management: 'external', name: 'Voor Cipal', permissions: ['ocmw-online-proces'], intermediaryOrganisationId: idOf('Cipal') })).json().delegation;
    expect((await vendor.post(`/api/v1/chaman/delegations/${toCipal.id}/accept`, { certificateName: 'x', certificate: await cert({ selfSigned: true }) })).statusCode).toBe(404);
    expect((await tb.post(`/api/v1/chaman/delegations/${toCipal.id}/accept`, { certificateName: 'x', certificate: await cert({ selfSigned: true }) })).statusCode).toBe(404);
  });
});

describe('access to ChaMan (R3.1)', () => {
  it('is refused to a user without the ChaMan application and to another OCMW', async () => {
    const user = ctx.client();
    await user.loginAs('user.antwerpen');
    expect((await user.get('/api/v1/chaman')).statusCode).toBe(403);
    const beveren = ctx.client();
    await beveren.loginAs('tb.beveren');
    const home = (await beveren.get('/api/v1/chaman')).json();
    expect(home.accounts).toEqual([]);
    const antwerpenAccount = (await tb.get('/api/v1/chaman')).json().accounts[0].id;
    expect((await beveren.request({ method: 'DELETE', url: `/api/v1/chaman/accounts/${antwerpenAccount}` })).statusCode).toBe(404);
  });

  it('lets a co-TB in, and keeps channels of a disappearing OCMW usable (R3.12)', async () => {
    const cotb = ctx.client();
    await cotb.loginAs('cotb.antwerpen');
    expect((await cotb.get('/api/v1/chaman')).statusCode).toBe(200);
    const borsbeek = ctx.client();
    await borsbeek.loginAs('tb.borsbeek');
    const saved = await borsbeek.request({ method: 'PUT', url: '/api/v1/chaman/sender', payload: sender });
    expect(saved.statusCode).toBe(200);
  });
});
