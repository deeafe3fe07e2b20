import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, daysBetween } from './clock.js';
import { belgianLegalHolidays, easterSunday, isBelgianLegalHoliday, isWorkingDay, receiptDate } from './holidays.js';

const weekday = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay();

describe('easterSunday', () => {
  it.each([
    [1583, '1583-04-10'], // first year of the Gregorian computus
    [1818, '1818-03-22'], // earliest possible date
    [1943, '1943-04-25'], // latest possible date
    [2000, '2000-04-23'],
    [2008, '2008-03-23'],
    [2011, '2011-04-24'],
    [2019, '2019-04-21'],
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2027, '2027-03-28'],
    [2028, '2028-04-16'],
    [2029, '2029-04-01'],
    [2030, '2030-04-21'],
    [2038, '2038-04-25'],
    [2285, '2285-03-22'],
  ])('puts Easter %i on %s', (year, expected) => {
    expect(easterSunday(year)).toBe(expected);
  });

  it('always gives a Sunday between 22 March and 25 April', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1583, max: 9999 }), (year) => {
        const easter = easterSunday(year);
        expect(weekday(easter)).toBe(0);
        expect(easter.slice(5) >= '03-22' && easter.slice(5) <= '04-25').toBe(true);
      }),
    );
  });

  it.each([1582, 10_000, 0, -1, 2024.5, Number.NaN])('refuses the year %d', (year) => {
    expect(() => easterSunday(year)).toThrow(RangeError);
    expect(() => belgianLegalHolidays(year)).toThrow(RangeError);
  });
});

describe('belgianLegalHolidays', () => {
  // Order: Nieuwjaar, Paasmaandag, Dag van de Arbeid, O.L.H. Hemelvaart, Pinkstermaandag,
  // Nationale feestdag, O.L.V. Hemelvaart, Allerheiligen, Wapenstilstand, Kerstmis.
  it.each([
    [2024, ['2024-01-01', '2024-04-01', '2024-05-01', '2024-05-09', '2024-05-20', '2024-07-21', '2024-08-15', '2024-11-01', '2024-11-11', '2024-12-25']],
    [2025, ['2025-01-01', '2025-04-21', '2025-05-01', '2025-05-29', '2025-06-09', '2025-07-21', '2025-08-15', '2025-11-01', '2025-11-11', '2025-12-25']],
    [2026, ['2026-01-01', '2026-04-06', '2026-05-01', '2026-05-14', '2026-05-25', '2026-07-21', '2026-08-15', '2026-11-01', '2026-11-11', '2026-12-25']],
    [2027, ['2027-01-01', '2027-03-29', '2027-05-01', '2027-05-06', '2027-05-17', '2027-07-21', '2027-08-15', '2027-11-01', '2027-11-11', '2027-12-25']],
    [2028, ['2028-01-01', '2028-04-17', '2028-05-01', '2028-05-25', '2028-06-05', '2028-07-21', '2028-08-15', '2028-11-01', '2028-11-11', '2028-12-25']],
    [2029, ['2029-01-01', '2029-04-02', '2029-05-01', '2029-05-10', '2029-05-21', '2029-07-21', '2029-08-15', '2029-11-01', '2029-11-11', '2029-12-25']],
    [2030, ['2030-01-01', '2030-04-22', '2030-05-01', '2030-05-30', '2030-06-10', '2030-07-21', '2030-08-15', '2030-11-01', '2030-11-11', '2030-12-25']],
  ])('lists the ten legal holidays of %i in date order', (year, expected) => {
    const holidays = belgianLegalHolidays(year);
    expect(holidays.map((h) => h.date)).toEqual(expected);
    for (const date of expected) expect(isBelgianLegalHoliday(date)).toBe(true);
  });

  it('puts Easter Monday, Ascension and Whit Monday on a Monday, a Thursday and a Monday', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1583, max: 9999 }), (year) => {
        const dates = belgianLegalHolidays(year).map((h) => h.date);
        const easter = easterSunday(year);
        expect(dates).toContain(addDays(easter, 1));
        expect(dates).toContain(addDays(easter, 39));
        expect(dates).toContain(addDays(easter, 50));
        expect(weekday(addDays(easter, 39))).toBe(4);
        expect([...dates].sort()).toEqual(dates);
        expect(dates).toHaveLength(10);
      }),
    );
  });

  it('keeps both holidays when Ascension falls on Labour Day (Easter on 23 March, as in 2008)', () => {
    const onFirstMay = belgianLegalHolidays(2008).filter((h) => h.date === '2008-05-01');
    expect(onFirstMay.map((h) => h.name.nl)).toEqual(['Dag van de Arbeid', 'Onze-Lieve-Heer-Hemelvaart']);
    expect(belgianLegalHolidays(2008)).toHaveLength(10);
  });

  it('names every holiday in Dutch, French, German and English', () => {
    const byDate = new Map(belgianLegalHolidays(2025).map((h) => [h.date, h.name]));
    expect(byDate.get('2025-04-21')).toEqual({ nl: 'Paasmaandag', fr: 'Lundi de Pâques', de: 'Ostermontag', en: 'Easter Monday' });
    expect(byDate.get('2025-05-29')).toEqual({
      nl: 'Onze-Lieve-Heer-Hemelvaart',
      fr: 'Ascension',
      de: 'Christi Himmelfahrt',
      en: 'Ascension Day',
    });
    expect(byDate.get('2025-07-21')?.nl).toBe('Nationale feestdag');
    expect(byDate.get('2025-11-11')?.fr).toBe('Armistice');
    for (const name of byDate.values()) {
      for (const text of [name.nl, name.fr, name.de, name.en]) expect(text.length).toBeGreaterThan(0);
    }
  });

  it.each([
    ['2025-04-20', false], // Easter Sunday itself is not on the list (a Sunday anyway)
    ['2025-06-08', false], // nor Whit Sunday
    ['2025-04-18', false], // Good Friday is a working day in Belgium
    ['2025-12-26', false], // Boxing Day is no legal holiday in Belgium
    ['2025-11-15', false], // King's Feast: only for federal civil servants
    ['2025-05-08', false],
    ['2025-05-01', true],
  ])('isBelgianLegalHoliday(%s) = %s', (date, expected) => {
    expect(isBelgianLegalHoliday(date)).toBe(expected);
  });
});

