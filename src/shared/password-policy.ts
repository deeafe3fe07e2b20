/**
 * Password policy of portal accounts (R2.6 [choice]): at least 12 characters (at most 128),
 * not the username, not a commonly used password. Pure and isomorphic, so the form can warn
 * before the server refuses. Returns every broken rule as a message key.
 */
export type PasswordProblem = 'password.too_short' | 'password.too_long' | 'password.equals_username' | 'password.common';

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;

// The most used passwords of at least 12 characters in public breach lists, plus local ones.
const COMMON = new Set(
  [
    '123456789012', '1234567890123', '12345678901234', '123456789123', '111111111111', '000000000000',
    'qwertyuiopas', 'qwertyuiop123', 'qwerty123456', '1q2w3e4r5t6y', '1qaz2wsx3edc', 'zaq12wsxcde3',
    'password1234', 'password12345', 'password123!', 'passwordpassword', 'iloveyou1234', 'abcdefghijkl',
    'abc123456789', 'aaaaaaaaaaaa', 'welcome12345', 'welcome123!!', 'letmein12345', 'administrator',
    'administrator1', 'changeme1234', 'trustno1trustno1', 'football1234', 'baseball1234', 'sunshine1234',
    'superman1234', 'princess1234', 'dragon123456', 'monkey123456', 'wachtwoord12', 'wachtwoord123',
    'wachtwoord1234', 'motdepasse12', 'motdepasse123', 'passwort1234', 'azertyuiop12', 'azertyuiop123',
    'azerty123456', 'bonjour12345', 'belgique1234', 'belgie123456', 'brussel12345', 'antwerpen123',
    'antwerpen1234', 'ocmw12345678', 'cpas12345678', 'zomer2024!!!', 'winter2024!!!', 'welkom123456',
    'welkom12345!', 'portaal12345', 'demo12345678',
  ].map((p) => p.toLowerCase()),
);

export function checkPassword(password: string, username?: string): PasswordProblem[] {
  const problems: PasswordProblem[] = [];
  if ([...password].length < PASSWORD_MIN_LENGTH) problems.push('password.too_short');
  if ([...password].length > PASSWORD_MAX_LENGTH) problems.push('password.too_long');
  if (username && password.trim().toLowerCase() === username.trim().toLowerCase()) problems.push('password.equals_username');
  if (COMMON.has(password.toLowerCase())) problems.push('password.common');
  return problems;
}
