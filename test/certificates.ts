/**
 * Test support: X.509 certificates generated inside the test run (@peculiar/x509 + Node's
 * WebCrypto), so the certificate rules (SPEC R3.9) are tested on real DER without fixture files.
 * Key pairs are generated once per key type per process (RSA-4096 takes seconds) and re-imported
 * for each signature hash, because a WebCrypto RSA key is bound to one hash.
 */
import 'reflect-metadata';
import * as x509 from '@peculiar/x509';
import { webcrypto } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

x509.cryptoProvider.set(webcrypto as unknown as Crypto);
const subtle = webcrypto.subtle as unknown as SubtleCrypto;

export type TestKeyType = 'RSA-1024' | 'RSA-2048' | 'RSA-3072' | 'RSA-4096' | 'EC-P-256' | 'EC-P-384' | 'EC-P-521';
export type TestHash = 'SHA-1' | 'SHA-256' | 'SHA-384' | 'SHA-512';
/** `pkcs1` = RSASSA-PKCS1-v1_5 (the usual `sha256WithRSAEncryption`); `pss` = RSASSA-PSS. Ignored for EC keys. */
export type RsaPadding = 'pkcs1' | 'pss';

export type KeyUsageName = keyof typeof x509.KeyUsageFlags;

export interface TestKeyPair {
  type: TestKeyType;
  /** PKCS#8 DER of the private key. */
  pkcs8: Uint8Array<ArrayBuffer>;
  /** SubjectPublicKeyInfo DER of the public key. */
  spki: Uint8Array<ArrayBuffer>;
}

export interface TestCa {
  name: string;
  key: TestKeyPair;
  certificate: x509.X509Certificate;
  der: Uint8Array;
  pem: string;
}

export interface TestCertificate {
  der: Uint8Array;
  pem: string;
  /** PKCS#8 private key in PEM, for TLS tests. */
  keyPem: string;
  certificate: x509.X509Certificate;
}

export interface MakeCertificateOptions {
  key: TestKeyType;
  hash?: TestHash;
  padding?: RsaPadding;
  /** Self-signed; otherwise `issuer` signs it. */
  selfSigned?: boolean;
  issuer?: TestCa;
  notBefore?: Date;
  notAfter?: Date;
  /** Key usage bits; `[]` leaves the KeyUsage extension out. Default `['digitalSignature']`. */
  keyUsage?: KeyUsageName[];
  subject?: string;
}

const keyCache = new Map<TestKeyType, Promise<TestKeyPair>>();

