/**
 * A small, deliberately lenient JSON Schema checker for the schemas of the OpenAPI documents.
 * The fuzzer only sends a case when this checker says the input is INVALID, so every doubt
 * resolves to "valid": unknown keywords and formats pass, strings are also tried trimmed and
 * lower-cased (zod may normalise before it checks), and numeric/boolean strings count as
 * numbers/booleans (zod may coerce). What remains invalid here is invalid for the server too.
 */
import { validateInsz, validateKbo, validateNis } from '../../src/shared/identifiers.js';

export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema | false;
  prefixItems?: JsonSchema[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minItems?: number;
  maxItems?: number;
  default?: unknown;
  nullable?: boolean;
}

export type JsonType = 'string' | 'number' | 'integer' | 'boolean' | 'null' | 'array' | 'object';

/** The alternatives of a schema (anyOf / oneOf), or the schema itself. */
export function branches(s: JsonSchema): JsonSchema[] {
  const alts = s.anyOf ?? s.oneOf;
  return alts ? alts.flatMap(branches) : [s];
}

export function typesOf(s: JsonSchema): JsonType[] | 'any' {
  if (s.const !== undefined) return [jsonTypeOf(s.const)];
  if (s.enum) return [...new Set(s.enum.map(jsonTypeOf))];
  if (s.type === undefined) return s.anyOf || s.oneOf ? mergeTypes(branches(s)) : 'any';
  const types = (Array.isArray(s.type) ? s.type : [s.type]) as JsonType[];
  return s.nullable ? [...types, 'null'] : types;
}

function mergeTypes(list: JsonSchema[]): JsonType[] | 'any' {
  const all = new Set<JsonType>();
  for (const b of list) {
    const t = typesOf(b);
    if (t === 'any') return 'any';
    t.forEach((x) => all.add(x));
  }
  return [...all];
}

export function jsonTypeOf(v: unknown): JsonType {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v as JsonType;
}

/** Whether a value of JSON type t can satisfy s (integer values satisfy "number"). */
export function acceptsType(s: JsonSchema, t: JsonType): boolean {
  const types = typesOf(s);
  if (types === 'any') return true;
  return types.includes(t) || (t === 'integer' && types.includes('number'));
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isCalendarDate(s: string): boolean {
  const m = DATE.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

const FORMATS: Record<string, (s: string) => boolean> = {
  date: isCalendarDate,
  kbo: (s) => validateKbo(s).valid,
  insz: (s) => validateInsz(s).valid,
  nis: (s) => validateNis(s).valid,
};

function stringOk(s: JsonSchema, v: string): boolean {
  // zod counts UTF-16 code units, JSON Schema code points: accept if either count fits.
  const lengths = [v.length, [...v].length];
  if (s.minLength !== undefined && !lengths.some((n) => n >= s.minLength!)) return false;
  if (s.maxLength !== undefined && !lengths.some((n) => n <= s.maxLength!)) return false;
  if (s.pattern !== undefined) {
    // Without the u flag, as zod runs its own patterns.
    let re: RegExp | undefined;
    try {
      re = new RegExp(s.pattern);
    } catch {
      re = undefined;
    }
    if (re && !re.test(v)) return false;
  }
  const format = s.format && FORMATS[s.format];
  if (format && !format(v)) return false;
  return true;
}

function numberOk(s: JsonSchema, n: number, integer: boolean): boolean {
  if (!Number.isFinite(n)) return false;
  if (integer && !Number.isInteger(n)) return false;
  if (s.minimum !== undefined && n < s.minimum) return false;
  if (s.maximum !== undefined && n > s.maximum) return false;
  if (s.exclusiveMinimum !== undefined && n <= s.exclusiveMinimum) return false;
  if (s.exclusiveMaximum !== undefined && n >= s.exclusiveMaximum) return false;
  return true;
}

/** Lenient: true unless v certainly breaks s (see the file comment). */
export function isValid(s: JsonSchema, v: unknown, depth = 0): boolean {
  if (depth > 40) return true;
  if (s.allOf && !s.allOf.every((b) => isValid(b, v, depth + 1))) return false;
  if (s.anyOf || s.oneOf) {
    const { anyOf: _a, oneOf: _o, ...rest } = s;
    return (s.anyOf ?? s.oneOf)!.some((b) => isValid({ ...rest, ...b }, v, depth + 1));
  }
  if (typeof v === 'string') return stringVariants(v).some((x) => isValidExact(s, x, depth));
  return isValidExact(s, v, depth);
}

function stringVariants(v: string): unknown[] {
  const out: unknown[] = [v, v.trim(), v.toLowerCase(), v.trim().toLowerCase(), v.toUpperCase()];
  const t = v.trim();
  if (t !== '' && !Number.isNaN(Number(t))) out.push(Number(t));
  if (t === '') out.push(0);
  if (t === 'true' || t === 'false') out.push(t === 'true');
  return out;
}

function isValidExact(s: JsonSchema, v: unknown, depth: number): boolean {
  if (s.const !== undefined && JSON.stringify(s.const) !== JSON.stringify(v)) return false;
  if (s.enum && !s.enum.some((e) => JSON.stringify(e) === JSON.stringify(v))) return false;
  const t = jsonTypeOf(v);
  if (!acceptsType(s, t)) return false;
  const types = typesOf(s);
  switch (t) {
    case 'string':
      return stringOk(s, v as string);
    case 'integer':
    case 'number':
      return numberOk(s, v as number, types !== 'any' && !types.includes('number') && types.includes('integer'));
    case 'array': {
      const a = v as unknown[];
      if (s.minItems !== undefined && a.length < s.minItems) return false;
      if (s.maxItems !== undefined && a.length > s.maxItems) return false;
      return a.every((item, i) => {
        const itemSchema = s.prefixItems?.[i] ?? s.items;
        if (itemSchema === false) return false;
        return itemSchema ? isValid(itemSchema, item, depth + 1) : true;
      });
    }
    case 'object': {
      const o = v as Record<string, unknown>;
      for (const key of s.required ?? []) if (!(key in o) && s.properties?.[key]?.default === undefined) return false;
      for (const [key, value] of Object.entries(o)) {
        const ps = s.properties?.[key];
        if (ps) {
          if (!isValid(ps, value, depth + 1)) return false;
        } else if (s.additionalProperties === false) {
          return false;
        } else if (s.additionalProperties && typeof s.additionalProperties === 'object' && !isValid(s.additionalProperties, value, depth + 1)) {
          return false;
        }
      }
      return true;
    }
    default:
      return true;
  }
}

/**
 * Whether any string (or object key) in v holds text PostgreSQL cannot store — a NUL character or
 * a lone surrogate: refused for every route (src/http/input-guard.ts).
 */
export function hasUnstorableText(v: unknown): boolean {
  const unstorable = (text: string) => text.includes('\u0000') || !text.isWellFormed();
  if (typeof v === 'string') return unstorable(v);
  if (v && typeof v === 'object') return Object.entries(v).some(([k, x]) => unstorable(k) || hasUnstorableText(x));
  return false;
}
