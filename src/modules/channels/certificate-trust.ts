/**
 * R3.9′: "global signed" means the certificate chains to a trusted CA — the runtime's root store
 * (node:tls `rootCertificates`) plus the operator's PEM bundle of roots and intermediates
 * (`OCMW_TRUSTED_CA_FILE`). A chain is built upwards from the certificate: each step must name
 * its issuer (`checkIssued`: names, key identifiers, the issuer's key usage), carry a signature
 * that verifies with the issuer's public key (`verify`), and the issuer must be a CA that is valid
 * on the day; the chain ends at a self-signed root of either store. Intermediates of the operator's
 * bundle help build the path; trust still comes from a root. Synchronous (Node's OpenSSL), so
 * the pure certificate check stays pure apart from the store it is given.
 */
import { readFileSync } from 'node:fs';
import { X509Certificate } from 'node:crypto';
import { rootCertificates } from 'node:tls';

export interface TrustStore {
  /** Self-signed trust anchors: the runtime's and the operator's. */
  roots: X509Certificate[];
  /** The operator's intermediate CAs (not self-signed): used to build a path, never trusted alone. */
  intermediates: X509Certificate[];
}

const PEM_BLOCK = /-----BEGIN CERTIFICATE-----([A-Za-z0-9+/=\s]+)-----END CERTIFICATE-----/g;
const MAX_DEPTH = 8;

/** The certificates of a PEM bundle; throws when a block is not a certificate. */
export function parsePemBundle(pem: string): X509Certificate[] {
  return [...pem.matchAll(PEM_BLOCK)].map((m) => new X509Certificate(Buffer.from(m[1]!.replace(/\s+/g, ''), 'base64')));
}

const isSelfIssued = (c: X509Certificate) => c.checkIssued(c) && safeVerify(c, c);

function safeVerify(cert: X509Certificate, issuer: X509Certificate): boolean {
  try {
    return cert.verify(issuer.publicKey);
  } catch {
    return false;
  }
}

let runtimeRoots: X509Certificate[] | undefined;

/** The trust store: the runtime's root certificates plus the operator's bundle (PEM text), if any. */
export function createTrustStore(operatorPem?: string): TrustStore {
  runtimeRoots ??= rootCertificates.flatMap((pem) => parsePemBundle(pem));
  const operator = operatorPem ? parsePemBundle(operatorPem) : [];
  return {
    roots: [...runtimeRoots, ...operator.filter(isSelfIssued)],
    intermediates: operator.filter((c) => !isSelfIssued(c)),
  };
}

/**
 * Reads the operator's bundle (`OCMW_TRUSTED_CA_FILE`): the PEM text, or a problem to list at start
 * (unreadable, or no certificate in it).
 */
export function readTrustedCaFile(path: string): { ok: true; pem: string } | { ok: false; problem: string } {
  let pem: string;
  try {
    pem = readFileSync(path, 'utf8');
  } catch (error) {
    return { ok: false, problem: `cannot read ${path}: ${(error as Error).message}` };
  }
  try {
    if (parsePemBundle(pem).length === 0) return { ok: false, problem: `${path} holds no PEM certificate (-----BEGIN CERTIFICATE-----)` };
  } catch (error) {
    return { ok: false, problem: `${path} holds a PEM block that is no certificate: ${(error as Error).message}` };
  }
  return { ok: true, pem };
}

function validOn(c: X509Certificate, now: Date): boolean {
  return new Date(c.validFrom).getTime() <= now.getTime() && now.getTime() <= new Date(c.validTo).getTime();
}

/** Whether the certificate (DER) chains to a root of the store, every signature verified, each CA valid on `now`. */
export function chainsToTrustedCa(der: Uint8Array, store: TrustStore, now: Date): boolean {
  const leaf = new X509Certificate(der);
  const issuersOf = (cert: X509Certificate, pool: X509Certificate[]) =>
    pool.filter((ca) => ca.ca && validOn(ca, now) && cert.checkIssued(ca) && safeVerify(cert, ca));
  const climb = (cert: X509Certificate, depth: number, seen: Set<string>): boolean => {
    if (issuersOf(cert, store.roots).length > 0) return true;
    if (depth >= MAX_DEPTH) return false;
    return issuersOf(cert, store.intermediates)
      .filter((ca) => !seen.has(ca.fingerprint256))
      .some((ca) => climb(ca, depth + 1, new Set(seen).add(ca.fingerprint256)));
  };
  return climb(leaf, 0, new Set([leaf.fingerprint256]));
}
