import { createHash, X509Certificate as NodeX509Certificate } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCa, makeCertificate, makeIntermediateCa, makePfxLikeBytes, type TestCa, type TestHash, type TestKeyType } from '../../../test/certificates.js';
import { certCheck } from '../../cli/cert-check.js';
import { LANGUAGES } from '../../shared/messages.js';
import {
  certificateDer,
  checkCertificate,
  looksLikePkcs12,
  normalizeFingerprint,
  pemBlocks,
  RULE_IDS,
  type CertificateReport,
} from './certificate-policy.js';
import { channelMessage } from './channel-messages.js';
import { createTrustStore, type TrustStore } from './certificate-trust.js';

const NOW = new Date('2026-03-01T12:00:00Z');
const DAY = 86_400_000;
const before = (days: number) => new Date(NOW.getTime() - days * DAY);
const after = (days: number) => new Date(NOW.getTime() + days * DAY);
const enc = (s: string) => new TextEncoder().encode(s);

function rules(report: CertificateReport): string[] {
  return report.violations.map((v) => v.rule);
}

let rsaCa: TestCa;
let ecCa: TestCa;
/** R3.9′: the two test CAs, trusted like an operator's OCMW_TRUSTED_CA_FILE. */
let trust: TrustStore;

beforeAll(async () => {
  [rsaCa, ecCa] = await Promise.all([makeCa({ key: 'RSA-2048', name: 'CN=Test RSA CA, O=Test, C=BE' }), makeCa({ key: 'EC-P-384' })]);
  trust = createTrustStore(rsaCa.pem + ecCa.pem);
}, 60_000);

describe('key type and size (R3.9)', () => {
  it.each<[TestKeyType, boolean]>([
    ['RSA-1024', false],
    ['RSA-2048', true],
    ['RSA-3072', true],
    ['RSA-4096', true],
    ['EC-P-256', false],
    ['EC-P-384', true],
    ['EC-P-521', true],
  ])('%s is accepted: %s', async (key, accepted) => {
    const cert = await makeCertificate({ key, issuer: ecCa, notBefore: before(10), notAfter: after(300) });
    for (const use of ['ftp', 'rest'] as const) {
      const report = checkCertificate({ name: 'vendor.cer', bytes: cert.der }, { for: use, now: NOW, trust });
      expect(report).toMatchObject({ readable: true, key, accepted });
      expect(report.violations).toEqual(accepted ? [] : [{ rule: 'cert.key', params: { key } }]);
    }
  }, 60_000);
});

describe('signature algorithm (R3.9)', () => {
  it.each<['rsa' | 'ec', 'pkcs1' | 'pss', TestHash, string, boolean]>([
    ['rsa', 'pkcs1', 'SHA-1', 'sha1WithRSAEncryption', false],
    ['rsa', 'pkcs1', 'SHA-256', 'sha256WithRSAEncryption', true],
    ['rsa', 'pkcs1', 'SHA-384', 'sha384WithRSAEncryption', true],
    ['rsa', 'pkcs1', 'SHA-512', 'sha512WithRSAEncryption', true],
    ['rsa', 'pss', 'SHA-1', 'rsassaPss-SHA1', false],
    ['rsa', 'pss', 'SHA-256', 'rsassaPss-SHA256', true],
    ['rsa', 'pss', 'SHA-384', 'rsassaPss-SHA384', true],
    ['rsa', 'pss', 'SHA-512', 'rsassaPss-SHA512', true],
    ['ec', 'pkcs1', 'SHA-1', 'ecdsa-with-SHA1', false],
    ['ec', 'pkcs1', 'SHA-256', 'ecdsa-with-SHA256', true],
    ['ec', 'pkcs1', 'SHA-384', 'ecdsa-with-SHA384', true],
    ['ec', 'pkcs1', 'SHA-512', 'ecdsa-with-SHA512', true],
  ])('a %s CA signing with %s %s gives %s, accepted: %s', async (caKind, padding, hash, signature, accepted) => {
    const issuer = caKind === 'rsa' ? rsaCa : ecCa;
    const cert = await makeCertificate({ key: 'RSA-2048', hash, padding, issuer, notBefore: before(1), notAfter: after(100) });
    const report = checkCertificate({ name: 'vendor.cer', bytes: cert.der }, { for: 'ftp', now: NOW, trust });
    expect(report).toMatchObject({ readable: true, signature, accepted, selfSigned: false });
    expect(report.violations).toEqual(accepted ? [] : [{ rule: 'cert.signature', params: { signature } }]);
  });

  it.each<TestHash>(['SHA-1', 'SHA-256', 'SHA-384', 'SHA-512'])('checks the self-signature hash %s of an EC key', async (hash) => {
    const cert = await makeCertificate({ key: 'EC-P-521', hash, selfSigned: true, notBefore: before(1), notAfter: after(100) });
    const report = checkCertificate({ name: 'vendor.cer', bytes: cert.der }, { for: 'rest', now: NOW });
    expect(report).toMatchObject({ signature: `ecdsa-with-${hash.replace('-', '')}`, selfSigned: true });
    expect(rules(report)).toEqual(hash === 'SHA-1' ? ['cert.signature'] : []);
  });
});

