import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from './test-app.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext({
    beforeReady: (app) => {
      app.get('/api/v1/test/boom', { config: { access: 'public' } }, async () => {
        throw new Error('secret internal detail: password=hunter2');
      });
    },
  });
});
afterAll(async () => ctx?.close());

describe('HTTP platform', () => {
  it('answers /health and /ready', async () => {
    expect((await ctx.app.inject('/health')).json()).toEqual({ status: 'ok' });
    expect((await ctx.app.inject('/ready')).json()).toEqual({ status: 'ready' });
  });

  it('serves an OpenAPI document generated from the route schemas', async () => {
    const doc = (await ctx.app.inject('/api/v1/openapi.json')).json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/v1/session', '/api/v1/session/login', '/api/v1/mergers', '/api/v1/organisations/{organisationId}']),
    );
    expect(doc.paths['/api/v1/mergers'].get.responses['200']).toBeDefined();
    expect((await ctx.app.inject('/api/docs/')).statusCode).toBe(200);
  });

  it('hides the internals of a 500 and gives a request id instead', async () => {
    const res = await ctx.app.inject('/api/v1/test/boom');
    expect(res.statusCode).toBe(500);
    const body = res.json();
    expect(body.error.code).toBe('internal');
    expect(res.body).not.toContain('hunter2');
    expect(body.error.message).toContain(res.headers['x-request-id']);
  });

  it('answers unknown API paths with a JSON 404', async () => {
    const res = await ctx.app.inject('/api/v1/does-not-exist');
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('not_found');
  });

  it('answers malformed JSON with a 400, not a 500', async () => {
    const client = ctx.client();
    await client.get('/api/v1/session');
    const res = await client.request({
      method: 'POST',
      url: '/api/v1/session/login',
      payload: '{"username": ',
      headers: { 'content-type': 'application/json' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('bad_request');
  });

  it('refuses NUL characters naming the fields, at most 20 of them however many there are', async () => {
    const client = ctx.client();
    await client.get('/api/v1/session');
    const one = await client.request({ method: 'POST', url: '/api/v1/session/login', payload: { username: 'a\u0000b', password: 'x' } });
    expect(one.statusCode).toBe(400);
    expect(Object.keys(one.json().error.fields)).toEqual(['username']);
    const many = await client.request({ method: 'POST', url: '/api/v1/public/help-requests', payload: { kinds: Array.from({ length: 5_000 }, () => '\u0000') } });
    expect(many.statusCode).toBe(400);
    expect(Object.keys(many.json().error.fields)).toEqual(Array.from({ length: 20 }, (_, i) => `kinds.${i}`));
    expect(many.body.length).toBeLessThan(5_000);
  });

  it('refuses half a character (a lone surrogate) naming the field: text PostgreSQL could not store (review, issue 20)', async () => {
    const client = ctx.client();
    await client.get('/api/v1/session');
    const res = await client.request({ method: 'POST', url: '/api/v1/public/help-requests', payload: { surname: 'Pee\ud800ters', message: 'dank u 😀' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields).toEqual({ surname: expect.stringContaining('half teken') });
  });

  it('answers a too long path parameter with its own 4xx in the error shape', async () => {
    const res = await ctx.app.inject(`/api/v1/help-requests/${'a'.repeat(200)}`);
    expect(res.statusCode).toBe(414);
    expect(res.json().error.code).toBe('bad_request');
  });

  it('sends security headers', async () => {
    const res = await ctx.app.inject('/api/v1/session');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  it('refuses to start with an API route that has no access rule', async () => {
    await expect(
      createTestContext({
        beforeReady: (app) => {
          app.get('/api/v1/test/unprotected', async () => ({}));
        },
      }),
    ).rejects.toThrow(/no access rule/);
  });

  it('reports not ready when the database is gone', async () => {
    await ctx.database.close();
    const res = await ctx.app.inject('/ready');
    expect(res.statusCode).toBe(503);
  });
});
