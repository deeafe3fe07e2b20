import { describe, expect, it } from 'vitest';
import { cutoffDate, effectiveSettings, RETENTION_KINDS, retentionProblem } from './retention-rules.js';

describe('retention settings an operator may set', () => {
  it.each([
    ['mails', '30', undefined],
    ['mails', 30, undefined],
    ['sessions', '0', undefined],
    ['access-log', '3653', undefined],
    ['access-log', '3652', 'retention.days_below_minimum'],
    ['dossier-forms', '365', 'retention.days_below_minimum'],
    ['mails', '6', 'retention.days_below_minimum'],
    ['mails', '36526', 'retention.days_above_maximum'],
    ['mails', '-1', 'retention.days_invalid'],
    ['mails', '1.5', 'retention.days_invalid'],
    ['mails', 'ninety', 'retention.days_invalid'],
    ['mails', '', 'retention.days_invalid'],
    ['audit-log', '30', 'retention.kind_unknown'],
    ['__proto__', '30', 'retention.kind_unknown'],
  ] as const)('%s %s → %s', (kind, days, problem) => {
    expect(retentionProblem(kind, days)?.key).toBe(problem);
  });

  it('keeps the access log 10 years by default, and no default below its own minimum', () => {
    expect(RETENTION_KINDS['access-log'].defaultDays).toBe(3653);
    for (const [kind, rule] of Object.entries(RETENTION_KINDS)) expect(rule.defaultDays, kind).toBeGreaterThanOrEqual(rule.minDays);
  });
});

describe('the cut-off of a business day', () => {
  it.each([
    ['2026-03-01', 90, '2025-12-01'],
    ['2024-03-01', 1, '2024-02-29'],
    ['2026-12-07', 0, '2026-12-07'],
    ['2036-12-07', 3653, '2026-12-07'],
  ] as const)('%s minus %i days is %s', (today, days, cutoff) => {
    expect(cutoffDate(today, days)).toBe(cutoff);
  });

  it('refuses a day that is not a date', () => {
    expect(() => cutoffDate('2026-02-30', 1)).toThrow();
  });

  it('uses the operator’s value where set, the default elsewhere', () => {
    const settings = effectiveSettings(new Map([['mails', 30]]));
    expect(settings.find((s) => s.kind === 'mails')).toEqual({ kind: 'mails', days: 30, isDefault: false });
    expect(settings.find((s) => s.kind === 'access-log')).toEqual({ kind: 'access-log', days: 3653, isDefault: true });
  });
});
