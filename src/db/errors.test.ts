import { describe, expect, it } from 'vitest';
import { isDataError, sqlState } from './errors.js';

const wrapped = (code: string) => Object.assign(new Error('Failed query'), { cause: Object.assign(new Error('db'), { code }) });

describe('database errors', () => {
  it.each([
    ['a check constraint (23514)', { code: '23514' }, true],
    ['a unique violation wrapped by Drizzle (23505 in cause)', wrapped('23505'), true],
    ['a string too long (22001)', { code: '22001' }, true],
    ['a lost connection (08006)', { code: '08006' }, false],
    ['a statement timeout (57014)', wrapped('57014'), false],
    ['a plain error without a code', new Error('boom'), false],
    ['a Node system error code (ECONNRESET)', { code: 'ECONNRESET' }, false],
  ])('%s is a data error: %s', (_what, error, expected) => {
    expect(isDataError(error)).toBe(expected);
  });

  it('reads the SQLSTATE through the wrapping', () => {
    expect(sqlState(wrapped('23503'))).toBe('23503');
  });
});
