/**
 * bench/RESULTS.md as data: each benchmark's sections and summary rows per backend ("blocks"),
 * read back from the previous file so that a run replaces only the backends it measured, and
 * written as one summary table above the sections. Used by bench/run.ts.
 */
import { existsSync, readFileSync } from 'node:fs';
import { backendOf, type Backend, type BenchSummaryRow } from './lib.js';

export const BACKENDS: Backend[] = ['pglite', 'postgresql'];

/** One benchmark's section(s) and summary rows on one backend, from one run. */
export interface Block {
  benchmark: string;
  backend: Backend;
  date: string;
  machine: string;
  /** The BENCH_* settings of that run that change what is measured ("BENCH_MERGER_SCALE=0.01"). */
  settings: string;
  rows: BenchSummaryRow[];
  /** The Markdown of its detailed section(s), as written to the file. */
  text: string;
}

export function isSummaryRow(x: unknown): x is BenchSummaryRow {
  const r = x as BenchSummaryRow;
  return typeof r === 'object' && r !== null && typeof r.benchmark === 'string' && BACKENDS.includes(r.backend) && typeof r.figure === 'string' && typeof r.value === 'number';
}

/** The backend a section heading names in its closing parentheses ("… (pglite on disk)"), if any. */
function headingBackend(heading: string): Backend | undefined {
  const named = /\(([^()]*)\)\s*$/.exec(heading.trim())?.[1];
  return named && /^(pglite|pglite on disk|postgres|postgresql)$/.test(named) ? backendOf(named) : undefined;
}

/** What is the same for every block of one run. */
export interface RunInfo {
  /** The backend of the run (BENCH_DATABASE_URL: postgresql), for sections whose heading names none. */
  backend: Backend;
  date: string;
  machine: string;
  settings: string;
}

/**
 * Cuts a benchmark's log into its `## ` sections and files each under the backend its heading
 * names (the run's backend when it names none); each section gets a line with the run's date.
 */
export function blocksOf(benchmark: string, lines: string[], rows: BenchSummaryRow[], run: RunInfo): Block[] {
  const { date, settings } = run;
  const sections: { backend: Backend; lines: string[] }[] = [];
  for (const raw of lines.flatMap((l) => l.split('\n'))) {
    if (raw.startsWith('## ')) {
      sections.push({ backend: headingBackend(raw) ?? run.backend, lines: [raw, `Run of ${date}${settings ? ` with ${settings}` : ''}.`, ''] });
    } else if (sections.length === 0) {
      if (raw.trim()) sections.push({ backend: run.backend, lines: [raw] });
    } else {
      sections.at(-1)!.lines.push(raw);
    }
  }
  const blocks: Block[] = [];
  for (const backend of BACKENDS) {
    const mine = sections.filter((s) => s.backend === backend);
    const myRows = rows.filter((r) => r.backend === backend);
    if (mine.length === 0 && myRows.length === 0) continue;
    const text = mine.map((s) => s.lines.join('\n').trim()).join('\n\n');
    // Four significant digits are plenty for a figure and keep the stored rows readable.
    const round = (v: number | undefined) => (v === undefined || !Number.isFinite(v) ? v : Number(v.toPrecision(4)));
    const rounded = myRows.map((r) => ({ ...r, value: round(r.value)!, baseline: round(r.baseline) }));
    blocks.push({ benchmark, backend, date, machine: run.machine, settings, rows: rounded, text });
  }
  return blocks;
}

const MARK = 'bench-block';

