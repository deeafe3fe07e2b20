import { createHash, createHmac, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { extractParams } from 'altcha-lib/v1';
import type { ProofChallengeData, ProofSolutionData } from './help-requests.schema.js';

/**
 * Issue 17: the public form's anti-automation check, a proof of work with altcha-lib (ALTCHA v1,
 * SHA-256). A challenge is SHA-256(salt + n) for a secret n ≤ maxNumber, the salt carries its
 * expiry and the challenge is signed with HMAC-SHA-256: the browser has to try about maxNumber / 2
 * numbers, the server checks a solution with one hash and one HMAC. No third party, no cookie,
 * nothing of the citizen's. A solution is used once (the caller records its signature).
 */

/** How long a challenge is accepted after it was issued (OCMW_POW_TTL_MINUTES' default). */
export const PROOF_TTL_MS = 10 * 60_000;
/**
 * OCMW_POW_MAX_NUMBER's default: aimed at well under a second in a current browser (docs/SECURITY.md: the measured
 * times); a script filing a thousand requests pays the same a thousand times.
 */
export const DEFAULT_POW_MAX_NUMBER = 50_000;

export type ProofCheck = { ok: true; signature: string; expiresAt: Date } | { ok: false; reason: 'invalid' | 'expired' };

export interface ProofOfWorkOptions {
  /** The HMAC key (resolved once, on first use). */
  secret: () => Promise<string>;
  maxNumber: number;
  now: () => Date;
  ttlMs?: number;
}

/** A random HMAC key for when none is configured. */
export function newProofSecret(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * ALTCHA v1's check (altcha-lib's verifySolution without the expiry) with Node's synchronous
 * SHA-256 and HMAC (issue 20: the library's WebCrypto calls cost a thread-pool round trip each,
 * a third of a submission's time): the challenge is SHA-256(salt + number), the signature the
 * HMAC of the challenge, both hex.
 */
function verifyV1(solution: ProofSolutionData, key: string): boolean {
  if (solution.algorithm !== 'SHA-256') return false;
  const salt = solution.salt.endsWith('&') ? solution.salt : `${solution.salt}&`;
  const challenge = createHash('sha256').update(salt + solution.number).digest('hex');
  if (challenge !== solution.challenge) return false;
  // Compared as written (lower-case hex): the spent-proof record is keyed by the signature's text.
  const expected = Buffer.from(createHmac('sha256', key).update(challenge).digest('hex'));
  const given = Buffer.from(solution.signature);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/**
 * ALTCHA v1's challenge (altcha-lib's createChallenge, same format: 12 random bytes of salt in hex,
 * `?expires=<seconds>&`, a secret number from 1 to maxNumber) with Node's synchronous SHA-256 and
 * HMAC: the library's WebCrypto calls (a key import, a digest and a signature, each a thread-pool
 * round trip) were a tenth of the portal's CPU under a load of citizens (issue 20).
 */
export function challengeV1(key: string, maxNumber: number, expires: Date): { challenge: string; salt: string; signature: string } {
  const salt = `${randomBytes(12).toString('hex')}?${new URLSearchParams({ expires: String(Math.floor(expires.getTime() / 1000)) })}&`;
  const challenge = createHash('sha256').update(salt + randomInt(1, maxNumber + 1)).digest('hex');
  return { challenge, salt, signature: createHmac('sha256', key).update(challenge).digest('hex') };
}

export function createProofOfWork({ secret, maxNumber, now, ttlMs = PROOF_TTL_MS }: ProofOfWorkOptions) {
  let key: Promise<string> | undefined;
  const hmacKey = () => {
    key ??= secret().catch((error: unknown) => {
      key = undefined;
      throw error;
    });
    return key;
  };
  return {
    maxNumber,
    /** A new signed challenge, accepted until ttlMs from now (to the second). */
    async challenge(): Promise<ProofChallengeData> {
      const expires = new Date(Math.floor((now().getTime() + ttlMs) / 1000) * 1000);
      const c = challengeV1(await hmacKey(), maxNumber, expires);
      return { algorithm: 'SHA-256', challenge: c.challenge, maxnumber: maxNumber, salt: c.salt, signature: c.signature, expiresAt: expires.toISOString() };
    },
    /** Whether the solution answers a challenge of ours that has not expired (not whether it was used before). */
    async check(solution: ProofSolutionData): Promise<ProofCheck> {
      let valid: boolean;
      try {
        // Expiry against the portal's clock below, not the library's Date.now().
        valid = verifyV1(solution, await hmacKey());
      } catch {
        valid = false;
      }
      const expires = valid ? Number(extractParams(solution).expires) : NaN;
      // Every challenge issued here carries its expiry: a signed one without is not ours.
      if (!valid || !Number.isSafeInteger(expires)) return { ok: false, reason: 'invalid' };
      const expiresAt = new Date(expires * 1000);
      if (expiresAt.getTime() <= now().getTime()) return { ok: false, reason: 'expired' };
      return { ok: true, signature: solution.signature, expiresAt };
    },
  };
}

export type ProofOfWork = ReturnType<typeof createProofOfWork>;

/**
 * Solves a challenge as the browser does, with Node's native SHA-256 (synchronous): for the tests,
 * the benchmark and the load script, which file requests through the public route. Null when no
 * number up to maxnumber fits (not a challenge of this kind).
 */
export function solveProof(c: Pick<ProofChallengeData, 'challenge' | 'maxnumber' | 'salt' | 'signature'>): ProofSolutionData | null {
  for (let number = 0; number <= c.maxnumber; number++) {
    if (createHash('sha256').update(c.salt + number).digest('hex') === c.challenge) {
      return { algorithm: 'SHA-256', challenge: c.challenge, number, salt: c.salt, signature: c.signature };
    }
  }
  return null;
}
