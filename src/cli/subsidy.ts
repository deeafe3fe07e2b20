/**
 * `ocmw subsidy reopen KBO YEAR --until YYYY-MM-DD --reason TEXT [--json]` (R10.2′): the platform
 * administrator's reopening of one OCMW's Uniek verslag filing window, through the same service
 * as `POST /api/v1/admin/subsidy-reports/reopenings` (checked and audited there, the actor
 * `cli:<user>`). Exit codes: 0 reopened, 1 refused (unknown OCMW, a bad date or reason), 2 usage.
 */
import type { Runtime } from '../bootstrap.js';
import { isIsoDate } from '../domain/clock.js';
import { AppError } from '../shared/errors.js';
import { validateKbo } from '../shared/identifiers.js';
import type { Language } from '../shared/messages.js';
import { localizePayload } from '../messages.js';
import { ReopenWindowBody } from '../modules/subsidy-report/subsidy-report.schema.js';
import { cliActor } from './merger.js';
import { renderError } from './render-error.js';
import { UsageError } from './usage-error.js';

export const SUBSIDY_USAGE = `  subsidy reopen KBO YEAR --until YYYY-MM-DD --reason TEXT [--json]
                                  R10.2′: reopen one OCMW's Uniek verslag filing window of YEAR until
                                  the date (audited); again: replaces the date and reason`;

export interface SubsidyReopenCommand {
  kbo: string;
  year: number;
  until: string;
  reason: string;
}

/** Checks the command line before a database is opened; throws UsageError. */
export function parseSubsidyCommand(sub: string | undefined, args: string[], options: { until?: string; reason?: string }): SubsidyReopenCommand {
  const [kbo, year] = args;
  if (sub !== 'reopen' || !kbo || !year || args.length !== 2) throw new UsageError('subsidy needs reopen KBO YEAR --until YYYY-MM-DD --reason TEXT');
  if (!/^\d{4}$/.test(year)) throw new UsageError('YEAR must be a year, e.g. 2024');
  if (!options.until || !isIsoDate(options.until)) throw new UsageError('--until must be a date written YYYY-MM-DD');
  if (!options.reason?.trim()) throw new UsageError('--reason is required: why the window is reopened (kept in the audit log)');
  return { kbo, year: Number(year), until: options.until, reason: options.reason };
}

/** Reopens the window; a refusal (unknown OCMW, a field the service refuses) is exit 1 with the reason. */
export async function runSubsidyCommand(rt: Runtime, cmd: SubsidyReopenCommand, options: { json: boolean; lang: Language }, out: (text: string) => void): Promise<number> {
  const refuse = (message: string, fields?: Record<string, string>) => {
    out(options.json ? JSON.stringify({ reopened: false, error: message, ...(fields ? { fields } : {}) }) : `refused: ${message}${fields ? ` ${Object.entries(fields).map(([f, m]) => `${f}: ${m}`).join('; ')}` : ''}`);
    return 1;
  };
  const kbo = validateKbo(cmd.kbo);
  const org = kbo.valid ? await rt.services.registry.findOrganisationByKbo(kbo.normalized) : undefined;
  if (!org) return refuse(`no organisation with KBO ${cmd.kbo}`);
  const body = ReopenWindowBody.safeParse({ organisationId: org.id, year: cmd.year, until: cmd.until, reason: cmd.reason });
  if (!body.success) return refuse('invalid input', Object.fromEntries(body.error.issues.map((i) => [i.path.join('.'), i.message])));
  try {
    // The CLI is an edge (issue 18): the OCMW's name in the --lang language.
    const r = localizePayload(await rt.services.subsidyReport.reopenWindow(cliActor(), body.data), options.lang);
    out(options.json ? JSON.stringify({ reopened: true, ...r }) : `reopened: the Uniek verslag ${r.year} of ${r.organisation} (${r.kbo}) can be submitted until ${r.until}`);
    return 0;
  } catch (error) {
    if (error instanceof AppError && error.status < 500) {
      const rendered = renderError(error, options.lang);
      return refuse(rendered.message, rendered.fields);
    }
    throw error;
  }
}
