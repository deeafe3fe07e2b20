import { describe, expect, it } from 'vitest';
import { etagOf, noneMatch } from './vendor-list.js';

describe('vendor list entity tags (issue 20)', () => {
  const tag = etagOf('{"items":[]}');
  it('is strong, quoted and follows the bytes', () => {
    expect(tag).toMatch(/^"[A-Za-z0-9_-]{32}"$/);
    expect(etagOf('{"items":[]}')).toBe(tag);
    expect(etagOf('{"items":[ ]}')).not.toBe(tag);
  });

  it.each([
    [undefined, false],
    ['', false],
    [tag, true],
    [`W/${tag}`, true],
    [`"other", ${tag}`, true],
    ['"other"', false],
    [tag.slice(1, -1), false],
    ['*', true],
  ])('If-None-Match %j matches: %s', (header, expected) => {
    expect(noneMatch(header, tag)).toBe(expected);
  });
});
