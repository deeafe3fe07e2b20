import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import type { Db } from './db.js';

/**
 * A change feed on a PostgreSQL LISTEN/NOTIFY channel (issue 20). `stamp()` names the state the
 * process has heard of: it changes at every announcement (and at every reconnect), so a value
 * derived from the database while the stamp was S is still current while the stamp is S — up to
 * the few milliseconds an announcement takes to arrive after its commit. Without a live
 * subscription `stamp()` is undefined and the caller must read the database.
 *
 * On PGlite the subscription is the instance's own `listen`; on a server a dedicated client (not
 * one of the pool's), reconnected with a doubling pause (1 s … 30 s) when it drops. A stamp is
 * `epoch.n`: the epoch grows at each (re)subscription, so nothing heard before a gap can match.
 */
export interface ChangeFeed {
  stamp(): string | undefined;
  close(): Promise<void>;
}

const RETRY_MS = 1_000;
const MAX_RETRY_MS = 30_000;

export function changeFeed(db: Db, channel: string, onChange: () => void = () => {}): ChangeFeed {
  const client = (db as unknown as { $client?: unknown }).$client;
  let epoch = 0;
  let heard = 0;
  let live = false;
  let closed = false;
  let stop: (() => Promise<void>) | undefined;
  let retry: NodeJS.Timeout | undefined;
  let pause = RETRY_MS;

  const announce = () => {
    heard++;
    onChange();
  };
  const subscribed = () => {
    epoch++;
    heard = 0;
    live = true;
    pause = RETRY_MS;
    // What was heard before the gap may have missed announcements: everything derived then is stale.
    onChange();
  };
  const lost = () => {
    if (!live && stop === undefined) return;
    live = false;
    onChange();
  };

  async function subscribePglite(pglite: PGlite) {
    const unsubscribe = await pglite.listen(channel, announce);
    stop = async () => {
      if (!pglite.closed) await unsubscribe();
    };
    subscribed();
  }

  async function subscribeServer(pool: pg.Pool) {
    const listener = new pg.Client(pool.options);
    let ended = false;
    const drop = () => {
      if (ended) return;
      ended = true;
      lost();
      stop = undefined;
      void listener.end().catch(() => undefined);
      if (!closed) {
        retry = setTimeout(() => void start(), pause);
        retry.unref();
        pause = Math.min(MAX_RETRY_MS, pause * 2);
      }
    };
    listener.on('error', drop);
    listener.on('end', drop);
    listener.on('notification', (n) => n.channel === channel && announce());
    try {
      await listener.connect();
      await listener.query(`listen ${pg.escapeIdentifier(channel)}`);
    } catch {
      drop();
      return;
    }
    // An unreferenced socket: a waiting subscription never keeps a CLI or a test process alive.
    (listener as unknown as { connection?: { stream?: { unref?: () => void } } }).connection?.stream?.unref?.();
    stop = async () => {
      ended = true;
      await listener.end().catch(() => undefined);
    };
    subscribed();
  }

  function start(): Promise<void> {
    if (closed) return Promise.resolve();
    if (client instanceof PGlite) return subscribePglite(client);
    if (client instanceof pg.Pool) return subscribeServer(client);
    return Promise.resolve();
  }
  const started = start().catch(() => undefined);

  return {
    stamp: () => (live ? `${epoch}.${heard}` : undefined),
    async close() {
      closed = true;
      if (retry) clearTimeout(retry);
      await started;
      live = false;
      await stop?.();
      stop = undefined;
    },
  };
}
