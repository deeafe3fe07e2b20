import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/db.js';
import { createClock } from '../../domain/clock.js';
import { rendered } from '../../http/localize.js';
import { createTestContext, type TestContext } from '../../../test/test-app.js';
import { createHelpRequestsService, VENDOR_LIST_CACHE_MS, type VendorClient } from './index.js';

// R6.9: the vendor list reuses a page for VENDOR_LIST_CACHE_MS. A change through the service on
// the same instance counts at the very next list; another instance (here: a second service on
// the same database, with its own clock) shows it within VENDOR_LIST_CACHE_MS.

let ctx: TestContext;
let client: VendorClient;

const citizen = (n: number) => ({
  language: 'nl' as const,
  kinds: ['leefloon' as const],
  postcode: '2000',
  surname: 'Cache',
  firstName: `Burger ${n}`,
  email: `cache.${n}@demo.example`,
  message: 'Ik heb hulp nodig.',
});

beforeAll(async () => {
  ctx = await createTestContext();
  const [antwerpen] = await queryRows<{ id: string }>(ctx.database.db, sql`select id from organisations where kbo = '0212235604'`);
  client = { accountId: 'cache-test', accountName: 'cache-test', organisationId: antwerpen!.id, permissions: ['ocmw-online-proces'] };
});
afterAll(async () => ctx?.close());

describe('vendor list page cache (R6.9)', () => {
  it('shows a new and a read request at the next list on the same instance', async () => {
    const service = ctx.services.helpRequests;
    const before = await service.vendorList(client, { page: 1, pageSize: 5, unread: true });
    const filed = await service.submit(citizen(1));
    const after = await service.vendorList(client, { page: 1, pageSize: 5, unread: true });
    expect(after.total).toBe(before.total! + 1);
    expect(after.items[0]!.reference).toBe(filed.reference);

    await service.vendorMarkRead(client, filed.reference);
    const read = await service.vendorList(client, { page: 1, pageSize: 5, unread: true });
    expect(read.total).toBe(before.total);
    expect(read.items.map((i) => i.reference)).not.toContain(filed.reference);
  });

  it('lets another instance see a change within VENDOR_LIST_CACHE_MS, and keys the page by page, size and filter, not by language', async () => {
    let now = Date.now();
    const { registry, notifications, audit } = ctx.services;
    const other = createHelpRequestsService({ db: ctx.database.db, clock: createClock({ now: () => new Date(now) }), registry, notifications, audit });
    const first = await other.vendorList(client, { page: 1, pageSize: 5 });
    const filed = await ctx.services.helpRequests.submit(citizen(2));

    // Within the time, the other instance answers from its page: the very same object (its JSON
    // is kept with it by the route), in the language it was asked in.
    now += VENDOR_LIST_CACHE_MS - 1;
    const stale = await other.vendorList(client, { page: 1, pageSize: 5 });
    expect(stale).toBe(first);
    // One page serves every language (issue 18: names are picked at the edge), each rendering
    // made once and kept with the page, so its JSON can be kept too.
    const french = rendered({ language: 'fr' }, stale);
    expect(french.items.find((i) => i.municipality === 'Anvers')).toBeDefined();
    expect(rendered({ language: 'fr' }, stale)).toBe(french);
    const dutch = rendered({ language: 'nl' }, stale);
    expect(dutch).not.toBe(french);
    expect(dutch.items.find((i) => i.municipality === 'Antwerpen')).toBeDefined();
    expect(dutch.items.some((i) => i.municipality === 'Anvers')).toBe(false);

    // From then on, it reads again.
    now += 1;
    const fresh = await other.vendorList(client, { page: 1, pageSize: 5 });
    expect(fresh.total).toBe(first.total! + 1);
    expect(fresh.items[0]!.reference).toBe(filed.reference);

    // Another page, filter or date is another entry.
    expect((await other.vendorList(client, { page: 2, pageSize: 5 })).items[0]!.reference).not.toBe(filed.reference);
    const polls = await Promise.all([1, 2, 3].map(() => other.vendorList(client, { page: 1, pageSize: 7 })));
    expect(new Set(polls.map((p) => JSON.stringify(p))).size).toBe(1);
  });

  it('keeps one page for one instant however it is written', async () => {
    const { registry, notifications, audit } = ctx.services;
    const other = createHelpRequestsService({ db: ctx.database.db, clock: ctx.clock, registry, notifications, audit });
    const spellings = ['2026-01-01T00:00:00Z', '2026-01-01T00:00:00.000Z', '2026-01-01T01:00:00+01:00'];
    const pages = [];
    for (const since of spellings) pages.push(await other.vendorList(client, { page: 1, pageSize: 5, since }));
    expect(pages[1]).toBe(pages[0]);
    expect(pages[2]).toBe(pages[0]);
    expect(await other.vendorList(client, { page: 1, pageSize: 5, since: '2026-01-01T00:00:01Z' })).not.toBe(pages[0]);
  });

  it('reads every time when the cache is off', async () => {
    const { registry, notifications, audit } = ctx.services;
    const uncached = createHelpRequestsService({ db: ctx.database.db, clock: ctx.clock, registry, notifications, audit, vendorListCacheMs: 0 });
    const before = await uncached.vendorList(client, { page: 1, pageSize: 5 });
    await ctx.services.helpRequests.submit(citizen(3));
    // Not through this service, so only a fresh read shows it.
    expect((await uncached.vendorList(client, { page: 1, pageSize: 5 })).total).toBe(before.total! + 1);
  });

  it("changes the conditional poll's stamp at this instance's own change, before the database's announcement of it arrives (issue 20)", async () => {
    const service = ctx.services.helpRequests;
    const q = { page: 1, pageSize: 5 };
    service.vendorListStamp(client, q);
    for (let i = 0; i < 100 && service.vendorListStamp(client, q).stamp === undefined; i++) await new Promise((r) => setTimeout(r, 10));
    const before = service.vendorListStamp(client, q).stamp;
    expect(before).toBeDefined();
    const filed = await service.submit(citizen(4));
    // No wait: the stamp is already another.
    const after = service.vendorListStamp(client, q).stamp;
    expect(after).not.toBe(before);
    await service.vendorMarkRead(client, filed.reference);
    expect(service.vendorListStamp(client, q).stamp).not.toBe(after);
  });
});

