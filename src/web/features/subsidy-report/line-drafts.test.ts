import { describe, expect, it } from 'vitest';
import { draftTotals, isChanged, needsJustification } from './line-drafts.js';
import type { LineDraft } from './subsidy-report-validation.js';
import { CATCH_ALL_TYPE_LIST, SUBSIDY_TYPE_LIST } from './subsidy-report-api.js';

const plainType = SUBSIDY_TYPE_LIST.find((code) => !(CATCH_ALL_TYPE_LIST as readonly string[]).includes(code))!;
const catchAll = CATCH_ALL_TYPE_LIST[0]!;
const line = (amountGranted: string, amountUsed: string, subsidyType = plainType, justification = ''): LineDraft => ({ key: 'k', subsidyType, amountGranted, amountUsed, justification });

describe('the lines editor: what needs a justification (R10.2)', () => {
  it.each([
    ['equal amounts of a plain subsidy', line('1.000,00', '1000'), undefined],
    ['different amounts', line('1.000,00', '900,00'), 'difference'],
    ['a catch-all subsidy with equal amounts', line('10', '10', catchAll), 'catchAll'],
    ['an amount that cannot be read yet', line('1.000,00', 'abc'), undefined],
  ] as const)('%s', (_name, draft, expected) => {
    expect(needsJustification(draft, 'nl')).toBe(expected);
  });
});

describe('the lines editor: unsaved changes and live totals', () => {
  const saved = [{ id: 'l1', subsidyType: plainType, amountGrantedCents: 100000, amountUsedCents: 90000, justification: 'minder nodig' }];
  it.each([
    ['the same amounts typed otherwise', [line('1000', '900,00', plainType, 'minder nodig ')], false],
    ['another amount', [line('1000', '900,01', plainType, 'minder nodig')], true],
    ['a line more', [line('1000', '900', plainType, 'minder nodig'), line('', '')], true],
  ] as const)('%s', (_name, drafts, expected) => {
    expect(isChanged(drafts, saved as never, 'nl')).toBe(expected);
  });

  it.each([
    ['readable amounts add up', [line('1.000,50', '10'), line('0,50', '5')], [100100, 1500]],
    ['an unreadable amount leaves its total open', [line('1.000,50', 'x'), line('0,50', '5')], [100100, undefined]],
    ['no lines: zero', [], [0, 0]],
  ] as const)('%s', (_name, drafts, expected) => {
    expect(draftTotals(drafts, 'nl')).toEqual(expected);
  });
});
