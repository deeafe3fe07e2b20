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
 * one of the pool's, TCP keep-alive on), reconnected with a doubling pause (1 s … 30 s) when it
 * drops. A connection can also die without a word (a firewall's idle timeout, a failover): every
 * PING_MS the listener announces a ping on its own channel and must hear it back within
 * PING_TIMEOUT_MS, or it counts as dropped. A stamp is `epoch.n`: the epoch grows at each
 * (re)subscription, so nothing heard before a gap can match.
 */
export interface ChangeFeed {
  stamp(): string | undefined;
  close(): Promise<void>;
}

const RETRY_MS = 1_000;
const MAX_RETRY_MS = 30_000;
export const PING_MS = 10_000;
export const PING_TIMEOUT_MS = 5_000;
const PING = 'ping:';

export function changeFeed(db: Db, channel: string, onChange: () => void = () => {}, { pingMs = PING_MS, pingTimeoutMs = PING_TIMEOUT_MS } = {}): ChangeFeed {
  const client = (db as unknown as { $client?: unknown }).$client;
  let epoch = 0;
  let heard = 0;
  let live = false;
  let closed = false;
  let stop: (() => Promise<void>) | undefined;
  let retry: NodeJS.Timeout | undefined;
  let pause = RETRY_MS;
  /** The subscription being made now (close waits for it). */
  let attempt: Promise<void> = Promise.resolve();

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
    if (closed) {
      if (!pglite.closed) await unsubscribe();
      return;
    }
    stop = async () => {
      if (!pglite.closed) await unsubscribe();
    };
    subscribed();
  }

  async function subscribeServer(pool: pg.Pool) {
    const listener = new pg.Client({ ...pool.options, keepAlive: true });
    let ended = false;
    const timers: { ping?: NodeJS.Timeout } = {};
    let awaited: { token: string; timer: NodeJS.Timeout } | undefined;
    const drop = () => {
      if (ended) return;
      ended = true;
      if (timers.ping) clearInterval(timers.ping);
      if (awaited) clearTimeout(awaited.timer);
      lost();
      stop = undefined;
      void listener.end().catch(() => undefined);
      if (!closed) {
        retry = setTimeout(() => void (attempt = start().catch(() => undefined)), pause);
        retry.unref();
        pause = Math.min(MAX_RETRY_MS, pause * 2);
      }
    };
    listener.on('error', drop);
    listener.on('end', drop);
    listener.on('notification', (n) => {
      if (n.channel !== channel) return;
      if (n.payload?.startsWith(PING)) {
        if (awaited && n.payload === awaited.token) {
          clearTimeout(awaited.timer);
          awaited = undefined;
        }
        return;
      }
      announce();
    });
    try {
      await listener.connect();
      await listener.query(`listen ${pg.escapeIdentifier(channel)}`);
    } catch {
      drop();
      return;
    }
    if (closed) {
      // Closed while this attempt was connecting: it must not stay behind.
      ended = true;
      await listener.end().catch(() => undefined);
      return;
    }
    // An unreferenced socket: a waiting subscription never keeps a CLI or a test process alive.
    (listener as unknown as { connection?: { stream?: { unref?: () => void } } }).connection?.stream?.unref?.();
    let pings = 0;
    timers.ping = setInterval(() => {
      if (awaited) return;
      const token = `${PING}${++pings}`;
      awaited = { token, timer: setTimeout(drop, pingTimeoutMs) };
      awaited.timer.unref();
      listener.query('select pg_notify($1, $2)', [channel, token]).catch(drop);
    }, pingMs);
    timers.ping.unref();
    stop = async () => {
      ended = true;
      if (timers.ping) clearInterval(timers.ping);
      if (awaited) clearTimeout(awaited.timer);
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
  attempt = start().catch(() => undefined);

  return {
    stamp: () => (live ? `${epoch}.${heard}` : undefined),
    async close() {
      closed = true;
      if (retry) clearTimeout(retry);
      await attempt;
      live = false;
      await stop?.();
      stop = undefined;
    },
  };
}
