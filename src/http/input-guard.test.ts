import { describe, expect, it } from 'vitest';
import { unstorableTextPaths } from './input-guard.js';

const nulCharacterPaths = (value: unknown) => unstorableTextPaths(value).map((p) => p.path);

describe('nulCharacterPaths (N3: PostgreSQL refuses U+0000 in text and jsonb)', () => {
  it.each<[string, unknown, string[]]>([
    ['a clean body', { name: 'Peeters', tags: ['a', 'b'], n: 3, ok: true, none: null }, []],
    ['a top-level string', 'a\u0000b', ['_']],
    ['a field', { surname: 'Pee\u0000ters' }, ['surname']],
    ['a nested field and an array item', { address: { street: 'x\u0000' }, kinds: ['leefloon', '\u0000'] }, ['address.street', 'kinds.1']],
    ['an object key', { 'na\u0000me': 'x' }, ['na\u0000me']],
    ['several fields at once', { a: '\u0000', b: 'ok', c: '\u0000\u0000' }, ['a', 'c']],
    ['the escaped text "\\u0000" is no NUL', { a: '\\u0000' }, []],
    ['bytes are not walked', { file: Buffer.from([0, 1, 2]) }, []],
    ['numbers, booleans and null', [0, false, null, undefined], []],
  ])('%s', (_name, value, expected) => {
    expect(nulCharacterPaths(value)).toEqual(expected);
  });

  it('stops at a depth of 64 (a body is at most 1 MiB)', () => {
    let deep: Record<string, unknown> = { leaf: '\u0000' };
    for (let i = 0; i < 100; i++) deep = { d: deep };
    expect(nulCharacterPaths(deep)).toEqual([]);
    let shallow: Record<string, unknown> = { leaf: '\u0000' };
    for (let i = 0; i < 10; i++) shallow = { d: shallow };
    expect(nulCharacterPaths(shallow)).toEqual([`${'d.'.repeat(10)}leaf`]);
  });
});

describe('unstorableTextPaths (text PostgreSQL cannot store: NUL, lone surrogates)', () => {
  it.each<[string, unknown, { path: string; problem: string }[]]>([
    ['a lone high surrogate', { message: 'huur \ud800 betalen' }, [{ path: 'message', problem: 'surrogate' }]],
    ['a lone low surrogate in a key', { ['a\udc00']: 'x' }, [{ path: 'a\udc00', problem: 'surrogate' }]],
    ['a whole pair is fine (an emoji)', { message: 'dank u 😀' }, []],
    ['both problems, each named', { a: '\u0000', b: '\udfff' }, [{ path: 'a', problem: 'nul' }, { path: 'b', problem: 'surrogate' }]],
  ])('%s', (_name, value, expected) => {
    expect(unstorableTextPaths(value)).toEqual(expected);
  });
});
