import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/db.js';
import { hashPassword, personWithPassword } from '../src/modules/access/passwords.js';
import { DEMO_PASSWORD } from '../src/seed/demo.js';
import { openTestDatabase } from './test-app.js';

/**
 * Issue 21 (review): the development identity provider signs in with the published demo password,
 * so it reaches only the people whose own password is that password — never a real person in the
 * same database, even when someone turns it on outside production.
 */
let database: Database;
let drop: () => Promise<void>;

beforeAll(async () => {
  ({ database, drop } = await openTestDatabase());
  // A person with a password of their own, and one without INSZ.
  await database.db.execute(sql`update users set password_hash = ${await hashPassword('Een-Eigen-Wachtwoord-42')} where username = 'cotb.antwerpen'`);
  await database.db.execute(sql`update users set insz = null where username = 'htb.beveren'`);
});
afterAll(async () => drop());

describe('the people the development identity provider may sign in', () => {
  it.each([
    ['tb.antwerpen', true, 'a demo person with the demo password'],
    ['TB.Antwerpen', true, 'whatever the case of the name'],
    ['cotb.antwerpen', false, 'a person with a password of their own'],
    ['htb.beveren', false, 'a person without INSZ'],
    ['niemand.hier', false, 'an unknown name'],
  ])('%s: %s (%s)', async (username, reachable) => {
    expect((await personWithPassword(database.db, username, DEMO_PASSWORD)) !== undefined).toBe(reachable);
  });
});
