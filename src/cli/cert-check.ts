/**
 * `ocmw cert check FILE --for ftp|rest [--json]` (SPEC §12): R3.9 on a certificate file, with
 * the violations translated. Returns the output and exit code instead of printing, so src/cli.ts
 * decides where it goes and the command is testable without a process.
 */
import { readFile } from 'node:fs/promises';
import type { Language } from '../shared/messages.js';
import { channelMessage } from '../modules/channels/channel-messages.js';
import { checkCertificate, type CertificateUse } from '../modules/channels/certificate-policy.js';
import { createTrustStore, readTrustedCaFile } from '../modules/channels/certificate-trust.js';

export interface CertCheckOptions {
  json: boolean;
  lang: Language;
  now: Date;
  /** Default: OCMW_TRUSTED_CA_FILE. */
  trustedCaFile?: string;
}

/** Checks the certificate at `path`; throws an Error starting with "cannot read" when the file cannot be read. */
export async function certCheck(path: string, forWhat: CertificateUse, options: CertCheckOptions): Promise<{ exitCode: 0 | 1; output: string }> {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(path));
  } catch (error) {
    throw new Error(`cannot read ${path}: ${(error as Error).message}`, { cause: error });
  }
  const name = path.split(/[\\/]/).pop() ?? path;
  // R3.9′: the same trust as the upload: the runtime's roots plus OCMW_TRUSTED_CA_FILE.
  const caFile = options.trustedCaFile ?? process.env.OCMW_TRUSTED_CA_FILE;
  const bundle = caFile ? readTrustedCaFile(caFile) : undefined;
  if (bundle && !bundle.ok) throw new Error(`OCMW_TRUSTED_CA_FILE: ${bundle.problem}`);
  const report = checkCertificate({ name, bytes }, { for: forWhat, now: options.now, trust: createTrustStore(bundle?.pem) });
  const violations = report.violations.map((v) => ({ rule: v.rule, message: channelMessage(v.rule, options.lang, v.params) }));
  const exitCode = report.accepted ? 0 : 1;

  if (options.json) {
    const json = {
      accepted: report.accepted,
      violations,
      fingerprint: report.readable ? report.fingerprint : null,
      key: report.readable ? report.key : null,
      signature: report.readable ? report.signature : null,
      selfSigned: report.readable ? report.selfSigned : null,
      notAfter: report.readable ? report.notAfter : null,
    };
    return { exitCode, output: JSON.stringify(json) };
  }

  const lines = [`${name}: ${report.accepted ? 'accepted' : 'refused'} for ${forWhat.toUpperCase()}`];
  if (report.readable) {
    lines.push(
      `  subject:     ${report.subject}`,
      `  issuer:      ${report.issuer}${report.selfSigned ? ' (self-signed)' : ''}`,
      `  fingerprint: ${report.fingerprint} (SHA-256)`,
      `  key:         ${report.key}`,
      `  signature:   ${report.signature}`,
      `  valid:       ${report.notBefore} – ${report.notAfter}`,
      `  key usage:   ${report.keyUsage.length > 0 ? report.keyUsage.join(', ') : '—'}`,
    );
  }
  for (const v of violations) lines.push(`  ✗ ${v.message} [${v.rule}]`);
  return { exitCode, output: lines.join('\n') };
}
