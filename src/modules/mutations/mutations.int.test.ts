import { throttleKey } from '../../db/lockout.js';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/db.js';
import { inszFromParts } from '../../shared/identifiers.js';
import type { Caller } from '../access/index.js';
import { dossiersRepo } from '../dossiers/index.js';
import { createTestContext, type TestContext } from '../../../test/test-app.js';

let ctx: TestContext;
const insz = inszFromParts('760412', 55);
const callers: Record<string, Caller> = {};

async function callerFor(username: string) {
  const s = await ctx.client().loginAs(username);
  return { userId: s.user.id, language: 'nl' as const, context: s.context };
}

async function orgId(name: string) {
  const [r] = await queryRows<{ id: string }>(ctx.database.db, sql`select id from organisations where name_nl = ${name}`);
  return r!.id;
}

beforeAll(async () => {
  ctx = await createTestContext();
  callers.antwerpen = await callerFor('tb.antwerpen');
  callers.borsbeek = await callerFor('tb.borsbeek');
  callers.beveren = await callerFor('tb.beveren');
  await dossiersRepo.insertDossiers(ctx.database.db, [
    { organisationId: await orgId('OCMW Antwerpen'), insz, openedOn: '2026-01-01' },
    { organisationId: await orgId('OCMW Borsbeek'), insz, openedOn: '2026-01-01' },
    { organisationId: await orgId('OCMW Beveren'), insz, openedOn: '2026-01-01', closedOn: '2026-03-06' },
  ]);
  const select = (who: string, day: string, codes: string[]) => ctx.clock.runWithToday(day, () => ctx.services.configuration.saveMutations(callers[who]!, codes));
  await select('antwerpen', '2026-03-01', ['MURN', 'MURA-H205']);
  await select('antwerpen', '2026-03-05', ['MURA-H205']);
  await select('antwerpen', '2026-03-09', ['MURN', 'MURA-H205']);
  await select('borsbeek', '2026-03-01', ['MURN']);
  await select('beveren', '2026-03-01', ['MURN']);
});
afterAll(async () => ctx?.close());

const at = (day: string) => `${day}T10:00:00+01:00`;

