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

function filer(batchesInFlight = 1, slowMs = 0) {
  let attempts = 0;
  const real = ctx.services.notifications;
  const file = createSubmissionFiler({
    batchesInFlight,
    db: ctx.database.db,
    clock: ctx.clock,
    // slowMs: a transaction that takes its time (the mails are recorded inside it), so that batches overlap.
    notifications: slowMs ? { ...real, recordMessages: async (tx, mails) => (await new Promise((r) => setTimeout(r, slowMs)), real.recordMessages(tx, mails)) } : real,
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

describe('the acknowledgements one address may receive (issue 17) with batches at once (issue 20)', () => {
  it('stays at mailsPerAddressPerDay when batches overlap and two instances file for the same address', async () => {
    const email = `limit.${Date.now()}@example.org`;
    const one = filer(4, 60);
    const other = filer(4, 60);
    const filed: Promise<unknown>[] = [];
    for (let i = 0; i < 12; i++) {
      const s = submission(`Limiet${i}`, 'nl');
      filed.push((i % 2 ? one : other).file({ ...s, input: { ...s.input, email } as CitizenRequest }));
      // Apart enough to land in batches of their own, which then run at the same time.
      await new Promise((r) => setTimeout(r, 12));
    }
    const settled = await Promise.allSettled(filed);
    expect(settled.every((r) => r.status === 'fulfilled')).toBe(true);
    const [{ n }] = (await queryRows<{ n: number }>(ctx.database.db, sql`select count(*)::int as n from mails where kind = 'online-acknowledgement' and to_address = ${email}`)) as [{ n: number }];
    expect(n).toBe(3);
  });
});

