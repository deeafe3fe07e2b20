import helmet, { type HelmetOptions } from 'helmet';
import type { FastifyInstance } from 'fastify';

/**
 * The security headers (helmet's: CSP, frame denial, no sniffing, HSTS…) worked out ONCE. The
 * Fastify helmet plugin builds helmet's middleware again for every request (parsing the CSP
 * directives each time), which cost the vendor API's polls more CPU than its database read
 * (issue 20). The headers depend only on the options, so every answer gets the same set.
 */
export function securityHeadersOf(options: HelmetOptions): Record<string, string> {
  const headers: Record<string, string> = {};
  const response = {
    setHeader: (name: string, value: string | number | readonly string[]) => void (headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value)),
    removeHeader: (name: string) => void delete headers[name.toLowerCase()],
  };
  let failure: unknown;
  helmet(options)({} as never, response as never, (error?: unknown) => void (failure = error));
  if (failure) throw failure;
  return headers;
}

/** Sets the headers of `securityHeadersOf(options)` on every answer of the app (at onRequest, so errors carry them too). */
export function registerSecurityHeaders(app: FastifyInstance, options: HelmetOptions): void {
  const headers = securityHeadersOf(options);
  app.addHook('onRequest', (_request, reply, done) => {
    reply.headers(headers);
    done();
  });
}
