/**
 * Certificate rules for FTP and REST accounts (SPEC R3.9, R3.10). Pure: takes the uploaded
 * file's name and bytes and a clock, returns every violated rule as a stable rule id (translated
 * by the caller with channelMessage) plus the facts shown to the user.
 *
 * Decisions:
 *  - Fingerprint: SHA-256 of the DER, canonical form uppercase hex pairs joined by ':'
 *    (`AB:CD:…`), the form of `openssl x509 -fingerprint -sha256` and of Node's
 *    `fingerprint256` / `getPeerCertificate().fingerprint256`, so the mTLS lookup (R3.11)
 *    compares strings directly. `fingerprintHex` is the same digest, lowercase, no separators
 *    (the `createHash('sha256').digest('hex')` form). `normalizeFingerprint` maps either to canonical.
 *  - RSASSA-PSS signatures with SHA-256/384/512 are accepted: R3.9 asks for SHA-2 "with RSA",
 *    and PSS is RSA with a stronger padding. SHA-1, SHA-224, MD5, DSA and EdDSA are refused.
 *  - Self-signed = issuer name equals subject name AND the signature verifies with the
 *    certificate's own public key — what @peculiar/x509's `isSelfSigned()` does, computed
 *    synchronously through Node's OpenSSL (`X509Certificate.verify`) so the check stays sync.
 *  - A file is readable only when both @peculiar/x509 and Node's OpenSSL parse it and the DER
 *    has no trailing bytes (the fingerprint must match what TLS later presents).
 *  - When `cert.pfx` is reported, `cert.extension` is not: its message already says to upload
 *    the `.cer`.
 */
import 'reflect-metadata';
import * as x509 from '@peculiar/x509';
import { createHash, webcrypto, X509Certificate as NodeX509Certificate } from 'node:crypto';
import { chainsToTrustedCa, createTrustStore, type TrustStore } from './certificate-trust.js';

x509.cryptoProvider.set(webcrypto as unknown as Crypto);

export const RULE_IDS = [
  'cert.extension',
  'cert.pfx',
  'cert.unreadable',
  'cert.key',
  'cert.signature',
  'cert.self_signed_ftp',
  'cert.self_signed_key_usage',
  'cert.expired',
  'cert.not_yet_valid',
  'cert.ftp_lifetime',
  'cert.untrusted_ca',
] as const;

export type CertificateRule = (typeof RULE_IDS)[number];
export type CertificateUse = 'ftp' | 'rest';

export const ALLOWED_KEYS = ['RSA-2048', 'RSA-3072', 'RSA-4096', 'EC-P-384', 'EC-P-521'] as const;
export const ALLOWED_SIGNATURES = [
  'sha256WithRSAEncryption',
  'sha384WithRSAEncryption',
  'sha512WithRSAEncryption',
  'rsassaPss-SHA256',
  'rsassaPss-SHA384',
  'rsassaPss-SHA512',
  'ecdsa-with-SHA256',
  'ecdsa-with-SHA384',
  'ecdsa-with-SHA512',
] as const;
/** R3.9 [choice]: total validity of an FTP certificate, notAfter − notBefore. */
export const FTP_MAX_LIFETIME_DAYS = 825;

/** A violated rule; `params` fill the message placeholders. The text is the caller's job. */
export interface CertificateViolation {
  rule: CertificateRule;
  params?: Record<string, string | number>;
  message?: never;
}

export interface CertificateDetails {
  /** SHA-256 of the DER, uppercase hex pairs joined by ':' (`AB:CD:…`). */
  fingerprint: string;
  /** The same digest, lowercase hex without separators. */
  fingerprintHex: string;
  /** `RSA-2048`, `EC-P-384`, `Ed25519`, … */
  key: string;
  /** `sha256WithRSAEncryption`, `ecdsa-with-SHA384`, `rsassaPss-SHA256`, or the OID when unknown. */
  signature: string;
  selfSigned: boolean;
  /** ISO 8601 (UTC). */
  notBefore: string;
  notAfter: string;
  subject: string;
  issuer: string;
  /** KeyUsage extension bits by name (`digitalSignature`, …); empty without the extension. */
  keyUsage: string[];
}

export type CertificateReport =
  | ({ readable: true; accepted: boolean; violations: CertificateViolation[] } & CertificateDetails)
  | { readable: false; accepted: false; violations: CertificateViolation[] };