describe('self-signed certificates (R3.9)', () => {
  it.each<['ftp' | 'rest', string[] | undefined, string[]]>([
    ['rest', ['digitalSignature'], []],
    ['rest', ['digitalSignature', 'keyEncipherment'], []],
    ['rest', [], ['cert.self_signed_key_usage']],
    ['rest', ['keyEncipherment', 'dataEncipherment'], ['cert.self_signed_key_usage']],
    ['ftp', ['digitalSignature'], ['cert.self_signed_ftp']],
    ['ftp', [], ['cert.self_signed_ftp', 'cert.self_signed_key_usage']],
  ])('for %s with key usage %j reports %j', async (use, keyUsage, expected) => {
    const cert = await makeCertificate({
      key: 'RSA-3072',
      selfSigned: true,
      keyUsage: keyUsage as never,
      notBefore: before(1),
      notAfter: after(100),
    });
    const report = checkCertificate({ name: 'vendor.cer', bytes: cert.der }, { for: use, now: NOW, trust });
    expect(report).toMatchObject({ selfSigned: true, keyUsage, accepted: expected.length === 0 });
    expect(rules(report)).toEqual(expected);
    expect(report.readable && report.subject).toBe(report.readable && report.issuer);
  });

  it('accepts a CA-issued certificate without key usage, for FTP and REST', async () => {
    const cert = await makeCertificate({ key: 'EC-P-384', issuer: rsaCa, keyUsage: [], notBefore: before(1), notAfter: after(100) });
    for (const use of ['ftp', 'rest'] as const) {
      const report = checkCertificate({ name: 'vendor.cer', bytes: cert.der }, { for: use, now: NOW, trust });
      expect(report).toMatchObject({ accepted: true, selfSigned: false, keyUsage: [], issuer: 'CN=Test RSA CA, O=Test, C=BE' });
    }
  });

  it('does not call a certificate self-signed when issuer equals subject but another key signed it', async () => {
    const cert = await makeCertificate({ key: 'RSA-2048', issuer: ecCa, subject: ecCa.name, notBefore: before(1), notAfter: after(100) });
    const report = checkCertificate({ name: 'vendor.cer', bytes: cert.der }, { for: 'ftp', now: NOW, trust });
    expect(report).toMatchObject({ selfSigned: false, accepted: true });
    expect(report.readable && report.subject).toBe(ecCa.name);
    expect(await cert.certificate.isSelfSigned()).toBe(false);
  });

  it('agrees with @peculiar/x509 isSelfSigned()', async () => {
    const certs = await Promise.all([
      makeCertificate({ key: 'RSA-2048', selfSigned: true }),
      makeCertificate({ key: 'RSA-2048', selfSigned: true, padding: 'pss', hash: 'SHA-384' }),
      makeCertificate({ key: 'EC-P-384', selfSigned: true }),
      makeCertificate({ key: 'EC-P-384', issuer: rsaCa }),
    ]);
    for (const cert of certs) {
      const report = checkCertificate({ name: 'a.cer', bytes: cert.der }, { for: 'rest', now: new Date() });
      expect(report.readable && report.selfSigned).toBe(await cert.certificate.isSelfSigned());
    }
  });
});

