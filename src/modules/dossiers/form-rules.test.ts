import { describe, expect, it } from 'vitest';
import { findOverlap, periodsOverlap, stopRefusal } from './form-rules.js';

const p = (startDate: string, endDate: string | null = null) => ({ startDate, endDate });

describe('periodsOverlap', () => {
  it.each([
    [p('2025-01-01', '2025-01-31'), p('2025-02-01', '2025-02-28'), false, 'consecutive months'],
    [p('2025-01-01', '2025-01-31'), p('2025-01-31', '2025-02-28'), true, 'sharing the last day'],
    [p('2025-01-01'), p('2030-06-01', '2030-06-30'), true, 'open-ended first'],
    [p('2025-03-01', '2025-03-31'), p('2025-01-01'), true, 'open-ended second starting before'],
    [p('2025-03-01', '2025-03-31'), p('2025-04-01'), false, 'open-ended second starting after'],
    [p('2025-01-01'), p('2024-01-01'), true, 'two open-ended'],
    [p('2024-12-31', '2024-12-31'), p('2025-01-01'), false, 'stopped the day before a re-entry (R9.3)'],
    [p('2025-01-10', '2025-01-20'), p('2025-01-01', '2025-01-31'), true, 'inside'],
    [p('2025-01-01', '2025-01-31'), p('2025-01-10', '2025-01-20'), true, 'around'],
  ] as [ReturnType<typeof p>, ReturnType<typeof p>, boolean, string][])('%j and %j overlap: %s (%s)', (a, b, expected) => {
    expect(periodsOverlap(a, b)).toBe(expected);
    expect(periodsOverlap(b, a)).toBe(expected);
  });
});

describe('findOverlap (R9.1: no overlapping running forms of the same kind)', () => {
  const existing = [
    { id: 'a', kind: 'integration', status: 'running', ...p('2025-01-01', '2025-06-30') },
    { id: 'b', kind: 'integration', status: 'stopped', ...p('2025-07-01', '2025-12-31') },
    { id: 'c', kind: 'a036', status: 'running', ...p('2025-01-01') },
  ];
  it.each([
    [{ kind: 'integration', ...p('2025-06-01') }, 'a'],
    [{ kind: 'integration', ...p('2025-07-01') }, undefined],
    [{ kind: 'integration', ...p('2025-08-01', '2025-09-30') }, undefined],
    [{ kind: 'a036', ...p('2026-01-01', '2026-01-31') }, 'c'],
    [{ kind: 'a036', ...p('2024-01-01', '2024-12-31') }, undefined],
  ])('a new %j meets %s', (candidate, id) => {
    expect(findOverlap(existing, candidate)?.id).toBe(id);
  });
});

describe('stopRefusal (a stop shortens a running form, never lengthens it)', () => {
  const running = (endDate: string | null) => ({ status: 'running', ...p('2025-01-01', endDate) });
  it.each([
    [running(null), '2025-06-30', '2025-03-01', null],
    [running('2025-12-31'), '2025-06-30', '2025-03-01', null],
    [running('2025-12-31'), '2025-12-31', '2025-03-01', null],
    [running('2025-12-31'), '2025-01-01', '2025-03-01', null],
    [running('2025-12-31'), '2026-03-31', '2025-03-01', 'dossier.stop_after_end'],
    [running('2025-12-31'), '2024-12-31', '2025-03-01', 'dossier.end_before_start'],
    [running('2025-06-30'), '2025-06-01', '2026-01-10', 'dossier.already_ended'],
    [running('2025-06-30'), '2025-06-30', '2025-06-30', null],
    [{ status: 'stopped', ...p('2025-01-01', '2025-03-31') }, '2025-02-01', '2025-03-01', 'dossier.already_stopped'],
    [{ status: 'cancelled', ...p('2025-01-01') }, '2025-02-01', '2025-03-01', 'dossier.already_stopped'],
    [{ status: 'ended', ...p('2025-01-01', '2025-06-30') }, '2025-06-01', '2026-01-10', 'dossier.already_ended'],
  ] as const)('%j stopped on %s, today %s: %s', (form, endDate, today, key) => {
    expect(stopRefusal(form, endDate, today)?.key ?? null).toBe(key);
  });
});
