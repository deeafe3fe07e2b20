/**
 * The one error type of the product (isomorphic). A closed set of codes, each with its HTTP
 * status: a new code without a status does not compile. The web UI parses the same shape
 * back (`{ error: { code, message, fields? } }`, SPEC §12).
 */
import type { Message } from './i18n.js';

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

/** Field name → message text as it goes over the wire; nested fields use dotted paths (`contact.email`). */
export type FieldErrors = Record<string, string>;

/**
 * Field name → what is wrong with it, as the domain says it: a `Message` (key + parameters) that
 * an edge renders in the reader's language (issue 18), several when more than one thing is wrong
 * (a password that is too short and too common: rendered as one text, sentences in order), or
 * text from code not yet moved to keys.
 */
export type FieldMessages = Record<string, string | Message | readonly Message[]>;

/** A broken rule with a stable id (e.g. certificate rules R3.9), for callers that act on the id. */
export interface RuleViolation {
  rule: string;
  message: string;
}

/** A rule violation as the domain says it (the message still to be rendered at an edge). */
export interface RuleViolationMessage {
  rule: string;
  message: string | Message;
}

/** Turns a message into text; the edges pass the composed catalogue's `render` for the reader's language. */
export type Renderer = (message: string | Message) => string;

/** Without a catalogue (logs, tests of the domain): the key stands for the text. */
const keyAsText: Renderer = (message) => (typeof message === 'string' ? message : message.key);

function isMessageList(value: FieldMessages[string]): value is readonly Message[] {
  return Array.isArray(value);
}

export interface ErrorBody {
  error: { code: ErrorCode; message: string; fields?: FieldErrors; violations?: RuleViolation[] };
}

/**
 * The one error type. Thrown with a `Message` (key + parameters, no text: issue 18) or, in code
 * not yet moved to keys, with text. `message` (Error's) holds the key for a keyed error, so logs
 * carry keys; the edges render `body(render)` in the reader's language.
 */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  /** What went wrong, as the domain says it. */
  readonly detail: string | Message;
  readonly fieldMessages?: FieldMessages;
  readonly violationMessages?: RuleViolationMessage[];

  constructor(code: ErrorCode, message: string | Message, fields?: FieldMessages, violations?: RuleViolationMessage[]) {
    super(typeof message === 'string' ? message : message.key);
    this.name = 'AppError';
    this.code = code;
    this.detail = message;
    this.fieldMessages = fields;
    this.violationMessages = violations;
    this.status = ERROR_STATUS[code];
  }

  /** Field errors as text (keys stand for text when no renderer is given). */
  fieldTexts(render: Renderer = keyAsText): FieldErrors | undefined {
    if (!this.fieldMessages) return undefined;
    return Object.fromEntries(Object.entries(this.fieldMessages).map(([name, m]) => [name, isMessageList(m) ? m.map(render).join(' ') : render(m)]));
  }

  /** @deprecated read `fieldTexts(render)` at an edge; kept for code not yet moved to keys. */
  get fields(): FieldErrors | undefined {
    return this.fieldTexts();
  }

  get violations(): RuleViolation[] | undefined {
    return this.violationMessages?.map((v) => ({ rule: v.rule, message: keyAsText(v.message) }));
  }

  /** The SPEC §12 body, every message rendered with `render` (the reader's language at an edge). */
  body(render: Renderer = keyAsText): ErrorBody {
    const fields = this.fieldTexts(render);
    return {
      error: {
        code: this.code,
        message: render(this.detail),
        ...(fields ? { fields } : {}),
        ...(this.violationMessages ? { violations: this.violationMessages.map((v) => ({ rule: v.rule, message: render(v.message) })) } : {}),
      },
    };
  }

  toBody(): ErrorBody {
    return this.body();
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
