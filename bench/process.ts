/**
 * The portal as a real process, for the cold-start benchmark and the load script
 * (scripts/load.ts): a free loopback port, the built server (`node build/main.js`) started and timed to
 * `GET /ready` = 200, its resident memory read from /proc, a fresh database on a PostgreSQL
 * server. Light on purpose: nothing here loads the portal's own modules.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { Agent, request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { createServer } from 'node:net';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { buildIsFresh } from '../scripts/build-state.mjs';

/** The repository root (where src/main.ts and node_modules are). */
export const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** The first port from `from` (up to `from + 99`) that nothing listens on at 127.0.0.1; `skip` ports are passed over. */
export async function freePort(from: number, skip: number[] = []): Promise<number> {
  for (let port = from; port < from + 100; port++) {
    if (skip.includes(port)) continue;
    const free = await new Promise<boolean>((resolve) => {
      const server = createServer();
      server.once('error', () => resolve(false));
      server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
    });
    if (free) return port;
  }
  throw new Error(`no free port in ${from}–${from + 99}`);
}

/** A process's memory from /proc/PID/status in MiB: resident now (VmRSS) and its peak (VmHWM); undefined once it is gone. */
export function memoryOf(pid: number): { rssMiB: number; peakMiB: number } | undefined {
  let status: string;
  try {
    status = readFileSync(`/proc/${pid}/status`, 'utf8');
  } catch {
    return undefined;
  }
  const kib = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return { rssMiB: kib('VmRSS') / 1024, peakMiB: kib('VmHWM') / 1024 };
}

const agent = new Agent({ keepAlive: true, maxSockets: 8 });

/** One plain HTTP request to 127.0.0.1 (status 0 when the connection fails). */
export function httpGet(port: number, path: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string; setCookie: string[] }> {
  return new Promise((resolve) => {
    const req = httpRequest({ host: '127.0.0.1', port, path, agent, headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, setCookie: res.headers['set-cookie'] ?? [] }));
    });
    req.on('error', () => resolve({ status: 0, body: '', setCookie: [] }));
    req.setTimeout(5_000, () => req.destroy());
    req.end();
  });
}

/** A GET over mutual TLS to a loopback server whose certificate names localhost. */
export function httpsGet(url: string, tls: { cert: string; key: string; ca: string }): Promise<{ status: number; body: string; headers: Record<string, string | string[] | undefined> }> {
  return new Promise((resolve, reject) => {
    const req = httpsRequest(url, { ...tls, servername: 'localhost', headers: { accept: 'application/json' } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
    });
    req.on('error', reject);
    req.end();
  });
}

export interface StartedProcess {
  child: ChildProcess;
  pid: number;
  port: number;
  /** Milliseconds from spawn to the first `GET /ready` that answered 200. */
  readyMs: number;
  /** What the process wrote (stdout and stderr), for the error message when it fails. */
  output(): string;
  /** SIGTERM, then waits for the exit (SIGKILL after `graceMs`). */
  stop(graceMs?: number): Promise<void>;
}

/**
 * Spawns `command args` in the repository root with `env` added to this process's environment and
 * polls `GET http://127.0.0.1:port/ready` every 20 ms until it answers 200 (throws when the
 * process exits first or after `timeoutMs`).
 */
export async function startProcess(command: string, args: string[], options: { port: number; env?: Record<string, string>; timeoutMs?: number }): Promise<StartedProcess> {
  const t0 = performance.now();
  const child = spawn(command, args, { cwd: ROOT, env: { ...process.env, ...options.env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (c: Buffer) => (output = (output + c.toString()).slice(-20_000)));
  child.stderr!.on('data', (c: Buffer) => (output = (output + c.toString()).slice(-20_000)));
  let exited: number | string | null | undefined;
  const exit = new Promise<void>((resolve) =>
    child.once('exit', (code, signal) => {
      exited = code ?? signal;
      resolve();
    }),
  );
  const stop = async (graceMs = 15_000) => {
    if (exited !== undefined) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    await exit;
    clearTimeout(timer);
  };
  const deadline = t0 + (options.timeoutMs ?? 180_000);
  for (;;) {
    if (exited !== undefined) throw new Error(`${command} ${args.join(' ')} exited (${exited}) before it was ready:\n${output}`);
    const reply = await httpGet(options.port, '/ready');
    if (reply.status === 200) break;
    if (performance.now() > deadline) {
      await stop();
      throw new Error(`${command} ${args.join(' ')} not ready after ${options.timeoutMs ?? 180_000} ms:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  return { child, pid: child.pid!, port: options.port, readyMs: performance.now() - t0, output: () => output, stop };
}

/** The built server (`npm run build` first when the build is missing or older than the sources). */
function builtServer(): string {
  if (!buildIsFresh({ web: true })) spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
  return path.join(ROOT, 'build/main.js');
}

/**
 * Starts the portal as `npm start` runs it (the built server, `node build/main.js`) on
 * loopback ports, with `env` (OCMW_DATA_DIR, DATABASE_URL, …) on top of: warnings-only logs and
 * a rate limit high enough not to answer 429 to a load test. BENCH_APP_NODE_ARGS adds Node
 * options to the app's command line (see below).
 */
export function startPortal(options: { port: number; vendorPort: number; env: Record<string, string>; timeoutMs?: number }): Promise<StartedProcess> {
  // BENCH_APP_NODE_ARGS: Node options for the app alone, e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`
  // to profile it under a load (NODE_OPTIONS refuses --cpu-prof, and would profile the generator too).
  const nodeArgs = (process.env.BENCH_APP_NODE_ARGS ?? '').split(' ').filter(Boolean);
  return startProcess(process.execPath, [...nodeArgs, builtServer()], {
    port: options.port,
    timeoutMs: options.timeoutMs,
    env: {
      HOST: '127.0.0.1',
      PORT: String(options.port),
      OCMW_VENDOR_PORT: String(options.vendorPort),
      LOG_LEVEL: 'warn',
      OCMW_RATE_LIMIT_PER_MINUTE: '10000000',
      OCMW_CITIZEN_SUBMISSIONS_PER_HOUR: '10000000',
      OCMW_CITIZEN_MAILS_PER_ADDRESS_PER_DAY: '10000000',
      // The SFTP file channel on, on a free port (its default 2222 may be taken).
      OCMW_SFTP_PORT: '0',
      DATABASE_URL: '',
      ...options.env,
    },
  });
}

/** Whether a PostgreSQL server answers at `url`; the reason when it does not. */
export async function serverReachable(url: string): Promise<{ ok: true } | { ok: false; reason: string }> {
  const pg = (await import('pg')).default;
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3_000 });
  try {
    await client.connect();
    await client.query('select 1');
    return { ok: true };
  } catch (error) {
    return { ok: false, reason: (error as Error).message || String(error) };
  } finally {
    await client.end().catch(() => {});
  }
}

/** A new, empty database on the server of `adminUrl`: its connection string, and `drop` to remove it again. */
export async function createServerDatabase(adminUrl: string, prefix: string): Promise<{ url: string; name: string; drop: () => Promise<void> }> {
  const pg = (await import('pg')).default;
  const name = `${prefix}_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  return {
    url: u.toString(),
    name,
    drop: async () => {
      const again = new pg.Client({ connectionString: adminUrl });
      await again.connect();
      try {
        await again.query(`drop database if exists ${name} with (force)`);
      } finally {
        await again.end();
      }
    },
  };
}
