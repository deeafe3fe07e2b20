/**
 * Benchmark (issue 15): the whole 2025 wave — all 13 mergers of 2025-01-01 — with every merger
 * at Antwerpen size (the merger bench's data: 1,000,000 running forms, 20,000 accounts and
 * 200,000 help requests per merger; BENCH_WAVE_SCALE=0.1 runs a tenth of it), run by the wave
 * service (`runWave`, each merger in its own transaction) next to the same raw-SQL baseline as the
 * merger bench, merger by merger, each in its own transaction.
 *
 * The data is built once and then twinned (`create database … template` on a server, a copy of
 * the data directory for PGlite): the baseline runs on one copy, the service on the other, both
 * starting from the same files. The two sides are interleaved merger by merger — the baseline of
 * merger 1, the service's merger 1, the baseline of merger 2, … — so that whatever else the
 * machine does weighs on both alike: the baseline of the next merger runs inside the wave's
 * progress callback after the last step of the previous merger (on the other database), and that
 * time is taken out of the service's figure. A merger's own service time therefore includes the
 * commit of the one before it; the wave's total is exact. `npm run bench -- merger-wave`.
 */
import { performance } from 'node:perf_hooks';
import type { Db } from '../src/db/db.js';
import { backendOf, benchConfig, loadAverage, machine, openDemoBench, type BenchLog, type BenchSummaryRow } from './lib.js';
import { baselineRows, baselineStatements, CUTOVER_DAY, EFFECTIVE, num, phase, secs, seedMergerData, TARGET_RATIO, type Scope } from './merger.bench.js';

/** A demo database with every merger of the wave seeded at scale, and their scopes. */
async function buildWave(scale: number) {
  const bench = await openDemoBench(benchConfig({ OCMW_TODAY: CUTOVER_DAY }), { onDisk: true });
  try {
    const wave = (await bench.services.mergers.listMergers()).filter((m) => m.effectiveDate === EFFECTIVE).sort((a, b) => a.code.localeCompare(b.code));
    const scopes = new Map<string, Scope & { scenario: number }>();
    let forms = 0;
    const t0 = performance.now();
    for (const [i, m] of wave.entries()) {
      const sourceIds = m.sources.map((s) => s.organisation.id);
      const targetId = m.target.organisation.id;
      const scope = { scenario: m.scenario, mergerId: m.id, targetId, sourceIds, movingIds: m.scenario === 3 ? sourceIds.filter((id) => id !== targetId) : sourceIds };
      const seeded = await seedMergerData(bench.database.db, scope, scale, i + 1);
      forms += seeded.counts.runningForms;
      scopes.set(m.code, scope);
      phase(`wave: ${m.code} seeded (${num(seeded.counts.runningForms)} running forms)`);
    }
    return { bench, scopes, forms, seedMs: performance.now() - t0 };
  } catch (error) {
    await bench.close();
    throw error;
  }
}