describe('validity period (R3.9)', () => {
  it.each<['ftp' | 'rest', Date, Date, string[]]>([
    ['ftp', before(400), before(1), ['cert.expired']],
    ['rest', before(400), new Date(NOW.getTime() - 1000), ['cert.expired']],
    ['rest', before(400), NOW, []], // still valid at its last second
    ['rest', NOW, after(100), []],
    ['ftp', after(1), after(300), ['cert.not_yet_valid']],
    ['rest', new Date(NOW.getTime() + 1000), after(300), ['cert.not_yet_valid']],
    ['ftp', before(10), new Date(before(10).getTime() + 825 * DAY), []],
    ['ftp', before(10), new Date(before(10).getTime() + 826 * DAY), ['cert.ftp_lifetime']],
    ['ftp', before(10), new Date(before(10).getTime() + 825 * DAY + 1000), ['cert.ftp_lifetime']],
    ['rest', before(10), new Date(before(10).getTime() + 826 * DAY), []],
    ['rest', before(10), after(3650), []],
  ])('for %s from %o to %o reports %j', async (use, notBefore, notAfter, expected) => {
    const cert = await makeCertificate({ key: 'EC-P-384', issuer: ecCa, notBefore, notAfter });
    const report = checkCertificate({ name: 'vendor.cer', bytes: cert.der }, { for: use, now: NOW, trust });
    expect(rules(report)).toEqual(expected);
    expect(report).toMatchObject({ notBefore: notBefore.toISOString(), notAfter: notAfter.toISOString() });
  });

  it('names the dates and the number of days', async () => {
    const expired = await makeCertificate({ key: 'EC-P-384', issuer: ecCa, notBefore: before(900), notAfter: before(2) });
    expect(checkCertificate({ name: 'a.cer', bytes: expired.der }, { for: 'ftp', now: NOW, trust }).violations).toEqual([
      { rule: 'cert.expired', params: { notAfter: before(2).toISOString().slice(0, 10) } },
      { rule: 'cert.ftp_lifetime', params: { days: 898, max: 825 } },
    ]);
    const future = await makeCertificate({ key: 'EC-P-384', issuer: ecCa, notBefore: after(5), notAfter: after(50) });
    expect(checkCertificate({ name: 'a.cer', bytes: future.der }, { for: 'rest', now: NOW }).violations).toEqual([
      { rule: 'cert.not_yet_valid', params: { notBefore: after(5).toISOString().slice(0, 10) } },
    ]);
  });
});

