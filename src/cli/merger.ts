/**
 * `ocmw merger …` (SPEC §12, R7): list, plan (dry run), run (cut-over), undo, import, schedule —
 * the merger engine's services as the admin API calls them. `--json` prints one JSON document on
 * stdout; progress goes to stderr (a bar on a terminal, plain lines otherwise), so stdout stays
 * parseable. Exit codes: 0 done, 1 unknown merger or a refused action, 2 usage (UsageError).
 */
import { readFileSync } from 'node:fs';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import type { Runtime } from '../bootstrap.js';
import { isIsoDate } from '../domain/clock.js';
// Type only: the merger module (ExcelJS, the drivers) loads when a merger command runs, not for `ocmw validate`.
import type { WaveReport } from '../modules/merger/index.js';
import type { AppError } from '../shared/errors.js';
import type { Language } from '../shared/messages.js';
import { renderError } from './render-error.js';
import { localizePayload } from '../messages.js';
import { UsageError } from './usage-error.js';

export const MERGER_USAGE = `  merger list [--json]            the mergers: id, code, scenario, sources → target, date, status, readiness %
  merger plan ID [--json]         R7.3 dry run: every action of the cut-over with its count; nothing written
  merger run ID [--json]          R7.4 the cut-over, one transaction; a progress bar on a terminal, plain
                                  lines otherwise (on stderr); a second run reports zero changes
  merger undo ID [--json]         undo the cut-over before the effective date (journal replayed backwards)
  merger import FILE.csv [--dry-run] [--json]
                                  R7.1 mergers in the columns of data/mergers-2025.csv; nothing written
                                  unless every row is valid
  merger wave DATE [--dry-run] [--json]
                                  every merger effective on DATE: planned (--dry-run) or run, each in its
                                  own transaction; a blocked one (no HTB yet) is reported and the others
                                  run; exit 1 when any was blocked
  merger schedule ID on|off [--json]
                                  run the cut-over on its own on the effective date (once across instances)
                                  ID is the merger's number or its code (see merger list)`;

export interface MergerCliOptions {
  json: boolean;
  dryRun: boolean;
  lang: Language;
}

export interface CliIo {
  out(text: string): void;
  /** Progress and diagnostics (stderr). */
  err: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
}

export type MergerCommand =
  | { sub: 'list' }
  | { sub: 'plan' | 'run' | 'undo'; ref: string }
  | { sub: 'schedule'; ref: string; on: boolean }
  | { sub: 'wave'; date: string }
  | { sub: 'import'; file: string; text: string };

/** Checks the command line before a database is opened; throws UsageError. */
export function parseMergerCommand(sub: string | undefined, args: string[]): MergerCommand {
  switch (sub) {
    case 'list':
      if (args.length) throw new UsageError('merger list takes no arguments');
      return { sub };
    case 'plan':
    case 'run':
    case 'undo':
      if (args.length !== 1 || !args[0]) throw new UsageError(`merger ${sub} needs one ID (the merger's number or code)`);
      return { sub, ref: args[0] };
    case 'wave':
      if (args.length !== 1 || !isIsoDate(args[0]!)) throw new UsageError('merger wave needs one DATE written YYYY-MM-DD');
      return { sub, date: args[0]! };
    case 'schedule': {
      const [ref, onOff] = args;
      if (!ref || (onOff !== 'on' && onOff !== 'off') || args.length !== 2) throw new UsageError('merger schedule needs ID on|off');
      return { sub, ref, on: onOff === 'on' };
    }
    case 'import': {
      const file = args[0];
      if (!file || args.length !== 1) throw new UsageError('merger import needs FILE.csv');
      try {
        return { sub, file, text: readFileSync(file, 'utf8') };
      } catch (error) {
        throw new UsageError(`cannot read ${file}: ${(error as Error).message}`);
      }
    }
    default:
      throw new UsageError('merger needs list, plan ID, run ID, undo ID, wave DATE, import FILE.csv or schedule ID on|off');
  }
}

/** The errors of the engine that answer "no" to the user (exit 1), not a crash. */
const REFUSALS = new Set(['not_found', 'validation', 'rule_violation', 'conflict', 'payload_too_large']);

function isRefusal(error: unknown): error is AppError {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && REFUSALS.has(code) && error instanceof Error;
}

class UnknownMerger extends Error {
  readonly code = 'not_found';
}

export const cliActor = () => {
  let name = 'unknown';
  try {
    name = os.userInfo().username;
  } catch {
    // No passwd entry (a container): the audit log still says it came from the CLI.
  }
  return { userId: null, username: `cli:${name}` };
};

type Runner = Runtime['services']['mergers'];

/** A merger by its number or code. */
async function resolve(mergers: Runner, ref: string) {
  const list = await mergers.listMergers();
  const byId = /^\d+$/.test(ref) ? list.find((m) => m.id === Number(ref)) : undefined;
  const found = byId ?? list.find((m) => m.code === ref) ?? list.find((m) => m.code.toLowerCase() === ref.toLowerCase());
  if (!found) throw new UnknownMerger(`unknown merger "${ref}": give its number or code (ocmw merger list)`);
  return found;
}

