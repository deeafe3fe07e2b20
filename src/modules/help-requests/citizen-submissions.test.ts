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
});
