/**
 * Issue 22: every JSON request body and every 2xx JSON answer of both OpenAPI documents carries an
 * example, so a vendor sees a whole body and a client generator's mock server has one to serve.
 *
 * An example is composed from the schema, part by part: a schema's own example (the components
 * and fields that carry `.meta({ examples })`: Kbo, Insz, IsoDate, Uuid, HelpRequestSummary, …),
 * otherwise its `const`, its first `enum` value, its default, a value of its `format`, or the
 * smallest value its bounds allow. test/openapi-lint.int.test.ts validates every example against its
 * schema (Ajv, JSON Schema 2020-12), so an example can never contradict the document: a field
 * whose pattern a composed value would break must carry an example of its own.
 */

type Schema = Record<string, unknown>;
type Components = Record<string, Schema>;

/** Values of the string formats the documents use. */
const FORMAT_EXAMPLES: Record<string, string> = {
  date: '2025-01-01',
  'date-time': '2025-01-01T09:30:00.000Z',
  email: 'maatschappelijk.werk@ocmw-brugge.be',
  uri: 'https://www.brugge.be/ocmw',
  uuid: '3f2b8c1e-6d4a-4e8b-9c1d-2a7e5f0b9d13',
  binary: '',
  byte: '',
};

/**
 * A plain string field (no format, enum or example of its own) named like one of these shows
 * this value: the answers name their fields consistently (`…Id`, `…At`, `kbo`, `insz`, …).
 */
const NAMED_EXAMPLES: [RegExp, string][] = [
  [/^(id|.+Id)$/, FORMAT_EXAMPLES.uuid!],
  [/^(.+At|at)$/, FORMAT_EXAMPLES['date-time']!],
  [/^(today|realToday|date|.+Date|validFrom|validTo|.+On|from|to|since|until)$/, FORMAT_EXAMPLES.date!],
  [/^(email|.+Email)$/, FORMAT_EXAMPLES.email!],
  [/^kbo$/, '0212235604'],
  [/^kboFormatted$/, '0212.235.604'],
  [/^insz$/, '85073003328'],
  [/^nis$/, '31005'],
  [/^postcode$/, '8000'],
  [/^username$/, 'an.peeters'],
  [/^surname$/, 'Peeters'],
  [/^firstName$/, 'An'],
  [/^(phone|.+Phone|phoneNumber)$/, '+32 50 32 44 00'],
  [/^(url|.+Url)$/, FORMAT_EXAMPLES.uri!],
  [/^reference$/, 'OO-2025-0001234-9'],
];

const MAX_DEPTH = 12;

function firstExample(schema: Schema): { value: unknown } | undefined {
  if (Array.isArray(schema.examples) && schema.examples.length > 0) return { value: schema.examples[0] };
  if ('example' in schema) return { value: schema.example };
  return undefined;
}

/** An example value for a schema, or undefined when none can be composed. */
export function exampleOf(schema: unknown, components: Components, depth = 0, name?: string): unknown {
  if (!schema || typeof schema !== 'object' || depth > MAX_DEPTH) return undefined;
  const s = schema as Schema;
  if (typeof s.$ref === 'string') {
    const target = components[s.$ref.replace('#/components/schemas/', '')];
    return exampleOf(target, components, depth + 1);
  }
  const own = firstExample(s);
  if (own) return own.value;
  if ('const' in s) return s.const;
  if (Array.isArray(s.enum) && s.enum.length > 0) return s.enum.find((v) => v !== null) ?? s.enum[0];
  if ('default' in s) return s.default;
  for (const key of ['anyOf', 'oneOf'] as const) {
    const options = s[key];
    if (Array.isArray(options)) {
      const nonNull = options.filter((o) => (o as Schema)?.type !== 'null');
      for (const option of [...nonNull, ...options]) {
        const value = exampleOf(option, components, depth + 1);
        if (value !== undefined) return value;
      }
      return undefined;
    }
  }
  if (Array.isArray(s.allOf)) {
    const parts = s.allOf.map((part) => exampleOf(part, components, depth + 1));
    if (parts.every((p) => p && typeof p === 'object' && !Array.isArray(p))) return Object.assign({}, ...(parts as object[]));
    return parts.find((p) => p !== undefined);
  }
  const type = Array.isArray(s.type) ? (s.type.find((t) => t !== 'null') ?? s.type[0]) : s.type;
  switch (type) {
    case 'object':
      return objectExample(s, components, depth);
    case 'array': {
      const item = exampleOf(s.items, components, depth + 1);
      if (item === undefined) return [];
      return Array.from({ length: Math.max(1, Number(s.minItems ?? 1)) }, () => item);
    }
    case 'string':
      return stringExample(s, name);
    case 'integer':
    case 'number':
      return numberExample(s, type);
    case 'boolean':
      return true;
    case 'null':
      return null;
    default:
      return s.properties ? objectExample(s, components, depth) : undefined;
  }
}

