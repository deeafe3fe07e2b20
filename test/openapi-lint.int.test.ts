/**
 * Issue 22: both OpenAPI documents (the portal's /api/v1 and the vendor port's /vendor/v1), as the
 * servers generate them from the route schemas, lint clean with Redocly's recommended rules
 * (redocly.yaml), and every operation has a unique operationId and its security requirement.
 */
import { execFile } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Ajv2020 } from 'ajv/dist/2020.js';
import formats from 'ajv-formats';
import { exampleBodies, shownExample } from '../src/http/openapi-examples.js';
import { buildVendorApp } from '../src/http/vendor-app.js';
import { validateInsz, validateKbo, validateNis } from '../src/shared/identifiers.js';
import { generateSelfSigned } from '../src/http/self-signed.js';
import { createTestContext, type TestContext } from './test-app.js';

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, '..');
const REDOCLY = path.join(ROOT, 'node_modules/@redocly/cli/bin/cli.js');
const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace'];

type Operation = { operationId?: string; security?: Record<string, string[]>[] };
type Document = { paths: Record<string, Record<string, Operation>>; components?: { securitySchemes?: Record<string, unknown> } };
type Problem = { ruleId: string; severity: 'error' | 'warn'; message: string; location: { pointer?: string }[] };

let ctx: TestContext;
let vendor: FastifyInstance;
let dir: string;
const documents: Record<'portal' | 'vendor', Document> = {} as never;

beforeAll(async () => {
  ctx = await createTestContext();
  const server = await generateSelfSigned({ subject: 'CN=localhost', days: 30, dnsNames: ['localhost'], usage: 'server' });
  vendor = await buildVendorApp({ config: ctx.config, services: ctx.services, clock: ctx.clock, tls: { cert: server.certPem, key: server.keyPem } });
  await vendor.ready();
  documents.portal = (await ctx.app.inject('/api/v1/openapi.json')).json();
  documents.vendor = (await vendor.inject('/vendor/v1/openapi.json')).json();
  dir = mkdtempSync(path.join(tmpdir(), 'ocmw-openapi-'));
  // The configuration and its recorded exceptions beside the documents (the ignore file names them relative to itself).
  for (const file of ['redocly.yaml', '.redocly.lint-ignore.yaml']) copyFileSync(path.join(ROOT, file), path.join(dir, file));
});