describe('file format (R3.9)', () => {
  let der: Uint8Array;
  let pem: string;
  beforeAll(async () => {
    ({ der, pem } = await makeCertificate({ key: 'RSA-2048', issuer: rsaCa, notBefore: before(1), notAfter: after(100) }));
  });
  const check = (name: string, bytes: Uint8Array) => checkCertificate({ name, bytes }, { for: 'ftp', now: NOW, trust });

  it('accepts DER and PEM alike, with the same fingerprint', () => {
    const fromDer = check('vendor.cer', der);
    const fromPem = check('vendor.cer', enc(pem));
    expect(fromDer.accepted).toBe(true);
    expect(fromPem).toEqual(fromDer);
  });

  it.each([
    ['CRLF line ends', (p: string) => p.replace(/\n/g, '\r\n')],
    ['extra blank lines and indentation', (p: string) => `\n\n${p.split('\n').map((l) => `  ${l}  `).join('\n\n')}\n\n`],
    ['the whole body on one line', (p: string) => p.replace(/\n(?!-----END)/g, '').replace('-----', '\n-----').trimStart()],
    ['text around the block (openssl x509 -text style)', (p: string) => `Bag Attributes\n    friendlyName: vendor\nsubject=CN=x\n${p}trailing note\n`],
  ])('tolerates PEM with %s', (_, transform) => {
    expect(check('vendor.cer', enc(transform(pem)))).toMatchObject({ readable: true, accepted: true });
  });

  it.each([
    ['vendor.cer', []],
    ['VENDOR.CER', []],
    ['my.vendor.Cer', []],
    ['vendor.crt', ['cert.extension']],
    ['vendor.pem', ['cert.extension']],
    ['vendor.der', ['cert.extension']],
    ['vendor', ['cert.extension']],
    ['vendor.cer.txt', ['cert.extension']],
    ['vendor.pfx', ['cert.extension']], // readable X.509 after all: only the name is wrong
  ])('for a real certificate named %s reports %j', (name, expected) => {
    const report = check(name, der);
    expect(rules(report)).toEqual(expected);
    expect(report.readable).toBe(true);
  });

  it.each([
    ['vendor.pfx', makePfxLikeBytes()],
    ['vendor.p12', makePfxLikeBytes()],
    ['VENDOR.PFX', enc('not even DER')],
    ['vendor.p12', new Uint8Array()],
    ['vendor.cer', makePfxLikeBytes()], // by content
    ['vendor.bin', makePfxLikeBytes()],
    ['vendor.cer', new Uint8Array([0x30, 0x80, 0x02, 0x01, 0x03, 0x30, 0x80, 0x06, 0x00])], // indefinite-length BER
  ])('refuses %s as a PKCS#12 key store', (name, bytes) => {
    expect(check(name, bytes)).toEqual({ readable: false, accepted: false, violations: [{ rule: 'cert.pfx' }] });
  });

  it('recognises PKCS#12 by content', () => {
    expect(looksLikePkcs12(makePfxLikeBytes())).toBe(true);
    expect(looksLikePkcs12(der)).toBe(false);
    expect(looksLikePkcs12(new Uint8Array([0x30]))).toBe(false);
  });

  it.each<[string, () => Uint8Array, string[]]>([
    ['garbage', () => enc('hello, this is not a certificate'), ['cert.unreadable']],
    ['an empty file', () => new Uint8Array(), ['cert.unreadable']],
    ['random binary', () => new Uint8Array(Array.from({ length: 300 }, (_, i) => (i * 37 + 11) % 256)), ['cert.unreadable']],
    ['truncated DER', () => der.subarray(0, der.length - 10), ['cert.unreadable']],
    ['DER with a trailing byte', () => new Uint8Array([...der, 0]), ['cert.unreadable']],
    ['a DER SEQUENCE that is not a certificate', () => new Uint8Array([0x30, 0x03, 0x02, 0x01, 0x05]), ['cert.unreadable']],
    ['PEM with a broken body', () => enc(pem.replace(/[A-Z]{4}/, '!!!!')), ['cert.unreadable']],
    ['PEM with two certificates', () => enc(pem + pem), ['cert.unreadable']],
    ['a PEM private key only', () => enc('-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n'), ['cert.unreadable']],
  ])('refuses %s as unreadable', (_, bytes, expected) => {
    expect(check('vendor.cer', bytes())).toEqual({ readable: false, accepted: false, violations: expected.map((rule) => ({ rule })) });
  });

  it('names the wrong extension of an unreadable file too', () => {
    expect(check('notes.txt', enc('garbage')).violations).toEqual([{ rule: 'cert.extension', params: { extension: '.txt' } }, { rule: 'cert.unreadable' }]);
  });

  it('extracts the DER from PEM', () => {
    expect(certificateDer(enc(pem))).toEqual(der);
    expect(certificateDer(der)).toBe(der);
  });
});

describe('several violations at once', () => {
  it('lists every violated rule, in a stable order', async () => {
    const cert = await makeCertificate({ key: 'RSA-1024', hash: 'SHA-1', selfSigned: true, keyUsage: [], notBefore: before(1000), notAfter: before(100) });
    const report = checkCertificate({ name: 'old.crt', bytes: cert.der }, { for: 'ftp', now: NOW, trust });
    expect(report.accepted).toBe(false);
    expect(rules(report)).toEqual([
      'cert.extension',
      'cert.key',
      'cert.signature',
      'cert.self_signed_ftp',
      'cert.self_signed_key_usage',
      'cert.expired',
      'cert.ftp_lifetime',
    ]);
  });

  it('lists a not-yet-valid P-256 REST certificate signed with ECDSA SHA-1 under both rules', async () => {
    const cert = await makeCertificate({ key: 'EC-P-256', hash: 'SHA-1', selfSigned: true, notBefore: after(2), notAfter: after(2000) });
    expect(rules(checkCertificate({ name: 'a.cer', bytes: cert.der }, { for: 'rest', now: NOW }))).toEqual(['cert.key', 'cert.signature', 'cert.not_yet_valid']);
  });
});

