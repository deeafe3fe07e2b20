import { AppError } from '../../shared/errors.js';
import type { Message } from '../../shared/i18n.js';
import type { Db } from '../../db/db.js';
import * as cut from './cutover.repo.js';
import type { Scenario } from './scenario.js';

/** One merger of a wave (SPEC §13 `ocmw merger wave`). */
export interface WaveMerger {
  code: string;
  scenario: Scenario;
  /** planned / applied as stored; blocked (not run: see blockers); failed (an unexpected error, rolled back). */
  status: 'planned' | 'applied' | 'blocked' | 'failed';
  actions: { kind: string; count: number }[];
  changes?: number;
  /** Why it was not carried out: Messages, rendered by the edge (issue 18). */
  blockers: (Message | string)[];
}

export interface WaveReport {
  date: string;
  mergers: WaveMerger[];
}

/** Progress of a wave: which merger (1-based, of how many) and its step. */
export type WaveProgress = (e: { merger: number; mergers: number; code: string; step: number; steps: number; kind: string; changes: number }) => void | Promise<void>;

interface PlanLike {
  merger: { code: string; status: 'planned' | 'applied' };
  scenario: Scenario;
  actions: { kind: string; count: number }[];
  changes: number;
  blockers: Message[];
}
interface RunLike {
  mergerId: number;
  runId: number;
  scenario: Scenario;
  changes: number;
  actions: { kind: string; count: number }[];
  status: 'applied';
}
type Actor = { userId: string | null; username: string };
type RunOptions = { onlyIfPlanned?: boolean; onProgress?: (e: { step: number; steps: number; kind: string; changes: number }) => void | Promise<void> };

export interface WaveDeps {
  db: Db;
  plan(mergerId: number): Promise<PlanLike>;
  run(mergerId: number, actor: Actor, options: RunOptions): Promise<RunLike | null>;
  /** What keeps a merger from running, cheaply: no plan is counted for a merger that runs. */
  blockers(mergerId: number): Promise<Message[]>;
}

/** A merger as its dry run sees it; `ran`: in a run's report, where a merger not carried out wrote nothing (no `changes`). */
const planned = (p: PlanLike, ran = false): WaveMerger => ({
  code: p.merger.code,
  scenario: p.scenario,
  status: p.blockers.length ? 'blocked' : p.merger.status,
  actions: p.actions.map(({ kind, count }) => ({ kind, count })),
  ...(ran ? {} : { changes: p.changes }),
  blockers: p.blockers,
});

/**
 * A wave: every merger of one effective date, planned or run in one go. Each merger runs in its
 * own transaction (the cut-over's), so a blocked one (no HTB yet) or one that fails is reported
 * and the others are carried out. The CLI, the admin API and the scheduled job use it.
 */
export function createWave({ db, plan, run, blockers }: WaveDeps) {
  /** The dry run of every merger of the date; nothing written. */
  async function planWave(date: string): Promise<WaveReport> {
    const mergers: WaveMerger[] = [];
    for (const m of await cut.mergersOn(db, date, false)) mergers.push(planned(await plan(m.id)));
    return { date, mergers };
  }

  /**
   * Runs every merger of the date (`onlyScheduled`: the scheduled ones still planned, as the
   * scheduler does). Never throws for one merger: a refusal is `blocked`, another error `failed`.
   */
  async function runWave(date: string, actor: Actor, options: { onProgress?: WaveProgress; onlyScheduled?: boolean } = {}) {
    const list = await cut.mergersOn(db, date, options.onlyScheduled ?? false);
    const mergers: WaveMerger[] = [];
    const runs: RunLike[] = [];
    const errors: { code: string; error: unknown }[] = [];
    for (const [i, m] of list.entries()) {
      if ((await blockers(m.id)).length) {
        mergers.push(planned(await plan(m.id), true));
        continue;
      }
      try {
        const onProgress = (e: { step: number; steps: number; kind: string; changes: number }) =>
          options.onProgress?.({ merger: i + 1, mergers: list.length, code: m.code, ...e });
        const r = await run(m.id, actor, { onProgress, onlyIfPlanned: options.onlyScheduled });
        if (!r) continue; // another instance ran it meanwhile
        runs.push(r);
        mergers.push({ code: m.code, scenario: r.scenario, status: r.status, actions: r.actions, changes: r.changes, blockers: [] });
      } catch (error) {
        errors.push({ code: m.code, error });
        const refused = error instanceof AppError && error.status < 500;
        mergers.push({ ...planned(await plan(m.id), true), status: refused ? 'blocked' : 'failed', blockers: [error instanceof AppError ? error.detail : (error as Error).message] });
      }
    }
    return { date, mergers, runs, errors };
  }

  return { planWave, runWave };
}

/** True when a wave left a merger not carried out (the CLI's exit 1). */
export const waveBlocked = (report: WaveReport) => report.mergers.some((m) => m.status === 'blocked' || m.status === 'failed');