/** The blocks of an earlier RESULTS.md; a file from before the blocks gives its sections without rows. */
export function readBlocks(file: string): Block[] {
  if (!existsSync(file)) return [];
  const md = readFileSync(file, 'utf8');
  const blocks: Block[] = [];
  for (const m of md.matchAll(new RegExp(`<!-- ${MARK} (\\{.*?\\}) -->\\n([\\s\\S]*?)\\n\\n<!-- /${MARK} -->`, 'g'))) {
    const meta = JSON.parse(m[1]!) as Omit<Block, 'text'>;
    blocks.push({ ...meta, rows: meta.rows.filter(isSummaryRow), text: m[2]! });
  }
  if (blocks.length || !md.includes('\n## ')) return blocks;
  // The first format: one date and machine for the file, sections one after the other.
  const header = /Produced by `npm run bench` on (\d{4}-\d{2}-\d{2}) \(([^)]*)\)/.exec(md);
  const titles: Record<string, string> = { 'Toegangsbeheer:': 'access-list', 'Mutation routing:': 'mutations', 'OCMW Online reminders:': 'reminders', 'Vendor API:': 'vendor-api', 'OCMW Online:': 'submissions', 'Merger cut-over:': 'merger' };
  for (const section of md.split('\n## ').slice(1)) {
    const heading = section.slice(0, section.indexOf('\n'));
    const benchmark = Object.entries(titles).find(([t]) => heading.startsWith(t))?.[1];
    if (!benchmark) continue;
    const text = `## ${heading}\nRun of ${header?.[1] ?? 'an unknown date'} (before the summary rows).\n\n${section.slice(heading.length + 1).trim()}`;
    blocks.push({ benchmark, backend: headingBackend(heading) ?? 'pglite', date: header?.[1] ?? '?', machine: header?.[2] ?? '?', settings: '', rows: [], text });
  }
  return blocks;
}

function formatValue(v: number, unit: string): string {
  if (!Number.isFinite(v)) return `? ${unit}`;
  const digits = unit === 'ms' ? (v < 10 ? 2 : v < 100 ? 1 : 0) : unit === 's' ? 2 : unit === 'MiB' || unit === 'req/s' ? 0 : v < 10 ? 2 : 1;
  return `${v.toLocaleString('en', { minimumFractionDigits: digits, maximumFractionDigits: digits })} ${unit}`;
}

function formatRatio(r: number): string {
  if (!Number.isFinite(r)) return '';
  return `${r >= 10 ? r.toFixed(1) : r >= 0.1 ? r.toFixed(2) : r.toPrecision(2)}×`;
}

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** The summary table: a row per figure of every block, in the benchmarks' order, PGlite first. */
export function summary(blocks: Block[]): string[] {
  const out = [
    '| benchmark | backend | figure | measured | baseline (same run) | ratio | target | met | machine | date |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
  ];
  for (const b of blocks) {
    const when = b.settings ? `${b.date} (BENCH_* settings: see section)` : b.date;
    if (b.rows.length === 0) {
      out.push(`| ${b.benchmark} | ${b.backend} | (no summary rows from this run: see its section) | | | | | | ${cell(b.machine)} | ${cell(when)} |`);
      continue;
    }
    for (const r of b.rows) {
      const base = r.baseline === undefined ? '—' : `${formatValue(r.baseline, r.unit)}${r.baselineLabel ? ` (${r.baselineLabel})` : ''}`;
      const ratio = r.baseline === undefined ? '—' : formatRatio(r.value / r.baseline);
      const met = r.met === undefined ? '—' : r.met ? 'met' : 'MISS';
      out.push(`| ${r.benchmark} | ${r.backend} | ${cell(r.figure)} | ${formatValue(r.value, r.unit)} | ${cell(base)} | ${ratio} | ${cell(r.target ?? '—')} | ${met} | ${cell(b.machine)} | ${cell(when)} |`);
    }
  }
  return out;
}


/** RESULTS.md: the summary of every block, then each block's sections under a marker that keeps its date, machine and rows. */
export function renderReport(blocks: Block[]): string {
  return [
    '# Benchmark results',
    '',
    'Produced by `npm run bench` (bench/run.ts); do not edit by hand. A full run on PGlite and a full run',
    'with `BENCH_DATABASE_URL` (a PostgreSQL server) each replace their own backend\'s rows and sections',
    'and keep the other backend\'s from its last run; cold-start measures both backends in every run.',
    'Every row and section carries the date and machine of its own run. The baseline is measured in',
    'the same run as the figure; ratio = measured / baseline.',
    '',
    '## Summary',
    '',
    ...summary(blocks),
    '',
    ...blocks.flatMap((b) => {
      const { text, ...meta } = b;
      return [`<!-- ${MARK} ${JSON.stringify(meta).replace(/-->/g, '--\\u003e')} -->`, text, '', `<!-- /${MARK} -->`, ''];
    }),
  ].join('\n');
}
