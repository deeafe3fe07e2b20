import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/db.js';
import { createTestContext, type TestContext } from '../../../test/test-app.js';
import { createSubmissionFiler, type Submission } from './citizen-submissions.js';
import type { CitizenRequest } from './help-requests.schema.js';

// Issue 20 (review): a batch the database refuses is filed again in halves, so one bad submission
// costs the others nothing and costs about 2·log2(n) attempts, not one per submission.
const TODAY = '2026-03-10';
let ctx: TestContext;
let ocmwId: string;

beforeAll(async () => {
  ctx = await createTestContext({ today: TODAY });
  [{ id: ocmwId }] = (await queryRows<{ id: string }>(ctx.database.db, sql`select id from organisations where kbo = '0212235604'`)) as [{ id: string }];
});
afterAll(async () => ctx?.close());

function filer() {
  let attempts = 0;
  const file = createSubmissionFiler({
    db: ctx.database.db,
    clock: ctx.clock,
    notifications: ctx.services.notifications,
    mailsPerAddressPerDay: 3,
    // Called once per distinct postcode per attempt: with one postcode, it counts the attempts.
    resolve: async () => {
      attempts++;
      return { nis: '11002', ocmw: { id: ocmwId } };
    },
    ocmwsForCitizens: async (ocmws) => new Map(ocmws.map((o) => [o.id, { id: o.id, view: { id: o.id, name: { nl: 'OCMW Antwerpen', fr: 'CPAS d’Anvers', de: 'ÖSHZ Antwerpen' } }, contactBlock: '' }])),
    withoutReader: async () => [],
    warnUnreadable: async () => undefined,
    changed: () => undefined,
  });
  return { file, attempts: () => attempts };
}

const submission = (surname: string, language: string): Submission => ({
  input: { language, kinds: ['leefloon'], postcode: '2000', surname, firstName: 'Test', phone: '03 123 45 67', message: 'Issue 20' } as CitizenRequest,
  at: new Date(),
  receivedOn: TODAY,
  today: TODAY,
});

describe('a batch with one submission the database refuses (issue 20)', () => {
  it('files the 15 others, refuses that one, and needs at most 9 attempts for 16', async () => {
    const { file, attempts } = filer();
    // 'xx' breaks the table's language check: the whole batch's statement fails.
    const surnames = Array.from({ length: 16 }, (_, i) => `Halvering${i}`);
    const settled = await Promise.allSettled(surnames.map((s, i) => file(submission(s, i === 11 ? 'xx' : 'nl'))));
    expect(settled.map((s) => s.status)).toEqual(surnames.map((_, i) => (i === 11 ? 'rejected' : 'fulfilled')));
    const references = settled.flatMap((s) => (s.status === 'fulfilled' ? [s.value.reference] : []));
    expect(new Set(references).size).toBe(15);
    const stored = await queryRows<{ surname: string }>(ctx.database.db, sql`select surname from help_requests where surname like 'Halvering%' order by surname`);
    expect(stored.map((r) => r.surname).sort()).toEqual(surnames.filter((_, i) => i !== 11).sort());
    // 16 → 8 + 8 → 4 + 4 → 2 + 2 → 1 + 1: 9 attempts (one by one it was 17).
    expect(attempts()).toBeLessThanOrEqual(9);
  });
});
