import { hostname } from 'node:os';
import type { Db } from '../../db/db.js';
import type { Clock } from '../../domain/clock.js';
import { AppError } from '../../shared/errors.js';
import { msg } from '../../shared/messages.js';
import { authContextOf, can, type Caller } from '../access/index.js';
import type { AuditService } from '../audit/index.js';
import { retentionMessages } from './retention-messages.js';
import { cutoffDate, effectiveSettings, RETENTION_KINDS, retentionProblem, type RetentionKindCode } from './retention-rules.js';
import * as repo from './retention.repo.js';

export interface RetentionDeps {
  db: Db;
  clock: Clock;
  audit: AuditService;
  /** Rows per statement (default 5000): a batch holds its locks briefly, whatever the backlog. */
  batchSize?: number;
}

/** What the purge does (or would do) to one kind on a business date. */
export interface PurgeLine {
  kind: RetentionKindCode;
  days: number;
  action: 'delete' | 'pseudonymise';
  cutoff: string;
  count: number;
}

export interface PurgeResult {
  date: string;
  dryRun: boolean;
  /** The daily job found the day already claimed (by another instance or an earlier run): nothing done. */
  skipped?: boolean;
  runId?: number;
  kinds: PurgeLine[];
}

const INSTANCE = `${hostname()}:${process.pid}`;
const { msg: retentionMsg } = retentionMessages;

/**
 * Retention (issue 24): the settings per kind of data and the purge that applies them on the
 * business date. Reading the settings is for the platform administrator and the privacy officer;
 * changing them is the operator's (CLI). The daily job claims its business date once across
 * instances; the purge itself is idempotent, so the CLI may run it again at any time.
 */
export function createRetentionService({ db, clock, audit, batchSize = 5000 }: RetentionDeps) {
  async function settings() {
    return effectiveSettings(await repo.listOverrides(db)).map((s) => {
      const rule = RETENTION_KINDS[s.kind];
      return {
        ...s,
        defaultDays: rule.defaultDays,
        minDays: rule.minDays,
        action: rule.action,
        from: rule.from,
        name: retentionMsg(`retention.kind.${s.kind}`),
        reason: retentionMsg(`retention.reason.${s.kind}`),
      };
    });
  }

  function refuse(kind: string, days: string | number): AppError | undefined {
    const problem = retentionProblem(kind, days);
    if (!problem) return undefined;
    const message = retentionMsg(problem.key, problem.params);
    return new AppError('validation', message, { [problem.key === 'retention.kind_unknown' ? 'kind' : 'days']: message });
  }

  async function lines(date: string, count: (kind: RetentionKindCode, cutoff: string) => Promise<number>): Promise<PurgeLine[]> {
    const out: PurgeLine[] = [];
    for (const s of effectiveSettings(await repo.listOverrides(db))) {
      const cutoff = cutoffDate(date, s.days);
      out.push({ kind: s.kind, days: s.days, action: RETENTION_KINDS[s.kind].action, cutoff, count: await count(s.kind, cutoff) });
    }
    return out;
  }

  /** Every expired row of one kind, batch after batch, each batch in its own transaction. */
  async function purgeKind(kind: RetentionKindCode, cutoff: string): Promise<number> {
    let total = 0;
    for (;;) {
      const { counted, changed } = await db.transaction(async (txh) => repo.purgeBatch(txh as unknown as Db, kind, cutoff, batchSize));
      total += counted;
      if (changed.every((n) => n < batchSize)) return total;
    }
  }

  return {
    /** The settings in force with their defaults, limits and reasons (messages for the edge). */
    settings,

    /** The settings for a reader: the platform administrator or an OCMW's privacy officer (403 otherwise). */
    async readSettings(caller: Caller) {
      const ctx = authContextOf(caller.context);
      if (!ctx || (ctx.role !== 'ADMIN' && !can(ctx, 'app:privacy-officer'))) throw new AppError('forbidden', msg('auth.forbidden'));
      return { kinds: await settings() };
    },

    /** Sets a kind's retention in days (the operator's change, audited); throws validation naming kind or days. */
    async set(kind: string, days: string | number, by: string) {
      const problem = refuse(kind, days);
      if (problem) throw problem;
      const n = Number(String(days).trim());
      await db.transaction(async (txh) => {
        const tx = txh as unknown as Db;
        await repo.setOverride(tx, kind, n, by);
        await audit.record(tx, { actorUserId: null, actorRole: by, organisationId: null, domainId: null, action: 'privacy.retention-set', after: { kind, days: n } });
      });
      return (await settings()).find((s) => s.kind === kind)!;
    },

    /** Puts a kind back on its default (audited when it had a change); throws validation for an unknown kind. */
    async reset(kind: string, by: string) {
      const problem = refuse(kind, RETENTION_KINDS[kind as RetentionKindCode]?.defaultDays ?? 0);
      if (problem) throw problem;
      await db.transaction(async (txh) => {
        const tx = txh as unknown as Db;
        if (await repo.clearOverride(tx, kind)) {
          await audit.record(tx, { actorUserId: null, actorRole: by, organisationId: null, domainId: null, action: 'privacy.retention-reset', after: { kind } });
        }
      });
      return (await settings()).find((s) => s.kind === kind)!;
    },

    /** The dry run: per kind the cut-off and how many rows would go today; changes nothing. */
    async plan(): Promise<PurgeResult> {
      const date = clock.today();
      return { date, dryRun: true, kinds: await lines(date, (kind, cutoff) => repo.countExpired(db, kind, cutoff)) };
    },

    /**
     * Removes or pseudonymises what has expired on the business date; one audit entry per run with
     * the counts. As the daily job (`trigger: 'job'`) it runs once per business date across
     * instances: the second caller gets `skipped`. From the CLI it always runs (idempotent).
     */
    async purge(trigger: 'job' | 'cli', actor = trigger === 'job' ? 'scheduler' : 'cli'): Promise<PurgeResult> {
      const date = clock.today();
      const runId = trigger === 'job' ? await repo.claimJobRun(db, date, INSTANCE) : await repo.insertCliRun(db, date, INSTANCE);
      if (runId === undefined) return { date, dryRun: false, skipped: true, kinds: [] };
      const kinds = await lines(date, (kind, cutoff) => purgeKind(kind, cutoff));
      const counts = Object.fromEntries(kinds.map((k) => [k.kind, k.count]));
      await db.transaction(async (txh) => {
        const tx = txh as unknown as Db;
        await repo.finishRun(tx, runId, counts);
        await audit.record(tx, {
          actorUserId: null,
          actorRole: actor,
          organisationId: null,
          domainId: null,
          action: 'privacy.retention-purge',
          after: { date, trigger, runId, kinds: kinds.map(({ kind, cutoff, count }) => ({ kind, cutoff, count })) },
        });
      });
      return { date, dryRun: false, runId, kinds };
    },
  };
}

export type RetentionService = ReturnType<typeof createRetentionService>;
