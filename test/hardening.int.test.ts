/**
 * Issue 17: the findings of the attack review, one describe each. Every test here failed on the
 * code before its fix; docs/SECURITY.md ("Hardening (issue 17)") says what each one proves.
 */
import { performance } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from './test-app.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
}, 60_000);
afterAll(async () => ctx?.close());

function errorOf(res: { statusCode: number; json(): unknown }) {
  return (res.json() as { error: { code: string; message: string; fields?: Record<string, string> } }).error;
}

describe('1. anonymous CPU exhaustion: nesting, body limits, timeouts', () => {
  it('refuses a body of nested brackets before parsing it, without a cookie: 400 naming the nesting, about as fast as a flat body', async () => {
    // A route with the 1 MiB limit (refused later for want of a session) and the citizen form (its own limit).
    for (const [url, size] of [['/api/v1/mergers', 1_000_000], ['/api/v1/public/help-requests', 40_000]] as const) {
      const nested = '['.repeat(size);
      const flat = JSON.stringify({ message: 'x'.repeat(size - 20) });
      const timed = async (payload: string) => {
        const t0 = performance.now();
        const res = await ctx.app.inject({ method: 'POST', url, payload, headers: { 'content-type': 'application/json' } });
        return { res, ms: performance.now() - t0 };
      };
      const deep = await timed(nested);
      const plain = await timed(flat);
      console.log(`${url}: nested ${size} B → ${deep.res.statusCode} in ${deep.ms.toFixed(1)} ms; flat ${size} B → ${plain.res.statusCode} in ${plain.ms.toFixed(1)} ms`);
      expect(deep.res.statusCode, url).toBe(400);
      expect(errorOf(deep.res).fields, url).toHaveProperty('body');
    }
  });

  it('accepts nesting up to OCMW_JSON_MAX_DEPTH and counts brackets inside strings as text', async () => {
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/session/login',
      payload: JSON.stringify({ username: '[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[', password: '{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{"\\' }),
      headers: { 'content-type': 'application/json' },
    });
    expect(res.statusCode).not.toBe(400);
  });

  it('gives the citizen form the body limit it needs: 64 KiB is refused with 413', async () => {
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/public/help-requests',
      payload: JSON.stringify({ message: 'x'.repeat(65 * 1024) }),
      headers: { 'content-type': 'application/json' },
    });
    expect(res.statusCode).toBe(413);
    expect(errorOf(res).code).toBe('payload_too_large');
  });

  it('sets request, header and keep-alive timeouts on the server from the configuration', async () => {
    const server = ctx.app.server;
    expect(server.requestTimeout).toBe(ctx.config.http.requestTimeoutMs);
    expect(server.headersTimeout).toBe(ctx.config.http.headersTimeoutMs);
    expect(server.keepAliveTimeout).toBe(ctx.config.http.keepAliveTimeoutMs);
    expect(server.requestTimeout).toBeLessThanOrEqual(30_000);
    expect(server.headersTimeout).toBeLessThanOrEqual(15_000);
  });
});