function keyGenAlgorithm(type: TestKeyType): RsaHashedKeyGenParams | EcKeyGenParams {
  if (type.startsWith('RSA-')) {
    return { name: 'RSASSA-PKCS1-v1_5', modulusLength: Number(type.slice(4)), publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' };
  }
  return { name: 'ECDSA', namedCurve: type.slice(3) };
}

/** A key pair of this type, generated once per process. */
export function testKeyPair(type: TestKeyType): Promise<TestKeyPair> {
  let pending = keyCache.get(type);
  if (!pending) {
    pending = (async () => {
      const pair = (await subtle.generateKey(keyGenAlgorithm(type), true, ['sign', 'verify'])) as CryptoKeyPair;
      const pkcs8 = new Uint8Array(await subtle.exportKey('pkcs8', pair.privateKey));
      const spki = new Uint8Array(await subtle.exportKey('spki', pair.publicKey));
      return { type, pkcs8, spki };
    })();
    keyCache.set(type, pending);
  }
  return pending;
}

function signingAlgorithm(type: TestKeyType, hash: TestHash, padding: RsaPadding): RsaHashedImportParams | EcKeyImportParams {
  if (type.startsWith('RSA-')) return { name: padding === 'pss' ? 'RSA-PSS' : 'RSASSA-PKCS1-v1_5', hash };
  return { name: 'ECDSA', namedCurve: type.slice(3) };
}

async function importSigningKey(key: TestKeyPair, hash: TestHash, padding: RsaPadding): Promise<{ key: CryptoKey; algorithm: Algorithm }> {
  const importAlg = signingAlgorithm(key.type, hash, padding);
  const cryptoKey = await subtle.importKey('pkcs8', key.pkcs8, importAlg, false, ['sign']);
  const algorithm =
    importAlg.name === 'ECDSA'
      ? ({ name: 'ECDSA', hash } as EcdsaParams)
      : importAlg.name === 'RSA-PSS'
        ? ({ name: 'RSA-PSS', saltLength: Number(hash.slice(4)) / 8 } as RsaPssParams)
        : { name: importAlg.name };
  return { key: cryptoKey, algorithm };
}

function keyUsageExtension(usages: KeyUsageName[]): x509.Extension[] {
  if (usages.length === 0) return [];
  const flags = usages.reduce((acc, u) => acc | x509.KeyUsageFlags[u], 0);
  return [new x509.KeyUsagesExtension(flags, true)];
}

function toPem(der: Uint8Array, label: string): string {
  const b64 = Buffer.from(der).toString('base64');
  return `-----BEGIN ${label}-----\n${b64.replace(/(.{64})/g, '$1\n').replace(/\n$/, '')}\n-----END ${label}-----\n`;
}

let serial = 0;
function nextSerial(): string {
  serial += 1;
  return (0x10000 + serial).toString(16);
}

const DAY = 86_400_000;

/** A CA certificate (basic constraints CA, keyCertSign) for `key`, signed by `signer` (itself for a root). */
async function issueCa(o: { name: string; key: TestKeyPair; issuerName: string; signerKey: TestKeyPair; hash: TestHash; years: number }): Promise<TestCa> {
  const signer = await importSigningKey(o.signerKey, o.hash, 'pkcs1');
  const certificate = await x509.X509CertificateGenerator.create({
    serialNumber: nextSerial(),
    subject: o.name,
    issuer: o.issuerName,
    notBefore: new Date(Date.now() - 365 * DAY),
    notAfter: new Date(Date.now() + o.years * 365 * DAY),
    publicKey: o.key.spki,
    signingKey: signer.key,
    signingAlgorithm: signer.algorithm,
    extensions: [
      new x509.BasicConstraintsExtension(true, 0, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
    ],
  });
  const der = new Uint8Array(certificate.rawData);
  return { name: o.name, key: o.key, certificate, der, pem: toPem(der, 'CERTIFICATE') };
}

/** A small certificate authority (self-signed, keyCertSign) that can issue test certificates. */
export async function makeCa(options: { key?: TestKeyType; name?: string; hash?: TestHash } = {}): Promise<TestCa> {
  const name = options.name ?? 'CN=OCMW Test CA, O=Test, C=BE';
  const key = await testKeyPair(options.key ?? 'EC-P-384');
  return issueCa({ name, key, issuerName: name, signerKey: key, hash: options.hash ?? 'SHA-384', years: 10 });
}

/** A leaf certificate with the given key, hash, issuer (or self-signed), validity and key usage. */
export async function makeCertificate(options: MakeCertificateOptions): Promise<TestCertificate> {
  const hash = options.hash ?? 'SHA-256';
  const padding = options.padding ?? 'pkcs1';
  const issuer = options.selfSigned ? undefined : options.issuer;
  if (!options.selfSigned && !issuer) throw new Error('makeCertificate: pass selfSigned: true or an issuer');
  const key = await testKeyPair(options.key);
  const subject = options.subject ?? `CN=Software Vendor ${options.key}, O=Vendor NV, C=BE`;
  const signerKey = issuer ? issuer.key : key;
  const signer = await importSigningKey(signerKey, hash, padding);
  const notBefore = options.notBefore ?? new Date(Date.now() - DAY);
  const notAfter = options.notAfter ?? new Date(notBefore.getTime() + 365 * DAY);
  const certificate = await x509.X509CertificateGenerator.create({
    serialNumber: nextSerial(),
    subject,
    issuer: issuer ? issuer.name : subject,
    notBefore,
    notAfter,
    publicKey: key.spki,
    signingKey: signer.key,
    signingAlgorithm: signer.algorithm,
    extensions: keyUsageExtension(options.keyUsage ?? ['digitalSignature']),
  });
  const der = new Uint8Array(certificate.rawData);
  return { der, pem: toPem(der, 'CERTIFICATE'), keyPem: toPem(key.pkcs8, 'PRIVATE KEY'), certificate };
}

/**
 * Bytes shaped like a PKCS#12 (.pfx/.p12) file: SEQUENCE { INTEGER 3, ContentInfo { id-data, … } }.
 * Not a usable key store, but enough for the content check and clearly not an X.509 certificate.
 */
export function makePfxLikeBytes(): Uint8Array {
  const idData = [0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x07, 0x01];
  const payload = [0x04, 0x04, 0xde, 0xad, 0xbe, 0xef];
  const explicit = [0xa0, payload.length, ...payload];
  const contentInfo = [0x30, idData.length + explicit.length, ...idData, ...explicit];
  const body = [0x02, 0x01, 0x03, ...contentInfo];
  return new Uint8Array([0x30, body.length, ...body]);
}

let trustedCaFile: Promise<string> | undefined;

/**
 * R3.9′: a PEM file with the default test CA (`makeCa({ key: 'RSA-2048' })`), written once per
 * process, for OCMW_TRUSTED_CA_FILE: keys are generated once per type and process, so every
 * default RSA-2048 test CA of this process signs with this CA's key and name, and its FTP
 * certificates chain to it.
 */
export function trustedTestCaFile(): Promise<string> {
  trustedCaFile ??= makeCa({ key: 'RSA-2048' }).then((ca) => {
    const file = join(tmpdir(), `ocmw-trusted-test-ca-${process.pid}.pem`);
    writeFileSync(file, ca.pem);
    return file;
  });
  return trustedCaFile;
}

/**
 * The committed test-only CA of the browser journeys (e2e/fixtures): the Playwright server trusts
 * its certificate through OCMW_TRUSTED_CA_FILE (R3.9′), and a journey signs FTP certificates with
 * its key. A CA made in the journey's own process would be unknown to the server.
 */
export function loadFixtureCa(certFile: string, keyFile: string): TestCa {
  const pem = readFileSync(certFile, 'utf8');
  const certificate = new x509.X509Certificate(pem);
  const pkcs8 = new Uint8Array(Buffer.from(readFileSync(keyFile, 'utf8').replace(/-----[A-Z ]+-----|\s/g, ''), 'base64'));
  return { name: certificate.subject, key: { type: 'EC-P-384', pkcs8, spki: new Uint8Array(certificate.publicKey.rawData) }, certificate, der: new Uint8Array(certificate.rawData), pem };
}

/** An intermediate CA signed by `root` (basic constraints CA, keyCertSign), to build chains of three. */
export async function makeIntermediateCa(root: TestCa, options: { key: TestKeyType; name: string }): Promise<TestCa> {
  return issueCa({ name: options.name, key: await testKeyPair(options.key), issuerName: root.name, signerKey: root.key, hash: 'SHA-384', years: 5 });
}
