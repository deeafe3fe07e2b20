/**
 * Issue 24, retention from the command line (the operator's, through the same service as the daily
 * job): `ocmw privacy purge [--dry-run] [--json]` and `ocmw privacy retention [list | set KIND DAYS
 * | reset KIND] [--json]`. Exit codes: 0 done, 1 refused (an unknown kind, days out of range), 2 usage.
 */
import type { Runtime } from '../bootstrap.js';
import { AppError } from '../shared/errors.js';
import type { Language } from '../shared/messages.js';
import { localizePayload } from '../messages.js';
import { cliActor } from './merger.js';
import { renderError } from './render-error.js';
import { UsageError } from './usage-error.js';

export const PRIVACY_PURGE_USAGE = `  privacy purge [--dry-run] [--json]
                                  issue 24: remove or pseudonymise what the retention settings let
                                  expire on the business date (idempotent); --dry-run only counts
                                  per kind, with the cut-off date, and changes nothing
  privacy retention [list | set KIND DAYS | reset KIND] [--json]
                                  the retention per kind of data (days, default, minimum, reason);
                                  set changes one (audited), reset puts it back on its default`;

export type PrivacyRetentionCommand = { sub: 'purge' } | { sub: 'list' } | { sub: 'set'; kind: string; days: string } | { sub: 'reset'; kind: string };

/** Checks the command line before a database is opened; throws UsageError. */
export function parsePrivacyRetentionCommand(sub: string | undefined, args: string[]): PrivacyRetentionCommand {
  if (sub === 'purge' && args.length === 0) return { sub: 'purge' };
  if (sub === 'retention') {
    const [action = 'list', kind, days] = args;
    if (action === 'list' && args.length <= 1) return { sub: 'list' };
    if (action === 'set' && kind !== undefined && days !== undefined && args.length === 3) return { sub: 'set', kind, days };
    if (action === 'reset' && kind !== undefined && args.length === 2) return { sub: 'reset', kind };
  }
  throw new UsageError('privacy needs purge [--dry-run] or retention [list | set KIND DAYS | reset KIND]');
}

export async function runPrivacyRetentionCommand(
  rt: Runtime,
  cmd: PrivacyRetentionCommand,
  options: { json: boolean; dryRun: boolean; lang: Language },
  out: (text: string) => void,
): Promise<number> {
  const retention = rt.services.retention;
  try {
    if (cmd.sub === 'purge') {
      const r = options.dryRun ? await retention.plan() : await retention.purge('cli', cliActor().username);
      if (options.json) out(JSON.stringify(r));
      else {
        out(`${r.date}: ${options.dryRun ? 'would remove (dry run: nothing changed)' : 'removed'}`);
        for (const k of r.kinds) out(`  ${k.kind.padEnd(16)} ${String(k.count).padStart(7)}  ${k.action === 'pseudonymise' ? 'pseudonymised' : 'deleted'} when before ${k.cutoff} (${k.days} days)`);
      }
      return 0;
    }
    const show = (settings: Awaited<ReturnType<typeof retention.settings>>) => {
      const rendered = localizePayload(settings, options.lang);
      if (options.json) out(JSON.stringify({ kinds: rendered }));
      else for (const s of rendered) out(`${s.kind.padEnd(16)} ${String(s.days).padStart(6)} days${s.isDefault ? ' (default)' : ` (default ${s.defaultDays})`}, minimum ${s.minDays}, ${s.action} after ${s.from}\n${' '.repeat(17)}${s.reason}`);
    };
    if (cmd.sub === 'list') show(await retention.settings());
    else if (cmd.sub === 'set') show([await retention.set(cmd.kind, cmd.days, cliActor().username)]);
    else show([await retention.reset(cmd.kind, cliActor().username)]);
    return 0;
  } catch (error) {
    if (!(error instanceof AppError) || error.status >= 500) throw error;
    const rendered = renderError(error, options.lang);
    out(options.json ? JSON.stringify({ ok: false, error: rendered.message, ...(rendered.fields ? { fields: rendered.fields } : {}) }) : `refused: ${rendered.message}`);
    return 1;
  }
}
