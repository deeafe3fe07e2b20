import 'reflect-metadata';
import * as x509 from '@peculiar/x509';
import { createHash, webcrypto } from 'node:crypto';

x509.cryptoProvider.set(webcrypto as unknown as Crypto);

export interface GeneratedCertificate {
  certPem: string;
  keyPem: string;
  der: Buffer;
  /** SHA-256 of the DER, lowercase hex (the fingerprint ChaMan stores, R3.10). */
  fingerprint: string;
}

function pem(label: string, der: ArrayBuffer): string {
  const b64 = Buffer.from(der).toString('base64').replace(/(.{64})/g, '$1\n');
  return `-----BEGIN ${label}-----\n${b64.trimEnd()}\n-----END ${label}-----\n`;
}

/**
 * A self-signed ECDSA P-384 certificate: the vendor port's server certificate when none is
 * configured, and the demo vendor's client certificate (REST accounts accept self-signed
 * certificates with digitalSignature, R3.9).
 */
export async function generateSelfSigned(options: { subject: string; days: number; dnsNames?: string[]; notBefore?: Date; usage: 'server' | 'client' }): Promise<GeneratedCertificate> {
  // P-384: the smallest curve the certificate policy (R3.9) accepts.
  const algorithm = { name: 'ECDSA', namedCurve: 'P-384', hash: 'SHA-384' };
  const keys = (await webcrypto.subtle.generateKey(algorithm, true, ['sign', 'verify'])) as CryptoKeyPair;
  const notBefore = options.notBefore ?? new Date(Date.now() - 60_000);
  const extensions: x509.Extension[] = [
    new x509.BasicConstraintsExtension(false, undefined, true),
    new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
    new x509.ExtendedKeyUsageExtension([options.usage === 'server' ? x509.ExtendedKeyUsage.serverAuth : x509.ExtendedKeyUsage.clientAuth]),
  ];
  if (options.dnsNames?.length) {
    extensions.push(new x509.SubjectAlternativeNameExtension([...options.dnsNames.map((value) => ({ type: 'dns' as const, value })), { type: 'ip', value: '127.0.0.1' }]));
  }
  const certificate = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: createHash('sha256').update(`${options.subject}${notBefore.toISOString()}${Math.random()}`).digest('hex').slice(0, 16),
    name: options.subject,
    notBefore,
    notAfter: new Date(notBefore.getTime() + options.days * 86_400_000),
    keys,
    signingAlgorithm: algorithm,
    extensions,
  });
  const der = Buffer.from(certificate.rawData);
  return {
    certPem: certificate.toString('pem') + '\n',
    keyPem: pem('PRIVATE KEY', await webcrypto.subtle.exportKey('pkcs8', keys.privateKey)),
    der,
    fingerprint: createHash('sha256').update(der).digest('hex'),
  };
}
