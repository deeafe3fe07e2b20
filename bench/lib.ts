import { performance } from 'node:perf_hooks';
import os from 'node:os';

/** Runs fn `runs` times after `warmup` runs and returns latency percentiles in ms. */
export async function measure(fn: () => Promise<unknown>, runs = 100, warmup = 10) {
  for (let i = 0; i < warmup; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  const pct = (p: number) => times[Math.min(times.length - 1, Math.floor((p / 100) * times.length))]!;
  return { p50: pct(50), p95: pct(95), p99: pct(99), runs };
}

export function machine() {
  return `${os.cpus().length} cores, ${Math.round(os.totalmem() / 1024 ** 3)} GiB RAM, Node ${process.version}`;
}

export const fmt = (ms: number) => `${ms.toFixed(2)} ms`;
