import type { FtpPermission } from '../channels/channels.schema.js';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import ssh2, { type SFTPWrapper } from 'ssh2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { throttleKey } from '../../db/lockout.js';
import { queryRows } from '../../db/db.js';
import { catalogue } from '../../messages.js';
import type { Caller } from '../access/index.js';
import { createTestContext, type TestContext } from '../../../test/test-app.js';
import { realClients } from '../../../test/sftp-clients.js';
import { startSftpServer, type SftpServer } from './index.js';
const { Client } = ssh2;

/**
 * Issue 23 with the real clients: OpenSSH's sftp and curl's sftp:// against the SFTP server of the
 * portal process on a free port, on the test database (PGlite, or PostgreSQL in the CI pass).
 */
const TOKEN = 'metrics-token-0123456789';
let ctx: TestContext;
let server: SftpServer;
let clients: Awaited<ReturnType<typeof realClients>>;
const accounts: Record<'antwerpen' | 'borsbeek', { username: string; password: string; id: string }> = {} as never;
let rsz: { id: string; kbo: string };
let podMi: { id: string; kbo: string };
let mutationFile: { name: string; body: string };

const sha256 = (b: Buffer | string) => createHash('sha256').update(b).digest('hex');

async function callerFor(username: string): Promise<Caller> {
  const s = await ctx.client().loginAs(username);
  return { userId: s.user.id, language: 'nl', context: s.context };
}

async function organisation(name: string) {
  const [r] = await queryRows<{ id: string; kbo: string }>(ctx.database.db, sql`select id, kbo from organisations where name_nl = ${name}`);
  return r!;
}

async function sftpAccount(tb: string, username: string, permissions: FtpPermission[] = ['mutaties-rijksregister']) {
  const { makeCa, makeCertificate } = await import('../../../test/certificates.js');
  const ca = await makeCa({ key: 'RSA-2048' });
  const now = Date.now();
  // Valid on the business date (2026-03-12) and on the wall clock.
  const c = await makeCertificate({ key: 'EC-P-384', hash: 'SHA-384', issuer: ca, notBefore: new Date('2026-01-01T00:00:00Z'), notAfter: new Date(now + 300 * 86_400_000) });
  const caller = await callerFor(tb);
  await ctx.services.channels.saveSender(caller, { contactName: 'ICT', phoneCode: '+32', phoneNumber: '456986532', email: 'ict@demo.example', language: 'nl' });
  const created = await ctx.services.channels.createFtpAccount(caller, {
    kind: 'SFTP',
    name: 'Bestanden',
    permissions,
    certificateName: 'sftp',
    certificate: { fileName: 'sftp.cer', contentBase64: Buffer.from(c.der).toString('base64') },
    username,
  });
  return { username, password: created.password!, id: created.account.id, caller };
}

const uploads = async () => (await queryRows<{ n: number }>(ctx.database.db, sql`select count(*)::int as n from channel_uploads`))[0]!.n;

beforeAll(async () => {
  // After the mergers' effective date (2025-01-01): OCMW Borsbeek is a disappearing OCMW.
  ctx = await createTestContext({ today: '2026-03-12', env: { OCMW_METRICS_TOKEN: TOKEN, OCMW_SFTP_PORT: '0' } });
  server = await startSftpServer({
    service: ctx.services.fileChannel,
    port: 0,
    host: '127.0.0.1',
    maxUploadBytes: 2 * 1_048_576,
    render: (m) => catalogue.render(m, 'nl'),
    log: { info() {}, warn() {}, error() {} },
  });
  clients = await realClients({ port: server.port, privateKey: (await ctx.services.fileChannel.hostKey()).privateKey });
  const a = await sftpAccount('tb.antwerpen', 'antwsftp1', ['mutaties-rijksregister', 'mediprima-afrekening']);
  accounts.antwerpen = a;
  const b = await sftpAccount('tb.borsbeek', 'borssftp1');
  accounts.borsbeek = b;
  rsz = await organisation('Rijksdienst voor Sociale Zekerheid (RSZ)');
  podMi = (await queryRows<{ id: string; kbo: string }>(ctx.database.db, sql`select id, kbo from organisations where kind = 'institution' and id <> ${rsz.id} order by kbo limit 1`))[0]!;
  // The demo seed delivered ten days of mutations to Antwerpen: the newest daily file over HTTPS.
  const basic = { authorization: `Basic ${Buffer.from(`${a.username}:${a.password}`).toString('base64')}` };
  const list = (await ctx.app.inject({ url: '/api/v1/channel/mutation-files', headers: basic })).json() as { date: string; name: string }[];
  const newest = list.sort((x, y) => y.date.localeCompare(x.date))[0]!;
  mutationFile = { name: newest.name, body: (await ctx.app.inject({ url: `/api/v1/channel/mutation-files/${newest.date}`, headers: basic })).body };
}, 120_000);