afterAll(async () => {
  await vendor?.close();
  await ctx?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function operations(doc: Document): [string, Operation][] {
  return Object.entries(doc.paths).flatMap(([url, item]) =>
    Object.entries(item)
      .filter(([method]) => METHODS.includes(method))
      .map(([method, op]): [string, Operation] => [`${method.toUpperCase()} ${url}`, op]),
  );
}

type Report = { totals: { errors: number; warnings: number; ignored: number }; problems: Problem[] };

/** Redocly's lint of one document (the CLI's JSON report; it exits 1 on errors). */
async function lint(name: 'portal' | 'vendor'): Promise<Report> {
  const file = path.join(dir, `${name}.json`);
  writeFileSync(file, JSON.stringify(documents[name]));
  const args = [REDOCLY, 'lint', file, '--config', path.join(dir, 'redocly.yaml'), '--format', 'json', '--max-problems', '10000'];
  const env = { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' };
  const output = await run(process.execPath, args, { cwd: dir, env, maxBuffer: 64 * 1024 * 1024 }).then(
    (r) => r.stdout,
    (error: { stdout?: string }) => error.stdout ?? '',
  );
  return JSON.parse(output.slice(output.indexOf('{'))) as Report;
}

function summary(problems: Problem[]): string {
  const counts = new Map<string, number>();
  for (const p of problems) counts.set(`${p.severity} ${p.ruleId}`, (counts.get(`${p.severity} ${p.ruleId}`) ?? 0) + 1);
  return [...counts].map(([k, n]) => `${k}: ${n}`).join('\n');
}

describe.each(['portal', 'vendor'] as const)('the %s OpenAPI document', (name) => {
  it('gives every operation a unique camelCase, verb-first operationId', () => {
    const ids = operations(documents[name]).map(([where, op]) => `${op.operationId} (${where})`);
    expect(ids.filter((id) => !/^(get|post|put|patch|delete)[A-Z][A-Za-z0-9]* \(/.test(id))).toEqual([]);
    const seen = new Map<string, string[]>();
    for (const [where, op] of operations(documents[name])) seen.set(op.operationId!, [...(seen.get(op.operationId!) ?? []), where]);
    expect([...seen].filter(([, where]) => where.length > 1)).toEqual([]);
  });

  it('states the security requirement of every operation, naming declared schemes', () => {
    const schemes = Object.keys(documents[name].components?.securitySchemes ?? {});
    for (const [where, op] of operations(documents[name])) {
      expect(op.security, where).toBeInstanceOf(Array);
      for (const requirement of op.security!) expect(schemes, where).toEqual(expect.arrayContaining(Object.keys(requirement)));
    }
  });

  it('references the one ErrorResponse component instead of repeating the error schema, and the standard error answers once', () => {
    const document = documents[name] as { paths: unknown; components: { responses: Record<string, unknown> } };
    const text = JSON.stringify(document.paths);
    expect(text).not.toContain('"violations"');
    // Each standard error answer is one shared answer (components.responses), referenced.
    expect(text).toContain('"#/components/responses/Unauthenticated"');
    expect(text).not.toContain('"Not signed in, or the session');
    expect(JSON.stringify(document.components.responses)).toContain('"#/components/schemas/ErrorResponse"');
    // The shared identifiers and dates are components too, named without the type provider's suffix.
    expect(JSON.stringify(document)).toContain('"#/components/schemas/IsoDate"');
    // (`…Input` only where the same schema is also an answer, with another shape.)
    const names = Object.keys((documents[name] as unknown as { components: { schemas: Record<string, unknown> } }).components.schemas);
    for (const input of names.filter((n) => n.endsWith('Input'))) expect(names, input).toContain(input.slice(0, -'Input'.length));
  });

  it('shows an example on every JSON request body, 2xx answer and shared error answer, and its schema accepts each one', () => {
    const document = documents[name] as unknown as { components: { schemas: Record<string, object>; responses?: Record<string, { content: Record<string, { schema: unknown; example?: unknown }> }> } };
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    // ajv-formats is CommonJS: its plugin is the module itself, and `.default` under the types.
    (formats as unknown as { default: (a: Ajv2020) => void }).default(ajv);
    // The identifier formats, as the server checks them (a request takes any accepted form, an answer the normalised one).
    for (const [format, validate] of [['insz', validateInsz], ['kbo', validateKbo], ['nis', validateNis]] as const) ajv.addFormat(format, (s: string) => validate(s).valid);
    ajv.addSchema({ $id: 'document', components: document.components });
    const rooted = (schema: unknown) => JSON.parse(JSON.stringify(schema).replaceAll('"#/components/', '"document#/components/')) as object;
    const bodies = [
      ...exampleBodies(document),
      ...Object.entries(document.components.responses ?? {}).map(([answer, { content }]) => ({ where: `components.responses.${answer}`, media: content['application/json']! })),
    ];
    const problems: string[] = [];
    for (const { where, media } of bodies) {
      const shown = shownExample(media, document.components.schemas as never);
      if (!shown) problems.push(`${where}: no example`);
      else if (!ajv.validate(rooted(media.schema), shown.value)) problems.push(`${where}: ${ajv.errorsText(ajv.errors)}`);
    }
    expect(bodies.length).toBeGreaterThan(name === 'portal' ? 100 : 10);
    expect(problems).toEqual([]);
  });

  it('lints with Redocly recommended: no errors, no warnings', async () => {
    const started = Date.now();
    const { totals, problems } = await lint(name);
    console.log(`${name}: ${JSON.stringify(documents[name]).length} bytes, lint ${Date.now() - started} ms, ${totals.ignored} recorded exceptions\n${summary(problems) || 'clean'}`);
    expect(summary(problems)).toBe('');
    expect(totals).toMatchObject({ errors: 0, warnings: 0 });
  }, 120_000);
});
