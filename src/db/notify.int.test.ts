import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../test/test-app.js';
import { openDatabase, queryRows, type Database } from './db.js';
import { changeFeed } from './notify.js';

// Issue 20: the help requests' change feed (migration 0030). On PGlite one instance; on a server
// a second pool on the same database stands for another instance of the portal.
let database: Database;
let drop: () => Promise<void>;
let organisationId: string;

async function until(check: () => boolean, ms = 5_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
}

beforeAll(async () => {
  ({ database, drop } = await openTestDatabase());
  const [org] = await queryRows<{ id: string }>(database.db, sql`select id from organisations where kbo = '0212235604'`);
  organisationId = org!.id;
});
afterAll(async () => {
  await database.close();
  await drop();
});

const file = (db: Database['db'], n: number) =>
  queryRows(
    db,
    sql`insert into help_requests (reference, organisation_id, filed_at, received_on, language, kinds, postcode, nis, surname, first_name, message)
        values (${`OO-2099-${String(n).padStart(7, '0')}-0`}, ${organisationId}::uuid, now(), current_date, 'nl', '{leefloon}', '2000', '11002', 'Feed', 'Test', 'm')`,
  );

describe('the help requests change feed (issue 20)', () => {
  it('has no stamp before it listens, then a new stamp after every committed change, and one per transaction', async () => {
    let heard = 0;
    const feed = changeFeed(database.db, 'ocmw_help_requests', () => heard++);
    try {
      await until(() => feed.stamp() !== undefined);
      const s0 = feed.stamp();
      await file(database.db, 1);
      await until(() => feed.stamp() !== s0);
      const s1 = feed.stamp();
      await queryRows(database.db, sql`update help_requests set read_at = now() where reference = 'OO-2099-0000001-0'`);
      await until(() => feed.stamp() !== s1);
      const s2 = feed.stamp();
      // A statement on another table changes nothing the list shows: no announcement.
      await queryRows(database.db, sql`update organisations set name_nl = name_nl where id = ${organisationId}::uuid`);
      await new Promise((r) => setTimeout(r, 100));
      expect(feed.stamp()).toBe(s2);
      expect(heard).toBeGreaterThanOrEqual(3);
    } finally {
      await feed.close();
    }
    expect(feed.stamp()).toBeUndefined();
  });

  it.skipIf(!process.env.TEST_DATABASE_URL)('on a server: another instance hears the change; a dropped subscription has no stamp until it is back, with a stamp never seen before', async () => {
    const other = await openDatabase({ url: (database.pool!.options as { connectionString: string }).connectionString, poolSize: 2 });
    const feed = changeFeed(other.db, 'ocmw_help_requests');
    try {
      await until(() => feed.stamp() !== undefined);
      const before = feed.stamp();
      await file(database.db, 2);
      await until(() => feed.stamp() !== before);
      const heard = feed.stamp();
      // The listener's connection is cut: no stamp (the caller reads the database), then a new epoch.
      await database.pool!.query(`select pg_terminate_backend(pid) from pg_stat_activity where query = 'listen "ocmw_help_requests"' and datname = current_database()`);
      await until(() => feed.stamp() === undefined);
      await until(() => feed.stamp() !== undefined, 10_000);
      expect(feed.stamp()).not.toBe(heard);
      expect(feed.stamp()!.split('.')[0]).not.toBe(heard!.split('.')[0]);
    } finally {
      await feed.close();
      await other.close();
    }
  });

  it.skipIf(!process.env.TEST_DATABASE_URL)('on a server: its own pings never change the stamp; a ping not heard back in time counts as a dropped connection', async () => {
    const steady = changeFeed(database.db, 'ocmw_feed_ping_test', undefined, { pingMs: 30, pingTimeoutMs: 2_000 });
    const deaf = changeFeed(database.db, 'ocmw_feed_deaf_test', undefined, { pingMs: 30, pingTimeoutMs: 0 });
    try {
      await until(() => steady.stamp() !== undefined);
      const s0 = steady.stamp();
      await new Promise((r) => setTimeout(r, 300));
      expect(steady.stamp()).toBe(s0);
      // A timeout shorter than any answer: every ping is "lost", so the feed keeps dropping its subscription.
      await until(() => deaf.stamp() !== undefined);
      await until(() => deaf.stamp() === undefined);
    } finally {
      await steady.close();
      await deaf.close();
    }
  });

  it.skipIf(!process.env.TEST_DATABASE_URL)('on a server: closed while it reconnects, it leaves no listening connection behind', async () => {
    const channel = 'ocmw_feed_close_test';
    const listening = async () =>
      (await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from pg_stat_activity where query = ${`listen "${channel}"`} and datname = current_database()`))[0]!.n;
    const feed = changeFeed(database.db, channel);
    await until(() => feed.stamp() !== undefined);
    expect(await listening()).toBe(1);
    await queryRows(database.db, sql`select pg_terminate_backend(pid) from pg_stat_activity where query = ${`listen "${channel}"`} and datname = current_database()`);
    await until(() => feed.stamp() === undefined);
    await feed.close();
    await new Promise((r) => setTimeout(r, 1_500));
    expect(await listening()).toBe(0);
    expect(feed.stamp()).toBeUndefined();
  });
});

