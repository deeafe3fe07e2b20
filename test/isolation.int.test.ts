/**
 * Property (issue #3, N4): with two organisations and random access-management operations by
 * their managers, no read or write ever crosses organisations. fast-check generates the
 * operations with a fixed seed; each one is checked against the data of the other organisation.
 */
import fc from 'fast-check';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../src/db/db.js';
import { inszFromParts } from '../src/shared/identifiers.js';
import { createTestContext, type TestClient, type TestContext } from './test-app.js';

type Org = 'A' | 'B';
interface OrgData {
  domainId: string;
  organisationId: string;
  userIds: string[];
}

let ctx: TestContext;
const orgs = {} as Record<Org, OrgData>;
const actors = {} as Record<string, { client: TestClient; org: Org }>;
let serial = 1;

/** A checksum of everything access management stores for one organisation. */
async function checksum(org: Org): Promise<string> {
  const [row] = await queryRows<{ sum: string }>(
    ctx.database.db,
    sql`select md5(coalesce(string_agg(x, '|' order by x), '')) as sum from (
          select m.user_id::text || m.type || m.status || coalesce(m.local_email, '') ||
                 coalesce((select string_agg(a.application, ',' order by a.application) from membership_applications a where a.membership_id = m.id), '') as x
          from memberships m join domains d on d.id = m.domain_id where d.organisation_id = ${orgs[org].organisationId}
          union all
          select om.user_id::text || om.role from organisation_managers om where om.organisation_id = ${orgs[org].organisationId}
          union all
          select d.id::text || coalesce(d.contact_email, '') from domains d where d.organisation_id = ${orgs[org].organisationId}
        ) t`,
  );
  return row!.sum;
}

async function loadOrg(kbo: string | null, name: string): Promise<OrgData> {
  const [d] = await queryRows<{ id: string; organisationId: string }>(
    ctx.database.db,
    sql`select d.id, d.organisation_id as "organisationId" from domains d join organisations o on o.id = d.organisation_id
        where d.code = 'MW' and ${kbo ? sql`o.kbo = ${kbo}` : sql`o.name_nl = ${name}`}`,
  );
  const users = await queryRows<{ userId: string }>(ctx.database.db, sql`select user_id as "userId" from memberships where domain_id = ${d!.id}`);
  return { domainId: d!.id, organisationId: d!.organisationId, userIds: users.map((u) => u.userId) };
}

beforeAll(async () => {
  ctx = await createTestContext();
  orgs.A = await loadOrg('0212235604', 'OCMW Antwerpen');
  orgs.B = await loadOrg(null, 'OCMW Beveren');
  for (const [name, username, org] of [
    ['A-tb', 'tb.antwerpen', 'A'],
    ['A-htb', 'htb.antwerpen', 'A'],
    ['B-tb', 'tb.beveren', 'B'],
    ['B-htb', 'htb.beveren', 'B'],
  ] as const) {
    const client = ctx.client();
    await client.loginAs(username);
    actors[name] = { client, org };
  }
});
afterAll(async () => ctx?.close());

const OPS = ['list', 'get', 'patch', 'block', 'remove', 'bulk', 'add', 'home', 'editDomain', 'export', 'audit', 'managers', 'lookup'] as const;

const operation = fc.record({
  actor: fc.constantFrom('A-tb', 'A-htb', 'B-tb', 'B-htb'),
  op: fc.constantFrom(...OPS),
  domainOf: fc.constantFrom<Org>('A', 'B'),
  userOf: fc.constantFrom<Org>('A', 'B'),
  pick: fc.nat(),
});

describe('organisation isolation (property)', () => {
  it('never lets a manager read or change another organisation’s access data', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(operation, { minLength: 1, maxLength: 12 }), async (ops) => {
        for (const o of ops) {
          const { client, org } = actors[o.actor]!;
          const other: Org = org === 'A' ? 'B' : 'A';
          const domain = orgs[o.domainOf].domainId;
          const users = orgs[o.userOf].userIds;
          const userId = users[o.pick % users.length]!;
          const otherBefore = await checksum(other);
          const base = `/api/v1/access/domains/${domain}`;
          const insz = inszFromParts('770707', serial++);
          const requests: Record<(typeof OPS)[number], () => Promise<{ statusCode: number; body: string }>> = {
            list: () => client.get(`${base}/users?pageSize=100`),
            get: () => client.get(`${base}/users/${userId}`),
            patch: () => client.request({ method: 'PATCH', url: `${base}/users/${userId}`, payload: { applications: ['ebox'] } }),
            block: () => client.request({ method: 'PATCH', url: `${base}/users/${userId}`, payload: { status: 'blocked' } }),
            remove: () => client.request({ method: 'DELETE', url: `${base}/users/${userId}` }),
            bulk: () => client.post(`${base}/users/bulk`, { action: 'unblock', userIds: [userId] }),
            add: () =>
              client.post(`${base}/users`, {
                insz,
                type: 'USER',
                applications: [],
                person: {
                  username: `iso.${serial++}`,
                  usernameConfirm: `iso.${serial - 1}`,
                  password: 'Isolatie-Test-42',
                  passwordConfirm: 'Isolatie-Test-42',
                  surname: 'Iso',
                  firstName: 'Latie',
                  language: 'nl',
                  email: 'iso@demo.example',
                },
              }),
            home: () => client.get(base),
            editDomain: () => client.request({ method: 'PATCH', url: base, payload: { contactEmail: `x${serial++}@demo.example` } }),
            export: () => client.get(`${base}/users/export?format=csv`),
            audit: () => client.get('/api/v1/access/audit?pageSize=100'),
            managers: () => client.get('/api/v1/access/managers'),
            lookup: () => client.post(`${base}/persons/lookup`, { insz }),
          };
          const res = await requests[o.op]();
          const touchesOther = ['audit', 'managers'].includes(o.op) ? false : o.domainOf === other;
          if (touchesOther) expect([403, 404], `${o.actor} ${o.op} on ${o.domainOf}: ${res.statusCode}`).toContain(res.statusCode);
          if (res.statusCode < 300) {
            // Nothing of the other organisation in any successful answer.
            expect(res.body).not.toContain(orgs[other].domainId);
            expect(res.body).not.toContain(orgs[other].organisationId);
            if (o.userOf === other && o.domainOf === org) expect(['get', 'patch', 'block', 'remove'].includes(o.op) && res.statusCode < 300).toBe(false);
          }
          expect(await checksum(other), `${o.actor} ${o.op} changed ${other}`).toBe(otherBefore);
        }
      }),
      { seed: 20251101, numRuns: 25 },
    );
  });
});
