import { parseArgs } from 'node:util';
import type { Runtime } from './bootstrap.js';
import { validators, type IdentifierKind } from './shared/identifiers.js';
import { LANGUAGES, translate, type Language, type MessageKey } from './shared/messages.js';
import { MERGER_USAGE, parseMergerCommand, runMergerCommand } from './cli/merger.js';
import { SUBSIDY_USAGE, parseSubsidyCommand, runSubsidyCommand } from './cli/subsidy.js';
import { renderFields, renderMessage } from './cli/render-error.js';
import { localizePayload } from './messages.js';
import { UsageError } from './cli/usage-error.js';
import { ADMIN_USAGE, parseAdminCommand, runAdminCreate } from './cli/admin.js';
import { INSTITUTION_USAGE, runInstitutionCommand } from './cli/institution.js';
import { PRIVACY_USAGE, parsePrivacyCommand, runPrivacyCommand } from './cli/privacy-access-log.js';
import { PRIVACY_PURGE_USAGE, parsePrivacyRetentionCommand, runPrivacyRetentionCommand } from './cli/privacy-purge.js';

/**
 * The `ocmw` CLI (SPEC §12): the same services as the HTTP API. `--json` prints one JSON
 * document on stdout. Exit codes: 0 success/valid, 1 invalid input or rule violation, 2 usage.
 */

const USAGE = `Usage: ocmw <command> [options]

  validate kbo|insz|nis VALUE [--json] [--lang nl|fr|de|en]
  cert check FILE --for ftp|rest [--json]
                                  R3.9 on a certificate file, before uploading it
  db migrate                      apply migrations and load the reference data
${ADMIN_USAGE}
  db seed --demo                  load the demo data into an empty database
${MERGER_USAGE}
${SUBSIDY_USAGE}
${INSTITUTION_USAGE}
${PRIVACY_USAGE}
${PRIVACY_PURGE_USAGE}
  mutations ingest FILE.jsonl [--json]
                                  R5.1: one mutation per line; nothing written if one is wrong
  reminders run [--date YYYY-MM-DD] [--dry-run] [--json]
                                  R6.5: the day's reminder mails of OCMW Online (once per OCMW per
                                  day; a rerun sends nothing); --dry-run only lists them
  ebox publish FILE.json [--json]
                                  R10.1: publish a document to an organisation's e-Box (the API's
                                  body plus "senderKbo"; "attachment.file" is read next to FILE.json)
  ebox notify [--date YYYY-MM-DD] [--json]
                                  R10.1: the e-Box notification mails of a night (default: last
                                  night; once per organisation per night; a rerun sends nothing)
  import htb FILE.xlsx [--dry-run] [--json]
                                  the region's HTB file (R2.14): every row checked; nothing
                                  written unless the whole file is valid

Environment: DATABASE_URL (PostgreSQL server) or OCMW_DATA_DIR (embedded, default ./data/db), OCMW_TODAY, OCMW_PUBLIC_URL.`;

function out(text: string) {
  process.stdout.write(`${text}\n`);
}

/** seed: false for commands that never load demo data; otherwise OCMW_SEED_DEMO decides (never in production). */
async function withRuntime<T>(seed: boolean, fn: (rt: Runtime) => Promise<T>): Promise<T> {
  // Loaded on demand (config too: it pulls in a module): `ocmw validate` needs no database and
  // starts faster without it.
  const [{ bootstrap }, { loadConfig }] = await Promise.all([import('./bootstrap.js'), import('./config.js')]);
  const runtime = await bootstrap(loadConfig(), { seed });
  try {
    return await fn(runtime);
  } finally {
    // Issue 24: the reads a command recorded are written before the database closes.
    await runtime.services.accessLog.close();
    await runtime.database.close();
  }
}

