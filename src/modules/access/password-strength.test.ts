import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../seed/demo.js';
import { passwordProblems } from './password-strength.js';

describe('passwordProblems (R2.6, issue 17 finding 8)', () => {
  const person = { username: 'cotb.antwerpen', surname: 'Janssens', firstName: 'Sofie' };
  it.each([
    ['cotb.antwerpen1!', ['password.like_name', 'password.common']],
    ['Janssens-Sofie-2025', ['password.like_name']],
    ['kort1!', ['password.too_short']],
    ['cotb.antwerpen', ['password.equals_username']],
    ['wachtwoord1234', ['password.common']],
    ['motdepasse123', ['password.common']],
    ['password12345!', ['password.common']],
    ['azertyuiop123', ['password.common']],
    ['123456789012', ['password.common']],
    [DEMO_PASSWORD, []],
    ['Correct-Paard-Batterij-Nietje', []],
    ['vliegende-Kaasschaaf-91', []],
  ] as const)('%j → %j', async (password, expected) => {
    expect(await passwordProblems(password, person)).toEqual(expected);
  }, 20_000);
});
