import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/db.js';
import { createTestContext, type TestContext } from '../../../test/test-app.js';
import { createServices } from '../../services.js';
import { UNREADABLE_OCMW_MAIL } from './help-requests.service.js';

// Issue 19: the platform administrators are warned when help requests reach an OCMW where nobody
// can read OCMW Online. The template is the demo before the 2025 mergers: OCMW Antwerpen has
// social workers with OCMW Online; OCMW Beveren-Kruibeke-Zwijndrecht (scenario 1, from
// 2025-01-01) has nobody there yet, so a Beveren citizen's request in 2026 reaches nobody.
const TODAY = '2026-03-10';
let ctx: TestContext;

beforeAll(async () => {
  ctx = await createTestContext({ today: TODAY });
});
afterAll(async () => ctx?.close());

const request = (postcode: string, surname: string) =>
  ctx.services.helpRequests.submit({ language: 'nl', kinds: ['leefloon'], postcode, surname, firstName: 'Test', phone: '03 123 45 67', message: 'Issue 19' });

async function alerts() {
  return queryRows<{ to: string; subject: string; organisationId: string; body: string }>(
    ctx.database.db,
    sql`select to_address as "to", subject, organisation_id as "organisationId", body_text as body from mails where kind = ${UNREADABLE_OCMW_MAIL} order by created_at, id`,
  );
}

describe('requests that reach an OCMW nobody can read (issue 19)', () => {
  it('a request to an OCMW with a reader warns nobody and lists nothing for it', async () => {
    const receipt = await request('2000', 'Lezer');
    await ctx.services.notifications.idle();
    expect(await alerts()).toEqual([]);
    const { items } = await ctx.services.helpRequests.unreadableOcmws();
    expect(items.map((i) => i.kbo)).not.toContain('0212.235.604');
    expect(receipt.ocmw.name).toMatchObject({ nl: 'OCMW Antwerpen' });
  });

  it('a request to an OCMW without one warns each administrator in their language, once a day per OCMW, and is listed', async () => {
    const db = ctx.database.db;
    await db.execute(sql`update users set language = 'fr' where username = 'admin'`);
    const first = await request('9120', 'Zonder');
    await request('9120', 'Lezer');
    await ctx.services.notifications.idle();
    const sent = await alerts();
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ to: 'admin@demo.example', subject: expect.stringContaining('CPAS Online') });
    expect(sent[0]!.body).toContain(first.reference);
    expect(sent[0]!.body).toContain('Beveren-Kruibeke-Zwijndrecht');

    const { date, items } = await ctx.services.helpRequests.unreadableOcmws();
    expect(date).toBe(TODAY);
    const bkz = items.find((i) => i.organisationId === sent[0]!.organisationId)!;
    expect(bkz).toMatchObject({ unread: 2, oldestReceivedOn: first.receivedOn });

    // The administrators' page lists it (named in the reader's language); nobody else may read it.
    const admin = ctx.client();
    await admin.loginAs('admin');
    const res = await admin.get('/api/v1/admin/help-requests/unreadable');
    expect(res.statusCode).toBe(200);
    expect(res.json().items).toContainEqual(expect.objectContaining({ organisationId: bkz.organisationId, name: 'OCMW Beveren-Kruibeke-Zwijndrecht', unread: 2 }));
    const worker = ctx.client();
    await worker.loginAs('user.antwerpen');
    expect((await worker.get('/api/v1/admin/help-requests/unreadable')).statusCode).toBe(403);
  });

  it('two instances that file at once for an OCMW nobody reads warn the administrators once', async () => {
    const db = ctx.database.db;
    await db.execute(sql`delete from mails where kind = ${UNREADABLE_OCMW_MAIL}`);
    // Two new instances, each with its own memory (no shared "warned until"): only the database can keep them to one mail.
    const instances = [createServices({ db, clock: ctx.clock, config: ctx.config }), createServices({ db, clock: ctx.clock, config: ctx.config })];
    try {
      await Promise.all(
        instances.map((instance, i) =>
          instance.helpRequests.submit({ language: 'nl', kinds: ['leefloon'], postcode: '9120', surname: `Instantie${i}`, firstName: 'Test', phone: '03 123 45 67', message: 'Issue 19' }),
        ),
      );
      await Promise.all(instances.map((instance) => instance.notifications.idle()));
      expect(await alerts()).toHaveLength(1);
    } finally {
      await Promise.all(instances.map((instance) => instance.notifications.close()));
    }
  });

  it('an OCMW that gets a reader is no longer listed', async () => {
    const db = ctx.database.db;
    const [bkz] = await queryRows<{ id: string }>(db, sql`select id from organisations where name_nl = 'OCMW Beveren-Kruibeke-Zwijndrecht'`);
    const [domain] = await queryRows<{ id: string }>(db, sql`insert into domains (organisation_id, code) values (${bkz!.id}::uuid, 'MW') returning id`);
    const [member] = await queryRows<{ id: string }>(
      db,
      sql`insert into memberships (domain_id, user_id, type) select ${domain!.id}::uuid, id, 'USER' from users where username = 'tb.beveren' returning id`,
    );
    await db.execute(sql`insert into membership_applications (membership_id, application) values (${member!.id}::uuid, 'ocmw-online')`);
    const { items } = await ctx.services.helpRequests.unreadableOcmws();
    expect(items.map((i) => i.organisationId)).not.toContain(bkz!.id);
  });
});
