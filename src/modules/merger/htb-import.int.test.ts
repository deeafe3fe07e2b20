import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { localizePayload } from '../../messages.js';
import { renderMessage } from '../../cli/render-error.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/db.js';
import { inszFromParts } from '../../shared/identifiers.js';
import { createTestContext, type TestContext } from '../../../test/test-app.js';
import { buildHtbWorkbook } from './htb-import.js';
import type { MergerSummary } from './merger.schema.js';

let ctx: TestContext;
let mergers: MergerSummary[];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

async function managersChecksum() {
  const [r] = await queryRows<{ sum: string }>(
    ctx.database.db,
    sql`select md5(coalesce(string_agg(organisation_id::text || user_id::text || role, ',' order by organisation_id, user_id), '')) as sum from organisation_managers`,
  );
  return r!.sum;
}

const m = (name: string) => mergers.find((x) => x.name === name)!;

beforeAll(async () => {
  ctx = await createTestContext();
  mergers = await ctx.services.mergers.listMergers();
});
afterAll(async () => ctx?.close());

describe('HTB Excel import (R1.6, R2.14)', () => {
  it('checks the shipped example file without writing anything in a dry run', async () => {
    const before = await managersChecksum();
    const report = await ctx.services.mergers.importHtb(readFileSync('docs/examples/htb-import.xlsx'), { dryRun: true, actor: null });
    expect(report.valid).toBe(true);
    expect(report.rows).toHaveLength(5);
    expect(report.rows.filter((r) => r.action === 'appoint')).toHaveLength(3); // Pajottegem's three rows
    expect(report.rows.filter((r) => r.action === 'unchanged')).toHaveLength(2); // Antwerpen keeps its HTB
    expect(await managersChecksum()).toBe(before);
  });

  it('reports every problem per row and writes nothing when one row is wrong', async () => {
    const before = await managersChecksum();
    const paj = m('Pajottegem');
    const hasselt = m('Hasselt');
    const insz = inszFromParts('700101', 11);
    const ok = { targetKbo: paj.target.organisation.kbo, insz, surname: 'Peeters', firstName: 'Jan', email: 'jan@demo.example' };
    const file = await buildHtbWorkbook([
      { ...ok, sourceKbo: paj.sources[0]!.organisation.kbo },
      { ...ok, sourceKbo: '0212.235.605' }, // bad check digits
      { ...ok, sourceKbo: '0999.999.934'.replace(/\d\d$/, '') + String(97 - (9999999 % 97)).padStart(2, '0') }, // valid but unknown
      { ...ok, sourceKbo: hasselt.sources[0]!.organisation.kbo }, // merges elsewhere
      { ...ok, sourceKbo: paj.sources[1]!.organisation.kbo, insz: inszFromParts('700101', 13) }, // second HTB for Pajottegem
      { ...ok, sourceKbo: paj.sources[2]!.organisation.kbo, email: 'geen-adres', surname: '' },
    ]);
    // The report carries keys; the edge (route, CLI) writes them in the reader's language.
    const report = localizePayload(await ctx.services.mergers.importHtb(file, { dryRun: false, actor: null }), 'nl');
    expect(report.valid).toBe(false);
    const problems = (row: number) => report.rows.find((r) => r.row === row)!.problems.join(' ');
    expect(problems(3)).toContain('controlegetal');
    expect(problems(4)).toContain('Onbekende organisatie');
    expect(problems(5)).toContain('geen fuserend OCMW');
    expect(problems(6)).toContain('verschillende HTB');
    expect(problems(7)).toMatch(/e-mailadres.*Naam en voornaam|Naam en voornaam.*e-mailadres/);
    expect(report.applied).toBe(0);
    expect(await managersChecksum()).toBe(before);
  });

  it('imports a valid file in one go: new people get an account with a temporary password', async () => {
    const paj = m('Pajottegem');
    const insz = inszFromParts('810412', 77);
    const file = await buildHtbWorkbook(
      paj.sources.map((s) => ({ sourceKbo: s.organisation.kboFormatted, targetKbo: paj.target.organisation.kbo, insz, surname: 'Van Damme', firstName: 'Sien', email: 'sien@demo.example' })),
    );
    const report = await ctx.services.mergers.importHtb(file, { dryRun: false, actor: null });
    expect(report).toMatchObject({ valid: true, dryRun: false, applied: 1 });
    expect(report.newAccounts).toEqual([{ insz, username: 'sien.vandamme', temporaryPassword: expect.stringMatching(/^[\w-]{16}$/) }]);
    const session = (await ctx.client().login('sien.vandamme', report.newAccounts[0]!.temporaryPassword)).json();
    expect(session.context).toMatchObject({ role: 'HTB', organisation: { name: { nl: 'OCMW Pajottegem' } } });

    // The same file again changes nothing; another person replaces the HTB, who stays co-HTB.
    expect((await ctx.services.mergers.importHtb(file, { dryRun: false, actor: null })).applied).toBe(0);
    const [other] = await queryRows<{ insz: string; surname: string; first_name: string; email: string }>(ctx.database.db, sql`select insz, surname, first_name, email from users where username = 'htb.gooik'`);
    const replace = await buildHtbWorkbook([{ sourceKbo: paj.sources[0]!.organisation.kbo, targetKbo: paj.target.organisation.kbo, insz: other!.insz, surname: other!.surname, firstName: other!.first_name, email: other!.email }]);
    const r2 = await ctx.services.mergers.importHtb(replace, { dryRun: false, actor: null });
    expect(r2.rows[0]!.action).toBe('replace');
    const roles = await queryRows<{ username: string; role: string }>(
      ctx.database.db,
      sql`select u.username, om.role from organisation_managers om join users u on u.id = om.user_id where om.organisation_id = ${paj.target.organisation.id} order by om.role`,
    );
    expect(roles).toEqual([{ username: 'sien.vandamme', role: 'CO_HTB' }, { username: 'htb.gooik', role: 'HTB' }]);
  });

  it('refuses what is not an Excel workbook, or has the wrong columns', async () => {
    await expect(ctx.services.mergers.importHtb(Buffer.from('KBO;INSZ\n'), { dryRun: true, actor: null })).rejects.toMatchObject({ code: 'validation' });
    await expect(ctx.services.mergers.importHtb(Buffer.from('PK\u0003\u0004garbage'), { dryRun: true, actor: null })).rejects.toMatchObject({ code: 'validation' });
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('x').addRow(['Wat', 'Anders']);
    const wrong = Buffer.from(await wb.xlsx.writeBuffer());
    const refused = await ctx.services.mergers.importHtb(wrong, { dryRun: true, actor: null }).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: 'validation' });
    expect(renderMessage(refused, 'nl')).toContain('KBO fuserend OCMW');
  });

  it('offers the upload to administrators only', async () => {
    const file = readFileSync('docs/examples/htb-import.xlsx');
    const admin = ctx.client();
    await admin.loginAs('admin');
    const res = await admin.request({ method: 'POST', url: '/api/v1/admin/htb-import?dryRun=true', payload: file, headers: { 'content-type': XLSX } });
    expect(res.statusCode).toBe(200);
    expect(res.json().valid).toBe(true);
    const text = await admin.request({ method: 'POST', url: '/api/v1/admin/htb-import', payload: 'hallo', headers: { 'content-type': 'text/plain' } });
    expect(text.statusCode).toBe(415);
    const tb = ctx.client();
    await tb.loginAs('tb.antwerpen');
    const denied = await tb.request({ method: 'POST', url: '/api/v1/admin/htb-import?dryRun=true', payload: file, headers: { 'content-type': XLSX } });
    expect(denied.statusCode).toBe(403);
  });
});
