/**
 * `ocmw privacy access-log --insz INSZ [--from D] [--to D] [--json]` (issue 24): the operator's
 * search of the access log for one person, across every organisation, newest first. The search is
 * itself a read of that person's data: it leaves one entry (channel cli) per organisation whose
 * entries it showed. Exit codes: 0 shown (also when there is none), 1 invalid INSZ or period, 2 usage.
 */
import type { Runtime } from '../bootstrap.js';
import { isIsoDate } from '../domain/clock.js';
import { validateInsz } from '../shared/identifiers.js';
import { translate, type Language, type MessageKey } from '../shared/messages.js';
import { accessLogMessages } from '../modules/privacy/index.js';
import { UsageError } from './usage-error.js';
import { cliActor } from './merger.js';

export const PRIVACY_USAGE = `  privacy access-log --insz INSZ [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--json]
                                  issue 24: who read this person's data, when, through which channel
                                  (every organisation; business dates, both included)`;

export interface AccessLogCommand {
  insz: string;
  from?: string;
  to?: string;
}

/** Checks the command line before a database is opened; throws UsageError. */
export function parsePrivacyCommand(sub: string | undefined, args: string[], options: { insz?: string; from?: string; to?: string }): AccessLogCommand {
  if (sub !== 'access-log' || args.length > 0) throw new UsageError('privacy needs access-log --insz INSZ [--from YYYY-MM-DD] [--to YYYY-MM-DD]');
  if (!options.insz) throw new UsageError('--insz is required: the national number (INSZ) of the person');
  for (const flag of ['from', 'to'] as const) {
    const value = options[flag];
    if (value !== undefined && !isIsoDate(value)) throw new UsageError(`--${flag} must be a date written YYYY-MM-DD`);
  }
  return { insz: options.insz, from: options.from, to: options.to };
}

/** Prints the entries (JSON or a table); an invalid INSZ or a reversed period is exit 1 with the reason. */
export async function runPrivacyCommand(rt: Runtime, cmd: AccessLogCommand, options: { json: boolean; lang: Language }, out: (text: string) => void): Promise<number> {
  const refuse = (error: string, field: string) => {
    out(options.json ? JSON.stringify({ error, fields: { [field]: error } }) : `invalid ${field}: ${error}`);
    return 1;
  };
  const insz = validateInsz(cmd.insz);
  if (!insz.valid) return refuse(insz.errors.map((e) => translate(e as MessageKey, options.lang)).join(' '), 'insz');
  if (cmd.from && cmd.to && cmd.from > cmd.to) return refuse(accessLogMessages.text('privacy.access_log.period_order', options.lang), 'from');
  const items = await rt.services.privacy.searchAll({ insz: insz.normalized, from: cmd.from, to: cmd.to });
  const byOrganisation = [...new Set(items.map((i) => i.organisationId))];
  rt.services.accessLog.record(
    byOrganisation.map((organisationId) => ({ organisationId, actor: { account: cliActor().username }, channel: 'cli' as const, action: 'access-log.search', objectKind: 'access-log', insz: insz.normalized })),
  );
  const entries = items.map((i) => ({ at: i.at, actor: i.actor, organisation: i.organisation, action: i.action, object: i.objectId ? `${i.objectKind}/${i.objectId}` : i.objectKind, channel: i.channel }));
  if (options.json) {
    out(JSON.stringify({ entries }));
    return 0;
  }
  if (entries.length === 0) {
    out(`no reads of ${insz.formatted} recorded${cmd.from || cmd.to ? ` between ${cmd.from ?? '…'} and ${cmd.to ?? '…'}` : ''}`);
    return 0;
  }
  const header = ['at', 'actor', 'organisation', 'channel', 'action', 'object'] as const;
  const rows = entries.map((e) => header.map((h) => e[h]));
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: readonly string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd();
  out(line(header));
  for (const r of rows) out(line(r));
  out(`${entries.length} read(s) of ${insz.formatted}`);
  return 0;
}
