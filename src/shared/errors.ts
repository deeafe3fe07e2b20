/**
 * The one error type of the product (isomorphic). A closed set of codes, each with its HTTP
 * status: a new code without a status does not compile. The web UI parses the same shape
 * back (`{ error: { code, message, fields? } }`, SPEC §12).
 */
export const ERROR_STATUS = {
  validation: 400,
  bad_request: 400,
  unauthenticated: 401,
  csrf: 403,
  forbidden: 403,
  context_required: 403,
  account_blocked: 403,
  password_change_required: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rule_violation: 422,
  locked: 423,
  rate_limited: 429,
  internal: 500,
  unavailable: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

/** Field name → message; nested fields use dotted paths (`contact.email`). */
export type FieldErrors = Record<string, string>;

/** A broken rule with a stable id (e.g. certificate rules R3.9), for callers that act on the id. */
export interface RuleViolation {
  rule: string;
  message: string;
}

export interface ErrorBody {
  error: { code: ErrorCode; message: string; fields?: FieldErrors; violations?: RuleViolation[] };
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly fields?: FieldErrors;
  readonly violations?: RuleViolation[];
  readonly status: number;

  constructor(code: ErrorCode, message: string, fields?: FieldErrors, violations?: RuleViolation[]) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.fields = fields;
    this.violations = violations;
    this.status = ERROR_STATUS[code];
  }

  toBody(): ErrorBody {
    return {
      error: {
        code: this.code,
        message: this.message,
        ...(this.fields ? { fields: this.fields } : {}),
        ...(this.violations ? { violations: this.violations } : {}),
      },
    };
  }
}

export function isErrorBody(value: unknown): value is ErrorBody {
  return (
    typeof value === 'object' &&
    value !== null &&
    'error' in value &&
    typeof (value as ErrorBody).error?.code === 'string' &&
    typeof (value as ErrorBody).error?.message === 'string'
  );
}