const DAY_MS = 86_400_000;

const SIGNATURE_OIDS: Record<string, string> = {
  '1.2.840.113549.1.1.4': 'md5WithRSAEncryption',
  '1.2.840.113549.1.1.5': 'sha1WithRSAEncryption',
  '1.2.840.113549.1.1.11': 'sha256WithRSAEncryption',
  '1.2.840.113549.1.1.12': 'sha384WithRSAEncryption',
  '1.2.840.113549.1.1.13': 'sha512WithRSAEncryption',
  '1.2.840.113549.1.1.14': 'sha224WithRSAEncryption',
  '1.2.840.10045.4.1': 'ecdsa-with-SHA1',
  '1.2.840.10045.4.3.1': 'ecdsa-with-SHA224',
  '1.2.840.10045.4.3.2': 'ecdsa-with-SHA256',
  '1.2.840.10045.4.3.3': 'ecdsa-with-SHA384',
  '1.2.840.10045.4.3.4': 'ecdsa-with-SHA512',
  '1.2.840.10040.4.3': 'dsa-with-SHA1',
  '2.16.840.1.101.3.4.3.2': 'dsa-with-SHA256',
  '1.3.101.112': 'Ed25519',
  '1.3.101.113': 'Ed448',
};
const RSASSA_PSS_OID = '1.2.840.113549.1.1.10';

const EC_CURVES: Record<string, string> = {
  prime256v1: 'P-256',
  secp384r1: 'P-384',
  secp521r1: 'P-521',
};

/** Lower-case extension of a file name including the dot, or '' without one. */
function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot < 0 ? '' : name.slice(dot).toLowerCase();
}

interface Tlv {
  tag: number;
  /** First content byte. */
  start: number;
  /** One past the last content byte. */
  end: number;
}

/** The DER tag-length-value at `offset` (definite lengths only), or undefined when it does not fit. */
function readTlv(bytes: Uint8Array, offset: number): Tlv | undefined {
  if (offset + 2 > bytes.length) return undefined;
  const tag = bytes[offset]!;
  const first = bytes[offset + 1]!;
  let start = offset + 2;
  let length = first;
  if (first >= 0x80) {
    const count = first & 0x7f;
    if (count === 0 || count > 4 || start + count > bytes.length) return undefined;
    length = 0;
    for (let i = 0; i < count; i += 1) length = length * 256 + bytes[start + i]!;
    start += count;
  }
  const end = start + length;
  return end > bytes.length ? undefined : { tag, start, end };
}

function decodeOid(content: Uint8Array): string {
  const arcs: number[] = [];
  let value = 0;
  for (const byte of content) {
    value = value * 128 + (byte & 0x7f);
    if ((byte & 0x80) === 0) {
      if (arcs.length === 0) arcs.push(value < 80 ? Math.floor(value / 40) : 2, value < 80 ? value % 40 : value - 80);
      else arcs.push(value);
      value = 0;
    }
  }
  return arcs.join('.');
}

/** The OID of Certificate.signatureAlgorithm (the outer one, after tbsCertificate). */
function signatureOid(der: Uint8Array): string | undefined {
  const outer = readTlv(der, 0);
  const tbs = outer && readTlv(der, outer.start);
  const algorithm = tbs && readTlv(der, tbs.end);
  const oid = algorithm && readTlv(der, algorithm.start);
  if (!oid || oid.tag !== 0x06) return undefined;
  return decodeOid(der.subarray(oid.start, oid.end));
}

/**
 * PKCS#12 by content: SEQUENCE { version INTEGER 3, authSafe ContentInfo SEQUENCE, … }, in DER or
 * in the indefinite-length BER that some tools write.
 */
export function looksLikePkcs12(bytes: Uint8Array): boolean {
  if (bytes.length < 6 || bytes[0] !== 0x30) return false;
  const lengthByte = bytes[1]!;
  const contentStart = lengthByte < 0x80 ? 2 : lengthByte === 0x80 ? 2 : 2 + (lengthByte & 0x7f);
  const c = bytes.subarray(contentStart);
  return c[0] === 0x02 && c[1] === 0x01 && c[2] === 0x03 && c[3] === 0x30;
}

