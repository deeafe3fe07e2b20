import { request as httpsRequest } from 'node:https';
import type { FastifyInstance } from 'fastify';
import { sql } from 'drizzle-orm';
import { queryRows } from '../src/db/db.js';
import { buildVendorApp } from '../src/http/vendor-app.js';
import { generateSelfSigned, type GeneratedCertificate } from '../src/http/self-signed.js';
import { channelsRepo } from '../src/modules/channels/index.js';
import { registryRepo } from '../src/modules/registry/index.js';
import type { TestContext } from './test-app.js';

export type VendorAnswer = { status: number; json: ReturnType<typeof JSON.parse>; headers: Record<string, string | string[] | undefined> };
export type RawAnswer = { status: number; contentType: string; body: string; headers: Record<string, string | string[] | undefined> };
export interface RawRequest {
  method: string;
  /** Sent as is (no encoding). */
  path: string;
  headers?: Record<string, string>;
  /** The body, already serialised. */
  payload?: string;
  cert?: GeneratedCertificate;
  /** A connection of its own (the server closes one after some refusals: 431, bad HTTP). */
  freshConnection?: boolean;
}

/** The vendor port of a test app, listening on a free loopback port with real mutual TLS. */
export interface VendorPort {
  app: FastifyInstance;
  port: number;
  /** The server certificate (self-signed), to trust as CA. */
  ca: string;
  /** A request over TLS as given, answered as text. */
  raw(request: RawRequest): Promise<RawAnswer>;
  /** A JSON request over TLS, with the client certificate when given. */
  call(method: string, path: string, cert?: GeneratedCertificate, body?: unknown, language?: string): Promise<VendorAnswer>;
  /** A REST account of the organisation (its Dutch name) with this certificate, as ChaMan stores it. */
  restAccount(organisation: string, name: string, permissions: string[], cert: GeneratedCertificate, state?: { active?: boolean; deleted?: boolean }): Promise<{ id: string }>;
  close(): Promise<void>;
}

export async function startVendorPort(ctx: TestContext): Promise<VendorPort> {
  const server = await generateSelfSigned({ subject: 'CN=localhost', days: 30, dnsNames: ['localhost'], usage: 'server' });
  const app = await buildVendorApp({ config: ctx.config, services: ctx.services, clock: ctx.clock, tls: { cert: server.certPem, key: server.keyPem } });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const port = (app.server.address() as { port: number }).port;
  const db = ctx.database.db;

  async function domainOf(organisation: string) {
    const [o] = await queryRows<{ id: string }>(db, sql`select id from organisations where name_nl = ${organisation}`);
    if (!o) throw new Error(`no organisation ${organisation}`);
    const [d] = await registryRepo.listDomainsOf(db, o.id);
    if (d) return d.id;
    const [created] = await registryRepo.insertDomains(db, [{ organisationId: o.id, code: 'MW', contactEmail: 'ocmw@demo.example' }]);
    return created!.id;
  }

  function raw({ method, path, headers = {}, payload, cert, freshConnection }: RawRequest): Promise<RawAnswer> {
    return new Promise((resolve, reject) => {
      const req = httpsRequest(
        {
          host: '127.0.0.1',
          port,
          path,
          method,
          ca: server.certPem,
          servername: 'localhost',
          ...(cert ? { cert: cert.certPem, key: cert.keyPem } : {}),
          ...(freshConnection ? { agent: false } : {}),
          headers: { accept: 'application/json', ...headers, ...(payload !== undefined ? { 'content-length': Buffer.byteLength(payload) } : {}) },
        },
        (res) => {
          let data = '';
          res.setEncoding('utf8');
          res.on('data', (c: string) => (data += c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, contentType: String(res.headers['content-type'] ?? ''), body: data, headers: res.headers }));
        },
      );
      req.on('error', reject);
      req.end(payload);
    });
  }

  return {
    app,
    port,
    ca: server.certPem,
    raw,
    async call(method, path, cert, body, language = 'nl') {
      const payload = body === undefined ? undefined : JSON.stringify(body);
      const headers = { 'accept-language': language, ...(payload ? { 'content-type': 'application/json' } : {}) };
      const answer = await raw({ method, path, cert, payload, headers });
      return { status: answer.status, json: answer.body ? JSON.parse(answer.body) : undefined, headers: answer.headers };
    },
    async restAccount(organisation, name, permissions, cert, state = {}) {
      const account = await channelsRepo.insertAccount(db, {
        domainId: await domainOf(organisation),
        kind: 'REST',
        name,
        permissions,
        management: 'internal',
        deletedAt: state.deleted ? new Date() : null,
      });
      const x = await import('@peculiar/x509');
      const parsed = new x.X509Certificate(new Uint8Array(cert.der));
      await channelsRepo.insertCertificate(db, {
        accountId: account.id,
        name: `${name}.cer`,
        fingerprint: cert.fingerprint,
        der: cert.der,
        subject: parsed.subject,
        issuer: parsed.issuer,
        keyType: 'EC-P-384',
        signature: 'ecdsa-with-SHA384',
        selfSigned: true,
        notBefore: parsed.notBefore,
        notAfter: parsed.notAfter,
        isActive: state.active ?? true,
      });
      return { id: account.id };
    },
    close: () => app.close(),
  };
}
