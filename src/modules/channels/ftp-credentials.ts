/**
 * FTP account credentials (SPEC R3.5, R3.6): username and password rules, each broken rule
 * returned as a rule id (translated by the caller with channelMessage), and a generator of
 * compliant passwords. Pure apart from the default randomness, which tests replace.
 */
import { randomBytes } from 'node:crypto';

export type FtpUsernameRule = 'ftp.username.empty' | 'ftp.username.chars' | 'ftp.username.length';
export type FtpPasswordRule =
  | 'ftp.password.empty'
  | 'ftp.password.length'
  | 'ftp.password.spaces'
  | 'ftp.password.special_count'
  | 'ftp.password.special_chars';

export const FTP_USERNAME_MAX_LENGTH = 10;
export const FTP_PASSWORD_MAX_LENGTH = 15;
export const FTP_PASSWORD_MIN_SPECIALS = 2;
/** R3.6: the only non-alphanumeric characters an FTP password may contain. */
export const FTP_PASSWORD_SPECIALS = ",;:=?./+*\\$%<>&@#'(!)}-_";

const ALPHANUMERIC = /^[A-Za-z0-9]$/;
const LOWER = 'abcdefghijklmnopqrstuvwxyz';
const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const DIGITS = '0123456789';

/** R3.5: only a-z, A-Z and 0-9 (so no spaces), at most 10 characters; every broken rule. */
export function checkFtpUsername(username: string): FtpUsernameRule[] {
  if (username === '') return ['ftp.username.empty'];
  const problems: FtpUsernameRule[] = [];
  if (!/^[A-Za-z0-9]+$/.test(username)) problems.push('ftp.username.chars');
  if ([...username].length > FTP_USERNAME_MAX_LENGTH) problems.push('ftp.username.length');
  return problems;
}

/**
 * R3.6: at most 15 characters, no whitespace, at least 2 non-alphanumeric characters, and those
 * only from FTP_PASSWORD_SPECIALS; every broken rule. Case-sensitive, so never normalised.
 * Whitespace counts as neither an allowed nor a forbidden special: it has its own rule.
 */
export function checkFtpPassword(password: string): FtpPasswordRule[] {
  if (password === '') return ['ftp.password.empty'];
  const chars = [...password];
  const problems: FtpPasswordRule[] = [];
  if (chars.length > FTP_PASSWORD_MAX_LENGTH) problems.push('ftp.password.length');
  if (chars.some((c) => /\s/.test(c))) problems.push('ftp.password.spaces');
  const specials = chars.filter((c) => !ALPHANUMERIC.test(c) && !/\s/.test(c));
  if (specials.length < FTP_PASSWORD_MIN_SPECIALS) problems.push('ftp.password.special_count');
  if (specials.some((c) => !FTP_PASSWORD_SPECIALS.includes(c))) problems.push('ftp.password.special_chars');
  return problems;
}

/** Uniform index below `size` from a byte source, by rejection sampling (no modulo bias). */
function pick(size: number, random: (n: number) => Uint8Array): number {
  const limit = 256 - (256 % size);
  for (let round = 0; round < 64; round += 1) {
    for (const byte of random(16)) if (byte < limit) return byte % size;
  }
  throw new Error('generateFtpPassword: the random source keeps returning unusable bytes');
}

/**
 * A random R3.6-compliant password of 15 characters: at least one lower-case letter, one
 * upper-case letter, one digit and 3 specials, shuffled. `random(n)` returns n random bytes
 * (default node:crypto randomBytes); inject a seeded one in tests.
 */
export function generateFtpPassword(random: (n: number) => Uint8Array = (n) => new Uint8Array(randomBytes(n))): string {
  const all = LOWER + UPPER + DIGITS + FTP_PASSWORD_SPECIALS;
  const from = (alphabet: string): string => alphabet[pick(alphabet.length, random)]!;
  const chars = [from(LOWER), from(UPPER), from(DIGITS), from(FTP_PASSWORD_SPECIALS), from(FTP_PASSWORD_SPECIALS), from(FTP_PASSWORD_SPECIALS)];
  while (chars.length < FTP_PASSWORD_MAX_LENGTH) chars.push(from(all));
  for (let i = chars.length - 1; i > 0; i -= 1) {
    const j = pick(i + 1, random);
    [chars[i], chars[j]] = [chars[j]!, chars[i]!];
  }
  return chars.join('');
}