describe('isWorkingDay', () => {
  it.each([
    ['2025-03-10', true], // Monday
    ['2025-03-14', true], // Friday
    ['2025-03-15', false], // Saturday
    ['2025-03-16', false], // Sunday
    ['2025-04-21', false], // Easter Monday
    ['2025-05-29', false], // Ascension Thursday
    ['2025-04-18', true], // Good Friday
    ['2027-12-31', true], // Friday, New Year's Eve
  ])('isWorkingDay(%s) = %s', (date, expected) => {
    expect(isWorkingDay(date)).toBe(expected);
  });

  it.each(['2025-02-29', '2025-13-01', '25-01-01', '', '1582-12-31'])('refuses the date %j', (date) => {
    expect(() => isWorkingDay(date)).toThrow(RangeError);
    expect(() => isBelgianLegalHoliday(date)).toThrow(RangeError);
    expect(() => receiptDate(date)).toThrow(RangeError);
  });
});

describe('receiptDate (R6.10)', () => {
  it.each([
    ['2025-03-12', '2025-03-12', 'a Wednesday is received the same day'],
    ['2025-03-14', '2025-03-14', 'a Friday is received the same day'],
    ['2025-03-15', '2025-03-17', 'a Saturday moves to Monday'],
    ['2025-03-16', '2025-03-17', 'a Sunday moves to Monday'],
    ['2025-04-18', '2025-04-18', 'Good Friday is a working day'],
    ['2025-04-19', '2025-04-22', 'the Saturday before Easter skips Easter Monday'],
    ['2025-04-20', '2025-04-22', 'Easter Sunday skips Easter Monday'],
    ['2025-04-21', '2025-04-22', 'Easter Monday moves to Tuesday'],
    ['2025-05-01', '2025-05-02', 'Labour Day on a Thursday moves to Friday'],
    ['2025-05-29', '2025-05-30', 'Ascension Thursday moves to Friday'],
    ['2025-06-07', '2025-06-10', 'the Saturday before Whitsun skips Whit Monday'],
    ['2025-06-09', '2025-06-10', 'Whit Monday moves to Tuesday'],
    ['2025-11-01', '2025-11-03', 'All Saints on a Saturday moves to Monday'],
    ['2025-11-11', '2025-11-12', 'Armistice on a Tuesday moves to Wednesday'],
    ['2026-08-15', '2026-08-17', 'Assumption on a Saturday moves to Monday'],
    ['2026-11-01', '2026-11-02', 'All Saints on a Sunday moves to Monday'],
    ['2026-12-24', '2026-12-24', 'Thursday 24 December is a working day'],
    ['2026-12-25', '2026-12-28', 'Christmas on a Friday moves to Monday'],
    ['2026-12-26', '2026-12-28', 'Saturday 26 December moves to Monday'],
    ['2026-12-27', '2026-12-28', 'Sunday 27 December moves to Monday'],
    ['2027-12-24', '2027-12-24', 'Friday 24 December is a working day'],
    ['2027-12-25', '2027-12-27', 'Christmas on a Saturday moves to Monday'],
    ['2027-12-26', '2027-12-27', 'Sunday 26 December moves to Monday'],
    ['2022-12-25', '2022-12-26', 'Christmas on a Sunday moves to Monday 26 December (no substitute holiday)'],
    ['2027-12-31', '2027-12-31', 'Friday 31 December is a working day'],
    ['2028-01-01', '2028-01-03', "New Year's Day on a Saturday moves to Monday"],
    ['2022-12-31', '2023-01-02', 'a Saturday before New Year on Sunday moves into the new year'],
    ['2024-02-29', '2024-02-29', 'a leap day on a Thursday is received the same day'],
    ['2008-05-01', '2008-05-02', 'Ascension on Labour Day moves to Friday'],
    ['2285-04-30', '2285-05-04', 'Ascension on 30 April chains into Labour Day and a weekend (Easter on 22 March)'],
  ])('receiptDate(%s) = %s: %s', (filedOn, expected) => {
    expect(receiptDate(filedOn)).toBe(expected);
  });

  it('is the first working day on or after the filing day', () => {
    const first = '1583-01-01';
    const span = daysBetween(first, '9999-12-31');
    fc.assert(
      fc.property(fc.integer({ min: 0, max: span }), (offset) => {
        const filedOn = addDays(first, offset);
        const received = receiptDate(filedOn);
        expect(isWorkingDay(received)).toBe(true);
        const gap = daysBetween(filedOn, received);
        expect(gap).toBeGreaterThanOrEqual(0);
        expect(gap).toBeLessThanOrEqual(4); // Thursday Ascension on 30 April, then Labour Day and a weekend
        for (let i = 0; i < gap; i++) expect(isWorkingDay(addDays(filedOn, i))).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });
});
