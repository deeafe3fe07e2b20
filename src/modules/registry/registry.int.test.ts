import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/db.js';
import { createTestContext, type TestContext } from '../../../test/test-app.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => ctx?.close());

const names = (body: { municipalities: { name: { nl: string } }[] }) => body.municipalities.map((m) => m.name.nl).sort();

describe('municipalities and postcodes (R0.3, R0.4)', () => {
  it('loads the 565 municipalities of 2025 and the 30 that merged away', async () => {
    const res = await ctx.services.registry.syncReferenceData();
    expect(res.municipalities).toBe(565 + 30);
  });

  it('loads the reference data again only when the shipped data differs from the version loaded (issue 20)', async () => {
    const db = ctx.database.db;
    const state = async () => (await queryRows<{ version: string; loadedAt: string }>(db, sql`select version, loaded_at::text as "loadedAt" from reference_data_state`))[0]!;
    const loaded = await state();
    expect(loaded.version).toMatch(/^[0-9a-f]{64}$/);
    await ctx.services.registry.syncReferenceData();
    expect(await state()).toEqual(loaded);
    // Another version recorded (an older release's data), and a postcode missing: all loaded again.
    await db.execute(sql`update reference_data_state set version = 'older'`);
    await db.execute(sql`delete from postal_codes where postcode = '9120'`);
    await ctx.services.registry.syncReferenceData();
    expect((await state()).version).toBe(loaded.version);
    expect((await queryRows<{ n: number }>(db, sql`select count(*)::int as n from postal_codes where postcode = '9120'`))[0]!.n).toBeGreaterThan(0);
  });

  it.each([
    // Before a merger the 2025 list cannot tell which old municipality a postcode belonged
    // to, so every predecessor is offered and the citizen picks.
    ['9120', '2024-12-31', ['Beveren', 'Kruibeke', 'Zwijndrecht']],
    ['9120', '2025-01-01', ['Beveren-Kruibeke-Zwijndrecht']],
    ['2150', '2024-06-01', ['Antwerpen', 'Borsbeek']],
    ['2150', '2025-06-01', ['Antwerpen']],
    ['3720', '2024-06-01', ['Hasselt', 'Kortessem']],
    ['9000', '2024-06-01', ['Gent']],
    ['1804', '2025-06-01', ['Vilvoorde', 'Zemst']],
  ])('postcode %s on %s covers %j', async (postcode, date, expected) => {
    const res = await ctx.client().get(`/api/v1/postcodes/${postcode}/municipalities?date=${date}`);
    expect(res.statusCode).toBe(200);
    expect(names(res.json())).toEqual(expected);
  });

  it('refuses a malformed postcode or date with a 400 naming the field', async () => {
    const bad = await ctx.client().get('/api/v1/postcodes/91200/municipalities');
    expect(bad.statusCode).toBe(400);
    expect(Object.keys(bad.json().error.fields)).toEqual(['postcode']);
    const badDate = await ctx.client().get('/api/v1/postcodes/9120/municipalities?date=2024-02-30');
    expect(badDate.statusCode).toBe(400);
    expect(badDate.json().error.fields).toHaveProperty('date');
  });
});
