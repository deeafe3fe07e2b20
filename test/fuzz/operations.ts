/**
 * The operations of an OpenAPI document and, per operation, an arbitrary of requests that the
 * operation's schemas certainly refuse: a valid base request with one or more invalidating
 * mutations (path parameter, query parameter, missing or unknown query parameter, body).
 */
import fc from 'fast-check';
import { certainlyInvalid, invalidArb, validArb, type ArbOptions } from './arbitraries.js';
import type { JsonSchema } from './json-schema.js';

interface OpenApiParameter {
  in: 'path' | 'query' | 'header' | 'cookie';
  name: string;
  required?: boolean;
  schema?: JsonSchema;
}

interface OpenApiOperation {
  parameters?: OpenApiParameter[];
  requestBody?: { required?: boolean; content?: Record<string, { schema?: JsonSchema }> };
}

export interface OpenApiDocument {
  servers?: { url: string }[];
  paths: Record<string, Record<string, OpenApiOperation>>;
}

export interface Operation {
  method: string;
  /** The full path template as the server routes it, e.g. /vendor/v1/help-requests/{reference}. */
  path: string;
  pathParams: { name: string; schema: JsonSchema }[];
  queryParams: { name: string; schema: JsonSchema; required: boolean }[];
  body?: { contentType: string; schema: JsonSchema; required: boolean };
}

const METHODS = new Set(['get', 'put', 'post', 'patch', 'delete']);

/**
 * The document with every `#/components/schemas/…` reference replaced by the schema it names
 * (issue 22 moved identifiers, dates and bodies into components): the fuzzer reads schemas
 * inline, and an unresolved reference would make it treat anything as valid.
 */
export function dereferenced<T>(doc: T): T {
  const schemas = ((doc as { components?: { schemas?: Record<string, unknown> } }).components?.schemas ?? {}) as Record<string, unknown>;
  const resolve = (value: unknown, seen: string[]): unknown => {
    if (Array.isArray(value)) return value.map((v) => resolve(v, seen));
    if (!value || typeof value !== 'object') return value;
    const ref = (value as { $ref?: unknown }).$ref;
    if (typeof ref === 'string' && ref.startsWith('#/components/schemas/')) {
      const name = decodeURIComponent(ref.slice('#/components/schemas/'.length));
      if (!(name in schemas)) throw new Error(`fuzz: unresolved reference ${ref}`);
      if (seen.includes(name)) throw new Error(`fuzz: recursive schema ${seen.join(' → ')} → ${name}`);
      return resolve(schemas[name], [...seen, name]);
    }
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolve(v, seen)]));
  };
  return { ...doc, paths: resolve((doc as { paths: unknown }).paths, []) };
}

/** Every operation of the document, with the server prefix applied to its path. */
export function operationsOf(document: OpenApiDocument): Operation[] {
  const doc = dereferenced(document);
  const prefix = (doc.servers?.[0]?.url ?? '').replace(/\/$/, '');
  const out: Operation[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(item)) {
      if (!METHODS.has(method)) continue;
      const params = op.parameters ?? [];
      const json = op.requestBody?.content?.['application/json'];
      out.push({
        method: method.toUpperCase(),
        path: `${prefix}${path}`,
        pathParams: params.filter((p) => p.in === 'path').map((p) => ({ name: p.name, schema: p.schema ?? {} })),
        queryParams: params.filter((p) => p.in === 'query').map((p) => ({ name: p.name, schema: p.schema ?? {}, required: !!p.required })),
        ...(json?.schema ? { body: { contentType: 'application/json', schema: json.schema, required: op.requestBody?.required ?? false } } : {}),
      });
    }
  }
  return out;
}

/** Whether the operation takes any input a schema could refuse. */
export function hasInput(op: Operation): boolean {
  return op.pathParams.length > 0 || op.queryParams.length > 0 || !!op.body;
}

export interface FuzzRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  payload?: string;
  /** What was broken, for the report. */
  mutations: string[];
}

interface Draft {
  path: Record<string, string>;
  /** Path values sent as they are (already percent-encoded), e.g. "%00". */
  rawPath: Record<string, true>;
  query: [string, string][];
  body: { kind: 'json'; value: unknown } | { kind: 'none' } | { kind: 'text'; text: string; contentType: string };
}

type Mutation = { name: string; apply: (d: Draft) => void };

function toParam(v: unknown): string {
  return typeof v === 'string' ? v : JSON.stringify(v);
}

/** Raw percent-encoded path segments: NUL, a truncated escape, encoded dot segments, an encoded slash. */
const RAW_PATH_VALUES = ['%00', 'a%00b', '%2e%2e%2f', '..%2f..%2f', '%2F', '%C0%AE%C0%AE', '%ZZ', '%'];

function objectSchemaOf(params: { name: string; schema: JsonSchema; required?: boolean }[]): JsonSchema {
  return {
    type: 'object',
    properties: Object.fromEntries(params.map((p) => [p.name, p.schema])),
    required: params.filter((p) => p.required !== false).map((p) => p.name),
    additionalProperties: false,
  };
}

/**
 * Requests the operation certainly refuses. `opts.maxStringLength` bounds strings placed in the
 * URL (bodies always get the 100k-character strings).
 */
