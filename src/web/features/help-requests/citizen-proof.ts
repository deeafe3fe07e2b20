import { useEffect, useRef } from 'react';
import { solveChallenge } from 'altcha-lib/v1';
import type { ProofChallengeData, ProofSolutionData } from '../../../modules/help-requests/help-requests.schema.js';
import { helpRequestsApi } from './help-requests-api.js';

/** A challenge is fetched again when less than this is left of it (the citizen took a long time). */
const MARGIN_MS = 60_000;
const MAX_WORKERS = 4;

const solutionOf = (c: ProofChallengeData, number: number): ProofSolutionData => ({
  algorithm: c.algorithm,
  challenge: c.challenge,
  number,
  salt: c.salt,
  signature: c.signature,
});

/** On the page's thread, one awaited hash at a time (only when no worker can start). */
async function solveHere(c: ProofChallengeData, signal: AbortSignal): Promise<ProofSolutionData> {
  const { promise, controller } = solveChallenge(c.challenge, c.salt, c.algorithm, c.maxnumber);
  signal.addEventListener('abort', () => controller.abort(), { once: true });
  const found = await promise;
  if (!found) throw new Error(signal.aborted ? 'aborted' : 'unsolved');
  return solutionOf(c, found.number);
}

/**
 * Issue 17: finds the challenge's number in Web Workers (each a share of 0…maxnumber), so the
 * page stays responsive; on the page's thread when workers cannot start.
 */
export function solveProof(c: ProofChallengeData, signal: AbortSignal): Promise<ProofSolutionData> {
  if (signal.aborted) return Promise.reject(new Error('aborted'));
  if (typeof Worker === 'undefined') return solveHere(c, signal);
  const count = Math.min(MAX_WORKERS, Math.max(1, navigator.hardwareConcurrency || 1));
  const step = Math.ceil((c.maxnumber + 1) / count);
  return new Promise((resolve, reject) => {
    const workers: Worker[] = [];
    let unanswered = count;
    let settled = false;
    const finish = (settle: () => void) => {
      if (settled) return;
      settled = true;
      for (const worker of workers) worker.terminate();
      settle();
    };
    signal.addEventListener('abort', () => finish(() => reject(new Error('aborted'))), { once: true });
    for (let i = 0; i < count && !settled; i++) {
      const worker = new Worker(new URL('./proof-worker.ts', import.meta.url), { type: 'module' });
      workers.push(worker);
      worker.onmessage = (event: MessageEvent<{ number: number } | null>) => {
        if (event.data) finish(() => resolve(solutionOf(c, event.data!.number)));
        else if (--unanswered === 0) finish(() => reject(new Error('unsolved')));
      };
      worker.onerror = () => finish(() => void solveHere(c, signal).then(resolve, reject));
      worker.postMessage({ type: 'work', payload: { algorithm: c.algorithm, challenge: c.challenge, salt: c.salt, start: i * step, max: Math.min(c.maxnumber, (i + 1) * step - 1) } });
    }
  });
}

interface Pending {
  readonly expiresAt: number;
  solution: Promise<ProofSolutionData>;
}

/**
 * The citizen form's proof of work: a challenge is fetched and solved as soon as the form opens,
 * while the citizen types. `take()` gives a solution (waiting only if it is not ready yet, or
 * fetching a fresh one when it is about to expire) and prepares the next one.
 */
export function useCitizenProof() {
  const pending = useRef<Pending | undefined>(undefined);
  const controller = useRef<AbortController | undefined>(undefined);

  function start(): Pending {
    // After the form has gone (unmounted), nothing new is started: the signal is already aborted.
    const signal = controller.current?.signal ?? AbortSignal.abort();
    let expiresAt = Infinity;
    const solution = helpRequestsApi.challenge(signal).then((c) => {
      expiresAt = Date.parse(c.expiresAt);
      return solveProof(c, signal);
    });
    const next: Pending = {
      get expiresAt() {
        return expiresAt;
      },
      solution,
    };
    next.solution.catch(() => {});
    pending.current = next;
    return next;
  }

  useEffect(() => {
    controller.current = new AbortController();
    start();
    return () => {
      controller.current?.abort();
      controller.current = undefined;
      pending.current = undefined;
    };
  }, []);

  return {
    /** A solution for one submission. Rejects when none could be made (network, an old browser). */
    async take(): Promise<ProofSolutionData> {
      let current = pending.current ?? start();
      let solution = await current.solution.catch(() => undefined);
      if (!solution || current.expiresAt - Date.now() < MARGIN_MS) {
        current = start();
        solution = await current.solution;
      }
      start();
      return solution;
    },
  };
}
