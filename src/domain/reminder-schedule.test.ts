import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from './clock.js';
import { receiptDate } from './holidays.js';
import { isReminderDue, reminderStartDay } from './reminder-schedule.js';

const unread = (submittedOn: string, day: string, delayDays: number, frequencyDays: number) =>
  isReminderDue({ submittedOn, day, delayDays, frequencyDays, read: false });

describe('isReminderDue (R6.5)', () => {
  it.each([
    // delay 2, frequency 1: day s+2, s+3, …
    ['2025-03-10', '2025-03-10', 2, 1, false],
    ['2025-03-10', '2025-03-11', 2, 1, false],
    ['2025-03-10', '2025-03-12', 2, 1, true],
    ['2025-03-10', '2025-03-13', 2, 1, true],
    ['2025-03-10', '2025-03-14', 2, 1, true],
    ['2025-03-10', '2025-03-15', 2, 1, true],
    // delay 3, frequency 2: day s+3, s+5, s+7, …
    ['2025-03-10', '2025-03-12', 3, 2, false],
    ['2025-03-10', '2025-03-13', 3, 2, true],
    ['2025-03-10', '2025-03-14', 3, 2, false],
    ['2025-03-10', '2025-03-15', 3, 2, true],
    ['2025-03-10', '2025-03-16', 3, 2, false],
    ['2025-03-10', '2025-03-17', 3, 2, true],
    // delay 1, frequency 7: day s+1, s+8, s+15, …
    ['2025-03-10', '2025-03-10', 1, 7, false],
    ['2025-03-10', '2025-03-11', 1, 7, true],
    ['2025-03-10', '2025-03-12', 1, 7, false],
    ['2025-03-10', '2025-03-17', 1, 7, false],
    ['2025-03-10', '2025-03-18', 1, 7, true],
    ['2025-03-10', '2025-03-25', 1, 7, true],
    // delay 1, frequency 1: every day after the submission day
    ['2025-03-10', '2025-03-11', 1, 1, true],
    // a day before the submission is never due, whatever the frequency
    ['2025-03-10', '2025-03-09', 1, 1, false],
    ['2025-03-10', '2025-03-07', 2, 1, false],
    ['2025-03-10', '2025-03-04', 1, 7, false], // (−6 − 1) mod 7 = 0: only d ≥ s + delay keeps it out
    // month and year boundaries
    ['2025-01-30', '2025-02-01', 2, 1, true],
    ['2024-12-30', '2024-12-31', 2, 1, false],
    ['2024-12-30', '2025-01-01', 2, 1, true],
    ['2024-12-31', '2025-01-03', 3, 2, true],
    ['2024-12-31', '2025-01-04', 3, 2, false],
    ['2024-12-25', '2025-01-01', 7, 7, true],
    ['2024-12-25', '2025-01-08', 7, 7, true],
    ['2024-12-25', '2025-01-07', 7, 7, false],
    // leap day 2028-02-29 counts as a day
    ['2028-02-27', '2028-02-29', 2, 1, true],
    ['2028-02-27', '2028-02-28', 2, 1, false],
    ['2028-02-26', '2028-02-29', 3, 2, true],
    ['2028-02-26', '2028-03-01', 3, 2, false],
    ['2028-02-26', '2028-03-02', 3, 2, true],
    ['2028-02-29', '2028-03-01', 1, 7, true],
    ['2028-02-29', '2028-03-07', 1, 7, false],
    ['2028-02-29', '2028-03-08', 1, 7, true],
    ['2027-02-27', '2027-03-01', 2, 1, true], // no leap day in 2027
    ['2027-02-26', '2027-03-01', 3, 2, true],
  ])('submitted %s, day %s, delay %i, frequency %i → due %s', (submittedOn, day, delay, frequency, expected) => {
    expect(unread(submittedOn, day, delay, frequency)).toBe(expected);
  });

  it.each([
    ['2025-03-10', '2025-03-12', 2, 1],
    ['2025-03-10', '2025-03-13', 3, 2],
    ['2025-03-10', '2025-03-11', 1, 7],
    ['2028-02-27', '2028-02-29', 2, 1],
  ])('never reminds about a read request (submitted %s, day %s)', (submittedOn, day, delayDays, frequencyDays) => {
    expect(unread(submittedOn, day, delayDays, frequencyDays)).toBe(true);
    expect(isReminderDue({ submittedOn, day, delayDays, frequencyDays, read: true })).toBe(false);
  });

  it.each([
    [0, 1],
    [-1, 1],
    [1.5, 1],
    [Number.NaN, 1],
    [2, 0],
    [2, -3],
    [2, 0.5],
    [2, Number.POSITIVE_INFINITY],
  ])('refuses delay %d with frequency %d', (delayDays, frequencyDays) => {
    for (const read of [false, true]) {
      expect(() => isReminderDue({ submittedOn: '2025-03-10', day: '2025-03-12', delayDays, frequencyDays, read })).toThrow(RangeError);
    }
  });

  it.each([
    ['2025-02-29', '2025-03-12'],
    ['2025-03-10', '2025-3-12'],
    ['', '2025-03-12'],
  ])('refuses the dates %j and %j', (submittedOn, day) => {
    expect(() => isReminderDue({ submittedOn, day, delayDays: 2, frequencyDays: 1, read: false })).toThrow(RangeError);
  });

  it('is due exactly on s + delay + k·frequency (k ≥ 0)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 20_000 }),
        fc.integer({ min: -30, max: 400 }),
        fc.integer({ min: 1, max: 30 }),
        fc.integer({ min: 1, max: 30 }),
        (startOffset, elapsed, delayDays, frequencyDays) => {
          const submittedOn = addDays('2000-01-01', startOffset);
          const day = addDays(submittedOn, elapsed);
          const dueDays = new Set<string>();
          for (let d = addDays(submittedOn, delayDays); d <= day; d = addDays(d, frequencyDays)) dueDays.add(d);
          expect(unread(submittedOn, day, delayDays, frequencyDays)).toBe(dueDays.has(day));
        },
      ),
      { numRuns: 1000 },
    );
  });
});

