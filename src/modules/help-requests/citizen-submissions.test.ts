import { describe, expect, it } from 'vitest';
import { AppError } from '../../shared/errors.js';
import { batcher } from './citizen-submissions.js';

/** A run that records its batches and answers each item with itself doubled (or refuses odd ones when asked). */
function recorder(refuseOdd = false) {
  const batches: number[][] = [];
  const run = async (items: number[]): Promise<PromiseSettledResult<number>[]> => {
    batches.push(items);
    return items.map((n) => (refuseOdd && n % 2 ? { status: 'rejected', reason: new Error(`odd ${n}`) } : { status: 'fulfilled', value: n * 2 }));
  };
  return { batches, run };
}

describe('batcher (issue 20: group commit of citizens’ submissions)', () => {
  it.each([
    { added: 1, max: 500, batches: [1] },
    { added: 7, max: 500, batches: [7] },
    { added: 7, max: 3, batches: [3, 3, 1] },
    { added: 1000, max: 500, batches: [500, 500] },
  ])('$added items added at once with at most $max a batch go in batches of $batches', async ({ added, max, batches: sizes }) => {
    const { batches, run } = recorder();
    const add = batcher(run, max, 1, 10_000);
    const answers = await Promise.all(Array.from({ length: added }, (_, i) => add(i)));
    expect(answers).toEqual(Array.from({ length: added }, (_, i) => i * 2));
    expect(batches.map((b) => b.length)).toEqual(sizes);
  });

  it('settles each item with its own result, in order', async () => {
    const { run } = recorder(true);
    const add = batcher(run, 500, 1, 100);
    const settled = await Promise.allSettled([1, 2, 3, 4].map((n) => add(n)));
    expect(settled.map((s) => s.status)).toEqual(['rejected', 'fulfilled', 'rejected', 'fulfilled']);
    expect(settled[1]).toEqual({ status: 'fulfilled', value: 4 });
  });

  it('rejects every item of a batch whose run throws, and goes on with the next batch', async () => {
    let calls = 0;
    const add = batcher(async (items: number[]) => {
      calls++;
      if (calls === 1) throw new Error('database gone');
      return items.map((n) => ({ status: 'fulfilled' as const, value: n }));
    }, 2, 1, 100);
    const first = await Promise.allSettled([add(1), add(2)]);
    expect(first.map((s) => s.status)).toEqual(['rejected', 'rejected']);
    await expect(add(3)).resolves.toBe(3);
  });

  it('refuses at once with 503 "busy" what arrives while the queue is full, and takes it again once there is room', async () => {
    const { run } = recorder();
    const add = batcher(run, 500, 1, 3);
    const accepted = [add(1), add(2), add(3)];
    const refused = await add(4).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(AppError);
    expect(refused).toMatchObject({ code: 'unavailable', status: 503 });
    expect(await Promise.all(accepted)).toEqual([2, 4, 6]);
    await expect(add(4)).resolves.toBe(8);
  });

  it('on a server, batches overlap up to inFlight; never more', async () => {
    let open = 0;
    let most = 0;
    const gates: (() => void)[] = [];
    const add = batcher(async (items: number[]) => {
      open++;
      most = Math.max(most, open);
      await new Promise<void>((resolve) => gates.push(resolve));
      open--;
      return items.map((n) => ({ status: 'fulfilled' as const, value: n }));
    }, 2, 3, 100);
    const answers = Promise.all([1, 2, 3, 4, 5, 6, 7, 8].map((n) => add(n)));
    while (gates.length < 3) await new Promise((r) => setTimeout(r, 5));
    expect(open).toBe(3);
    while (gates.length > 0 || open > 0) {
      gates.splice(0).forEach((g) => g());
      await new Promise((r) => setTimeout(r, 15));
    }
    expect(await answers).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(most).toBe(3);
  });

  it("a batch's follow-up holds its own answers but not the next batch", async () => {
    const events: string[] = [];
    let releaseFollowUp!: () => void;
    const followUp = new Promise<void>((resolve) => (releaseFollowUp = resolve));
    let calls = 0;
    const add = batcher(async (items: number[]) => {
      calls++;
      events.push(`batch ${items.join(',')}`);
      const results = items.map((n) => ({ status: 'fulfilled' as const, value: n }));
      return calls === 1 ? { results, after: followUp.then(() => void events.push('follow-up done')) } : results;
    }, 500, 1, 100);
    const first = add(1).then((v) => events.push(`answer ${v}`));
    await new Promise((r) => setTimeout(r, 30));
    const second = add(2).then((v) => events.push(`answer ${v}`));
    await second;
    expect(events).toEqual(['batch 1', 'batch 2', 'answer 2']);
    releaseFollowUp();
    await first;
    expect(events).toEqual(['batch 1', 'batch 2', 'answer 2', 'follow-up done', 'answer 1']);
  });
});