afterAll(async () => {
  await server?.close();
  await ctx?.close();
});

describe('the SFTP file channel with OpenSSH sftp and curl (issue 23)', () => {
  it('has the real clients it is tested with', () => {
    expect(existsSync('/usr/bin/sftp')).toBe(true);
    expect(execFileSync('curl', ['-V']).toString()).toMatch(/Protocols:.*\bsftp\b/);
  });

  it('presents the host key whose fingerprint ChaMan shows, the same as ssh-keygen computes', async () => {
    const shown = await ctx.client();
    await shown.loginAs('tb.antwerpen');
    const info = (await shown.get('/api/v1/chaman/sftp')).json();
    expect(info).toEqual({ enabled: true, port: 0, fingerprint: expect.stringMatching(/^SHA256:[A-Za-z0-9+/]{43}$/) });
    const keygen = execFileSync('ssh-keygen', ['-l', '-f', path.join(clients.dir, 'known_hosts')]).toString();
    expect(keygen).toContain(info.fingerprint);
    expect(server.fingerprint).toBe(info.fingerprint);
    // Made once: a second start of the service reads the same key from the database.
    expect((await ctx.services.fileChannel.hostKey()).fingerprint).toBe(info.fingerprint);
  });

  it('logs in, lists the tree and downloads the daily mutation file with sftp: the bytes of the HTTPS download', async () => {
    const local = path.join(clients.dir, 'mutaties.jsonl');
    const r = await clients.sftp(accounts.antwerpen.username, accounts.antwerpen.password, ['ls /', 'ls -l /mutaties', `get /mutaties/${mutationFile.name} ${local}`]);
    expect(r.stderr).not.toMatch(/denied|failure/i);
    expect(r.code).toBe(0);
    for (const folder of ['mutaties', 'ebox', 'in', 'ack']) expect(r.stdout).toContain(folder);
    expect(r.stdout).toContain(mutationFile.name);
    expect(await readFile(local, 'utf8')).toBe(mutationFile.body);
  });

  it('lists and downloads with curl sftp:// (host key pinned by SHA-256)', async () => {
    const listing = await clients.curl(accounts.antwerpen.username, accounts.antwerpen.password, '/mutaties/');
    expect(listing.stderr).toBe('');
    expect(listing.stdout).toContain(mutationFile.name);
    const file = await clients.curl(accounts.antwerpen.username, accounts.antwerpen.password, `/mutaties/${mutationFile.name}`);
    expect(file.code).toBe(0);
    expect(file.stdout).toBe(mutationFile.body);
  });

  it('offers in /ebox/ the e-Box attachments an institution published for channel delivery, and only those', async () => {
    const antwerpen = await organisation('OCMW Antwerpen');
    const pdf = Buffer.from('%PDF-1.7\n% maandafrekening NovaPRIMA\n%%EOF\n');
    const publish = (title: string, channelDelivery: boolean) =>
      ctx.services.mailbox.publishAs({ organisationId: rsz.id, name: 'RSZ' }, {
        recipientKbo: antwerpen.kbo, title, category: 'NovaPRIMA', messageType: 'Maandafrekening', rsz: false, documentDate: '2026-03-10', body: 'Zie bijlage.',
        attachment: { fileName: `${title}.pdf`, mimeType: 'application/pdf', contentBase64: pdf.toString('base64') }, channelDelivery,
      });
    await publish('afrekening-kanaal', true);
    await publish('afrekening-portaal', false);
    const listing = await clients.curl(accounts.antwerpen.username, accounts.antwerpen.password, '/ebox/');
    expect(listing.stdout).toContain('afrekening-kanaal.pdf');
    expect(listing.stdout).not.toContain('afrekening-portaal.pdf');
    const name = listing.stdout.trim().split('\n').map((l) => l.split(' ').pop()!).find((n) => n.endsWith('afrekening-kanaal.pdf'))!;
    const file = await clients.curl(accounts.antwerpen.username, accounts.antwerpen.password, `/ebox/${name}`);
    expect(file.stdout).toBe(pdf.toString());
    // Read-only like /mutaties/.
    expect((await clients.sftp(accounts.antwerpen.username, accounts.antwerpen.password, [`put ${path.join(clients.dir, 'mutaties.jsonl')} /ebox/x.pdf`])).stderr).toMatch(/Permission denied/);
    // Review: never an RSZ document (it needs "Documenten RSZ in e-Box" in the portal), and only for
    // an account with a NovaPRIMA or MediPrima permission.
    await ctx.services.mailbox.publishAs({ organisationId: rsz.id, name: 'RSZ' }, {
      recipientKbo: antwerpen.kbo, title: 'rsz-kanaal', category: 'RSZ', messageType: 'Aangifte', rsz: true, documentDate: '2026-03-10', body: 'Zie bijlage.',
      attachment: { fileName: 'rsz-kanaal.pdf', mimeType: 'application/pdf', contentBase64: pdf.toString('base64') }, channelDelivery: true,
    });
    expect((await clients.curl(accounts.antwerpen.username, accounts.antwerpen.password, '/ebox/')).stdout).not.toContain('rsz-kanaal.pdf');
    const mutationsOnly = await sftpAccount('tb.zwijndrecht', 'zwijsftp1');
    const refused = await clients.sftp(mutationsOnly.username, mutationsOnly.password, ['ls /ebox']);
    expect(refused.stderr).toMatch(/Permission denied|toelating/i);
  });

  it('takes a batch file in /in/, acknowledges it in /ack/, and the addressed institution fetches it with channel:read', async () => {
    const before = await uploads();
    const batch = Buffer.from(`<batch ocmw="antwerpen">${'x'.repeat(100_000)}</batch>\n`);
    const local = path.join(clients.dir, 'batch.xml');
    await writeFile(local, batch);
    const name = `${rsz.kbo}_dmfa-20260312.xml`;
    const r = await clients.sftp(accounts.antwerpen.username, accounts.antwerpen.password, [`put ${local} /in/${name}`, 'ls /in', 'ls /ack']);
    expect(r.stderr).not.toMatch(/denied|failure/i);
    expect(r.code).toBe(0);
    expect(await uploads()).toBe(before + 1);
    const [row] = await queryRows<{ reference: string; sha256: string; size: number }>(ctx.database.db, sql`select reference, sha256, size from channel_uploads where file_name = ${name}`);
    expect(row).toEqual({ reference: expect.stringMatching(/^IN-\d{8}-[0-9A-F]{10}$/), sha256: sha256(batch), size: batch.length });
    expect(r.stdout).toContain(`${row!.reference}.ack`);
    const ack = await clients.curl(accounts.antwerpen.username, accounts.antwerpen.password, `/ack/${row!.reference}.ack`);
    expect(ack.stdout).toContain(`reference: ${row!.reference}`);
    expect(ack.stdout).toContain(`sha256: ${sha256(batch)}`);
    expect(ack.stdout).toContain(`institution: ${rsz.kbo}`);

    // The institution: listed and fetched with a channel:read token, byte for byte.
    const { token } = await ctx.services.registry.createApiClient(rsz.id, 'RSZ kanaal', ['channel:read']);
    const bearer = { authorization: `Bearer ${token}` };
    const listed = (await ctx.app.inject({ url: '/api/v1/institution/channel/files', headers: bearer })).json();
    const item = listed.items.find((i: { reference: string }) => i.reference === row!.reference);
    expect(item).toMatchObject({ fileName: name, size: batch.length, sha256: sha256(batch), fetchedAt: null });
    const fetched = await ctx.app.inject({ url: `/api/v1/institution/channel/files/${item.id}`, headers: bearer });
    expect(fetched.statusCode).toBe(200);
    expect(fetched.rawPayload.equals(batch)).toBe(true);
    expect(fetched.headers['x-checksum-sha256']).toBe(sha256(batch));
    expect(fetched.headers['x-reference']).toBe(row!.reference);
    // Another scope, or another institution, gets nothing.
    const { token: publish } = await ctx.services.registry.createApiClient(rsz.id, 'RSZ e-Box', ['ebox:publish']);
    expect((await ctx.app.inject({ url: '/api/v1/institution/channel/files', headers: { authorization: `Bearer ${publish}` } })).statusCode).toBe(403);
    const { token: other } = await ctx.services.registry.createApiClient(podMi.id, 'ander', ['channel:read']);
    expect((await ctx.app.inject({ url: `/api/v1/institution/channel/files/${item.id}`, headers: { authorization: `Bearer ${other}` } })).statusCode).toBe(404);
    expect((await ctx.app.inject({ url: '/api/v1/institution/channel/files', headers: { authorization: `Bearer ${other}` } })).json().items.map((i: { id: string }) => i.id)).not.toContain(item.id);

    // The same bytes again (curl, another name): recognised, nothing new stored, no second acknowledgement.
    const again = await clients.curl(accounts.antwerpen.username, accounts.antwerpen.password, `/in/${rsz.kbo}_dmfa-opnieuw.xml`, ['-T', local]);
    expect(again.code).toBe(0);
    expect(await uploads()).toBe(before + 1);
    const [dup] = await queryRows<{ after: { reference: string } }>(ctx.database.db, sql`select after from audit_log where action = 'file_channel.upload_duplicate' order by id desc limit 1`);
    expect(dup!.after.reference).toBe(row!.reference);
  });

  it('counts an upload written under a temporary name only when it is renamed to its real name', async () => {
    const before = await uploads();
    const local = path.join(clients.dir, 'staged.xml');
    await writeFile(local, `<batch staged="${Date.now()}"/>\n`);
    const name = `${rsz.kbo}_staged.xml`;
    const r = await clients.sftp(accounts.antwerpen.username, accounts.antwerpen.password, [`put ${local} /in/${name}.part`, `rename /in/${name}.part /in/${name}`]);
    expect(r.code).toBe(0);
    expect(await uploads()).toBe(before + 1);
    // Left under its temporary name, the upload never counts.
    const left = await clients.sftp(accounts.antwerpen.username, accounts.antwerpen.password, [`put ${local} /in/${rsz.kbo}_other.xml.part`]);
    expect(left.code).toBe(0);
    expect(await uploads()).toBe(before + 1);
  });

  it('drops an interrupted upload: the connection lost mid-file leaves nothing (ssh2 client, cut at a known point)', async () => {
    const before = await uploads();
    const conn = new Client();
    await new Promise<void>((resolve, reject) => {
      conn.on('ready', resolve).on('error', reject);
      conn.connect({ host: '127.0.0.1', port: server.port, username: accounts.antwerpen.username, password: accounts.antwerpen.password, hostVerifier: () => true });
    });
    const sftp = await new Promise<SFTPWrapper>((resolve, reject) => conn.sftp((err, s) => (err ? reject(err) : resolve(s))));
    const handle = await new Promise<Buffer>((resolve, reject) => sftp.open(`/in/${rsz.kbo}_afgebroken.xml`, 'w', (err, h) => (err ? reject(err) : resolve(h))));
    await new Promise<void>((resolve, reject) => sftp.write(handle, Buffer.alloc(512 * 1024, 1), 0, 512 * 1024, 0, (err) => (err ? reject(err) : resolve())));
    conn.end();
    await new Promise<void>((resolve) => conn.on('close', () => resolve()));
    // The next session of the same account sees no upload and no acknowledgement for it.
    const r = await clients.sftp(accounts.antwerpen.username, accounts.antwerpen.password, ['ls /ack']);
    expect(r.code).toBe(0);
    expect(await uploads()).toBe(before);
    expect((await queryRows(ctx.database.db, sql`select 1 from channel_uploads where file_name = ${`${rsz.kbo}_afgebroken.xml`}`)).length).toBe(0);
  });

  it('refuses writes outside /in/, deletes, symlinks, traversal and bad names with SFTP status codes, and keeps serving', async () => {
    const local = path.join(clients.dir, 'x.xml');
    await writeFile(local, 'x');
    const u = accounts.antwerpen;
    // A leading "-" lets the batch go on after a refused command.
    const r = await clients.sftp(u.username, u.password, [
      `-put ${local} /mutaties/${rsz.kbo}_x.xml`,
      `-put ${local} /${rsz.kbo}_x.xml`,
      `-put ${local} /in/../ack/${rsz.kbo}_x.xml`,
      `-put ${local} /in/batch-zonder-kbo.xml`,
      `-put ${local} /in/0000000097_onbekend.xml`,
      `-rm /mutaties/${mutationFile.name}`,
      '-mkdir /in/sub',
      '-rmdir /ack',
      `-ln -s /mutaties/${mutationFile.name} /in/link`,
      `-rename /mutaties/${mutationFile.name} /in/${rsz.kbo}_x.xml`,
      `-get /in/${rsz.kbo}_dmfa-20260312.xml ${local}.back`,
      `-get /../../../etc/passwd ${local}.passwd`,
      `-get /mutaties/../../etc/passwd ${local}.passwd`,
      'ls /mutaties',
    ]);
    expect(r.code).toBe(0);
    expect(r.stderr.match(/Permission denied/g)?.length).toBeGreaterThanOrEqual(8);
    expect(r.stderr).toMatch(/Operation unsupported/);
    expect(r.stderr.match(/not found/g)?.length).toBe(3);
    expect(existsSync(`${local}.passwd`)).toBe(false);
    // Still alive: the last command listed the folder.
    expect(r.stdout).toContain(mutationFile.name);
  });

  it('refuses a wrong password, then locks the name after OCMW_LOGIN_MAX_FAILURES wrong ones (the channel lockout)', async () => {
    const u = accounts.borsbeek;
    const wrong = await clients.sftp(u.username, 'Fout-wachtwoord1!', ['ls /']);
    expect(wrong.code).not.toBe(0);
    expect(wrong.stderr).toMatch(/Permission denied/);
    for (let i = 0; i < 5; i++) await clients.sftp(u.username, 'Fout-wachtwoord1!', ['ls /']);
    const right = await clients.sftp(u.username, u.password, ['ls /']);
    expect(right.code).not.toBe(0);
    const key = throttleKey('channel', u.username, '127.0.0.1');
    const [lock] = await queryRows<{ locked: boolean }>(ctx.database.db, sql`select locked_until > now() as locked from login_throttles where key = ${key}`);
    expect(lock!.locked).toBe(true);
    await ctx.database.db.execute(sql`delete from login_throttles where key = ${key}`);
    expect((await clients.sftp(u.username, u.password, ['ls /'])).code).toBe(0);
  });

  it("shows each account only its own organisation's tree", async () => {
    const u = accounts.borsbeek;
    const r = await clients.sftp(u.username, u.password, ['ls /mutaties', 'ls /ack', `-get /mutaties/${mutationFile.name} ${clients.dir}/stolen`, `-get /../antwerpen/mutaties/${mutationFile.name} ${clients.dir}/stolen`]);
    expect(r.code).toBe(0);
    // What the server answered, without the commands sftp echoes.
    const listed = r.stdout.split('\n').filter((l) => !l.startsWith('sftp>'));
    expect(listed.some((l) => l.includes('/mutaties/mutaties-'))).toBe(true);
    expect(listed.join('\n')).not.toContain(mutationFile.name);
    expect(listed.join('\n')).not.toContain('.ack');
    expect(r.stderr.match(/not found/g)?.length).toBe(2);
    expect(existsSync(`${clients.dir}/stolen`)).toBe(false);
  });

  it('keeps the channel of a disappearing OCMW after the effective date, and closes it once its access was ended (R8.3, R8.4)', async () => {
    const u = accounts.borsbeek;
    expect((await ctx.services.registry.findDisappearance((await organisation('OCMW Borsbeek')).id))?.effectiveDate).toBe('2025-01-01');
    expect((await clients.sftp(u.username, u.password, ['ls /mutaties'])).code).toBe(0);
    const admin = await ctx.client().loginAs('admin');
    const borsbeek = await organisation('OCMW Borsbeek');
    await ctx.services.mergers.setAccess({ userId: admin.user.id }, borsbeek.id, true, 'Kanaaltest: toegang beëindigd');
    const refused = await clients.sftp(u.username, u.password, ['ls /']);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toMatch(/Permission denied/);
    // The same rule closes the HTTPS download of the daily files.
    const basic = { authorization: `Basic ${Buffer.from(`${u.username}:${u.password}`).toString('base64')}` };
    expect((await ctx.app.inject({ url: '/api/v1/channel/mutation-files', headers: basic })).statusCode).toBe(401);
    await ctx.services.mergers.setAccess({ userId: admin.user.id }, borsbeek.id, false);
    expect((await clients.sftp(u.username, u.password, ['ls /'])).code).toBe(0);
  });

  it('ends a session whose account is deleted while it is open', async () => {
    const a = await sftpAccount('tb.beveren', 'bevsftp1');
    const session = clients.interactive(a.username, a.password);
    const first = await session.send('ls /');
    expect(first.stdout).toContain('mutaties');
    await ctx.services.channels.deleteAccount(a.caller, a.id);
    const next = await session.send('ls /mutaties');
    expect(next.stderr).toMatch(/Permission denied|Connection closed|Couldn't/i);
    expect(await session.close()).not.toBe(0);
    expect((await clients.sftp(a.username, a.password, ['ls /'])).code).not.toBe(0);
  });

  it('ends a session opened with a password that was reset meanwhile (review)', async () => {
    const a = await sftpAccount('tb.kruibeke', 'kruisftp1');
    const session = clients.interactive(a.username, a.password);
    expect((await session.send('ls /')).stdout).toContain('mutaties');
    const reset = await ctx.services.channels.resetFtpPassword(a.caller, a.id, {});
    const next = await session.send('ls /mutaties');
    expect(next.stderr).toMatch(/Permission denied|Connection closed|Couldn't/i);
    expect(await session.close()).not.toBe(0);
    expect((await clients.sftp(a.username, a.password, ['ls /'])).code).not.toBe(0);
    expect((await clients.sftp(a.username, reset.password, ['ls /'])).code).toBe(0);
  });

  it('refuses a write that would leave a hole (a few bytes making a large file), and keeps serving (review)', async () => {
    const before = await uploads();
    const conn = new Client();
    await new Promise<void>((resolve, reject) => {
      conn.on('ready', resolve).on('error', reject);
      conn.connect({ host: '127.0.0.1', port: server.port, username: accounts.antwerpen.username, password: accounts.antwerpen.password, hostVerifier: () => true });
    });
    try {
      const sftp = await new Promise<SFTPWrapper>((resolve, reject) => conn.sftp((err, s) => (err ? reject(err) : resolve(s))));
      const handle = await new Promise<Buffer>((resolve, reject) => sftp.open(`/in/${rsz.kbo}_gat.xml`, 'w', (err, h) => (err ? reject(err) : resolve(h))));
      const far = await new Promise<Error | undefined>((resolve) => sftp.write(handle, Buffer.from('x'), 0, 1, 1_000_000, (err) => resolve(err ?? undefined)));
      expect(far?.message).toMatch(/zonder gaten|without holes|Failure/i);
      const closed = await new Promise<Error | undefined>((resolve) => sftp.close(handle, (err) => resolve(err ?? undefined)));
      expect(closed).toBeDefined();
      // The connection still serves.
      const names = await new Promise<string[]>((resolve, reject) => sftp.readdir('/', (err, list) => (err ? reject(err) : resolve(list.map((e) => e.filename)))));
      expect(names).toEqual(expect.arrayContaining(['mutaties', 'in']));
    } finally {
      conn.end();
    }
    expect(await uploads()).toBe(before);
  });

  it('audits logins, downloads and uploads, and counts them in /metrics', async () => {
    const actions = await queryRows<{ action: string; n: number }>(ctx.database.db, sql`select action, count(*)::int as n from audit_log where action like 'file_channel.%' group by action`);
    const n = Object.fromEntries(actions.map((a) => [a.action, a.n]));
    expect(n['file_channel.login']).toBeGreaterThan(5);
    expect(n['file_channel.download']).toBeGreaterThanOrEqual(3);
    expect(n['file_channel.upload']).toBeGreaterThanOrEqual(2);
    const metrics = (await ctx.app.inject({ url: '/metrics', headers: { authorization: `Bearer ${TOKEN}` } })).body;
    expect(metrics).toMatch(/ocmw_file_channel_logins_total\{result="accepted"\} [1-9]/);
    expect(metrics).toMatch(/ocmw_file_channel_logins_total\{result="refused"\} [1-9]/);
    expect(metrics).toMatch(/ocmw_file_channel_downloads_total [1-9]/);
    expect(metrics).toMatch(/ocmw_file_channel_uploads_total\{result="accepted"\} [1-9]/);
    expect(metrics).toMatch(/ocmw_file_channel_uploads_total\{result="duplicate"\} [1-9]/);
  });
});