describe('reminderStartDay (R6.5′: the delay counts from the filing day, not the receipt date)', () => {
  it.each([
    // filed at (UTC)              start day      receipt date (R6.10)  first due with delay 2
    ['2025-03-08T09:00:00Z', '2025-03-08', '2025-03-10', '2025-03-10'], // Saturday: due Monday, not Wednesday
    ['2025-03-09T15:00:00Z', '2025-03-09', '2025-03-10', '2025-03-11'], // Sunday
    ['2025-03-10T09:00:00Z', '2025-03-10', '2025-03-10', '2025-03-12'], // Monday: both agree
    ['2025-03-08T23:30:00Z', '2025-03-09', '2025-03-10', '2025-03-11'], // 00:30 in Brussels (winter time) is Sunday
    ['2025-06-14T22:30:00Z', '2025-06-15', '2025-06-16', '2025-06-17'], // 00:30 in Brussels (summer time) is Sunday
    ['2025-06-14T21:30:00Z', '2025-06-14', '2025-06-16', '2025-06-16'], // 23:30 Saturday in Brussels
    ['2024-12-25T10:00:00Z', '2024-12-25', '2024-12-26', '2024-12-27'], // Christmas (legal holiday)
    ['2025-04-19T10:00:00Z', '2025-04-19', '2025-04-22', '2025-04-21'], // Saturday before Easter Monday
    ['2025-10-26T00:30:00Z', '2025-10-26', '2025-10-27', '2025-10-28'], // the night summer time ends
  ])('filed %s: counts from %s (receipt %s), first reminder on %s', (filedAt, start, receipt, firstDue) => {
    const day = reminderStartDay(new Date(filedAt));
    expect(day).toBe(start);
    expect(receiptDate(day)).toBe(receipt);
    const due = (d: string) => isReminderDue({ submittedOn: day, day: d, delayDays: 2, frequencyDays: 1, read: false });
    expect(due(firstDue)).toBe(true);
    expect(due(addDays(firstDue, -1))).toBe(false);
  });

  it('refuses an invalid instant', () => {
    expect(() => reminderStartDay(new Date('not a date'))).toThrow(RangeError);
  });
});