describe('fingerprint and details (R3.10)', () => {
  it('is the SHA-256 of the DER, as openssl and Node print it', async () => {
    const cert = await makeCertificate({ key: 'EC-P-384', issuer: rsaCa, keyUsage: ['digitalSignature', 'keyAgreement'], subject: 'CN=Vendor, O=Vendor NV, C=BE' });
    const report = checkCertificate({ name: 'a.cer', bytes: cert.der }, { for: 'rest', now: new Date() });
    const hex = createHash('sha256').update(cert.der).digest('hex');
    if (!report.readable) throw new Error('unreadable');
    expect(report.fingerprintHex).toBe(hex);
    expect(report.fingerprint).toBe(hex.toUpperCase().match(/../g)!.join(':'));
    expect(report.fingerprint).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    expect(report.fingerprint).toBe(new NodeX509Certificate(cert.der).fingerprint256);
    expect(report).toMatchObject({
      subject: 'CN=Vendor, O=Vendor NV, C=BE',
      issuer: 'CN=Test RSA CA, O=Test, C=BE',
      keyUsage: ['digitalSignature', 'keyAgreement'],
      key: 'EC-P-384',
      signature: 'sha256WithRSAEncryption',
    });
  });

  it.each([
    ['ab'.repeat(32), 'AB:'.repeat(31) + 'AB'],
    ['AB:'.repeat(31) + 'AB', 'AB:'.repeat(31) + 'AB'],
    ['ab cd '.repeat(16), 'AB:CD:'.repeat(15) + 'AB:CD'],
    ['ab'.repeat(31), undefined],
    ['zz'.repeat(32), undefined],
  ])('normalises fingerprint %j', (input, expected) => {
    expect(normalizeFingerprint(input)).toBe(expected);
  });
});

describe('messages', () => {
  it.each(RULE_IDS.flatMap((rule) => LANGUAGES.map((lang) => [rule, lang] as const)))('%s has a %s text', (rule, lang) => {
    const params = { key: 'RSA-1024', signature: 'sha1WithRSAEncryption', notAfter: '2025-01-01', notBefore: '2027-01-01', days: 900, max: 825, extension: '.crt', issuer: 'CN=Onbekende CA', kind: 'FTP' };
    const text = channelMessage(rule, lang, params);
    expect(text.length).toBeGreaterThan(20);
    expect(text).not.toMatch(/\{\w+\}/);
    if (lang !== 'nl') expect(text).not.toBe(channelMessage(rule, 'nl', params));
  });

  it('says a .pfx holds the private key', () => {
    expect(channelMessage('cert.pfx', 'nl')).toBe('Een .pfx/.p12-bestand bevat ook de private sleutel: laad alleen het certificaat (.cer) op.');
    expect(channelMessage('cert.key', 'nl', { key: 'EC-P-256' })).toBe(
      'De sleutel moet RSA-2048, RSA-3072, RSA-4096, EC P-384 of EC P-521 zijn (dit certificaat: EC-P-256).',
    );
  });
});

