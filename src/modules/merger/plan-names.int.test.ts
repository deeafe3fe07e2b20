/**
 * R1.6 in the dry run: the rows of a plan name each organisation as it was named on the date, in
 * the reader's language. A source is named as on the day before the effective date; the merged
 * OCMW that keeps a KBO bears the new name from the date (Hoeselt's areas go to "Bilzen-Hoeselt",
 * not to "Bilzen").
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/db.js';
import { mergerFacts } from '../../../test/merger-fixtures.js';
import { createTestContext, type TestClient, type TestContext } from '../../../test/test-app.js';

let ctx: TestContext;
let admin: TestClient;

beforeAll(async () => {
  ctx = await createTestContext({ today: '2024-12-20' });
  admin = ctx.client();
  await admin.loginAs('admin');
});
afterAll(async () => ctx?.close());

/** The disappearing OCMW's own name in a language (it has no new name). */
async function baseName(nameNl: string, lang: 'nl' | 'fr' | 'de'): Promise<string> {
  const [row] = await queryRows<{ name: string }>(ctx.database.db, sql`select ${sql.raw(`name_${lang}`)} as name from organisations where name_nl = ${nameNl}`);
  return row!.name;
}

describe.each([
  { code: 'bilzen-hoeselt-2025', lang: 'nl', from: 'OCMW Hoeselt', to: 'OCMW Bilzen-Hoeselt', kept: 'OCMW Bilzen' },
  { code: 'tongeren-borgloon-2025', lang: 'fr', from: 'OCMW Borgloon', to: 'CPAS Tongres-Looz', kept: 'OCMW Tongeren' },
  { code: 'tessenderlo-ham-2025', lang: 'de', from: 'OCMW Ham', to: 'ÖSHZ Tessenderlo-Ham', kept: 'OCMW Tessenderlo' },
] as const)('the dry run of $code in $lang', ({ code, lang, from, to, kept }) => {
  it(`sends ${from}'s areas to ${to} from the date, named as on the date`, async () => {
    const { id } = await mergerFacts(ctx.database.db, code);
    admin.language = lang;
    const res = await admin.get(`/api/v1/admin/mergers/${id}/plan/routing_changes?page=1&pageSize=50`);
    expect(res.statusCode, res.body).toBe(200);
    const rows = res.json().items as { fromOcmw: string; toOcmw: string; from: string }[];
    expect(rows.length).toBeGreaterThan(0);
    expect(new Set(rows.map((r) => r.toOcmw))).toEqual(new Set([to]));
    expect(new Set(rows.map((r) => r.fromOcmw))).toEqual(new Set([await baseName(from, lang)]));
    expect(rows[0]!.from).toBe('2025-01-01');
  });

  it(`names the OCMW that keeps its KBO as it was named before the date (${kept}) in the plan's per-OCMW counts`, async () => {
    const { id } = await mergerFacts(ctx.database.db, code);
    admin.language = lang;
    const plan = (await admin.get(`/api/v1/admin/mergers/${id}/plan`)).json() as { actions: { kind: string; byOrganisation?: { name: string }[] }[] };
    const names = plan.actions.flatMap((a) => a.byOrganisation ?? []).map((o) => o.name);
    expect(names.length).toBeGreaterThan(0);
    expect(names).not.toContain(to);
    const allowed = new Set([await baseName(from, lang), await baseName(kept, lang)]);
    for (const n of names) expect(allowed).toContain(n);
  });
});
