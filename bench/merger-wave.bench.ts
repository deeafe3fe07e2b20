/**
 * Benchmark (issue 15): the whole 2025 wave — all 13 mergers of 2025-01-01 — with every merger
 * at Antwerpen size (the merger bench's data: 1,000,000 running forms, 20,000 accounts and
 * 200,000 help requests per merger; BENCH_WAVE_SCALE=0.1 runs a tenth of it), run by the wave service (`runWave`, each
 * merger in its own transaction) next to the same raw-SQL baseline as the merger bench, merger by
 * merger, each in its own transaction. As there, the data is built twice (two fresh databases):
 * the baseline runs on the first, the service on the second. `npm run bench -- merger-wave`.
 */
import { performance } from 'node:perf_hooks';
import type { Db } from '../src/db/db.js';
import { backendOf, benchConfig, loadAverage, machine, openDemoBench, type BenchLog, type BenchSummaryRow } from './lib.js';
import { baselineRows, baselineStatements, CUTOVER_DAY, EFFECTIVE, num, phase, secs, seedMergerData, TARGET_RATIO, type Scope } from './merger.bench.js';

/** A demo database with every merger of the wave seeded at scale, and their scopes. */
async function buildWave(scale: number) {
  const bench = await openDemoBench(benchConfig(), { onDisk: true });
  try {
    const wave = (await bench.services.mergers.listMergers()).filter((m) => m.effectiveDate === EFFECTIVE).sort((a, b) => a.code.localeCompare(b.code));
    const scopes: (Scope & { code: string; scenario: number })[] = [];
    let forms = 0;
    for (const [i, m] of wave.entries()) {
      const sourceIds = m.sources.map((s) => s.organisation.id);
      const targetId = m.target.organisation.id;
      const scope = { code: m.code, scenario: m.scenario, mergerId: m.id, targetId, sourceIds, movingIds: m.scenario === 3 ? sourceIds.filter((id) => id !== targetId) : sourceIds };
      const seeded = await seedMergerData(bench.database.db, scope, scale, i + 1);
      forms += seeded.counts.runningForms;
      scopes.push(scope);
      phase(`wave copy: ${m.code} seeded (${num(seeded.counts.runningForms)} running forms)`);
    }
    return { bench, scopes, forms };
  } catch (error) {
    await bench.close();
    throw error;
  }
}

export async function runMergerWaveBench(log: BenchLog = console.log): Promise<BenchSummaryRow[]> {
  const scale = Number(process.env.BENCH_WAVE_SCALE ?? 1);
  const loadAtStart = loadAverage();

  phase(`wave, scale ${scale}: first copy (baseline)`);
  const first = await buildWave(scale);
  const baseline = new Map<string, { ms: number; rows: number; planned: number }>();
  try {
    const planned = await first.bench.clock.runWithToday(CUTOVER_DAY, () => first.bench.services.mergers.cutover.planWave(EFFECTIVE));
    for (const s of first.scopes) {
      const t0 = performance.now();
      let rows = 0;
      await first.bench.database.db.transaction(async (tx) => {
        rows = baselineRows(await baselineStatements(tx as unknown as Db, s));
      });
      baseline.set(s.code, { ms: performance.now() - t0, rows, planned: planned.mergers.find((m) => m.code === s.code)!.changes ?? -1 });
    }
  } finally {
    await first.bench.close();
  }

  phase('second copy (service)');
  const { bench, forms } = await buildWave(scale);
  try {
    const cutover = bench.services.mergers.cutover;
    const planned = await bench.clock.runWithToday(CUTOVER_DAY, () => cutover.planWave(EFFECTIVE));
    const ends = new Map<string, number>();
    const t0 = performance.now();
    const wave = await bench.clock.runWithToday(CUTOVER_DAY, () =>
      cutover.runWave(EFFECTIVE, { userId: null, username: 'bench' }, { onProgress: (e) => void ends.set(e.code, performance.now()) }),
    );
    const waveMs = performance.now() - t0;
    const baseMs = [...baseline.values()].reduce((a, b) => a + b.ms, 0);
    const ratio = waveMs / baseMs;
    let previous = t0;
    const rows = wave.mergers.map((m) => {
      const ms = (ends.get(m.code) ?? previous) - previous;
      previous = ends.get(m.code) ?? previous;
      const b = baseline.get(m.code)!;
      const same = m.status === 'applied' && m.changes === planned.mergers.find((p) => p.code === m.code)!.changes && b.rows === b.planned;
      return { code: m.code, scenario: m.scenario, status: m.status, changes: m.changes ?? 0, ms, base: b, same };
    });
    const allSame = rows.every((r) => r.same);
    log(`\n## Merger wave 2025-01-01: ${rows.length} mergers, ${num(forms)} running forms in all (${bench.kind}, BENCH_WAVE_SCALE ${scale})`);
    log(`${machine()}, load average ${loadAtStart} at start, ${loadAverage()} at the end\n`);
    log(`| merger | scenario | service run | rows | baseline | rows | ratio |`);
    log('| --- | --- | --- | --- | --- | --- | --- |');
    for (const r of rows) {
      log(`| ${r.code} | ${r.scenario} | ${secs(r.ms)} | ${num(r.changes)}${r.same ? '' : ' (NOT as planned)'} | ${secs(r.base.ms)} | ${num(r.base.rows)} | ${(r.ms / r.base.ms).toFixed(2)}× |`);
    }
    log(`| whole wave | | ${secs(waveMs)} | ${num(rows.reduce((a, r) => a + r.changes, 0))} | ${secs(baseMs)} | ${num(rows.reduce((a, r) => a + r.base.rows, 0))} | ${ratio.toFixed(2)}× ${ratio <= TARGET_RATIO ? 'PASS' : 'MISS'} |`);
    return [
      {
        benchmark: 'merger-wave',
        backend: backendOf(bench.kind),
        figure: `the 2025 wave: ${rows.length} mergers, ${num(forms)} running forms (${allSame ? 'each as planned' : 'NOT as planned'})`,
        value: waveMs / 1000,
        unit: 's',
        baseline: baseMs / 1000,
        baselineLabel: 'plain INSERT … SELECT / UPDATE per merger, no journal',
        target: `≤ ${TARGET_RATIO} × baseline`,
        met: allSame && ratio <= TARGET_RATIO,
      },
    ];
  } finally {
    await bench.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await runMergerWaveBench();
}
