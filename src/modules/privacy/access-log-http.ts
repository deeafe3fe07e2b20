/**
 * Issue 24: the HTTP edge of the access log. `request.recordAccess(reads)` records what a route
 * has just shown; who read, through which channel and for which organisation come from the
 * request (the session's person and role, the vendor's certificate account, the channel account
 * or the institution's client), so a route names only what it showed.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AccessActor, AccessChannel, AccessEntry, AccessLog } from './access-log.js';

/** What a route read: the object, and its INSZ when it concerns one person. */
export type AccessRead = Omit<AccessEntry, 'actor' | 'channel' | 'organisationId'> & { organisationId?: string };

declare module 'fastify' {
  interface FastifyRequest {
    /** Records reads of citizens' data by this request's caller (buffered; never throws). */
    recordAccess(reads: AccessRead | readonly AccessRead[]): void;
  }
}

export interface Reader {
  actor: AccessActor;
  channel: AccessChannel;
  organisationId: string | null;
}

/** Who reads on the portal port: the session's person in the chosen role, or a channel account or institution client. */
export function portalReader(request: FastifyRequest): Reader | null {
  if (request.actor) return { actor: { userId: request.actor.userId, role: request.actor.context?.role ?? null }, channel: 'portal', organisationId: request.actor.context?.organisation?.id ?? null };
  // A channel account over HTTPS (the mutation files' download): its own channel, not the SFTP server's.
  if (request.channel) return { actor: { account: request.channel.username }, channel: 'file-https', organisationId: request.channel.organisationId };
  if (request.institution) return { actor: { account: `institution:${request.institution.name}` }, channel: 'institution-api', organisationId: request.institution.organisationId };
  return null;
}

/** Decorates every request of `app` with recordAccess, the reader found by `readerOf`. */
export function registerAccessLog(app: FastifyInstance, accessLog: AccessLog, readerOf: (request: FastifyRequest) => Reader | null): void {
  app.decorateRequest('recordAccess', function recordAccess(this: FastifyRequest, reads: AccessRead | readonly AccessRead[]) {
    const reader = readerOf(this);
    const list: readonly AccessRead[] = Array.isArray(reads) ? reads : [reads as AccessRead];
    if (!reader) {
      // A route that records must sit behind an authenticated rule: say so loudly, lose nothing silently.
      if (list.length > 0) this.log.error({ action: list[0]!.action }, 'access log: a read without a known reader');
      return;
    }
    // One plain loop and one object shape: a vendor's poll records a page of 20 at a time (issue 20).
    const entries: AccessEntry[] = [];
    for (const r of list) {
      const organisationId = r.organisationId ?? reader.organisationId;
      if (organisationId) entries.push({ organisationId, actor: reader.actor, channel: reader.channel, action: r.action, objectKind: r.objectKind, objectId: r.objectId ?? null, insz: r.insz ?? null });
    }
    // A read must name whose data it was (the platform administrator has no organisation): never dropped unsaid.
    if (entries.length < list.length) this.log.error({ action: list[0]!.action, dropped: list.length - entries.length }, 'access log: a read without an organisation');
    accessLog.record(entries);
  });
}