export function invalidRequestArb(op: Operation, opts: ArbOptions): fc.Arbitrary<FuzzRequest> | undefined {
  const urlOpts = opts;
  const bodyOpts: ArbOptions = { maxStringLength: 100_000 };
  const mutations: fc.Arbitrary<Mutation>[] = [];

  for (const p of op.pathParams) {
    const bad = invalidArb(p.schema, 'path', urlOpts);
    if (bad) mutations.push(bad.map((v) => ({ name: `path ${p.name}=${preview(v)}`, apply: (d) => void ((d.path[p.name] = toParam(v)), delete d.rawPath[p.name]) })));
    mutations.push(fc.constantFrom(...RAW_PATH_VALUES).map((v) => ({ name: `path ${p.name}=${v} (raw)`, apply: (d) => void ((d.path[p.name] = v), (d.rawPath[p.name] = true)) })));
  }
  for (const q of op.queryParams) {
    const bad = invalidArb(q.schema, 'query', urlOpts);
    if (bad) {
      mutations.push(bad.map((v) => ({
        name: `query ${q.name}=${preview(v)}`,
        apply: (d) => void (d.query = [...d.query.filter(([k]) => k !== q.name), [q.name, toParam(v)]]),
      })));
    }
    if (q.required) mutations.push(fc.constant({ name: `query ${q.name} missing`, apply: (d) => void (d.query = d.query.filter(([k]) => k !== q.name)) }));
  }
  if (op.queryParams.length) {
    // Unknown query parameters are refused (query schemas are strict, like the bodies).
    const name = fc.constantFrom('fuzz', 'page[size]', 'pageSize ', 'role', '__proto__', 'q\u0000');
    mutations.push(fc.tuple(name, fc.constantFrom('1', 'true', '')).map(([k, v]) => ({ name: `query unknown ${preview(k)}`, apply: (d) => void d.query.push([k, v]) })));
  }
  if (op.body) {
    const { schema } = op.body;
    const bad = invalidArb(schema, 'body', bodyOpts);
    if (bad) mutations.push(bad.map((v) => ({ name: `body ${preview(v)}`, apply: (d) => void (d.body = { kind: 'json', value: v }) })));
    if (op.body.required) mutations.push(fc.constant({ name: 'body missing', apply: (d) => void (d.body = { kind: 'none' }) }));
    mutations.push(
      fc.constantFrom('{"a":', '[1,2', '{"a":1}}', 'nul', '\u0000', '{"__proto__":{"admin":true}}', '"\\ud800"', '{"a":"\\u0000"}').map((text) => ({
        name: `body raw ${preview(text)}`,
        apply: (d) => void (d.body = { kind: 'text', text, contentType: 'application/json' }),
      })),
    );
    mutations.push(fc.constantFrom('application/xml', 'text/plain', 'multipart/form-data; boundary=x', 'application/x-www-form-urlencoded').map((contentType) => ({
      name: `body as ${contentType}`,
      apply: (d) => void (d.body = { kind: 'text', text: '<a>1</a>', contentType }),
    })));
  }
  if (!mutations.length) return undefined;

  const base = fc.record({
    path: fc.record(Object.fromEntries(op.pathParams.map((p) => [p.name, validArb(p.schema).map(toParam)]))),
    query: fc.record(Object.fromEntries(op.queryParams.map((q) => [q.name, validArb(q.schema).map(toParam)])), { requiredKeys: op.queryParams.filter((q) => q.required).map((q) => q.name) }),
    body: op.body ? validArb(op.body.schema) : fc.constant(undefined),
  });

  return fc
    .tuple(base, fc.array(fc.oneof(...mutations), { minLength: 1, maxLength: 2 }))
    .map(([b, muts]): { draft: Draft; names: string[] } => {
      const draft: Draft = {
        path: { ...(b.path as Record<string, string>) },
        rawPath: {},
        query: Object.entries(b.query as Record<string, string>),
        body: op.body ? { kind: 'json', value: b.body } : { kind: 'none' },
      };
      for (const m of muts) m.apply(draft);
      return { draft, names: muts.map((m) => m.name) };
    })
    .filter(({ draft }) => draftIsInvalid(op, draft))
    .map(({ draft, names }) => toRequest(op, draft, names));
}

/** Double-checks the whole request against the operation (a later mutation may not undo an earlier one's effect). */
function draftIsInvalid(op: Operation, d: Draft): boolean {
  if (Object.keys(d.rawPath).length) return true;
  if (certainlyInvalid(objectSchemaOf(op.pathParams), d.path)) return true;
  const query = Object.fromEntries(d.query);
  if (d.query.length !== Object.keys(query).length) return true;
  if (op.queryParams.length && certainlyInvalid(objectSchemaOf(op.queryParams), query)) return true;
  if (!op.body) return false;
  if (d.body.kind !== 'json') return d.body.kind === 'text' || op.body.required;
  return certainlyInvalid(op.body.schema, d.body.value);
}

/** Percent-encodes a value; a lone surrogate (which encodeURIComponent refuses) goes as the bytes Node would send for it. */
function encode(v: string): string {
  try {
    return encodeURIComponent(v);
  } catch {
    return [...Buffer.from(v, 'utf8')].map((b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join('');
  }
}

function toRequest(op: Operation, d: Draft, mutations: string[]): FuzzRequest {
  const path = op.path.replace(/\{(\w+)\}/g, (_m, name: string) => (d.rawPath[name] ? d.path[name]! : encode(d.path[name] ?? '')));
  const query = d.query.map(([k, v]) => `${encode(k)}=${encode(v)}`).join('&');
  const headers: Record<string, string> = {};
  let payload: string | undefined;
  if (d.body.kind === 'json') {
    payload = JSON.stringify(d.body.value);
    headers['content-type'] = 'application/json';
  } else if (d.body.kind === 'text') {
    payload = d.body.text;
    headers['content-type'] = d.body.contentType;
  }
  return { method: op.method, url: query ? `${path}?${query}` : path, headers, payload, mutations };
}

export function preview(v: unknown): string {
  const text = typeof v === 'string' ? JSON.stringify(v) : JSON.stringify(v) ?? String(v);
  return text.length > 120 ? `${text.slice(0, 100)}…(${text.length} chars)` : text;
}