/** A PEM marker with a bounded label, so each match attempt costs a bounded number of steps. */
const PEM_MARKER = /-----(BEGIN|END) ([A-Z0-9 ]{1,64})-----/g;

/**
 * The bodies of the PEM blocks labelled `label`, in one pass over the markers (issue 17, finding
 * 5): a BEGIN opens a block, the END with its label closes it. Linear in the text's length,
 * where a backreferencing regex rescanned the rest of the text for every BEGIN.
 */
export function pemBlocks(text: string, label: string): string[] {
  const bodies: string[] = [];
  let open: { label: string; bodyStart: number } | undefined;
  for (const m of text.matchAll(PEM_MARKER)) {
    if (m[1] === 'BEGIN') open = { label: m[2]!, bodyStart: m.index + m[0].length };
    else if (open && open.label === m[2]) {
      if (open.label === label) bodies.push(text.slice(open.bodyStart, m.index));
      open = undefined;
    }
  }
  return bodies;
}

/**
 * The DER of the one certificate in a DER or PEM file (PEM: exactly one CERTIFICATE block; any
 * whitespace and CRLF tolerated), or undefined when the bytes are neither.
 */
export function certificateDer(bytes: Uint8Array): Uint8Array | undefined {
  const text = Buffer.from(bytes).toString('latin1');
  if (text.includes('-----BEGIN ')) {
    const blocks = pemBlocks(text, 'CERTIFICATE');
    if (blocks.length !== 1) return undefined;
    const body = blocks[0]!.replace(/\s+/g, '');
    if (!/^[A-Za-z0-9+/]+={0,2}$/.test(body)) return undefined;
    return new Uint8Array(Buffer.from(body, 'base64'));
  }
  if (bytes[0] !== 0x30 || readTlv(bytes, 0)?.end !== bytes.length) return undefined;
  return bytes;
}

/** SHA-256 fingerprint of a DER certificate in both forms (see the module comment). */
export function sha256Fingerprint(der: Uint8Array): { fingerprint: string; fingerprintHex: string } {
  const fingerprintHex = createHash('sha256').update(der).digest('hex');
  return { fingerprint: colonPairs(fingerprintHex.toUpperCase()), fingerprintHex };
}

/** Any SHA-256 fingerprint spelling (case, ':' or spaces) → the canonical `AB:CD:…`; undefined when it is not one. */
export function normalizeFingerprint(input: string): string | undefined {
  const hex = input.replace(/[\s:]/g, '').toUpperCase();
  if (!/^[0-9A-F]{64}$/.test(hex)) return undefined;
  return colonPairs(hex);
}

function colonPairs(hex: string): string {
  return (hex.match(/../g) ?? []).join(':');
}

function describeKey(node: NodeX509Certificate): string {
  const key = node.publicKey;
  const details = key.asymmetricKeyDetails ?? {};
  switch (key.asymmetricKeyType) {
    case 'rsa':
    case 'rsa-pss':
      return `RSA-${details.modulusLength ?? '?'}`;
    case 'ec': {
      const curve = details.namedCurve ?? '?';
      return `EC-${EC_CURVES[curve] ?? curve}`;
    }
    case 'dsa':
      return `DSA-${details.modulusLength ?? '?'}`;
    case 'ed25519':
      return 'Ed25519';
    case 'ed448':
      return 'Ed448';
    default:
      return key.asymmetricKeyType ?? 'unknown';
  }
}

function describeSignature(cert: x509.X509Certificate, der: Uint8Array): string {
  const oid = signatureOid(der) ?? 'unknown';
  if (oid === RSASSA_PSS_OID) {
    try {
      const hash = (cert.signatureAlgorithm as { hash?: { name?: string } }).hash?.name ?? 'unknown';
      return `rsassaPss-${hash.replace('-', '')}`;
    } catch {
      return 'rsassaPss-unknown';
    }
  }
  return SIGNATURE_OIDS[oid] ?? oid;
}

function keyUsageNames(cert: x509.X509Certificate): string[] {
  const ext = cert.getExtension(x509.KeyUsagesExtension);
  if (!ext) return [];
  return Object.entries(x509.KeyUsageFlags)
    .filter((entry): entry is [string, number] => typeof entry[1] === 'number' && (ext.usages & entry[1]) !== 0)
    .map(([name]) => name);
}