describe('ocmw cert check (§12)', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'cert-check-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('prints the §12 JSON and exits 0 for an accepted certificate', async () => {
    const cert = await makeCertificate({ key: 'RSA-2048', issuer: rsaCa, notBefore: before(1), notAfter: after(100) });
    const path = join(dir, 'ok.cer');
    await writeFile(path, cert.pem);
    const caFile = join(dir, 'trusted.pem');
    await writeFile(caFile, rsaCa.pem);
    // R3.9′: the same trust as the upload: without the operator's CA file the chain cannot be built.
    const untrusted = await certCheck(path, 'ftp', { json: true, lang: 'en', now: NOW, trustedCaFile: '' });
    expect(untrusted.exitCode).toBe(1);
    expect(JSON.parse(untrusted.output).violations.map((v: { rule: string }) => v.rule)).toEqual(['cert.untrusted_ca']);
    const { exitCode, output } = await certCheck(path, 'ftp', { json: true, lang: 'en', now: NOW, trustedCaFile: caFile });
    expect(exitCode).toBe(0);
    expect(JSON.parse(output)).toEqual({
      accepted: true,
      violations: [],
      fingerprint: new NodeX509Certificate(cert.der).fingerprint256,
      key: 'RSA-2048',
      signature: 'sha256WithRSAEncryption',
      selfSigned: false,
      notAfter: after(100).toISOString(),
    });
  });

  it('translates the violations and exits 1', async () => {
    const cert = await makeCertificate({ key: 'EC-P-256', selfSigned: true, notBefore: before(1), notAfter: after(100) });
    const path = join(dir, 'self.cer');
    await writeFile(path, cert.der);
    const { exitCode, output } = await certCheck(path, 'ftp', { json: true, lang: 'fr', now: NOW });
    expect(exitCode).toBe(1);
    const json = JSON.parse(output);
    expect(json).toMatchObject({ accepted: false, key: 'EC-P-256', selfSigned: true });
    expect(json.violations).toEqual([
      { rule: 'cert.key', message: channelMessage('cert.key', 'fr', { key: 'EC-P-256' }) },
      { rule: 'cert.self_signed_ftp', message: channelMessage('cert.self_signed_ftp', 'fr', { kind: 'FTP' }) },
    ]);
  });

  it('reports an unreadable file with null details', async () => {
    const path = join(dir, 'store.pfx');
    await writeFile(path, makePfxLikeBytes());
    const { exitCode, output } = await certCheck(path, 'rest', { json: true, lang: 'nl', now: NOW });
    expect(exitCode).toBe(1);
    expect(JSON.parse(output)).toEqual({
      accepted: false,
      violations: [{ rule: 'cert.pfx', message: channelMessage('cert.pfx', 'nl') }],
      fingerprint: null,
      key: null,
      signature: null,
      selfSigned: null,
      notAfter: null,
    });
  });

  it('prints readable lines without --json', async () => {
    const cert = await makeCertificate({ key: 'RSA-2048', issuer: rsaCa, notBefore: before(1), notAfter: after(1000) });
    const path = join(dir, 'long.cer');
    await writeFile(path, cert.der);
    const { exitCode, output } = await certCheck(path, 'ftp', { json: false, lang: 'nl', now: NOW });
    expect(exitCode).toBe(1);
    expect(output).toContain('long.cer: refused for FTP');
    expect(output).toContain(new NodeX509Certificate(cert.der).fingerprint256);
    expect(output).toContain('Een FTP-certificaat mag in totaal hoogstens 825 dagen geldig zijn (dit certificaat: 1001 dagen). [cert.ftp_lifetime]');
  });

  it('throws "cannot read" for a missing file', async () => {
    await expect(certCheck(join(dir, 'missing.cer'), 'rest', { json: true, lang: 'nl', now: NOW })).rejects.toThrow(/^cannot read /);
  });
});

describe('pemBlocks: linear PEM parsing (issue 17, finding 5)', () => {
  it.each([
    ['one block', '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n', ['\nAAAA\n']],
    ['two blocks', '-----BEGIN CERTIFICATE-----A-----END CERTIFICATE----------BEGIN CERTIFICATE-----B-----END CERTIFICATE-----', ['A', 'B']],
    ['another label only', '-----BEGIN PRIVATE KEY-----A-----END PRIVATE KEY-----', []],
    ['a key then a certificate', '-----BEGIN PRIVATE KEY-----K-----END PRIVATE KEY-----\n-----BEGIN CERTIFICATE-----C-----END CERTIFICATE-----', ['C']],
    ['no END', '-----BEGIN CERTIFICATE-----AAAA', []],
    ['END of another label', '-----BEGIN CERTIFICATE-----AAAA-----END PRIVATE KEY-----', []],
  ])('%s', (_, text, bodies) => {
    expect(pemBlocks(text, 'CERTIFICATE')).toEqual(bodies);
  });

  // No timed assertion: the quadratic parser needed ≈ 3 s for 256 KiB, so ≈ 50 s for this 1 MiB,
  // far past the test's timeout; the linear one needs milliseconds (SECURITY.md, finding 5).
  it('reads 1 MiB of "-----BEGIN A-----" within the test timeout (linear, not quadratic)', { timeout: 10_000 }, () => {
    const text = '-----BEGIN A-----'.repeat(64_000);
    expect(certificateDer(new Uint8Array(Buffer.from(text, 'latin1')))).toBeUndefined();
    expect(pemBlocks(text + '-----BEGIN CERTIFICATE-----QUJD-----END CERTIFICATE-----', 'CERTIFICATE')).toEqual(['QUJD']);
  });
});