describe('mutation delivery (R5.1, R4.4)', () => {
  it('delivers only what was selected on the day it occurred, to OCMWs following the person then', async () => {
    const result = await ctx.clock.runWithToday('2026-03-12', () =>
      ctx.services.mutations.ingest(
        [
          { type: 'MURN', insz, occurredAt: at('2026-03-03'), payload: { field: 'adres' } },
          { type: 'MURN', insz, occurredAt: at('2026-03-07'), payload: {} },
          { type: 'MURN', insz, occurredAt: at('2026-03-10'), payload: {} },
          { type: 'MURA', subType: 'H205', insz, occurredAt: at('2026-03-07'), payload: {} },
          { type: 'MURA', subType: 'H206', insz, occurredAt: at('2026-03-03'), payload: {} },
        ],
        'test',
      ),
    );
    expect(result.received).toBe(5);
    const delivered = async (who: string) =>
      // Only this batch: the demo seed delivered mutations of its own in November.
      (await ctx.services.mutations.listDelivered(callers[who]!, { from: '2026-03-12', to: '2026-03-12', page: 1, pageSize: 100 })).items.map((m) => `${m.code}@${m.occurredAt.slice(0, 10)}`).sort();
    // Antwerpen: MURN off from day 5 to day 9, so day 7 is never delivered; H206 was never selected.
    expect(await delivered('antwerpen')).toEqual(['MURA-H205@2026-03-07', 'MURN@2026-03-03', 'MURN@2026-03-10']);
    expect(await delivered('borsbeek')).toEqual(['MURN@2026-03-03', 'MURN@2026-03-07', 'MURN@2026-03-10']);
    // Beveren closed its dossier on day 6.
    expect(await delivered('beveren')).toEqual(['MURN@2026-03-03']);
    expect(result.deliveries).toBe(7);
    const filtered = await ctx.services.mutations.listDelivered(callers.antwerpen!, { code: 'MURN', from: '2026-03-12', to: '2026-03-12', page: 1, pageSize: 10 });
    expect(filtered.total).toBe(2);
  });

  it('accepts deliveries from an institution with a machine credential only', async () => {
    const rsz = await orgId('Rijksdienst voor Sociale Zekerheid (RSZ)');
    const { token } = await ctx.services.registry.createApiClient(rsz, 'RSZ mutaties', ['mutations:write']);
    const body = { mutations: [{ type: 'MURN', insz, occurredAt: at('2026-03-11'), payload: {} }] };
    const send = (authorization?: string) =>
      ctx.app.inject({ method: 'POST', url: '/api/v1/institution/mutations', payload: body, headers: authorization ? { authorization } : {} });
    expect((await send()).statusCode).toBe(401);
    expect((await send('Bearer ocmw_wrong')).statusCode).toBe(401);
    const ok = await send(`Bearer ${token}`);
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ received: 1, deliveries: 2 });
    const bad = await ctx.app.inject({ method: 'POST', url: '/api/v1/institution/mutations', payload: { mutations: [{ type: 'MURX' }] }, headers: { authorization: `Bearer ${token}` } });
    expect(bad.statusCode).toBe(400);
    expect(Object.keys(bad.json().error.fields)).toEqual(expect.arrayContaining(['0.type', '0.insz', '0.occurredAt']));
  });

  it('offers the daily file to FTP channels with "Mutaties RijksRegister", with their credentials (R5.2)', async () => {
    const { makeCa, makeCertificate } = await import('../../../test/certificates.js');
    const ca = await makeCa({ key: 'RSA-2048' });
    const cert = async () => {
      const now = Date.now();
      const c = await makeCertificate({ key: 'EC-P-384', hash: 'SHA-384', issuer: ca, notBefore: new Date(now - 86_400_000), notAfter: new Date(now + 300 * 86_400_000) });
      return { fileName: 'ftp.cer', contentBase64: Buffer.from(c.der).toString('base64') };
    };
    const sender = { contactName: 'ICT', phoneCode: '+32', phoneNumber: '456986532', email: 'ict@demo.example', language: 'nl' as const };
    await ctx.services.channels.saveSender(callers.antwerpen!, sender);
    const ftp = await ctx.services.channels.createFtpAccount(callers.antwerpen!, { kind: 'FTP', name: 'Mutaties', permissions: ['mutaties-rijksregister'], certificateName: 'f', certificate: await cert(), username: 'antwmut1' });
    const sftp = await ctx.services.channels.createFtpAccount(callers.antwerpen!, { kind: 'SFTP', name: 'Andere', permissions: ['mediprima-afrekening'], certificateName: 's', certificate: await cert(), username: 'antwmed1' });
    const basic = (u: string, p: string) => ({ authorization: `Basic ${Buffer.from(`${u}:${p}`).toString('base64')}` });
    const list = await ctx.app.inject({ url: '/api/v1/channel/mutation-files', headers: basic('antwmut1', ftp.password!) });
    expect(list.statusCode).toBe(200);
    expect(list.json()).toEqual(expect.arrayContaining([expect.objectContaining({ date: '2026-03-12', count: 3 })]));
    const file = await ctx.app.inject({ url: '/api/v1/channel/mutation-files/2026-03-12', headers: basic('antwmut1', ftp.password!) });
    expect(file.headers['content-type']).toContain('ndjson');
    const lines = file.body.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l: { type: string }) => l.type).sort()).toEqual(['MURA', 'MURN', 'MURN']);
    expect((await ctx.app.inject({ url: '/api/v1/channel/mutation-files', headers: basic('antwmut1', 'wrong') })).statusCode).toBe(401);
    expect((await ctx.app.inject({ url: '/api/v1/channel/mutation-files' })).statusCode).toBe(401);
    expect((await ctx.app.inject({ url: '/api/v1/channel/mutation-files', headers: basic('antwmed1', sftp.password!) })).statusCode).toBe(403);

    // N5: 50 wrong passwords at once from one source close that name and source after the 5th,
    // so even the right one is refused (the same 401) until the delay has run out (db/lockout.ts).
    const wrong = await Promise.all(Array.from({ length: 50 }, () => ctx.app.inject({ url: '/api/v1/channel/mutation-files', headers: basic('antwmut1', 'geraden') })));
    expect(wrong.every((r) => r.statusCode === 401)).toBe(true);
    expect((await ctx.app.inject({ url: '/api/v1/channel/mutation-files', headers: basic('antwmut1', ftp.password!) })).statusCode).toBe(401);
    const key = throttleKey('channel', 'antwmut1', '127.0.0.1');
    const lockOf = async () =>
      (await queryRows<{ failed: number; locked: boolean }>(ctx.database.db, sql`select failed_attempts as failed, locked_until > now() as locked from login_throttles where key = ${key}`))[0];
    expect(await lockOf()).toEqual({ failed: 5, locked: true });
    // Another account is not affected.
    expect((await ctx.app.inject({ url: '/api/v1/channel/mutation-files', headers: basic('antwmed1', sftp.password!) })).statusCode).toBe(403);
    await queryRows(ctx.database.db, sql`update login_throttles set locked_until = now() - interval '1 minute' where key = ${key}`);
    expect((await ctx.app.inject({ url: '/api/v1/channel/mutation-files', headers: basic('antwmut1', ftp.password!) })).statusCode).toBe(200);
    expect(await lockOf()).toBeUndefined();
  });

  it('refuses a file with one bad record and writes nothing', async () => {
    const [before] = await queryRows<{ n: number }>(ctx.database.db, sql`select count(*)::int as n from mutations`);
    await expect(
      ctx.services.mutations.ingest(
        [
          { type: 'MURN', insz, occurredAt: at('2026-03-03') },
          { type: 'MURA', insz, occurredAt: 'gisteren' },
        ],
        'test',
      ),
    ).rejects.toMatchObject({ code: 'validation', fields: { '1.subType': expect.any(String), '1.occurredAt': expect.any(String) } });
    const [after] = await queryRows<{ n: number }>(ctx.database.db, sql`select count(*)::int as n from mutations`);
    expect(after!.n).toBe(before!.n);
  });
});
