import type { Db } from '../../db/db.js';
import type { Clock } from '../../domain/clock.js';
import { AppError, type FieldMessages } from '../../shared/errors.js';
import { isMessageKey, msg } from '../../shared/messages.js';
import { mutationMessages } from './mutations-messages.js';
import { issueToMessage, type IssueLike } from '../../shared/validation-messages.js';
import { authContextOf, can, type Caller } from '../access/index.js';
import { MutationInput, selectionCode } from './mutations.schema.js';
import * as repo from './mutations.repo.js';

function requireMutationPermission(channel: { permissions: string[] }) {
  if (!channel.permissions.includes('mutaties-rijksregister')) throw new AppError('forbidden', msg('auth.forbidden'));
}

function fileName(organisationId: string, date: string) {
  return `mutaties-${organisationId.slice(0, 8)}-${date.replaceAll('-', '')}.jsonl`;
}

/** Mutation delivery (R5): ingest, route set-based by dossier and selection history, list. */
export function createMutationsService({ db, clock }: { db: Db; clock: Clock }) {
  return {
    /**
     * Validates every record first (nothing is written when one is wrong, with a field error
     * per record), then stores and routes them in one transaction.
     */
    async ingest(records: unknown[], source: string, options: { apiClientId?: string | null } = {}) {
      const apiClientId = options.apiClientId ?? null;
      const fields: FieldMessages = {};
      const valid: MutationInput[] = [];
      records.forEach((r, i) => {
        const parsed = MutationInput.safeParse(r);
        if (parsed.success) valid.push(parsed.data);
        else for (const issue of parsed.error.issues) fields[`${i}.${issue.path.join('.')}`] ??= issueToMessage(issue as IssueLike, (key) => mutationMessages.has(key) || isMessageKey(key));
      });
      if (Object.keys(fields).length) throw new AppError('validation', msg('http.validation'), fields);
      if (valid.length === 0) return { received: 0, deliveries: 0 };
      return db.transaction(async (txh) => {
        const tx = txh as unknown as Db;
        let deliveries = 0;
        // Chunks keep each statement's parameter count within PostgreSQL's limits.
        for (let i = 0; i < valid.length; i += 5_000) {
          const chunk = valid.slice(i, i + 5_000);
          const range = await repo.insertMutations(
            tx,
            chunk.map((m) => ({ type: m.type, subType: m.subType ?? null, code: selectionCode(m), insz: m.insz, occurredAt: new Date(m.occurredAt), payload: m.payload, source, apiClientId })),
          );
          deliveries += await repo.routeMutations(tx, range, clock.today());
        }
        return { received: valid.length, deliveries };
      });
    },

    /**
     * R5.2: the daily files of the channel's OCMW, for FTP/SFTP channels with the permission
     * "Mutaties RijksRegister"; one JSON object per line.
     */
    async listFiles(channel: { organisationId: string; permissions: string[] }) {
      requireMutationPermission(channel);
      return (await repo.listBatches(db, channel.organisationId)).map((b) => ({ ...b, name: fileName(channel.organisationId, b.date) }));
    },

    async fileContent(channel: { organisationId: string; permissions: string[] }, date: string) {
      requireMutationPermission(channel);
      const rows = await repo.batchContent(db, channel.organisationId, date);
      if (rows.length === 0) throw new AppError('not_found', msg('http.not_found'));
      return {
        name: fileName(channel.organisationId, date),
        body: rows.map((r) => JSON.stringify({ id: r.id, type: r.type, subType: r.subType, insz: r.insz, occurredAt: r.occurredAt, payload: r.payload })).join('\n') + '\n',
        /** Issue 24: whom the file concerns, for the access log of the edge that hands it out. */
        persons: rows.map((r) => ({ mutationId: String(r.id), insz: r.insz })),
      };
    },

    /** The mutations delivered to the caller's OCMW, filterable by type and batch date. */
    async listDelivered(caller: Caller, q: { code?: string; from?: string; to?: string; page: number; pageSize: number }) {
      const ctx = authContextOf(caller.context);
      if (!ctx?.organisationId || !can(ctx, 'app:ocmw-configuratie', { organisationId: ctx.organisationId, domainId: ctx.domainId })) {
        throw new AppError('forbidden', msg('auth.forbidden'));
      }
      const { rows, total } = await repo.listDelivered(db, ctx.organisationId, q, (q.page - 1) * q.pageSize, q.pageSize);
      return { items: rows, total, page: q.page, pageSize: q.pageSize };
    },
  };
}

export type MutationsService = ReturnType<typeof createMutationsService>;
