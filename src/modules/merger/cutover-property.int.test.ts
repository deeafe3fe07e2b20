/**
 * Property (issue 15, both backends): whatever the forms and memberships of the merging OCMWs,
 * after a cut-over no person has two overlapping running forms of one kind in one OCMW (R9.3′),
 * and no active membership of the merged OCMW holds an application that neither it had before nor
 * any active source membership of that person had (R7.4′); someone blocked in every source is
 * copied blocked. Each case is undone and its data removed, so the cases are independent.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../domain/clock.js';
import type { Db } from '../../db/db.js';
import {
  addForm,
  addMembership,
  addPerson,
  applicationsIn,
  giveHtb,
  mergerFacts,
  overlappingRunningForms,
  removeFixtures,
  type MergerFacts,
} from '../../../test/merger-fixtures.js';
import { createTestContext, type TestContext } from '../../../test/test-app.js';

let ctx: TestContext;
let db: Db;
const mergers: MergerFacts[] = [];

beforeAll(async () => {
  ctx = await createTestContext({ today: '2024-12-20' });
  db = ctx.database.db;
  for (const code of ['merelbeke-melle-2025', 'lokeren-2025', 'antwerpen-2025']) mergers.push(await mergerFacts(db, code));
  await giveHtb(db, mergers[0]!.targetId, 'htb.merelbeke');
});
afterAll(async () => ctx?.close());

const APPS = ['chaman', 'afzender-administratie', 'dossiers'];
const form = fc.record({
  org: fc.nat({ max: 3 }),
  kind: fc.constantFrom('integration' as const, 'a036' as const),
  start: fc.integer({ min: -400, max: 120 }),
  days: fc.option(fc.integer({ min: 0, max: 500 }), { nil: null }),
});
const membership = fc.option(
  fc.record({ status: fc.constantFrom('active' as const, 'blocked' as const), coTb: fc.boolean(), applications: fc.subarray(APPS) }),
  { nil: null },
);
const person = fc.record({ forms: fc.array(form, { maxLength: 3 }), memberships: fc.array(membership, { minLength: 4, maxLength: 4 }) });
const overlaps = (a: { start: number; days: number | null }, b: { start: number; days: number | null }) =>
  (a.days === null || a.start + a.days >= b.start) && (b.days === null || b.start + b.days >= a.start);

describe('any cut-over (property, fast-check)', () => {
  it('leaves no overlapping running forms and no application an active source membership did not bring', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: 2 }), fc.array(person, { minLength: 1, maxLength: 4 }), async (which, people) => {
        const m = mergers[which]!;
        // The organisations a fixture can sit in: the sources, and the merged OCMW (scenario 1: it has no domain yet).
        const orgs = [...new Set([...m.sourceIds, m.targetId])];
        const inDomain = m.sourceIds;
        const prefix = `6${which}${String(++run).padStart(3, '0')}`;
        const users: string[] = [];
        try {
          for (const [i, p] of people.entries()) {
            const insz = `${prefix}${String(i).padStart(6, '0')}`;
            // Before the cut-over R9.1 holds: no overlapping running forms of one kind in one OCMW.
            const kept: ((typeof p.forms)[number] & { organisationId: string })[] = [];
            for (const f of p.forms) {
              const organisationId = orgs[f.org % orgs.length]!;
              if (kept.some((k) => k.organisationId === organisationId && k.kind === f.kind && overlaps(k, f))) continue;
              kept.push({ ...f, organisationId });
              const start = addDays(m.effectiveDate, f.start);
              await addForm(db, { organisationId, insz, kind: f.kind, start, end: f.days === null ? null : addDays(start, f.days) });
            }
            const userId = await addPerson(db, `pp${prefix}.${i}`, insz);
            users.push(userId);
            for (const [j, ms] of p.memberships.entries()) {
              if (!ms || j >= inDomain.length) continue;
              await addMembership(db, { organisationId: inDomain[j]!, userId, type: ms.coTb ? 'CO_TB' : 'USER', status: ms.status, applications: ms.applications });
            }
          }
          const sources = m.sourceIds.filter((id) => id !== m.targetId);
          const targetBefore = await applicationsIn(db, [m.targetId], false);
          const activeSources = await applicationsIn(db, sources, true);
          const anySources = await applicationsIn(db, sources, false);
          await ctx.services.mergers.cutover.run(m.id, { userId: null, username: 'property' });

          expect(await overlappingRunningForms(db)).toEqual([]);
          for (const [key, after] of await applicationsIn(db, [m.targetId], false)) {
            if (!users.some((u) => key.startsWith(`${u}:`))) continue;
            const had = targetBefore.get(key)?.applications ?? new Set<string>();
            const brought = activeSources.get(key)?.applications ?? new Set<string>();
            if (after.status === 'active') for (const app of after.applications) expect(had.has(app) || brought.has(app)).toBe(true);
            // Copied (not there before) and blocked in every source: copied blocked, without a role.
            if (!targetBefore.has(key) && anySources.has(key) && !activeSources.has(key)) {
              expect(after).toMatchObject({ status: 'blocked', type: 'USER' });
            }
          }
          await ctx.services.mergers.cutover.undo(m.id, { userId: null, username: 'property' });
        } finally {
          await removeFixtures(db, prefix, `pp${prefix}.`);
        }
      }),
      { numRuns: 15 },
    );
  }, 240_000);
});