function isSelfSigned(cert: x509.X509Certificate, node: NodeX509Certificate): boolean {
  if (cert.subject !== cert.issuer) return false;
  try {
    return node.verify(node.publicKey);
  } catch {
    return false;
  }
}

/** Parses a DER certificate and describes it; throws when @peculiar/x509 or OpenSSL cannot read it. */
export function describeCertificate(der: Uint8Array): CertificateDetails {
  const cert = new x509.X509Certificate(new Uint8Array(der));
  const node = new NodeX509Certificate(der);
  return {
    ...sha256Fingerprint(der),
    key: describeKey(node),
    signature: describeSignature(cert, der),
    selfSigned: isSelfSigned(cert, node),
    notBefore: cert.notBefore.toISOString(),
    notAfter: cert.notAfter.toISOString(),
    subject: cert.subject,
    issuer: cert.issuer,
    keyUsage: keyUsageNames(cert),
  };
}

function readDetails(bytes: Uint8Array): CertificateDetails | undefined {
  const der = certificateDer(bytes);
  if (!der) return undefined;
  try {
    return describeCertificate(der);
  } catch {
    return undefined;
  }
}

/**
 * R3.9: checks an uploaded certificate file for an FTP or REST account; lists every violated rule.
 * R3.9′: an FTP certificate that is not self-signed must chain to a CA of `trust` (default: the
 * runtime's root store only; the app passes the one with OCMW_TRUSTED_CA_FILE).
 */
export function checkCertificate(
  file: { name: string; bytes: Uint8Array },
  /** `kind`: the account kind the messages name (FTP, SFTP or SOAP under the FTP rules; issue 19). */
  options: { for: CertificateUse; now: Date; trust?: TrustStore; kind?: string },
): CertificateReport {
  const kind = options.kind ?? (options.for === 'rest' ? 'REST' : 'FTP');
  const extension = extensionOf(file.name);
  const violations: CertificateViolation[] = [];
  const details = readDetails(file.bytes);

  if (!details) {
    const isPfx = extension === '.pfx' || extension === '.p12' || looksLikePkcs12(file.bytes);
    if (isPfx) return { readable: false, accepted: false, violations: [{ rule: 'cert.pfx' }] };
    if (extension !== '.cer') violations.push({ rule: 'cert.extension', params: { extension: extension || '—' } });
    violations.push({ rule: 'cert.unreadable' });
    return { readable: false, accepted: false, violations };
  }

  if (extension !== '.cer') violations.push({ rule: 'cert.extension', params: { extension: extension || '—' } });
  if (!(ALLOWED_KEYS as readonly string[]).includes(details.key)) violations.push({ rule: 'cert.key', params: { key: details.key } });
  if (!(ALLOWED_SIGNATURES as readonly string[]).includes(details.signature)) {
    violations.push({ rule: 'cert.signature', params: { signature: details.signature } });
  }
  if (details.selfSigned && options.for === 'ftp') violations.push({ rule: 'cert.self_signed_ftp', params: { kind } });
  if (!details.selfSigned && options.for === 'ftp' && !chainsToTrustedCa(certificateDer(file.bytes)!, options.trust ?? createTrustStore(), options.now)) {
    violations.push({ rule: 'cert.untrusted_ca', params: { issuer: details.issuer, kind } });
  }
  if (details.selfSigned && !details.keyUsage.includes('digitalSignature')) violations.push({ rule: 'cert.self_signed_key_usage' });
  const notBefore = new Date(details.notBefore);
  const notAfter = new Date(details.notAfter);
  if (notAfter.getTime() < options.now.getTime()) violations.push({ rule: 'cert.expired', params: { notAfter: details.notAfter.slice(0, 10) } });
  if (notBefore.getTime() > options.now.getTime()) {
    violations.push({ rule: 'cert.not_yet_valid', params: { notBefore: details.notBefore.slice(0, 10) } });
  }
  const lifetimeMs = notAfter.getTime() - notBefore.getTime();
  if (options.for === 'ftp' && lifetimeMs > FTP_MAX_LIFETIME_DAYS * DAY_MS) {
    violations.push({ rule: 'cert.ftp_lifetime', params: { days: Math.ceil(lifetimeMs / DAY_MS), max: FTP_MAX_LIFETIME_DAYS } });
  }

  return { readable: true, accepted: violations.length === 0, violations, ...details };
}
