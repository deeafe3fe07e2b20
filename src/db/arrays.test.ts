import { describe, expect, it } from 'vitest';
import { pgArrayLiteral } from './arrays.js';

describe('pgArrayLiteral', () => {
  it.each([
    { values: [], literal: '{}' },
    { values: ['a', 'b'], literal: '{"a","b"}' },
    { values: [null, undefined, 'x'], literal: '{NULL,NULL,"x"}' },
    { values: ['NULL'], literal: '{"NULL"}' },
    { values: ['say "hi"', 'back\\slash'], literal: '{"say \\"hi\\"","back\\\\slash"}' },
    { values: ['a,b', '{c}', ' d '], literal: '{"a,b","{c}"," d "}' },
    { values: [1, 20], literal: '{"1","20"}' },
  ])('$values → $literal', ({ values, literal }) => {
    expect(pgArrayLiteral(values)).toBe(literal);
  });
});
