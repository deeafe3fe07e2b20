import { describe, expect, it } from 'vitest';
import { jsonNestsDeeperThan } from './json-body.js';

describe('jsonNestsDeeperThan (issue 17, finding 1)', () => {
  it.each([
    ['{}', 1, false],
    ['[[]]', 1, true],
    ['[[]]', 2, false],
    ['{"a":{"b":[1,2,{"c":3}]}}', 4, false],
    ['{"a":{"b":[1,2,{"c":3}]}}', 3, true],
    ['{"a":"[[[[[[[[[[["}', 1, false],
    ['{"a":"\\"[[[[[[["}', 1, false],
    ['[1],[2],[3],[4]', 1, false],
    ['['.repeat(1_000_000), 32, true],
    ['"unterminated [[[[', 1, false],
  ])('%j with max %i → %s', (text, max, deeper) => {
    expect(jsonNestsDeeperThan(text, max)).toBe(deeper);
  });
});