function objectExample(s: Schema, components: Components, depth: number): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const required = new Set(Array.isArray(s.required) ? (s.required as string[]) : []);
  for (const [name, property] of Object.entries((s.properties ?? {}) as Record<string, unknown>)) {
    const value = exampleOf(property, components, depth + 1, name);
    if (value !== undefined) out[name] = value;
    // A required field of any JSON value (`{}`, e.g. an audit entry's before and after).
    else if (required.has(name) && isUnconstrained(property)) out[name] = null;
  }
  return out;
}

function isUnconstrained(schema: unknown): boolean {
  return !!schema && typeof schema === 'object' && Object.keys(schema).every((key) => key === 'description' || key === 'title');
}

/** A string of the format, or a short text within the bounds; none when a pattern would refuse it (such a field needs its own example). */
function stringExample(s: Schema, name: string | undefined): string | undefined {
  if (typeof s.format === 'string' && s.format in FORMAT_EXAMPLES) return FORMAT_EXAMPLES[s.format]!;
  const named = name === undefined ? undefined : NAMED_EXAMPLES.find(([pattern]) => pattern.test(name))?.[1];
  if (named !== undefined && fits(s, named)) return named;
  const min = Number(s.minLength ?? 0);
  const max = Number(s.maxLength ?? Number.POSITIVE_INFINITY);
  const padded = 'tekst'.padEnd(min, 'x');
  const text = padded.slice(0, Math.max(min, Math.min(padded.length, max)));
  return fits(s, text) ? text : undefined;
}

/** Whether a string keeps the schema's bounds and pattern. */
function fits(s: Schema, text: string): boolean {
  if (typeof s.minLength === 'number' && text.length < s.minLength) return false;
  if (typeof s.maxLength === 'number' && text.length > s.maxLength) return false;
  return typeof s.pattern !== 'string' || new RegExp(s.pattern, 'u').test(text);
}

function numberExample(s: Schema, type: 'integer' | 'number'): number {
  const min = typeof s.minimum === 'number' ? s.minimum : typeof s.exclusiveMinimum === 'number' ? s.exclusiveMinimum + (type === 'integer' ? 1 : 0.5) : 1;
  const max = typeof s.maximum === 'number' ? s.maximum : typeof s.exclusiveMaximum === 'number' ? s.exclusiveMaximum - (type === 'integer' ? 1 : 0.5) : Number.POSITIVE_INFINITY;
  const value = Math.min(Math.max(min, 1), max);
  return type === 'integer' ? Math.ceil(value) : value;
}

type Media = { schema?: unknown; example?: unknown; examples?: unknown };
type Operation = { requestBody?: { content?: Record<string, Media> }; responses?: Record<string, { content?: Record<string, Media> }> };
type Document = { paths?: Record<string, Record<string, Operation>>; components?: { schemas?: Components } };

/** The JSON bodies an example belongs to: each operation's request body and its 2xx answers. */
export function exampleBodies(document: object): { where: string; media: Media }[] {
  const bodies: { where: string; media: Media }[] = [];
  for (const [url, operations] of Object.entries((document as Document).paths ?? {})) {
    for (const [method, operation] of Object.entries(operations)) {
      if (!operation || typeof operation !== 'object') continue;
      const request = operation.requestBody?.content?.['application/json'];
      if (request) bodies.push({ where: `${method.toUpperCase()} ${url} request`, media: request });
      for (const [status, answer] of Object.entries(operation.responses ?? {})) {
        const media = status.startsWith('2') ? answer?.content?.['application/json'] : undefined;
        if (media) bodies.push({ where: `${method.toUpperCase()} ${url} ${status}`, media });
      }
    }
  }
  return bodies;
}

/** The example a body shows: its own, or that of the component it refers to. */
export function shownExample(media: Media, components: Components): { value: unknown } | undefined {
  if (media.example !== undefined) return { value: media.example };
  const ref = (media.schema as Schema | undefined)?.$ref;
  const target = typeof ref === 'string' ? components[ref.replace('#/components/schemas/', '')] : undefined;
  return target ? firstExample(target) : undefined;
}

/** A copy of the document with an example on each JSON body that shows none. */
export function withExamples<D extends object>(document: D): D {
  const copy = structuredClone(document) as D & Document;
  const components = copy.components?.schemas ?? {};
  for (const { media } of exampleBodies(copy)) {
    if (media.examples !== undefined || shownExample(media, components)) continue;
    const value = exampleOf(media.schema, components);
    if (value !== undefined) media.example = value;
  }
  return copy;
}