export async function runMergerWaveBench(log: BenchLog = console.log): Promise<BenchSummaryRow[]> {
  const scale = Number(process.env.BENCH_WAVE_SCALE ?? 1);
  const loadAtStart = loadAverage();

  phase(`wave, scale ${scale}: building the data`);
  const built = await buildWave(scale);
  const t1 = performance.now();
  const [base, bench] = await built.bench.twin();
  const twinMs = performance.now() - t1;
  phase(`twinned in ${secs(twinMs)}`);
  const { scopes, forms } = built;
  try {
    const cutover = bench.services.mergers.cutover;
    const planned = await bench.clock.runWithToday(CUTOVER_DAY, () => cutover.planWave(EFFECTIVE));
    const basePlanned = await base.clock.runWithToday(CUTOVER_DAY, () => base.services.mergers.cutover.planWave(EFFECTIVE));
    const order = planned.mergers.map((m) => m.code);

    const baseline = new Map<string, { ms: number; rows: number; planned: number }>();
    const runBaseline = async (code: string) => {
      const s = scopes.get(code)!;
      const t0 = performance.now();
      let rows = 0;
      await base.database.db.transaction(async (tx) => {
        rows = baselineRows(await baselineStatements(tx as unknown as Db, s));
      });
      const ms = performance.now() - t0;
      baseline.set(code, { ms, rows, planned: basePlanned.mergers.find((m) => m.code === code)!.changes ?? -1 });
      phase(`baseline ${code}: ${secs(ms)}`);
      return ms;
    };

    // The baseline of merger 1, then the wave; after the last step of merger i (inside the
    // wave's progress callback) the baseline of merger i + 1, its time taken out of the wave's.
    await runBaseline(order[0]!);
    let inBaseline = 0;
    const started = new Map<string, number>();
    const lastStep = new Map<string, number>();
    const t0 = performance.now();
    let resumed = t0;
    const wave = await bench.clock.runWithToday(CUTOVER_DAY, () =>
      cutover.runWave(EFFECTIVE, { userId: null, username: 'bench' }, {
        onProgress: async (e) => {
          if (!started.has(e.code)) started.set(e.code, resumed);
          if (e.step !== e.steps) return;
          lastStep.set(e.code, performance.now());
          phase(`service ${e.code}: ${secs(performance.now() - started.get(e.code)!)}`);
          const next = order[e.merger];
          if (next) {
            inBaseline += await runBaseline(next);
            resumed = performance.now();
          }
        },
      }),
    );
    const waveMs = performance.now() - t0 - inBaseline;
    const baseMs = [...baseline.values()].reduce((a, b) => a + b.ms, 0);
    const ratio = waveMs / baseMs;
    const rows = wave.mergers.map((m) => {
      const ms = (lastStep.get(m.code) ?? NaN) - (started.get(m.code) ?? NaN);
      const b = baseline.get(m.code) ?? { ms: NaN, rows: 0, planned: -1 };
      const same = m.status === 'applied' && m.changes === planned.mergers.find((p) => p.code === m.code)!.changes && b.rows === b.planned;
      return { code: m.code, scenario: m.scenario, status: m.status, changes: m.changes ?? 0, ms, base: b, same };
    });
    const again = await bench.clock.runWithToday(CUTOVER_DAY, () => cutover.runWave(EFFECTIVE, { userId: null, username: 'bench' }));
    const secondChanges = again.mergers.reduce((a, m) => a + (m.changes ?? 0), 0);
    const allSame = rows.every((r) => r.same);
    log(`\n## Merger wave 2025-01-01: ${rows.length} mergers, ${num(forms)} running forms in all (${bench.kind}, BENCH_WAVE_SCALE ${scale})`);
    log(`data built once in ${secs(built.seedMs)} after the demo seed, then twinned in ${secs(twinMs)}; baseline and service interleaved merger by merger on the two copies; ${machine()}, load average ${loadAtStart} at start, ${loadAverage()} at the end\n`);
    log(`| merger | scenario | service run | rows | baseline | rows | ratio |`);
    log('| --- | --- | --- | --- | --- | --- | --- |');
    for (const r of rows) {
      log(`| ${r.code} | ${r.scenario} | ${secs(r.ms)} | ${num(r.changes)}${r.same ? '' : ` (NOT as planned: ${r.status})`} | ${secs(r.base.ms)} | ${num(r.base.rows)} | ${(r.ms / r.base.ms).toFixed(2)}× |`);
    }
    log(`| whole wave | | ${secs(waveMs)} | ${num(rows.reduce((a, r) => a + r.changes, 0))} | ${secs(baseMs)} | ${num(rows.reduce((a, r) => a + r.base.rows, 0))} | ${ratio.toFixed(2)}× ${ratio <= TARGET_RATIO ? 'PASS' : 'MISS'} |`);
    log(`\nsecond wave run (idempotent): ${num(secondChanges)} changes, ${again.mergers.filter((m) => m.status === 'applied').length} of ${again.mergers.length} mergers applied`);
    return [
      {
        benchmark: 'merger-wave',
        backend: backendOf(bench.kind),
        figure: `the 2025 wave: ${rows.length} mergers, ${num(forms)} running forms (${allSame ? 'each as planned' : 'NOT as planned'}), interleaved with the baseline`,
        value: waveMs / 1000,
        unit: 's',
        baseline: baseMs / 1000,
        baselineLabel: 'plain INSERT … SELECT / UPDATE per merger, no journal',
        target: `≤ ${TARGET_RATIO} × baseline`,
        met: allSame && secondChanges === 0 && ratio <= TARGET_RATIO,
      },
    ];
  } finally {
    await base.close();
    await bench.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await runMergerWaveBench();
}
