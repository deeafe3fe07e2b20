import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../shared/messages.js';
import { channelMessage, type ChannelMessageKey } from './channel-messages.js';
import { checkFtpPassword, checkFtpUsername, FTP_PASSWORD_SPECIALS, generateFtpPassword } from './ftp-credentials.js';

describe('FTP username (R3.5)', () => {
  it.each([['a'], ['ocmw'], ['OCMWgent01'], ['0123456789'], ['AbCdEfGhIj'], ['Z9']])('accepts %j', (username) => {
    expect(checkFtpUsername(username)).toEqual([]);
  });

  it.each([
    ['', ['ftp.username.empty']],
    ['abcdefghijk', ['ftp.username.length']],
    ['01234567890', ['ftp.username.length']],
    ['ocmw gent', ['ftp.username.chars']],
    [' ocmw', ['ftp.username.chars']],
    ['ocmw_gent', ['ftp.username.chars']],
    ['ocmw-gent', ['ftp.username.chars']],
    ['ocmw.gent', ['ftp.username.chars']],
    ['liège', ['ftp.username.chars']],
    ['OCMW@gent', ['ftp.username.chars']],
    ['   ', ['ftp.username.chars']],
    ['ocmw gent 2024', ['ftp.username.chars', 'ftp.username.length']],
  ])('refuses %j with %j', (username, expected) => {
    expect(checkFtpUsername(username)).toEqual(expected);
  });
});

describe('FTP password (R3.6)', () => {
  it.each([...FTP_PASSWORD_SPECIALS])('accepts the special character %s', (special) => {
    // Two of the same special: the password is otherwise valid, so only this character is under test.
    expect(checkFtpPassword(`Abc${special}12${special}xy`)).toEqual([]);
  });

  it('allows exactly the specials listed in R3.6', () => {
    expect([...FTP_PASSWORD_SPECIALS].join(' ')).toBe(", ; : = ? . / + * \\ $ % < > & @ # ' ( ! ) } - _");
  });

  it.each([
    ['Abc!def#12', 'two specials'],
    ['ab!#', 'short'],
    ['!#', 'only specials'],
    ['Abcdefghijk!#12', '15 characters'],
    ['aB1!#$%&*()-_=+', 'many specials'],
    ['CaseSensitive!!', 'case kept'],
  ])('accepts %j (%s)', (password) => {
    expect(checkFtpPassword(password)).toEqual([]);
  });

  it.each([' ', '[', ']', '{', '|', '~', '"', '^', '`', 'é', '€', 'ß'])('refuses the special character %j', (char) => {
    const problems = checkFtpPassword(`Abc!12#${char}x`);
    expect(problems).toContain(char === ' ' ? 'ftp.password.spaces' : 'ftp.password.special_chars');
  });

  it.each([
    ['', ['ftp.password.empty']],
    ['Abcdefghijkl!#1', []],
    ['Abcdefghijkl!#12', ['ftp.password.length']],
    ['Abcdefghijklm!#12', ['ftp.password.length']],
    ['Abcdef!12', ['ftp.password.special_count']],
    ['Abcdef12', ['ftp.password.special_count']],
    ['Abc def!#', ['ftp.password.spaces']],
    ['Abc\tdef!#', ['ftp.password.spaces']],
    ['Abc def!', ['ftp.password.spaces', 'ftp.password.special_count']],
    ['Abc!def[12', ['ftp.password.special_chars']],
    ['Abc[def]12', ['ftp.password.special_chars']],
    ['Abc{def12', ['ftp.password.special_count', 'ftp.password.special_chars']],
    ['A b c [ ] { } | ~ x', ['ftp.password.length', 'ftp.password.spaces', 'ftp.password.special_chars']],
  ])('checks %j → %j', (password, expected) => {
    expect(checkFtpPassword(password)).toEqual(expected);
  });

  it('counts characters, not UTF-16 units', () => {
    expect(checkFtpPassword('Abcdefghijkl!#😀')).toEqual(['ftp.password.special_chars']);
  });
});

describe('generated FTP password (R3.6)', () => {
  it('passes every rule and is 15 characters, 1,000 times', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 1000; i += 1) {
      const password = generateFtpPassword();
      expect(password).toHaveLength(15);
      expect(checkFtpPassword(password)).toEqual([]);
      expect(password).toMatch(/[a-z]/);
      expect(password).toMatch(/[A-Z]/);
      expect(password).toMatch(/[0-9]/);
      seen.add(password);
    }
    expect(seen.size).toBe(1000);
  });

  function seeded(seed: string): (n: number) => Uint8Array {
    let counter = 0;
    return (n) => {
      const out = new Uint8Array(n);
      for (let i = 0; i < n; i += 32) {
        out.set(createHash('sha256').update(`${seed}:${counter++}`).digest().subarray(0, Math.min(32, n - i)), i);
      }
      return out;
    };
  }

  it('is deterministic with injected randomness', () => {
    expect(generateFtpPassword(seeded('a'))).toBe(generateFtpPassword(seeded('a')));
    expect(generateFtpPassword(seeded('a'))).not.toBe(generateFtpPassword(seeded('b')));
    for (let i = 0; i < 200; i += 1) expect(checkFtpPassword(generateFtpPassword(seeded(String(i))))).toEqual([]);
  });

  it('copes with a degenerate random source that returns zeros', () => {
    const password = generateFtpPassword((n) => new Uint8Array(n));
    expect(checkFtpPassword(password)).toEqual([]);
  });

  it('fails loudly on a random source that never yields a usable byte', () => {
    expect(() => generateFtpPassword((n) => new Uint8Array(n).fill(255))).toThrow(/random source/);
  });
});

describe('messages', () => {
  const keys: ChannelMessageKey[] = [
    'ftp.username.empty',
    'ftp.username.chars',
    'ftp.username.length',
    'ftp.password.empty',
    'ftp.password.length',
    'ftp.password.spaces',
    'ftp.password.special_count',
    'ftp.password.special_chars',
  ];
  it.each(keys.flatMap((key) => LANGUAGES.map((lang) => [key, lang] as const)))('%s has a %s text', (key, lang) => {
    const text = channelMessage(key, lang);
    expect(text.length).toBeGreaterThan(15);
    if (lang !== 'nl') expect(text).not.toBe(channelMessage(key, 'nl'));
  });

  it('lists the allowed specials', () => {
    expect(channelMessage('ftp.password.special_chars', 'nl')).toContain(", ; : = ? . / + * \\ $ % < > & @ # ' ( ! ) } - _");
  });
});