const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const num = (n: number) => n.toLocaleString('en');

/**
 * Draws a run's progress: on a terminal one bar redrawn in place, otherwise one line per step.
 * The engine reports after each step (the steps differ in size; the forms take the longest).
 */
export function progressPrinter(stream: CliIo['err'], label: string) {
  const started = performance.now();
  const tty = Boolean(stream.isTTY);
  let drawn = false;
  return {
    start(text: string, steps: number) {
      stream.write(`${label}: ${text}\n`);
      // The moving forms are fixed before the first step: on a terminal, show the empty bar meanwhile.
      if (tty) this.step({ step: 0, steps, kind: 'preparing', changes: 0 });
    },
    step(e: { step: number; steps: number; kind: string; changes: number }) {
      const elapsed = secs(performance.now() - started);
      if (!tty) {
        stream.write(`${label}: step ${e.step}/${e.steps} ${e.kind}: ${num(e.changes)} row(s) (${elapsed})\n`);
        return;
      }
      const width = Math.max(10, Math.min(30, (stream.columns ?? 80) - 60));
      const full = Math.round((width * e.step) / e.steps);
      const bar = `${'█'.repeat(full)}${'░'.repeat(width - full)}`;
      const rows = e.step === 0 ? '' : ` ${num(e.changes)} row(s)`;
      stream.write(`\r\x1b[2K${label} [${bar}] ${e.step}/${e.steps} ${e.kind}${rows} ${elapsed}`);
      drawn = true;
    },
    /** Ends the bar's line (also after a failure, so the error starts on a line of its own). */
    end() {
      if (drawn) stream.write('\n');
      drawn = false;
    },
  };
}

function printWave(io: CliIo, report: WaveReport, dryRun: boolean) {
  io.out(`wave ${report.date}: ${report.mergers.length} merger(s)${dryRun ? ' (dry run: nothing written)' : ''}`);
  for (const m of report.mergers) {
    const changes = m.changes === undefined ? '' : `, ${num(m.changes)} row(s) ${dryRun ? 'to write' : 'written'}`;
    io.out(`  ${m.code.padEnd(34)} scenario ${m.scenario}  ${m.status}${changes}`);
    const counted = m.actions.filter((a) => a.count > 0).map((a) => `${a.kind} ${num(a.count)}`);
    if (counted.length) io.out(`      ${counted.join(', ')}`);
    for (const b of m.blockers) io.out(`      BLOCKED: ${b}`);
  }
  const blocked = report.mergers.filter((m) => m.status === 'blocked' || m.status === 'failed').length;
  io.out(blocked ? `${blocked} merger(s) blocked; the others ${dryRun ? 'can run' : 'ran'}` : `all ${report.mergers.length} merger(s) ${dryRun ? 'can run' : 'ran'}`);
}

