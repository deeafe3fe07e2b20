import { describe, expect, it } from 'vitest';
import { checkPassword } from './password-policy.js';

describe('password policy (R2.6)', () => {
  it.each([
    ['Zon-Maan-Sterren-42', 'jan.peeters', []],
    ['kort-12345', 'jan', ['password.too_short']],
    ['jan.peeters.x', 'jan.peeters.x', ['password.equals_username']],
    ['JAN.PEETERS.X', 'jan.peeters.x', ['password.equals_username']],
    ['Wachtwoord1234', 'jan', ['password.common']],
    ['123456789012', 'jan', ['password.common']],
    ['a'.repeat(129), 'jan', ['password.too_long']],
    ['é'.repeat(12), 'jan', []],
    ['😀'.repeat(11), 'jan', ['password.too_short']],
  ])('%j for %j → %j', (password, username, problems) => {
    expect(checkPassword(password, username)).toEqual(problems);
  });
});
