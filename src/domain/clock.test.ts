import { describe, expect, it } from 'vitest';
import { addDays, brusselsDate, createClock, daysBetween, isIsoDate } from './clock.js';

describe('business clock', () => {
  it('uses the Brussels calendar date of the wall clock by default', () => {
    // 23:30 UTC on 31 December is already 1 January in Brussels.
    const clock = createClock({ now: () => new Date('2024-12-31T23:30:00Z') });
    expect(clock.today()).toBe('2025-01-01');
    expect(clock.realToday()).toBe('2025-01-01');
  });

  it('keeps a fixed business date (OCMW_TODAY) apart from the real date', () => {
    const clock = createClock({ fixedToday: '2024-12-31', now: () => new Date('2026-11-28T10:00:00Z') });
    expect(clock.today()).toBe('2024-12-31');
    expect(clock.realToday()).toBe('2026-11-28');
  });

  it('overrides today inside runWithToday only, also across awaits', async () => {
    const clock = createClock({ fixedToday: '2024-12-31' });
    const inner = await clock.runWithToday('2025-01-01', async () => {
      await new Promise((r) => setTimeout(r, 1));
      return clock.today();
    });
    expect(inner).toBe('2025-01-01');
    expect(clock.today()).toBe('2024-12-31');
  });

  it.each(['2024-13-01', '2024-02-30', '24-01-01', 'tomorrow', ''])('refuses the invalid date %j', (d) => {
    expect(isIsoDate(d)).toBe(false);
    expect(() => createClock({ fixedToday: d })).toThrow();
  });

  it.each([
    ['2024-12-31', 1, '2025-01-01'],
    ['2024-02-28', 1, '2024-02-29'],
    ['2025-01-01', -1, '2024-12-31'],
    ['2025-03-29', 2, '2025-03-31'], // across the DST change
  ])('addDays(%s, %i) = %s', (d, n, expected) => {
    expect(addDays(d, n)).toBe(expected);
    expect(daysBetween(d, expected)).toBe(n);
  });

  it('formats summer time instants by their Brussels date', () => {
    expect(brusselsDate(new Date('2025-06-30T22:30:00Z'))).toBe('2025-07-01');
  });

  // Called in this order, so that a reused answer of the previous minute would show.
  it.each([
    ['2025-06-30T21:59:59.999Z', '2025-06-30'], // summer: midnight is 22:00 UTC
    ['2025-06-30T22:00:00.000Z', '2025-07-01'],
    ['2025-06-30T22:00:59.999Z', '2025-07-01'],
    ['2025-12-31T22:59:59.999Z', '2025-12-31'], // winter: midnight is 23:00 UTC
    ['2025-12-31T23:00:00.000Z', '2026-01-01'],
    ['2025-03-30T00:59:59.999Z', '2025-03-30'], // the night summer time starts (02:00 → 03:00)
    ['2025-03-30T01:00:00.000Z', '2025-03-30'],
    ['2025-03-29T22:59:59.999Z', '2025-03-29'],
    ['2025-03-29T23:00:00.000Z', '2025-03-30'],
    ['2025-10-25T21:59:59.999Z', '2025-10-25'], // the day before summer time ends
    ['2025-10-25T22:00:00.000Z', '2025-10-26'],
    ['2025-10-26T22:59:59.999Z', '2025-10-26'], // the day it ended: midnight at 23:00 UTC again
    ['2025-10-26T23:00:00.000Z', '2025-10-27'],
    ['1885-06-30T23:42:10.000Z', '1885-06-30'], // local mean time, +00:17:30: one minute, two dates
    ['1885-06-30T23:42:40.000Z', '1885-07-01'],
  ])('brusselsDate(%s) = %s, one call after the other', (instant, expected) => {
    expect(brusselsDate(new Date(instant))).toBe(expected);
  });
});