/** Runs one `merger` sub-command; returns the exit code. */
export async function runMergerCommand(rt: Runtime, cmd: MergerCommand, options: MergerCliOptions, io: CliIo): Promise<number> {
  const { json, lang } = options;
  const mergers = rt.services.mergers;
  const cutover = mergers.cutover;
  try {
    switch (cmd.sub) {
      case 'list': {
        const list = await mergers.listMergers();
        const readiness = new Map<number, number>();
        for (const m of list) readiness.set(m.id, (await cutover.checklist(m.id)).progress);
        if (json) {
          io.out(
            JSON.stringify(
              list.map((m) => ({
                id: m.id,
                code: m.code,
                name: m.name,
                scenario: m.scenario,
                effectiveDate: m.effectiveDate,
                status: m.status,
                scheduled: m.scheduled,
                readiness: readiness.get(m.id),
                sources: m.sources.map((s) => ({ kbo: s.organisation.kbo, name: s.organisation.name.nl, nis: s.nis, keepsKbo: s.keepsKbo })),
                target: {
                  kbo: m.target.organisation.kbo,
                  name: m.target.organisation.name.nl,
                  nis: m.target.nis,
                  isNewOrganisation: m.target.isNewOrganisation,
                  isNewNis: m.target.isNewNis,
                },
              })),
            ),
          );
        } else {
          for (const m of list) {
            const state = `${m.status}${m.scheduled ? ', scheduled' : ''}, ${readiness.get(m.id)}% ready`;
            io.out(
              `${String(m.id).padStart(3)}  ${m.effectiveDate}  scenario ${m.scenario}  ${m.name.padEnd(30)} ${m.sources.map((s) => s.organisation.name.nl).join(' + ')} → ${m.target.organisation.name.nl} (${m.target.organisation.kboFormatted}, NIS ${m.target.nis})  [${m.code}; ${state}]`,
            );
          }
          if (list.length === 0) io.out('no mergers');
        }
        return 0;
      }
      case 'plan': {
        const m = await resolve(mergers, cmd.ref);
        // Keys and names in every language become text in --lang here, the CLI's edge (issue 18).
        const plan = localizePayload(await cutover.plan(m.id), lang);
        if (json) {
          io.out(JSON.stringify(plan));
          return 0;
        }
        io.out(`${plan.merger.name} (${plan.merger.id}, ${plan.merger.code}): scenario ${plan.scenario}, effective ${plan.merger.effectiveDate}, ${plan.merger.status}; business date ${plan.businessDate}`);
        for (const a of plan.actions) {
          const extra = a.deduplicated ? ` (${num(a.deduplicated)} source account(s) folded into one per person)` : '';
          io.out(`  ${a.kind.padEnd(22)} ${num(a.count).padStart(12)}${a.writes ? '' : '  (not written: listed / from the date)'}${extra}`);
          for (const o of a.byOrganisation ?? []) io.out(`      ${o.name.padEnd(36)} ${num(o.count).padStart(10)}`);
        }
        io.out(`  left untouched: ${plan.untouched.channelAccounts} ChaMan account(s), ${plan.untouched.configurationSections} configuration section(s), ${plan.untouched.eboxDocuments} e-Box document(s)`);
        for (const b of plan.blockers) io.out(`  BLOCKED: ${b}`);
        io.out(`${num(plan.changes)} row(s) to write${plan.changes === 0 ? ' (nothing to do)' : ''}`);
        return 0;
      }
      case 'run':
      case 'undo': {
        const m = await resolve(mergers, cmd.ref);
        const progress = progressPrinter(io.err, `${cmd.sub} ${m.code}`);
        progress.start(`${m.name} (${m.id}), scenario ${m.scenario}, effective ${m.effectiveDate}, business date ${rt.clock.today()}`, 8);
        const t0 = performance.now();
        let result;
        try {
          const onProgress = (e: { step: number; steps: number; kind: string; changes: number }) => progress.step(e);
          result = cmd.sub === 'run' ? await cutover.run(m.id, cliActor(), { onProgress }) : await cutover.undo(m.id, cliActor(), { onProgress });
        } finally {
          progress.end();
        }
        const ms = performance.now() - t0;
        if (!result) throw new Error('the cut-over returned nothing');
        if (json) {
          io.out(JSON.stringify({ merger: { id: m.id, code: m.code, name: m.name, effectiveDate: m.effectiveDate }, ...result, seconds: Math.round(ms) / 1000 }));
          return 0;
        }
        for (const a of result.actions) io.out(`  ${a.kind.padEnd(22)} ${num(a.count).padStart(12)}`);
        io.out(
          result.changes === 0
            ? `${m.name}: zero changes (${cmd.sub === 'run' ? 'already applied' : 'nothing to undo'}); run ${result.runId}, ${secs(ms)}`
            : `${m.name}: ${num(result.changes)} row(s) ${cmd.sub === 'run' ? 'written' : 'restored'} in one transaction; run ${result.runId}, status ${result.status}, ${secs(ms)}`,
        );
        return 0;
      }
      case 'wave': {
        const progress = progressPrinter(io.err, `wave ${cmd.date}`);
        let report: WaveReport;
        if (options.dryRun) report = await cutover.planWave(cmd.date);
        else {
          progress.start(`every merger effective ${cmd.date}, business date ${rt.clock.today()}`, 8);
          try {
            const r = await cutover.runWave(cmd.date, cliActor(), {
              onProgress: (e) => progress.step({ ...e, kind: `${e.merger}/${e.mergers} ${e.code} ${e.kind}` }),
            });
            report = { date: r.date, mergers: r.mergers };
          } finally {
            progress.end();
          }
        }
        report = localizePayload(report, lang);
        if (json) io.out(JSON.stringify(report));
        else printWave(io, report, options.dryRun);
        const { waveBlocked } = await import('../modules/merger/index.js');
        return waveBlocked(report) ? 1 : 0;
      }
      case 'schedule': {
        const m = await resolve(mergers, cmd.ref);
        const r = await cutover.setScheduled(m.id, cmd.on, cliActor());
        io.out(json ? JSON.stringify({ ...r, code: m.code, effectiveDate: m.effectiveDate }) : `${m.name}: ${r.scheduled ? `scheduled for ${m.effectiveDate} (runs once on or after that day)` : 'not scheduled'}`);
        return 0;
      }
      case 'import': {
        const report = localizePayload(await mergers.definitions.importCsv(cmd.text, { dryRun: options.dryRun, actor: { userId: null } }), lang);
        if (json) io.out(JSON.stringify(report));
        else {
          for (const r of report.mergers) {
            io.out(`rows ${r.rows.join(', ')}: ${r.merger} (${r.code}) scenario ${r.scenario ?? '?'}  ${r.problems.length ? `INVALID: ${r.problems.join(' ')}` : r.action}`);
          }
          io.out(report.valid ? (report.dryRun ? 'valid (dry run: nothing written)' : `imported: ${report.created} merger(s) created`) : 'invalid: nothing written');
        }
        return report.valid ? 0 : 1;
      }
    }
  } catch (error) {
    if (!isRefusal(error)) throw error;
    const { message, fields } = renderError(error, lang);
    if (json) io.out(JSON.stringify({ error: { code: error.code, message, ...(fields ? { fields } : {}) } }));
    else io.err.write(`${[message, ...Object.entries(fields ?? {}).map(([k, v]) => `  ${k}: ${v}`)].join('\n')}\n`);
    return 1;
  }
}
