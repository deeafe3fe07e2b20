import { describe, expect, it } from 'vitest';
import type { UiLanguage } from '../i18n/index.js';
import { formatDate, formatDateTime, formatNumber } from './format.js';

/** Intl writes French groups and some times with narrow or plain no-break spaces. */
const plain = (text: string) => text.replace(/[\u202f\u00a0]/g, ' ');

describe('dates on screen in the UI language (issue 18)', () => {
  it.each<[UiLanguage, string | Date | null | undefined, string]>([
    ['nl', '2025-01-01', '01/01/2025'],
    ['fr', '2025-01-01', '01/01/2025'],
    ['de', '2025-01-01', '01.01.2025'],
    ['en', '2025-01-01', '1 January 2025'],
    ['de', '2024-12-31', '31.12.2024'],
    // a moment is the day it is in Brussels: 23:30 UTC on 31 December is 1 January there
    ['nl', '2024-12-31T23:30:00Z', '01/01/2025'],
    ['de', new Date('2025-06-30T10:00:00Z'), '30.06.2025'],
    // a timestamp as PostgreSQL writes it
    ['fr', '2026-11-29 23:15:50.202+00', '30/11/2026'],
    ['nl', null, ''],
    ['nl', undefined, ''],
    ['nl', '', ''],
    ['en', 'not a date', 'not a date'],
  ])('%s writes %s as %s', (language, value, expected) => {
    expect(formatDate(value, language)).toBe(expected);
  });

  it.each<[UiLanguage, string | Date, string]>([
    ['nl', '2025-07-01T12:05:00Z', '01/07/2025 14:05'],
    ['fr', '2025-07-01T12:05:00Z', '01/07/2025 14:05'],
    ['de', '2025-07-01T12:05:00Z', '01.07.2025 14:05'],
    ['en', '2025-07-01T12:05:00Z', '1 July 2025, 14:05'],
    // winter time: Brussels is one hour ahead
    ['de', '2026-01-15T08:00:00.000Z', '15.01.2026 09:00'],
    ['nl', '2026-11-29 06:15:50.202+00', '29/11/2026 07:15'],
    // a plain date has no time of day
    ['de', '2025-01-01', '01.01.2025'],
    ['en', 'soon', 'soon'],
  ])('%s writes the moment %s as %s', (language, value, expected) => {
    expect(formatDateTime(value, language)).toBe(expected);
  });

  it.each<[UiLanguage, number, string]>([
    ['nl', 1234567, '1.234.567'],
    ['de', 1234, '1.234'],
    ['fr', 1234, '1 234'],
    ['en', 1234, '1,234'],
    ['nl', 12, '12'],
  ])('%s writes the number %s as %s', (language, value, expected) => {
    expect(plain(formatNumber(value, language))).toBe(expected);
  });

  it('uses the current UI language without one (Dutch by default)', () => {
    expect(formatDate('2025-01-01')).toBe('01/01/2025');
  });
});
