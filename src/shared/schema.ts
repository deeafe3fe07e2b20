/**
 * Shared zod building blocks (isomorphic): identifiers, dates, e-mail, paging. Routes, forms,
 * the CLI and job payloads all validate with these, so a rule lives in one place.
 */
import { z } from 'zod';
import { validateInsz, validateKbo, validateNis } from './identifiers.js';
import { LANGUAGES } from './messages.js';
import { ERROR_STATUS, type ErrorCode } from './errors.js';

/**
 * Options for a cross-field rule (`.superRefine(rule, EVERY_PROBLEM)`): it runs even when a field
 * already failed (an INSZ that does not parse, a missing object), so a form and an API client get
 * every problem in one answer instead of two rounds (issue 18). It runs only on an object (never
 * on null, a string or an array sent in its place); its fields may still be missing or of the
 * wrong type, so the rule checks what it uses.
 */
export const EVERY_PROBLEM = {
  when: (payload: { value: unknown }) => typeof payload.value === 'object' && payload.value !== null && !Array.isArray(payload.value),
} as const;

/**
 * Issue 22: each identifier is one component of the OpenAPI documents (`#/components/schemas/Kbo`
 * …), with its format, what it accepts and an example, referenced wherever it is used.
 */
const IDENTIFIER_META = {
  kbo: {
    id: 'Kbo',
    format: 'kbo',
    description: 'A KBO/BCE enterprise number (R0.1): 10 digits, with or without dots and a leading BE; the answer writes it as 10 digits.',
    examples: ['0212.235.604'],
  },
  insz: {
    id: 'Insz',
    format: 'insz',
    description: 'A national number (INSZ/NISS, R0.2): 11 digits with a valid check number, with or without dots and a dash; the answer writes it as 11 digits.',
    examples: ['85.07.30-033.28'],
  },
  nis: { id: 'Nis', format: 'nis', description: 'A municipality NIS code (R0.3): 5 digits.', examples: ['11002'] },
} as const;

// The format names the identifier in the OpenAPI documents (a transform is invisible there), so
// API clients and the fuzz test (test/fuzz) know the field holds a KBO, INSZ or NIS.
function identifier(validate: typeof validateKbo, format: 'kbo' | 'insz' | 'nis') {
  return z.string().meta(IDENTIFIER_META[format]).transform((value, ctx) => {
    const r = validate(value);
    if (!r.valid) {
      for (const e of r.errors) ctx.addIssue({ code: 'custom', message: e, params: { messageKey: e } });
      return z.NEVER;
    }
    return r.normalized;
  });
}

/** A KBO number in any accepted input form, normalised to 10 digits (R0.1). */
export const Kbo = identifier(validateKbo, 'kbo');
/** An INSZ in any accepted input form, normalised to 11 digits (R0.2). */
export const Insz = identifier(validateInsz, 'insz');
/** A municipality NIS code (R0.3). */
export const Nis = identifier(validateNis, 'nis');

/** A municipality's NIS code as a form gives it: five digits (whether it exists is the service's question). */
export const NisCode = z.string().regex(/^\d{5}$/, { message: 'nis.length' }).meta({ examples: ['31005'] });

/** A calendar date written YYYY-MM-DD that exists ("format: date" in the OpenAPI documents). */
export const IsoDate = z.string().meta({ id: 'IsoDate', format: 'date', description: 'A calendar date that exists, written YYYY-MM-DD.', examples: ['2025-01-01'] }).refine(
  (s) => {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
    if (!m) return false;
    const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
    return d.toISOString().slice(0, 10) === s;
  },
  { message: 'date.invalid', params: { messageKey: 'date.invalid' } },
);

export const Language = z.enum(LANGUAGES);

export const Email = z.email().max(254);

/** A Belgian or international phone number as people write it: digits, spaces and . / ( ) -, optional leading +. */
export const Phone = z.string().trim().regex(/^\+?[\d ./()-]{6,20}$/, { message: 'phone.number' }).meta({ examples: ['+32 50 32 44 00'] });

export const Uuid = z.uuid().meta({ id: 'Uuid', description: 'The identifier the portal gave the object (a UUID).', examples: ['3f2b8c1e-6d4a-4e8b-9c1d-2a7e5f0b9d13'] });

/** Paging query parameters: page is 1-based; page size defaults to 10 (the portal's default). */
export const PageQuery = z.strictObject({
  page: z.coerce.number().int().min(1).max(1_000_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(10),
});

/** Where a page lies in the whole list: one component (`Paging`) that every paged answer refers to. */
export const Paging = z
  .object({
    total: z.number().int().min(0).meta({ description: 'How many items the whole list holds (with the filters applied).' }),
    page: z.number().int().min(1).meta({ description: 'This page, counted from 1.' }),
    pageSize: z.number().int().min(1).meta({ description: 'At most this many items per page.' }),
  })
  .meta({ id: 'Paging', examples: [{ total: 42, page: 1, pageSize: 10 }] });

/** A paged answer: the page's items beside the Paging fields. */
export function pageOf<T extends z.ZodType>(item: T) {
  return z.intersection(z.object({ items: z.array(item) }), Paging);
}

/**
 * The error body of SPEC §12. Its id makes it one component of the OpenAPI documents
 * (components.schemas.ErrorResponse), referenced by every error answer instead of repeated.
 */
export const ErrorResponse = z
  .object({
    error: z.object({
      code: z.enum(Object.keys(ERROR_STATUS) as [ErrorCode, ...ErrorCode[]]).meta({ description: 'What went wrong, for programs: stable across languages and versions; each code has one HTTP status.' }),
      message: z.string().meta({ description: 'What went wrong, for people, in the language the request asked for (Accept-Language or the person’s choice).' }),
      fields: z.record(z.string(), z.string()).optional().meta({ description: 'Per field (dotted path for nested fields, e.g. `contact.email`): what is wrong with it.' }),
      violations: z.array(z.object({ rule: z.string(), message: z.string() })).optional().meta({ description: 'The business rules the request breaks, each with its stable id.' }),
    }),
  })
  .meta({ id: 'ErrorResponse' });
