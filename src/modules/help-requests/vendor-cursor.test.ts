import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor } from './vendor-cursor.js';

const key = { receivedOn: '2026-11-02', filedAt: '2026-10-31T09:15:00.123456Z', id: '0b0d6c1e-8f3a-4c2b-9d7e-1a2b3c4d5e6f' };
const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64url');

describe('vendor list cursor (issue 20)', () => {
  it('gives back the row it was made from', () => {
    expect(decodeCursor(encodeCursor(key))).toEqual(key);
    expect(decodeCursor(encodeCursor({ ...key, filedAt: '2026-10-31T09:15:00Z' }))).toEqual({ ...key, filedAt: '2026-10-31T09:15:00Z' });
    expect(decodeCursor(b64(`${key.receivedOn}|${key.filedAt}|${key.id.toUpperCase()}`))).toEqual(key);
  });

  it.each([
    ['empty', ''],
    ['not base64url', '!!!!'],
    ['too long', 'A'.repeat(201)],
    ['impossible length', 'AAAAA'],
    ['two parts', b64('2026-11-02|2026-10-31T09:15:00Z')],
    ['four parts', b64(`${key.receivedOn}|${key.filedAt}|${key.id}|x`)],
    ['date not a date', b64(`2026-13-45|${key.filedAt}|${key.id}`)],
    ['date with time', b64(`2026-11-02T00:00:00Z|${key.filedAt}|${key.id}`)],
    ['instant without zone', b64(`${key.receivedOn}|2026-10-31T09:15:00|${key.id}`)],
    ['instant with offset', b64(`${key.receivedOn}|2026-10-31T09:15:00+01:00|${key.id}`)],
    ['instant in nanoseconds', b64(`${key.receivedOn}|2026-10-31T09:15:00.123456789Z|${key.id}`)],
    ['id not a uuid', b64(`${key.receivedOn}|${key.filedAt}|42`)],
    ['SQL in it', b64(`${key.receivedOn}|${key.filedAt}|${key.id}'; drop table x; --`)],
  ])('refuses %s', (_what, cursor) => {
    expect(decodeCursor(cursor)).toBeUndefined();
  });
});