describe('a CA-issued FTP certificate must chain to a trusted CA (R3.9′)', () => {
  let root: TestCa;
  let intermediate: TestCa;
  let stranger: TestCa;
  beforeAll(async () => {
    // Distinct keys and names: a chain is only built through a verified signature of the named issuer.
    root = await makeCa({ key: 'EC-P-521', name: 'CN=Operator Root CA, O=Operator, C=BE' });
    intermediate = await makeIntermediateCa(root, { key: 'RSA-3072', name: 'CN=Operator Issuing CA, O=Operator, C=BE' });
    stranger = await makeCa({ key: 'RSA-4096', name: 'CN=Unknown CA, O=Elsewhere, C=BE' });
  }, 60_000);

  const leaf = (issuer: TestCa) => makeCertificate({ key: 'RSA-2048', issuer, notBefore: before(1), notAfter: after(300) });
  const check = async (issuer: () => TestCa, bundle: () => string, use: 'ftp' | 'rest') =>
    checkCertificate({ name: 'vendor.cer', bytes: (await leaf(issuer())).der }, { for: use, now: NOW, trust: createTrustStore(bundle()) });

  it.each<[string, () => TestCa, () => string, 'ftp' | 'rest', string[]]>([
    ['issued by a root in the file', () => root, () => root.pem, 'ftp', []],
    ['issued by an intermediate, root and intermediate in the file', () => intermediate, () => root.pem + intermediate.pem, 'ftp', []],
    ['issued by an intermediate, only the intermediate in the file (no root)', () => intermediate, () => intermediate.pem, 'ftp', ['cert.untrusted_ca']],
    ['issued by an intermediate, only the root in the file (no path)', () => intermediate, () => root.pem, 'ftp', ['cert.untrusted_ca']],
    ['issued by an unknown CA', () => stranger, () => root.pem + intermediate.pem, 'ftp', ['cert.untrusted_ca']],
    ['issued by an unknown CA, no file', () => stranger, () => '', 'ftp', ['cert.untrusted_ca']],
    ['issued by an unknown CA, for REST (identified by fingerprint)', () => stranger, () => '', 'rest', []],
  ])('%s → %j', async (_case, issuer, bundle, use, expected) => {
    const report = await check(issuer, bundle, use);
    expect(report.violations.map((v) => v.rule)).toEqual(expected);
  });

  it('does not trust a forged certificate that names a trusted CA as issuer but is signed by another key', async () => {
    const forged = await makeCertificate({ key: 'RSA-2048', issuer: { ...stranger, name: root.name }, notBefore: before(1), notAfter: after(300) });
    const report = checkCertificate({ name: 'vendor.cer', bytes: forged.der }, { for: 'ftp', now: NOW, trust: createTrustStore(root.pem) });
    expect(report.violations).toEqual([{ rule: 'cert.untrusted_ca', params: { issuer: root.name, kind: 'FTP' } }]);
    expect(channelMessage('cert.untrusted_ca', 'en', { issuer: root.name })).toContain('cannot be built to a trusted certificate authority');
  });

  it('keeps the self-signed rules as they were', async () => {
    const self = await makeCertificate({ key: 'EC-P-384', hash: 'SHA-384', selfSigned: true, notBefore: before(1), notAfter: after(300) });
    const forFtp = checkCertificate({ name: 'a.cer', bytes: self.der }, { for: 'ftp', now: NOW, trust: createTrustStore(root.pem) });
    expect(forFtp.violations.map((v) => v.rule)).toEqual(['cert.self_signed_ftp']);
    expect(checkCertificate({ name: 'a.cer', bytes: self.der }, { for: 'rest', now: NOW }).accepted).toBe(true);
  });
});