async function validate(args: string[], json: boolean, lang: Language): Promise<number> {
  const [kind, value] = args;
  if (!kind || !(kind in validators) || value === undefined) throw new UsageError('validate needs kbo|insz|nis and a VALUE');
  const result = validators[kind as IdentifierKind](value);
  let rules: string[] = result.valid ? [] : [...result.errors];
  if (result.valid && kind === 'nis') {
    // The REFNIS list only for a NIS code: the other identifiers need nothing but their rules.
    const { knownNisCodes } = await import('./cli/refnis.js');
    if (!knownNisCodes().has(result.normalized)) rules = ['nis.unknown'];
  }
  const valid = rules.length === 0;
  const errors = rules.map((r) => translate(r as MessageKey, lang));
  const normalized = result.valid ? result.normalized : undefined;
  if (json) out(JSON.stringify({ valid, ...(normalized && valid ? { normalized, formatted: result.valid ? result.formatted : undefined } : {}), errors, rules }));
  else if (valid && result.valid) out(`valid ${kind}: ${result.formatted} (${result.normalized})`);
  else out(`invalid ${kind}: ${errors.join(' ')}`);
  return valid ? 0 : 1;
}

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      json: { type: 'boolean', default: false },
      demo: { type: 'boolean', default: false },
      'dry-run': { type: 'boolean', default: false },
      for: { type: 'string' },
      email: { type: 'string' },
      scope: { type: 'string' },
      'expires-days': { type: 'string' },
      date: { type: 'string' },
      until: { type: 'string' },
      reason: { type: 'string' },
      insz: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      lang: { type: 'string', default: 'nl' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const lang = values.lang as Language;
  if (!LANGUAGES.includes(lang)) throw new UsageError(`--lang must be one of ${LANGUAGES.join(', ')}`);
  const [command, sub, ...rest] = positionals;
  if (values.help || !command) {
    out(USAGE);
    return values.help ? 0 : 2;
  }

  switch (command) {
    case 'validate':
      return validate([sub, ...rest].filter((x): x is string => x !== undefined), values.json, lang);
    case 'db':
      if (sub === 'migrate') {
        await withRuntime(false, async (rt) => {
          out(`migrations applied; reference data loaded (${rt.database.kind})`);
        });
        return 0;
      }
      if (sub === 'seed') {
        if (!values.demo) throw new UsageError('db seed needs --demo');
        const { hasData, seedDemo } = await import('./seed/demo.js');
        return withRuntime(false, async (rt) => {
          if (rt.config.env === 'production') {
            out('NODE_ENV=production: demo data is never loaded (its accounts have published passwords)');
            return 1;
          }
          if (await hasData(rt.database.db)) {
            out('the database already holds data: demo data not loaded');
            return 1;
          }
          const { demoFilesDir } = await import('./bootstrap.js');
          const r = await seedDemo({ db: rt.database.db, registry: rt.services.registry, mergers: rt.services.mergers, today: rt.clock.today(), until: rt.config.demoUntil, demoFilesDir: demoFilesDir(rt.config) });
          out(`demo data loaded: ${r.organisations} organisations, ${r.users} people, ${r.mergers} mergers (${r.carriedOut} carried out${r.rehearsal ? ', one rehearsal merger' : ''})`);
          return 0;
        });
      }
      throw new UsageError('db needs migrate or seed --demo');
    case 'admin': {
      const input = parseAdminCommand(sub, rest, values.email);
      return withRuntime(false, (rt) => runAdminCreate(rt, input, values.json, out, lang));
    }
    case 'merger': {
      const cmd = parseMergerCommand(sub, rest);
      return withRuntime(true, (rt) =>
        runMergerCommand(rt, cmd, { json: values.json, dryRun: values['dry-run'], lang }, { out, err: process.stderr }),
      );
    }
    case 'subsidy': {
      const cmd = parseSubsidyCommand(sub, rest, values);
      return withRuntime(true, (rt) => runSubsidyCommand(rt, cmd, { json: values.json, lang }, out));
    }
    case 'privacy': {
      // Issue 24: the access log (privacy-access-log.ts), retention and the purge (privacy-purge.ts).
      if (sub === 'access-log') {
        const cmd = parsePrivacyCommand(sub, rest, values);
        return withRuntime(true, (rt) => runPrivacyCommand(rt, cmd, { json: values.json, lang }, out));
      }
      const cmd = parsePrivacyRetentionCommand(sub, rest);
      return withRuntime(true, (rt) => runPrivacyRetentionCommand(rt, cmd, { json: values.json, dryRun: values['dry-run'], lang }, out));
    }
    case 'institution':
      return withRuntime(true, (rt) =>
        runInstitutionCommand(rt, [sub ?? '', ...rest], { json: values.json, lang, scope: values.scope, expiresDays: values['expires-days'] }, out),
      );
    case 'mutations': {
      if (sub !== 'ingest' || !rest[0]) throw new UsageError('mutations needs ingest FILE.jsonl');
      const { readFileSync } = await import('node:fs');
      let text: string;
      try {
        text = readFileSync(rest[0], 'utf8');
      } catch (error) {
        throw new UsageError(`cannot read ${rest[0]}: ${(error as Error).message}`);
      }
      const records: unknown[] = [];
      const lines = text.split('\n').map((l) => l.trim());
      for (const [i, line] of lines.entries()) {
        if (!line) continue;
        try {
          records.push(JSON.parse(line));
        } catch {
          out(values.json ? JSON.stringify({ ok: false, errors: { [`line ${i + 1}`]: 'not JSON' } }) : `line ${i + 1}: not JSON`);
          return 1;
        }
      }
      return withRuntime(true, async (rt) => {
        try {
          const r = await rt.services.mutations.ingest(records, `cli:${rest[0]}`);
          out(values.json ? JSON.stringify({ ok: true, ...r }) : `${r.received} mutations received, ${r.deliveries} deliveries`);
          return 0;
        } catch (error) {
          const e = error as { code?: string };
          if (e.code !== 'validation') throw error;
          const fields = renderFields(error, lang);
          out(values.json ? JSON.stringify({ ok: false, errors: fields }) : Object.entries(fields).map(([k, v]) => `record ${k}: ${v}`).join('\n'));
          return 1;
        }
      });
    }
    case 'reminders': {
      if (sub !== 'run') throw new UsageError('reminders needs run');
      const { isIsoDate } = await import('./domain/clock.js');
      if (values.date !== undefined && !isIsoDate(values.date)) throw new UsageError('--date must be a date written YYYY-MM-DD');
      return withRuntime(true, async (rt) => {
        const r = await rt.services.helpRequests.runReminders(values.date ?? rt.clock.today(), { dryRun: values['dry-run'] });
        if (values.json) out(JSON.stringify(r));
        else {
          out(`${r.date}: ${r.mails.length} reminder mail(s)${values['dry-run'] ? ' would be sent (dry run)' : ''}`);
          for (const m of r.mails) out(`  ${m.ocmw} → ${m.to}: ${m.references.join(', ')}`);
        }
        return 0;
      });
    }
    case 'ebox': {
      if (sub === 'publish') {
        const file = rest[0];
        if (!file) throw new UsageError('ebox publish needs FILE.json');
        const { readFileSync } = await import('node:fs');
        const path = await import('node:path');
        let raw: unknown;
        try {
          raw = JSON.parse(readFileSync(file, 'utf8'));
        } catch (error) {
          throw new UsageError(`cannot read ${file} as JSON: ${(error as Error).message}`);
        }
        // "attachment": { "file": "brief.pdf", … } names a file next to FILE.json, sent as base64.
        const attachment = (raw as { attachment?: Record<string, unknown> } | null)?.attachment;
        if (attachment && typeof attachment.file === 'string' && attachment.contentBase64 === undefined) {
          try {
            attachment.contentBase64 = readFileSync(path.resolve(path.dirname(file), attachment.file)).toString('base64');
          } catch (error) {
            throw new UsageError(`cannot read ${attachment.file}: ${(error as Error).message}`);
          }
          delete attachment.file;
        }
        return withRuntime(true, async (rt) => {
          try {
            const r = localizePayload(await rt.services.mailbox.publishFile(raw, `cli:${path.basename(file)}`), lang);
            const extra = r.attachment ? `, attachment ${r.attachment.name} (${r.attachment.size} bytes, sha256 ${r.attachment.sha256})` : '';
            out(values.json ? JSON.stringify({ ok: true, ...r }) : `published ${r.id} to ${r.recipient.name} (${r.recipient.kbo})${extra}`);
            return 0;
          } catch (error) {
            const e = error as { code?: string };
            if (e.code !== 'validation' && e.code !== 'payload_too_large') throw error;
            const [message, fields] = [renderMessage(error, lang), renderFields(error, lang)];
            out(values.json ? JSON.stringify({ ok: false, error: message, errors: fields }) : [message, ...Object.entries(fields).map(([k, v]) => `  ${k}: ${v}`)].join('\n'));
            return 1;
          }
        });
      }
      if (sub === 'notify') {
        const { isIsoDate } = await import('./domain/clock.js');
        if (values.date !== undefined && !isIsoDate(values.date)) throw new UsageError('--date must be a date written YYYY-MM-DD');
        return withRuntime(true, async (rt) => {
          try {
            const r = await rt.services.mailbox.runNightlyNotifications(values.date);
            if (values.json) out(JSON.stringify(r));
            else {
              out(`night of ${r.night}: ${r.mails.length} e-Box notification mail(s)`);
              for (const m of r.mails) out(`  ${m.to}: ${m.documents} document(s)`);
            }
            return 0;
          } catch (error) {
            const e = error as { code?: string };
            if (e.code !== 'validation') throw error;
            const fields = renderFields(error, lang);
            out(values.json ? JSON.stringify({ ok: false, errors: fields }) : Object.values(fields).join('\n'));
            return 1;
          }
        });
      }
      throw new UsageError('ebox needs publish FILE.json or notify [--date YYYY-MM-DD]');
    }
    case 'cert': {
      if (sub !== 'check' || !rest[0]) throw new UsageError('cert needs check FILE --for ftp|rest');
      if (values.for !== 'ftp' && values.for !== 'rest') throw new UsageError('--for must be ftp or rest');
      const { certCheck } = await import('./cli/cert-check.js');
      try {
        const r = await certCheck(rest[0], values.for, { json: values.json, lang, now: new Date() });
        out(r.output);
        return r.exitCode;
      } catch (error) {
        if ((error as Error).message.startsWith('cannot read')) throw new UsageError((error as Error).message);
        throw error;
      }
    }
    case 'import': {
      if (sub !== 'htb' || !rest[0]) throw new UsageError('import needs htb FILE.xlsx');
      const { readFileSync } = await import('node:fs');
      let buffer: Buffer;
      try {
        buffer = readFileSync(rest[0]);
      } catch (error) {
        throw new UsageError(`cannot read ${rest[0]}: ${(error as Error).message}`);
      }
      return withRuntime(true, async (rt) => {
        try {
          const report = localizePayload(await rt.services.mergers.importHtb(buffer, { dryRun: values['dry-run'], actor: null }), lang);
          if (values.json) out(JSON.stringify(report));
          else {
            for (const r of report.rows) {
              out(`row ${r.row}: ${r.sourceKbo} → ${r.targetKbo}  ${r.problems.length ? `INVALID: ${r.problems.join(' ')}` : (r.action ?? 'ok')}`);
            }
            for (const a of report.newAccounts) out(`new account for ${a.insz}: ${a.username} / temporary password ${a.temporaryPassword}`);
            out(report.valid ? (report.dryRun ? 'valid (dry run: nothing written)' : `imported: ${report.applied} HTB(s) appointed or replaced`) : 'invalid: nothing written');
          }
          return report.valid ? 0 : 1;
        } catch (error) {
          const e = error as { code?: string; message: string };
          if (e.code === 'validation' || e.code === 'payload_too_large') {
            if (values.json) out(JSON.stringify({ valid: false, error: e.message }));
            else out(`invalid file: ${e.message}`);
            return 1;
          }
          throw error;
        }
      });
    }
    default:
      throw new UsageError(`unknown command: ${command}`);
  }
}

main(process.argv.slice(2))
  .then((code) => process.exit(code))
  .catch((error: unknown) => {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`${(error as Error).message}\n\n${USAGE}\n`);
      process.exit(2);
    }
    process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
    process.exit(1);
  });
