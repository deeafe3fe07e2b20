import type { zxcvbn as Zxcvbn } from '@zxcvbn-ts/core';
import { checkPassword, type PasswordProblem } from '../../shared/password-policy.js';

/**
 * The server's full password policy (R2.6, issue 17 finding 8): the shared rules (12+ characters,
 * not the username), then not close to the username or name, and a zxcvbn-ts estimate of at least
 * 3 ("safely unguessable", ≥ 10^8 guesses) against its common-password lists and the Dutch,
 * French and English dictionaries. zxcvbn stays on the server (its lists weigh megabytes); the
 * web form warns with the shared rules only.
 */
export type StrengthProblem = PasswordProblem | 'password.like_name';

const MIN_SCORE = 3;

let loading: Promise<typeof Zxcvbn> | undefined;

async function estimator() {
  const [{ zxcvbn, zxcvbnOptions }, common, nl, fr, en] = await Promise.all([
    import('@zxcvbn-ts/core'),
    import('@zxcvbn-ts/language-common'),
    import('@zxcvbn-ts/language-nl-be'),
    import('@zxcvbn-ts/language-fr'),
    import('@zxcvbn-ts/language-en'),
  ]);
  zxcvbnOptions.setOptions({ graphs: common.adjacencyGraphs, dictionary: { ...common.dictionary, ...nl.dictionary, ...fr.dictionary, ...en.dictionary } });
  return zxcvbn;
}

const letters = (s: string) => s.toLowerCase().normalize('NFD').replace(/[^a-z]/g, '');

/** Every broken rule of `password` for this person, as message keys (empty when acceptable). */
export async function passwordProblems(password: string, person: { username?: string; surname?: string; firstName?: string }): Promise<StrengthProblem[]> {
  const problems: StrengthProblem[] = checkPassword(password, person.username);
  if (problems.length) return problems;
  const inputs = [person.username ?? '', ...(person.username ?? '').split(/[._-]/), person.surname ?? '', person.firstName ?? ''].filter((s) => s.trim().length >= 3);
  const plain = letters(password);
  if (inputs.some((i) => letters(i).length >= 4 && plain.includes(letters(i)))) problems.push('password.like_name');
  const zxcvbn = await (loading ??= estimator());
  if (zxcvbn(password, inputs).score < MIN_SCORE) problems.push('password.common');
  return problems;
}
