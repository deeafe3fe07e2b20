import { createChallenge, solveChallenge, verifySolution } from 'altcha-lib/v1';
import { describe, expect, it } from 'vitest';
import { createProofOfWork, PROOF_TTL_MS, solveProof } from './citizen-proof.js';
import type { ProofSolutionData } from './help-requests.schema.js';

const SECRET = 'een-geheime-sleutel-van-minstens-32-tekens';
const T0 = Date.parse('2026-06-01T10:00:00Z');

describe('the proof of work of the citizen form (issue 17)', () => {
  let now = T0;
  const work = createProofOfWork({ secret: async () => SECRET, maxNumber: 500, now: () => new Date(now) });

  it('issues a signed challenge that expires after PROOF_TTL_MS, with the difficulty asked', async () => {
    now = T0;
    const c = await work.challenge();
    expect(c).toMatchObject({ algorithm: 'SHA-256', maxnumber: 500, expiresAt: new Date(T0 + PROOF_TTL_MS).toISOString() });
    expect(c.salt).toMatch(new RegExp(`\\?expires=${(T0 + PROOF_TTL_MS) / 1000}&$`));
    expect(solveProof(c)!.number).toBeLessThanOrEqual(500);
  });

  it("issues challenges altcha-lib itself solves and verifies (the browser's widget and the library's own check)", async () => {
    now = Date.now();
    for (let k = 0; k < 5; k++) {
      const c = await work.challenge();
      const found = await solveChallenge(c.challenge, c.salt, 'SHA-256', c.maxnumber).promise;
      expect(found?.number).toBeGreaterThanOrEqual(1);
      expect(found!.number).toBeLessThanOrEqual(500);
      expect(found!.number).toBe(solveProof(c)!.number);
      const payload = { algorithm: 'SHA-256' as const, challenge: c.challenge, number: found!.number, salt: c.salt, signature: c.signature };
      expect(await verifySolution(payload, SECRET)).toBe(true);
      expect(await verifySolution(payload, 'een-andere-sleutel-van-minstens-32-tekens')).toBe(false);
    }
  });

  it.each<[string, (s: ProofSolutionData) => ProofSolutionData, number, string]>([
    ['the solution as found', (s) => s, 0, 'ok'],
    ['just before the expiry', (s) => s, PROOF_TTL_MS - 1, 'ok'],
    ['at the expiry', (s) => s, PROOF_TTL_MS, 'expired'],
    ['a day later', (s) => s, 86_400_000, 'expired'],
    ['another number', (s) => ({ ...s, number: s.number + 1 }), 0, 'invalid'],
    ['another challenge', (s) => ({ ...s, challenge: '0'.repeat(64) }), 0, 'invalid'],
    ['another signature', (s) => ({ ...s, signature: 'f'.repeat(64) }), 0, 'invalid'],
    ['a later expiry in the salt', (s) => ({ ...s, salt: s.salt.replace(/expires=\d+/, 'expires=9999999999') }), 0, 'invalid'],
    ['another algorithm', (s) => ({ ...s, algorithm: 'MD5' as 'SHA-256' }), 0, 'invalid'],
  ])('%s → %s', async (_name, change, later, expected) => {
    now = T0;
    const solution = change(solveProof(await work.challenge())!);
    now = T0 + later;
    const checked = await work.check(solution);
    expect(checked.ok ? 'ok' : checked.reason).toBe(expected === 'ok' ? 'ok' : expected);
    if (checked.ok) expect(checked).toMatchObject({ signature: solution.signature, expiresAt: new Date(T0 + PROOF_TTL_MS) });
  });

  it('follows OCMW_POW_TTL_MINUTES: a one-minute challenge expires after a minute', async () => {
    let at = T0;
    const short = createProofOfWork({ secret: async () => SECRET, maxNumber: 50, ttlMs: 60_000, now: () => new Date(at) });
    const solution = solveProof(await short.challenge())!;
    at = T0 + 59_000;
    expect((await short.check(solution)).ok).toBe(true);
    at = T0 + 60_000;
    expect(await short.check(solution)).toEqual({ ok: false, reason: 'expired' });
  });

  it.each([
    ['signed with another key', { hmacKey: 'een-andere-sleutel-van-minstens-32-tekens', expires: new Date(T0 + 60_000) }],
    ['without an expiry', { hmacKey: SECRET }],
  ])('refuses a challenge %s', async (_name, options) => {
    now = T0;
    const foreign = await createChallenge({ ...options, maxNumber: 50 });
    const checked = await work.check(solveProof({ ...foreign, maxnumber: 50 })!);
    expect(checked).toEqual({ ok: false, reason: 'invalid' });
  });
});
