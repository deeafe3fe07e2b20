import type { FastifyInstance, FastifyRequest } from 'fastify';

/**
 * What goes into a log line (issue 16): never an INSZ, e-mail address, password, token or
 * session id — in a URL (path or query string), a header or a logged object.
 */
const INSZ = /(?<!\d)(\d{2}[.]?\d{2}[.]?\d{2}[-]?\d{3}[.]?\d{2})(?!\d)/g;
const EMAIL = /[^\s/?&=#:;,]+(@|%40)[^\s/?&=#;,]+/gi;
// `code` and `state`: an identity provider's answer at the OIDC callback (issue 21).
const SENSITIVE_PARAM = /^(insz|e-?mail|.*pass.*|.*token.*|.*secret.*|session.*|key|q|search|query|name|surname|firstname|code|state)$/i;

const mask = (s: string) => s.replace(EMAIL, '[email]').replace(INSZ, '[insz]');

/** A URL as it may be logged: sensitive query values replaced, INSZ and e-mail shapes masked. */
export function sanitizeUrl(url: string): string {
  const q = url.indexOf('?');
  if (q < 0) return mask(url);
  const query = url
    .slice(q + 1)
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=');
      if (eq < 0) return mask(pair);
      const key = pair.slice(0, eq);
      return SENSITIVE_PARAM.test(decodeURIComponentSafe(key)) ? `${key}=[redacted]` : `${mask(key)}=${mask(pair.slice(eq + 1))}`;
    })
    .join('&');
  return `${mask(url.slice(0, q))}?${query}`;
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/**
 * Issue 24: an error as it may be logged. Its texts carry what the failing statement held — a
 * database error's `detail` names the row ("Failing row contains (…, 85073003328)", "Key (insz)=…")
 * — so every string in it (message, stack, detail, a cause's) has its INSZ and e-mail shapes masked.
 */
export function sanitizeError(error: unknown, depth = 0): unknown {
  if (typeof error === 'string') return mask(error);
  if (error === null || typeof error !== 'object' || depth > 3) return error;
  if (Array.isArray(error)) return error.map((e) => sanitizeError(e, depth + 1));
  const out: Record<string, unknown> = {};
  if (error instanceof Error) {
    out.type = error.constructor.name;
    out.message = mask(error.message);
    if (error.stack) out.stack = mask(error.stack);
  }
  for (const [key, value] of Object.entries(error)) out[key] = sanitizeError(value, depth + 1);
  if (error instanceof Error && error.cause !== undefined) out.cause = sanitizeError(error.cause, depth + 1);
  return out;
}

/** The client's x-request-id becomes the log id only when it is short and plain. */
export const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

const SECRET_KEYS = ['password', 'currentPassword', 'newPassword', 'newPasswordConfirm', 'token', 'temporaryPassword', 'insz', 'email', 'to', 'toAddress', 'cookie', 'authorization', 'sessionId', 'csrfToken'];

/** pino options: the request serializer with a clean URL, and redaction of secret fields at any of three levels. */
export function loggerOptions(level: string, stream?: NodeJS.WritableStream) {
  return {
    level,
    ...(stream ? { stream } : {}),
    redact: {
      paths: [
        'req.headers.authorization',
        'req.headers.cookie',
        'req.headers["x-csrf-token"]',
        'res.headers["set-cookie"]',
        ...SECRET_KEYS,
        ...SECRET_KEYS.map((k) => `*.${k}`),
        ...SECRET_KEYS.map((k) => `*.*.${k}`),
      ],
      censor: '[redacted]',
    },
    serializers: {
      err: (error: Error) => sanitizeError(error) as { type: string; message: string; stack: string; [key: string]: unknown },
      cause: sanitizeError,
      req(req: { method: string; url: string; hostname?: string; ip?: string; socket?: { remotePort?: number } }) {
        return { method: req.method, url: sanitizeUrl(req.url), hostname: req.hostname, remoteAddress: req.ip, remotePort: req.socket?.remotePort };
      },
    },
  };
}

type SecurityKind = 'login.success' | 'login.failure' | 'login.lockout' | 'role.switch' | 'password.change' | 'password.setup' | 'token.use' | 'token.refused' | 'admin.action';

/** Which security event a finished request was, if any (the route pattern and the status decide). */
export function securityEventOf(method: string, route: string | undefined, access: string | undefined, status: number): SecurityKind | undefined {
  if (method === 'POST' && route === '/api/v1/session/login') return status === 200 ? 'login.success' : status === 423 || status === 429 ? 'login.lockout' : status === 401 ? 'login.failure' : undefined;
  if (method === 'POST' && route === '/api/v1/session/context' && status === 200) return 'role.switch';
  if (method === 'POST' && route === '/api/v1/me/password' && status === 204) return 'password.change';
  if (method === 'POST' && route === '/api/v1/session/setup-password') return status === 204 ? 'password.setup' : undefined;
  if (access === 'institution') return status === 401 ? 'token.refused' : 'token.use';
  if (access === 'admin' && method !== 'GET' && method !== 'HEAD') return 'admin.action';
  return undefined;
}

/** Logs security events with the request id (`reqId`, from pino) once the answer is known. */
export function registerSecurityLog(app: FastifyInstance): void {
  app.addHook('onResponse', async (request: FastifyRequest, reply) => {
    const kind = securityEventOf(request.method, request.routeOptions.url, request.routeOptions.config?.access, reply.statusCode);
    if (!kind) return;
    const body = request.body as { username?: unknown } | undefined;
    request.log.info(
      {
        security: kind,
        route: request.routeOptions.url,
        status: reply.statusCode,
        userId: request.actor?.userId,
        username: kind.startsWith('login') && typeof body?.username === 'string' ? body.username.slice(0, 100) : request.actor?.username,
        role: request.actor?.context?.role,
        institutionClient: request.institution?.clientId,
      },
      `security event ${kind}`,
    );
  });
}
